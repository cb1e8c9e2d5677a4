"""The external programs resume extraction runs, as the caller configures them.

Core reads no environment: the Django settings (TESSERACT_CMD, TESSERACT_LANGUAGES, ANTIWORD_CMD) or a script's
own arguments build one ExternalTools and pass it to `extract_text` or `extract_text_limited`.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ExternalTools:
    """Where the OCR and legacy Word readers are, and which OCR language data to use."""

    tesseract_cmd: str = "tesseract"  # a name looked up on PATH, or a path
    tesseract_languages: str = "eng"  # installed tesseract language data, e.g. "eng+deu"
    antiword_cmd: str = "antiword"  # a name looked up on PATH, or a path


DEFAULT_TOOLS = ExternalTools()
