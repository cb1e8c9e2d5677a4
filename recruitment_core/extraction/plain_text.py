"""Plain-text resumes: decoding (UTF-8, UTF-16 with a BOM, cp1252) and telling text from binary."""

from __future__ import annotations

import codecs

from recruitment_core.extraction.common import Extraction, empty_file

# A resume is prose: allow a few stray control characters, reject anything mostly binary.
_MIN_PRINTABLE_RATIO = 0.95
# Enough characters to judge "mostly printable" without scanning a whole large file.
_TEXT_SAMPLE_CHARS = 100_000


def _text_encodings(data: bytes) -> tuple[str, ...]:
    # UTF-16 is only trusted with a BOM. cp1252 covers legacy Windows exports: it decodes any real
    # text and rejects only 5 undefined bytes, so the printable check does the real filtering.
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return ("utf-16",)
    return ("utf-8-sig", "cp1252")


def _decode_text_strict(data: bytes) -> str | None:
    for encoding in _text_encodings(data):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def is_plain_text(data: bytes) -> bool:
    text = _decode_text_strict(data)
    if text is None or not _looks_like_text(text):
        return False
    if not text.strip():
        raise empty_file()  # e.g. a UTF-16 file holding only a BOM and spaces
    return True


def _looks_like_text(text: str) -> bool:
    sample = text[:_TEXT_SAMPLE_CHARS]
    if "\x00" in sample:
        return False
    printable = sum(1 for char in sample if char.isprintable() or char in "\t\n\r\f\v")
    return printable >= _MIN_PRINTABLE_RATIO * len(sample)


def extract_txt(data: bytes) -> Extraction:
    text = _decode_text_strict(data)
    if text is None:
        # Only for damaged bytes: U+FFFD marks them visibly instead of silently dropping text.
        text = data.decode(_text_encodings(data)[-1], errors="replace")
    return Extraction(text=text)
