"""Resume file type detection from the content alone, and the checks an upload passes before it is stored."""

from __future__ import annotations

import codecs
import io
import math
import re
import zipfile

import filetype
from filetype.types import Type as FileKind
from PIL import Image

from recruitment_core.extraction.common import (
    BYTES_PER_MB,
    SUPPORTED_HINT,
    ExtractionError,
    damaged_image,
    empty_file,
)
from recruitment_core.extraction.plain_text import is_plain_text

# filetype extensions -> words a recruiter recognises in an error message.
_FORMAT_NAMES = {
    "gif": "GIF image",
    "bmp": "BMP image",
    "tif": "TIFF image",
    "webp": "WebP image",
    "heic": "HEIC photo",
    "psd": "Photoshop image",
    "zip": "ZIP archive",
    "rar": "RAR archive",
    "7z": "7-Zip archive",
    "gz": "gzip archive",
    "tar": "TAR archive",
    "exe": "Windows executable",
    "elf": "Linux executable",
    "xls": "legacy Excel spreadsheet (.xls)",
    "ppt": "legacy PowerPoint presentation (.ppt)",
    "xlsx": "Excel spreadsheet",
    "pptx": "PowerPoint presentation",
    "odt": "OpenDocument file",
    "ods": "OpenDocument spreadsheet",
    "odp": "OpenDocument presentation",
    "epub": "EPUB e-book",
    "ps": "PostScript file",
}
# Formats stored as ZIP containers: they must be opened to tell DOCX and ODT from the rest.
_ZIP_CONTAINERS = {"zip", "docx", "xlsx", "pptx", "odt", "ods", "odp", "epub"}
# Formats that are text on disk but are markup we cannot read as a resume.
_TEXT_MARKUP_FORMATS = {"ps"}
_ODT_MIMETYPES = {b"application/vnd.oasis.opendocument.text", b"application/vnd.oasis.opendocument.text-template"}

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Password-protected DOCX/XLSX are OLE containers holding a stream with this (UTF-16) name.
_OLE_ENCRYPTED_MARKER = "EncryptedPackage".encode("utf-16-le")
# Word 97-2003 documents keep their text in a stream of this name.
_OLE_WORD_STREAM = "WordDocument".encode("utf-16-le")


def check_upload(data: bytes, *, max_bytes: int) -> str:
    """Validate an upload before anything is stored; returns one of RESUME_KINDS."""
    if len(data) > max_bytes:
        raise ExtractionError(
            "too_large",
            f"The file is {_size_mb(len(data), round_up=True)} MB; resumes can be at most "
            f"{_size_mb(max_bytes)} MB. Upload a smaller file (for example, export the PDF without images).",
        )
    return detect_resume_type(data)


def detect_resume_type(data: bytes, filename: str = "") -> str:
    """Return one of RESUME_KINDS from the content alone.

    `filename` is accepted for callers' convenience but deliberately ignored: extensions lie.
    """
    del filename
    if not data.strip():
        raise empty_file()
    guess = filetype.guess(data)
    extension = guess.extension if guess else None
    if extension == "pdf":
        return "pdf"
    if extension in ("png", "jpg"):
        return _check_image(data)
    if data.lstrip()[:5] == b"{\\rtf":
        return "rtf"
    if extension in _ZIP_CONTAINERS:
        return _classify_zip(data, extension)
    if data.startswith(_OLE_MAGIC):
        return _classify_ole(data, extension)
    markup = _markup_format(data)
    if markup:
        raise _unsupported(markup)
    # Text wins over weak binary magics: a resume starting "BM..." or "MZ..." is not a BMP or an .exe.
    if extension not in _TEXT_MARKUP_FORMATS and is_plain_text(data):
        return "txt"
    raise _unsupported(_FORMAT_NAMES.get(extension or "", _describe_unknown(guess)))


# Web pages, SVG images and other XML are text on disk but markup, not a resume we can read; entity
# declarations in them are also the carrier of "billion laughs" expansion. A plain-text resume never starts
# with a tag.
_MARKUP_START = re.compile(rb"^(?:\xef\xbb\xbf)?\s*<[!?a-zA-Z]")
_MARKUP_SAMPLE_BYTES = 4096


def _markup_format(data: bytes) -> str | None:
    sample = data[:_MARKUP_SAMPLE_BYTES]
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        sample = sample.decode("utf-16", errors="ignore").encode("utf-8")
    if not _MARKUP_START.match(sample):
        return None
    lowered = sample.lower()
    if b"<svg" in lowered:
        return "vector image (SVG)"
    if b"<html" in lowered or b"<!doctype html" in lowered or b"<body" in lowered:
        return "web page (HTML)"
    return "markup file (XML)"


# What a Word or OpenDocument file may expand to, all parts together: a real resume, images included, stays
# far below it; a "zip bomb" (gigabytes of repeated bytes compressed into a few megabytes) does not. Sizes
# are those the archive declares, which also bound what zipfile will ever decompress.
_MAX_DOCUMENT_EXPANDED_BYTES = 100 * BYTES_PER_MB


def _classify_zip(data: bytes, extension: str) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            _check_expanded_size(archive)
            if "word/document.xml" in names:
                return "docx"
            if "content.xml" in names and _odf_mimetype(archive, names) in _ODT_MIMETYPES:
                return "odt"
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise ExtractionError(
            "corrupt",
            "This Word document or ZIP file is damaged or incomplete. "
            "Open it, save it again (or export it as PDF), then upload it again.",
        ) from exc
    raise _unsupported(_FORMAT_NAMES.get(extension, "ZIP archive"))


def _check_expanded_size(archive: zipfile.ZipFile) -> None:
    expanded = sum(info.file_size for info in archive.infolist())
    if expanded > _MAX_DOCUMENT_EXPANDED_BYTES:
        raise ExtractionError(
            "too_complex",
            f"This file expands to {_size_mb(expanded, round_up=True)} MB when opened; documents can expand to at "
            f"most {_size_mb(_MAX_DOCUMENT_EXPANDED_BYTES)} MB. It may be damaged or built to overload readers: "
            "ask the candidate to export it again (for example, as a PDF).",
        )


def _check_image(data: bytes) -> str:
    # Only the header is read (cheap), so a broken scan is refused at upload like a broken DOCX.
    try:
        with Image.open(io.BytesIO(data)) as image:
            kind = {"PNG": "png", "JPEG": "jpeg"}.get(image.format or "")
            if kind and image.width > 0 and image.height > 0:
                return kind
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        pass
    raise damaged_image()


def _odf_mimetype(archive: zipfile.ZipFile, names: set[str]) -> bytes:
    # OpenDocument files name their type in a small "mimetype" member (read with a bound: it could be a bomb).
    if "mimetype" not in names:
        return b""
    with archive.open("mimetype") as member:
        return member.read(200).strip()


def _classify_ole(data: bytes, extension: str | None) -> str:
    # Old Office files and password-protected new ones share the OLE container format.
    if _OLE_ENCRYPTED_MARKER in data:
        raise ExtractionError(
            "encrypted",
            "This Office document is password-protected. Remove the password (or export it as PDF) "
            "and upload it again.",
        )
    if extension == "doc" or _OLE_WORD_STREAM in data:
        return "doc"
    raise _unsupported(_FORMAT_NAMES.get(extension or "", "legacy Microsoft Office file"))


def _describe_unknown(guess: FileKind | None) -> str:
    if guess is None:
        return "unrecognised binary file"
    return f"{guess.extension.upper()} file ({guess.mime})"


def _unsupported(format_name: str) -> ExtractionError:
    article = "an" if format_name[0].lower() in "aeiou" else "a"
    return ExtractionError(
        "unsupported_type",
        f"This file is {article} {format_name}, not a resume document we can read. {SUPPORTED_HINT}",
    )


def _size_mb(size: int, *, round_up: bool = False) -> str:
    megabytes = size / BYTES_PER_MB
    if round_up:
        # Rounding up keeps "11 MB over a 10 MB limit" from printing as "10 MB".
        megabytes = math.ceil(megabytes * 10) / 10
    return f"{megabytes:.1f}".removesuffix(".0")
