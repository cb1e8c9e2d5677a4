"""Resume file type detection and text extraction (PDF, DOCX, plain text).

Pure Python, shared by the Django ingestion app and the AI service. The type is decided from the
file's content, never its name: recruiters upload renamed, mislabelled and exported files all the time.
Every failure is an ExtractionError with a stable `code` the API returns as JSON, and a message a
recruiter can act on. Nothing here ever invents text: a document without text yields "".
"""

from __future__ import annotations

import codecs
import io
import math
import re
import unicodedata
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass

import docx
import filetype
import pypdf
from docx.document import Document as DocxDocument
from docx.oxml.table import CT_Tc
from docx.table import Table
from docx.text.paragraph import Paragraph
from filetype.types import Type as FileKind
from pypdf.errors import DependencyError

RESUME_KINDS = ("pdf", "docx", "txt")

_SUPPORTED_HINT = "Upload the resume as a PDF, a Word document (.docx) or a plain-text file."

# filetype extensions -> words a recruiter recognises in an error message.
_FORMAT_NAMES = {
    "png": "PNG image",
    "jpg": "JPEG image",
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
    "doc": "legacy Word document (.doc)",
    "xls": "legacy Excel spreadsheet (.xls)",
    "ppt": "legacy PowerPoint presentation (.ppt)",
    "xlsx": "Excel spreadsheet",
    "pptx": "PowerPoint presentation",
    "odt": "OpenDocument text file",
    "ods": "OpenDocument spreadsheet",
    "odp": "OpenDocument presentation",
    "epub": "EPUB e-book",
    "rtf": "RTF document",
    "ps": "PostScript file",
}
# Formats stored as ZIP containers: they must be opened to tell DOCX from the rest.
_ZIP_CONTAINERS = {"zip", "docx", "xlsx", "pptx", "odt", "ods", "odp", "epub"}
# Formats that are text on disk but are markup we cannot read as a resume.
_TEXT_MARKUP_FORMATS = {"rtf", "ps"}

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Password-protected DOCX/XLSX are OLE containers holding a stream with this (UTF-16) name.
_OLE_ENCRYPTED_MARKER = "EncryptedPackage".encode("utf-16-le")

# A resume is prose: allow a few stray control characters, reject anything mostly binary.
_MIN_PRINTABLE_RATIO = 0.95
# Enough characters to judge "mostly printable" without scanning a whole large file.
_TEXT_SAMPLE_CHARS = 100_000
_BYTES_PER_MB = 1024 * 1024


class ExtractionError(Exception):
    """A resume file we cannot read. `code` is stable for APIs; the message is for recruiters."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class ExtractedText:
    """Normalised text of a resume. `has_text_layer` is False when there was no text to extract
    (e.g. a scanned PDF): the caller records "no text" rather than guessing."""

    text: str
    kind: str
    pages: int | None
    has_text_layer: bool


# --- type detection ----------------------------------------------------------------------------


def check_upload(data: bytes, *, max_bytes: int) -> str:
    """Validate an upload before anything is stored; returns "pdf", "docx" or "txt"."""
    if len(data) > max_bytes:
        raise ExtractionError(
            "too_large",
            f"The file is {_size_mb(len(data), round_up=True)} MB; resumes can be at most "
            f"{_size_mb(max_bytes)} MB. Upload a smaller file (for example, export the PDF without images).",
        )
    return detect_resume_type(data)


def detect_resume_type(data: bytes, filename: str = "") -> str:
    """Return "pdf", "docx" or "txt" from the content alone.

    `filename` is accepted for callers' convenience but deliberately ignored: extensions lie.
    """
    del filename
    if not data.strip():
        raise _empty_file()
    guess = filetype.guess(data)
    extension = guess.extension if guess else None
    if extension == "pdf":
        return "pdf"
    if extension in _ZIP_CONTAINERS:
        return _classify_zip(data, extension)
    if data.startswith(_OLE_MAGIC):
        _reject_ole(data, extension)
    # Text wins over weak binary magics: a resume starting "BM..." or "MZ..." is not a BMP or an .exe.
    if extension not in _TEXT_MARKUP_FORMATS and _is_plain_text(data):
        return "txt"
    raise _unsupported(_FORMAT_NAMES.get(extension or "", _describe_unknown(guess)))


def _classify_zip(data: bytes, extension: str) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError) as exc:
        raise ExtractionError(
            "corrupt",
            "This Word document or ZIP file is damaged or incomplete. "
            "Open it, save it again (or export it as PDF), then upload it again.",
        ) from exc
    if "word/document.xml" in names:
        return "docx"
    raise _unsupported(_FORMAT_NAMES.get(extension, "ZIP archive"))


def _reject_ole(data: bytes, extension: str | None) -> None:
    # Old Office files and password-protected new ones share the OLE container format.
    if _OLE_ENCRYPTED_MARKER in data:
        raise ExtractionError(
            "encrypted",
            "This Office document is password-protected. Remove the password (or export it as PDF) "
            "and upload it again.",
        )
    raise _unsupported(_FORMAT_NAMES.get(extension or "", "legacy Microsoft Office file"))


def _describe_unknown(guess: FileKind | None) -> str:
    if guess is None:
        return "unrecognised binary file"
    return f"{guess.extension.upper()} file ({guess.mime})"


def _unsupported(format_name: str) -> ExtractionError:
    article = "an" if format_name[0].lower() in "aeiou" else "a"
    return ExtractionError(
        "unsupported_type",
        f"This file is {article} {format_name}, not a resume document we can read. {_SUPPORTED_HINT}",
    )


def _empty_file() -> ExtractionError:
    return ExtractionError("empty_file", "The file is empty. Check that the right file was chosen and upload it again.")


def _size_mb(size: int, *, round_up: bool = False) -> str:
    megabytes = size / _BYTES_PER_MB
    if round_up:
        # Rounding up keeps "11 MB over a 10 MB limit" from printing as "10 MB".
        megabytes = math.ceil(megabytes * 10) / 10
    return f"{megabytes:.1f}".removesuffix(".0")


# --- text decoding and normalisation ------------------------------------------------------------


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


def _is_plain_text(data: bytes) -> bool:
    text = _decode_text_strict(data)
    if text is None or not _looks_like_text(text):
        return False
    if not text.strip():
        raise _empty_file()  # e.g. a UTF-16 file holding only a BOM and spaces
    return True


def _looks_like_text(text: str) -> bool:
    sample = text[:_TEXT_SAMPLE_CHARS]
    if "\x00" in sample:
        return False
    printable = sum(1 for char in sample if char.isprintable() or char in "\t\n\r\f\v")
    return printable >= _MIN_PRINTABLE_RATIO * len(sample)


_LINE_BREAKS = str.maketrans({"\f": "\n", "\v": "\n", "\x85": "\n", "\u2028": "\n", "\u2029": "\n"})
# Control characters (PostgreSQL rejects NUL in text columns) and invisible format characters.
_INVISIBLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_HORIZONTAL_SPACE = re.compile(r"[^\S\n]+")
_BLANK_LINE_RUNS = re.compile(r"\n{3,}")


def normalise_text(text: str) -> str:
    """Collapse runs of spaces, strip line ends, keep at most one blank line in a row.

    NFKC turns ligatures ("ﬁ" from PDFs) and non-breaking spaces into plain characters, so skills
    and names match downstream.
    """
    text = unicodedata.normalize("NFKC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_LINE_BREAKS)
    text = _INVISIBLE.sub("", text)
    lines = (_HORIZONTAL_SPACE.sub(" ", line).strip() for line in text.split("\n"))
    return _BLANK_LINE_RUNS.sub("\n\n", "\n".join(lines)).strip("\n")


# --- extraction --------------------------------------------------------------------------------


def extract_text(data: bytes, kind: str) -> ExtractedText:
    """Extract normalised text from a file whose kind came from detect_resume_type()."""
    extractors = {"pdf": _extract_pdf, "docx": _extract_docx, "txt": _extract_txt}
    if kind not in extractors:
        raise ExtractionError("unsupported_type", f'"{kind}" files cannot be read. {_SUPPORTED_HINT}')
    raw_text, pages = extractors[kind](data)
    text = normalise_text(raw_text)
    return ExtractedText(text=text, kind=kind, pages=pages, has_text_layer=bool(text))


def _extract_pdf(data: bytes) -> tuple[str, int]:
    reader = _open_pdf(data)
    try:
        page_texts = [page.extract_text() or "" for page in reader.pages]
    except DependencyError:
        raise  # a missing crypto library is an operator problem, not a bad file
    # pypdf raises many exception types (KeyError, ValueError, zlib.error...) on malformed content.
    except Exception as exc:
        raise _corrupt_pdf() from exc
    return "\n\n".join(page_texts), len(page_texts)


def _open_pdf(data: bytes) -> pypdf.PdfReader:
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        # The empty password opens files that only restrict printing or copying (owner password).
        locked = reader.is_encrypted and not reader.decrypt("")
    except DependencyError:
        raise  # see _extract_pdf
    except Exception as exc:  # same reason as in _extract_pdf: malformed files fail in many ways
        raise _corrupt_pdf() from exc
    if locked:
        raise _encrypted_pdf()
    return reader


def _encrypted_pdf() -> ExtractionError:
    return ExtractionError(
        "encrypted",
        "This PDF is password-protected. Ask the candidate for a copy without a password, "
        "or open it and save an unprotected copy, then upload it again.",
    )


def _corrupt_pdf() -> ExtractionError:
    return ExtractionError(
        "corrupt",
        "This PDF is damaged or incomplete and cannot be read. "
        "Ask the candidate to export it again, then upload the new file.",
    )


def _extract_docx(data: bytes) -> tuple[str, None]:
    try:
        document = docx.Document(io.BytesIO(data))
        lines = list(_docx_lines(document))
    # python-docx surfaces broken packages as KeyError, BadZipFile, lxml syntax errors and more.
    except Exception as exc:
        raise ExtractionError(
            "corrupt",
            "This Word document is damaged and cannot be read. Open it, save it again "
            "(or export it as PDF), then upload it again.",
        ) from exc
    return "\n".join(lines), None


def _docx_lines(document: DocxDocument) -> Iterator[str]:
    # Contact details often sit in the page header, so headers come first and footers last.
    yield from _header_footer_lines(document, "header")
    yield from _block_lines(document.iter_inner_content())
    yield from _header_footer_lines(document, "footer")


def _header_footer_lines(document: DocxDocument, part: str) -> Iterator[str]:
    seen: set[str] = set()
    for section in document.sections:
        for variant in (f"first_page_{part}", part, f"even_page_{part}"):
            container = getattr(section, variant)
            if container.is_linked_to_previous:
                continue  # no own content; reading it would repeat the previous section's
            block = "\n".join(_block_lines(container.iter_inner_content()))
            if block.strip() and block not in seen:
                seen.add(block)
                yield block


def _block_lines(blocks: Iterator[Paragraph | Table]) -> Iterator[str]:
    for block in blocks:
        if isinstance(block, Paragraph):
            yield block.text
        else:
            yield from _table_lines(block)


def _table_lines(table: Table) -> Iterator[str]:
    """A row of one-line cells becomes "a | b | c"; cells with several lines (layout tables,
    common in two-column resumes) are emitted one after another so their lines stay intact."""
    seen_cells: set[CT_Tc] = set()  # holding the elements keeps their identity stable
    for row in table.rows:
        cell_blocks = []
        for cell in row.cells:
            # Merged cells are returned once per grid column/row they span: keep the first.
            if cell._tc in seen_cells:
                continue
            seen_cells.add(cell._tc)
            cell_lines = _non_blank_lines(_block_lines(cell.iter_inner_content()))
            if cell_lines:
                cell_blocks.append(cell_lines)
        yield from _row_lines(cell_blocks)


def _non_blank_lines(blocks: Iterator[str]) -> list[str]:
    # A paragraph may hold manual line breaks, so split before counting a cell's lines.
    return [line for block in blocks for line in block.split("\n") if line.strip()]


def _row_lines(cell_blocks: list[list[str]]) -> list[str]:
    if all(len(lines) == 1 for lines in cell_blocks):
        return [" | ".join(lines[0] for lines in cell_blocks)] if cell_blocks else []
    return [line for lines in cell_blocks for line in lines]


def _extract_txt(data: bytes) -> tuple[str, None]:
    text = _decode_text_strict(data)
    if text is None:
        # Only for damaged bytes: U+FFFD marks them visibly instead of silently dropping text.
        text = data.decode(_text_encodings(data)[-1], errors="replace")
    return text, None
