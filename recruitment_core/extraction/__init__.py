"""Resume file type detection and text extraction.

Reads PDF (multi-column layouts in reading order, running headers, footers and page numbers removed,
scanned pages through OCR), DOCX, legacy DOC (through the `antiword` tool), ODT, RTF, plain text, and
PNG/JPEG scans (OCR).

Pure Python, shared by the Django ingestion app and the AI service. The type is decided from the
file's content, never its name: recruiters upload renamed, mislabelled and exported files all the time.
Every failure is an ExtractionError with a stable `code` the API returns as JSON, and a message a
recruiter can act on. Nothing here ever invents text: a document without text yields "". Text a reader
cannot see (white, tiny, off-page or invisible) is left out and reported in `red_flags`, because hidden
keywords are a known way to game resume screening.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from functools import partial

from recruitment_core.extraction.common import (
    RESUME_KINDS,
    SUPPORTED_HINT,
    ExtractedText,
    Extraction,
    ExtractionError,
    normalise_text,
)
from recruitment_core.extraction.detection import check_upload, detect_resume_type
from recruitment_core.extraction.doc import extract_doc
from recruitment_core.extraction.docx_reader import extract_docx
from recruitment_core.extraction.images import extract_image
from recruitment_core.extraction.odt import extract_odt
from recruitment_core.extraction.pdf import extract_pdf
from recruitment_core.extraction.plain_text import extract_txt
from recruitment_core.extraction.rtf import extract_rtf
from recruitment_core.limits import DEFAULT_LIMITS, ResumeLimits, cut_text
from recruitment_core.tools import DEFAULT_TOOLS, ExternalTools

# Why hidden words were left out, in the order the red flag lists them.
_HIDDEN_REASONS = {"white": "white", "tiny": "tiny", "off_page": "off-page", "invisible": "invisible"}


def extract_text(
    data: bytes, kind: str, *, limits: ResumeLimits = DEFAULT_LIMITS, tools: ExternalTools = DEFAULT_TOOLS
) -> ExtractedText:
    """Extract normalised text from a file whose kind came from detect_resume_type().

    At most `limits.max_pages` pages of a PDF are read and `limits.max_chars` characters kept; each cap that
    is hit adds a red flag. `tools` says where tesseract (scans) and antiword (.doc) are.
    """
    reader = _reader(kind, limits, tools)
    if reader is None:
        raise ExtractionError("unsupported_type", f'"{kind}" files cannot be read. {SUPPORTED_HINT}')
    found = reader(data)
    text, cut = cut_text(normalise_text(found.text), limits.max_chars)
    return ExtractedText(
        text=text,
        kind=kind,
        pages=found.pages,
        has_text_layer=bool(text) if found.has_text_layer is None else found.has_text_layer,
        ocr_used=found.ocr_used,
        ocr_pages=found.ocr_pages,
        red_flags=(*_hidden_text_flags(found.hidden), *found.notes, *([cut] if cut else [])),
    )


def _hidden_text_flags(hidden: Counter[str]) -> tuple[str, ...]:
    total = sum(hidden.values())
    if not total:
        return ()
    words, verb = ("1 word", "was") if total == 1 else (f"{total} words", "were")
    detail = ", ".join(f"{label} {hidden[reason]}" for reason, label in _HIDDEN_REASONS.items() if hidden[reason])
    return (f"hidden_text: {words} in white, tiny or off-page text {verb} ignored ({detail})",)


def _reader(kind: str, limits: ResumeLimits, tools: ExternalTools) -> Callable[[bytes], Extraction] | None:
    readers: dict[str, Callable[[bytes], Extraction]] = {
        "pdf": partial(extract_pdf, max_pages=limits.max_pages, tools=tools),
        "docx": extract_docx,
        "doc": partial(extract_doc, tools=tools),
        "odt": extract_odt,
        "rtf": extract_rtf,
        "txt": extract_txt,
        "png": partial(extract_image, tools=tools),
        "jpeg": partial(extract_image, tools=tools),
    }
    return readers.get(kind)


__all__ = [
    "RESUME_KINDS",
    "ExtractedText",
    "ExtractionError",
    "check_upload",
    "detect_resume_type",
    "extract_text",
    "normalise_text",
]
