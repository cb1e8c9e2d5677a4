"""PNG and JPEG scans, read through OCR, and the OCR errors every scan shares."""

from __future__ import annotations

import io

from PIL import Image

from recruitment_core import ocr
from recruitment_core.extraction.common import Extraction, ExtractionError, damaged_image
from recruitment_core.tools import DEFAULT_TOOLS, ExternalTools

# A scan larger than this (pixels) is refused rather than read.
_MAX_SCAN_PIXELS = 60_000_000


def require_ocr(tools: ExternalTools) -> None:
    if ocr.tesseract_command(tools.tesseract_cmd) is None:
        raise _ocr_unavailable("the tesseract program is not installed")


def _ocr_unavailable(reason: str) -> ExtractionError:
    return ExtractionError(
        "ocr_unavailable",
        f"This resume is a scanned image and text recognition (OCR) is not available on this server ({reason}). "
        "Ask the candidate for a PDF or Word file with selectable text, or ask an administrator to install "
        "tesseract-ocr.",
    )


def recognise(image: Image.Image, tools: ExternalTools) -> str:
    try:
        return ocr.recognise(image, tools=tools)
    except ocr.OcrUnavailableError as exc:
        raise _ocr_unavailable(str(exc)) from exc
    except ocr.OcrFailedError as exc:
        if exc.timed_out:
            raise ExtractionError(
                "timeout",
                f"Reading this scan took longer than {ocr.DEFAULT_TIMEOUT_SECONDS:g} seconds per page; "
                "it may be malformed. Ask the candidate for a PDF with selectable text.",
            ) from exc
        raise ExtractionError(
            "ocr_failed", f"Text recognition (OCR) failed on this scan: {exc}. Ask for a PDF with selectable text."
        ) from exc


def extract_image(data: bytes, *, tools: ExternalTools = DEFAULT_TOOLS) -> Extraction:
    require_ocr(tools)
    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.width * image.height > _MAX_SCAN_PIXELS:
                raise ExtractionError(
                    "too_complex",
                    f"This image is {image.width} x {image.height} pixels, too large to read. "
                    "Upload a smaller scan (300 dpi is enough).",
                )
            image.load()
            prepared = ocr.prepare_scan(image)
    except ExtractionError:
        raise
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        raise damaged_image() from exc
    return Extraction(text=recognise(prepared, tools), pages=1, has_text_layer=False, ocr_used=True, ocr_pages=1)
