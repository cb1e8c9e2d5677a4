"""Optical character recognition of scanned resumes with the `tesseract` command-line tool (Debian
package tesseract-ocr).

The binary runs as a child process with a timeout, so a pathological image cannot hang a worker. It is
found on PATH, or at the path the caller configures; the caller also picks the installed language data (default
"eng", e.g. "eng+deu"). Nothing here guesses: a missing tool or language is an error the caller reports.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess

from PIL import Image, ImageOps

from recruitment_core.tools import DEFAULT_TOOLS, ExternalTools

OCR_DPI = 300  # tesseract is trained on text of roughly this resolution
DEFAULT_TIMEOUT_SECONDS = 120.0
# Below this width (pixels) a page image is upscaled: tesseract misreads letters only a few pixels tall.
_MIN_WIDTH_PIXELS = 1600
_MAX_UPSCALE = 3


class OcrUnavailableError(Exception):
    """The tesseract binary or its language data is not installed."""


class OcrFailedError(Exception):
    """Tesseract ran but failed or timed out on this image."""

    def __init__(self, message: str, *, timed_out: bool = False) -> None:
        super().__init__(message)
        self.timed_out = timed_out


def tesseract_command(configured: str = DEFAULT_TOOLS.tesseract_cmd) -> str | None:
    """The path of the tesseract binary (`configured`: a name on PATH or a path), or None when it is not installed."""
    return shutil.which(configured)


def recognise(
    image: Image.Image, *, tools: ExternalTools = DEFAULT_TOOLS, timeout_seconds: float = DEFAULT_TIMEOUT_SECONDS
) -> str:
    """Text of a page image, as tesseract reads it (lines in reading order, paragraphs separated)."""
    command = tesseract_command(tools.tesseract_cmd)
    if command is None:
        raise OcrUnavailableError("the tesseract program is not installed")
    languages = tools.tesseract_languages
    # One OpenMP thread per page: workers already run in parallel, and oversubscription slows all of them. The
    # child inherits this process's environment (tesseract's own TESSDATA_PREFIX, say) with that one addition.
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    try:
        completed = subprocess.run(
            [command, "stdin", "stdout", "-l", languages, "--dpi", str(OCR_DPI), "--psm", "3"],
            input=_as_pgm(image),
            capture_output=True,
            timeout=timeout_seconds,
            env=env,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise OcrFailedError(f"tesseract took longer than {timeout_seconds:g} seconds", timed_out=True) from exc
    except OSError as exc:  # e.g. the binary exists but cannot be executed
        raise OcrUnavailableError(f"tesseract could not be started: {exc}") from exc
    if completed.returncode != 0:
        detail = completed.stderr.decode("utf-8", "replace").strip().splitlines()
        message = detail[-1] if detail else f"exit status {completed.returncode}"
        if any("language" in line.lower() or "data file" in line.lower() for line in detail):
            raise OcrUnavailableError(f"tesseract has no language data for {languages!r}: {message}")
        raise OcrFailedError(f"tesseract failed: {message}")
    return completed.stdout.decode("utf-8", "replace")


def prepare_scan(image: Image.Image) -> Image.Image:
    """Greyscale, upright (per the camera's EXIF orientation) and large enough for tesseract."""
    image = ImageOps.exif_transpose(image) or image
    image = image.convert("L")
    if image.width < _MIN_WIDTH_PIXELS:
        factor = min(_MAX_UPSCALE, -(-_MIN_WIDTH_PIXELS // max(image.width, 1)))
        image = image.resize((image.width * factor, image.height * factor), Image.Resampling.LANCZOS)
    return image


def _as_pgm(image: Image.Image) -> bytes:
    # Uncompressed greyscale: no time spent compressing what tesseract decompresses at once.
    out = io.BytesIO()
    image.convert("L").save(out, "PPM")
    return out.getvalue()
