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

import codecs
import ctypes
import io
import itertools
import math
import os
import re
import shutil
import subprocess
import tempfile
import threading
import unicodedata
import zipfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import docx
import filetype
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.oxml.table import CT_Tc
from docx.table import Table
from docx.text.paragraph import Paragraph
from filetype.types import Type as FileKind
from lxml import etree
from PIL import Image

from recruitment_core import ocr
from recruitment_core.limits import DEFAULT_LIMITS, ResumeLimits, cut_text, pages_flag

RESUME_KINDS = ("pdf", "docx", "doc", "odt", "rtf", "txt", "png", "jpeg")

_SUPPORTED_HINT = (
    "Upload the resume as a PDF, a Word document (.docx or .doc), an OpenDocument (.odt) or RTF file, "
    "a plain-text file, or a PNG/JPEG scan."
)

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
    """Normalised text of a resume.

    `has_text_layer` is False when the file itself held no readable text (a scan, an empty document):
    the caller records "no text" rather than guessing when `text` is empty. `ocr_used` says some of the
    text was recognised from images, so it may hold misread characters. `red_flags` are stable-prefixed
    notes for a recruiter, e.g. "hidden_text: ..." when invisible text was found and left out.
    """

    text: str
    kind: str
    pages: int | None
    has_text_layer: bool
    ocr_used: bool = False
    red_flags: tuple[str, ...] = ()


# --- type detection ----------------------------------------------------------------------------


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
        raise _empty_file()
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
    if extension not in _TEXT_MARKUP_FORMATS and _is_plain_text(data):
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
_MAX_DOCUMENT_EXPANDED_BYTES = 100 * _BYTES_PER_MB


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
    raise _damaged_image()


def _damaged_image() -> ExtractionError:
    return ExtractionError(
        "corrupt", "This image is damaged or incomplete and cannot be read. Scan or export it again."
    )


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

# Why hidden words were left out, in the order the red flag lists them.
_HIDDEN_REASONS = {"white": "white", "tiny": "tiny", "off_page": "off-page", "invisible": "invisible"}


@dataclass
class _Extraction:
    """What one reader found, before normalisation."""

    text: str
    pages: int | None = None
    has_text_layer: bool | None = None  # None: the file's own text, so "is there any text"
    ocr_used: bool = False
    hidden: Counter[str] = field(default_factory=Counter)  # words left out, by reason
    notes: list[str] = field(default_factory=list)  # further red flags


def extract_text(data: bytes, kind: str, *, limits: ResumeLimits = DEFAULT_LIMITS) -> ExtractedText:
    """Extract normalised text from a file whose kind came from detect_resume_type().

    At most `limits.max_pages` pages of a PDF are read and `limits.max_chars` characters kept; each cap that
    is hit adds a red flag.
    """
    reader = _READERS.get(kind)
    if reader is None:
        raise ExtractionError("unsupported_type", f'"{kind}" files cannot be read. {_SUPPORTED_HINT}')
    found = _extract_pdf(data, max_pages=limits.max_pages) if kind == "pdf" else reader(data)
    text, cut = cut_text(normalise_text(found.text), limits.max_chars)
    return ExtractedText(
        text=text,
        kind=kind,
        pages=found.pages,
        has_text_layer=bool(text) if found.has_text_layer is None else found.has_text_layer,
        ocr_used=found.ocr_used,
        red_flags=(*_hidden_text_flags(found.hidden), *found.notes, *([cut] if cut else [])),
    )


def _hidden_text_flags(hidden: Counter[str]) -> tuple[str, ...]:
    total = sum(hidden.values())
    if not total:
        return ()
    words, verb = ("1 word", "was") if total == 1 else (f"{total} words", "were")
    detail = ", ".join(f"{label} {hidden[reason]}" for reason, label in _HIDDEN_REASONS.items() if hidden[reason])
    return (f"hidden_text: {words} in white, tiny or off-page text {verb} ignored ({detail})",)


# --- PDF: opening -------------------------------------------------------------------------------

# PDFium is not thread-safe; the AI service may extract from several threads at once. Forks (the
# sandbox) wait for it too, so a child never inherits the library halfway through another thread's call.
_PDFIUM_LOCK = threading.RLock()
os.register_at_fork(
    before=_PDFIUM_LOCK.acquire, after_in_parent=_PDFIUM_LOCK.release, after_in_child=_PDFIUM_LOCK.release
)


def _extract_pdf(data: bytes, max_pages: int | None = None) -> _Extraction:
    """The text of the first `max_pages` pages (all without a cap): later pages are never opened, so a file
    of thousands of pages costs no more than one of `max_pages`."""
    with _PDFIUM_LOCK:
        document = _open_pdf(data)
    try:
        with _PDFIUM_LOCK:
            total = len(document)
            read = total if max_pages is None else min(total, max_pages)
            pages = [_read_pdf_page(document[index]) for index in range(read)]
            notes = _active_content_flags(document, data)
        if read < total:
            notes.append(pages_flag(read, total))
        footers = _drop_running_lines(pages)
        hidden: Counter[str] = Counter()
        for page in pages:
            hidden.update(page.hidden)
        notes += _recognise_scanned_pages(document, pages)
    except (ExtractionError, MemoryError):
        raise
    # PDFium and its bindings fail in several ways (PdfiumError, ValueError...) on malformed content.
    except Exception as exc:
        raise _corrupt_pdf() from exc
    finally:
        with _PDFIUM_LOCK:
            document.close()
    page_texts = [
        page.ocr_text if page.ocr_text is not None else "\n".join(_reading_order([], rows=page.rows)) for page in pages
    ]
    text = "\n\n".join(page_texts)
    if footers:
        text += "\n\n" + "\n".join(footers)  # like DOCX: footers last, once
    return _Extraction(
        text=text,
        pages=total,
        has_text_layer=any(page.rows for page in pages),
        ocr_used=any(page.ocr_text is not None for page in pages),
        hidden=hidden,
        notes=notes,
    )


# Names of actions that run code or programs when a reader opens or clicks the file. They are never run here
# (PDFium runs no JavaScript without a form environment, which is never set up); a recruiter is warned
# because the original file may still run them in their own PDF reader.
_ACTIVE_CONTENT = re.compile(rb"/(?:JavaScript|JS|Launch)(?![A-Za-z0-9])")


def _active_content_flags(document: pdfium.PdfDocument, data: bytes) -> list[str]:
    # Document-level scripts through PDFium; actions (/OpenAction, links, form fields) from the raw objects.
    if pdfium_c.FPDFDoc_GetJavaScriptActionCount(document.raw) > 0 or _ACTIVE_CONTENT.search(data):
        return [
            "active_content: this PDF holds scripts or commands meant to run when it is opened; they were not "
            "run here, but open the original file with care"
        ]
    return []


def _open_pdf(data: bytes) -> pdfium.PdfDocument:
    try:
        # No password: files that only restrict printing or copying (owner password) open as they are.
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == pdfium_c.FPDF_ERR_PASSWORD:
            raise _encrypted_pdf() from exc
        raise _corrupt_pdf() from exc
    if len(document) == 0:
        document.close()
        raise _corrupt_pdf()
    return document


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


# --- PDF: words and what a reader can see -------------------------------------------------------

# PDFium marks a word hyphenated across a line end with U+FFFE and no space: split it there.
_WORD = re.compile(r"[^\s\ufffe]+\ufffe?|\ufffe")
_LINE_END_HYPHEN = "\ufffe"
# Text smaller than this (points, after scaling) cannot be read on paper: a keyword-stuffing trick.
_MIN_READABLE_FONT_SIZE = 4.0
# Colour channels (0-255) closer than this to the background count as the background colour.
_BACKGROUND_TOLERANCE = 32
_INVISIBLE_RENDER_MODES = {3, 7}  # 3: neither filled nor stroked; 7: only added to the clipping path
_STROKE_ONLY_RENDER_MODES = {1, 5}
_PAPER = (255, 255, 255)
_PICTURE = None  # an image (or shading) lies beneath: its colour is unknown, so text on it counts as seen
# Bounds on walking a page's drawing (forms nest): enough for any resume, finite for hostile files.
_MAX_SCENE_OBJECTS = 20_000
_MAX_FORM_DEPTH = 8
_DIRECTION_SAMPLE = 24  # words whose direction decides which way up a page's text is

# FPDFText_GetTextObject returning a plain address (pypdfium2's wrapper returns a typed pointer object,
# and this runs once per word).
_text_object_at = ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int)(
    ctypes.cast(pdfium_c.FPDFText_GetTextObject, ctypes.c_void_p).value or 0
)


class _Word:
    """A word's text and box in reading orientation (points, y upwards)."""

    __slots__ = ("text", "x0", "x1", "y0", "y1")

    def __init__(self, text: str, x0: float, y0: float, x1: float, y1: float) -> None:
        self.text = text
        self.x0 = x0
        self.y0 = y0
        self.x1 = x1
        self.y1 = y1


@dataclass
class _PdfPage:
    rows: list[list[_Word]] = field(default_factory=list)  # visible words by line, top to bottom
    hidden: Counter[str] = field(default_factory=Counter)
    needs_ocr: bool = False  # no text layer, but images that may be a scan
    ocr_text: str | None = None


@dataclass(frozen=True)
class _RunStyle:
    """How one text object is drawn: enough to tell whether a reader can see it."""

    colour: tuple[int, int, int]
    alpha: int
    render_mode: int
    size: float  # effective font size in points (font size times the text and page scaling)

    @property
    def invisible(self) -> bool:
        return self.render_mode in _INVISIBLE_RENDER_MODES or self.alpha == 0

    @property
    def light(self) -> bool:
        return min(self.colour) >= 255 - _BACKGROUND_TOLERANCE

    @property
    def concern(self) -> str | None:
        """What may hide this text: "tiny" (unreadably small), "scene" (depends on what lies beneath) or None."""
        if 0 < self.size < _MIN_READABLE_FONT_SIZE:
            return "tiny"
        if self.invisible or self.light:
            return "scene"
        return None


_DEFAULT_STYLE = _RunStyle(colour=(0, 0, 0), alpha=255, render_mode=0, size=12.0)


def _read_pdf_page(page: pdfium.PdfPage) -> _PdfPage:
    textpage = page.get_textpage()
    try:
        count = pdfium_c.FPDFText_CountChars(textpage.raw)
        text = _page_text(textpage.raw, count)
        if not text.strip():
            return _PdfPage(needs_ocr=_has_image(page.raw))
        result = _PdfPage()
        words = _visible_words(page, textpage.raw, text, result.hidden)
        result.rows = _group_rows(words)
        return result
    finally:
        textpage.close()
        page.close()


def _page_text(textpage: Any, count: int) -> str:
    """All characters of the page, index for index (PDFium's own spaces and line breaks included)."""
    if count <= 0:
        return ""
    buffer = (ctypes.c_ushort * (count + 1))()
    written = pdfium_c.FPDFText_GetText(textpage, 0, count, buffer)
    text = bytes(buffer)[: 2 * max(written - 1, 0)].decode("utf-16-le", errors="replace")
    if len(text) == count:
        return text
    # Characters outside the BMP take two UTF-16 units: rebuild index for index instead.
    return "".join(chr(pdfium_c.FPDFText_GetUnicode(textpage, index) or 0xFFFD) for index in range(count))


def _visible_words(page: pdfium.PdfPage, textpage: Any, text: str, hidden: Counter[str]) -> list[_Word]:
    """The page's words a reader can see; the others are counted in `hidden` by reason.

    Boxes come from each word's first and last character only: one call per character would be
    several times slower, and a word's characters share one line.
    """
    get_box, box = pdfium_c.FPDFText_GetLooseCharBox, pdfium_c.FS_RECTF()
    pdfium_c.FPDF_GetPageBoundingBox(page.raw, box)
    left, bottom, right, top = box.left, box.bottom, box.right, box.top
    rotation = _text_rotation(textpage, text)
    orient = _orientation(rotation)
    concerns: dict[int, tuple[_RunStyle, str | None]] = {}  # text object address -> style, what to check
    scene: _PageScene | None = None
    words: list[_Word] = []
    for match in _WORD.finditer(text):
        first, last = match.start(), match.end() - 1
        get_box(textpage, first, box)
        x0, y0, x1, y1 = box.left, box.bottom, box.right, box.top
        if last != first:
            get_box(textpage, last, box)
            x0, y0 = (x0 if x0 < box.left else box.left), (y0 if y0 < box.bottom else box.bottom)
            x1, y1 = (x1 if x1 > box.right else box.right), (y1 if y1 > box.top else box.top)
        address = _text_object_at(textpage, first) or 0
        known = concerns.get(address)
        if known is None:
            style = _run_style(textpage, address, first)
            known = concerns[address] = (style, style.concern)
        centre_x, centre_y = (x0 + x1) / 2, (y0 + y1) / 2
        reason = known[1]
        if centre_x < left or centre_x > right or centre_y < bottom or centre_y > top:
            reason = "off_page"
        elif reason == "scene":  # light or invisible text: it depends on what lies beneath
            if scene is None:
                scene = _PageScene(page.raw)
            reason = scene.hidden_reason(address, known[0], centre_x, centre_y)
        if reason:
            hidden[reason] += 1
        elif x1 - x0 > (last - first + 3) * (y1 - y0):
            # Far wider than its letters: characters from both sides of a gap with no space between.
            for piece, px0, py0, px1, py1 in _split_at_gaps(textpage, first, last, text):
                words.append(_Word(piece, *orient(px0, py0, px1, py1)))
        else:
            text_of_word = match.group().replace(_LINE_END_HYPHEN, "-")
            words.append(
                _Word(text_of_word, *orient(x0, y0, x1, y1)) if rotation else _Word(text_of_word, x0, y0, x1, y1)
            )
    return words


def _run_style(textpage: Any, address: int, index: int) -> _RunStyle:
    if not address:
        return _DEFAULT_STYLE
    text_object = ctypes.cast(address, pdfium_c.FPDF_PAGEOBJECT)
    mode = pdfium_c.FPDFTextObj_GetTextRenderMode(text_object)
    red, green, blue, alpha = (ctypes.c_uint() for _ in range(4))
    get_colour = (
        pdfium_c.FPDFPageObj_GetStrokeColor if mode in _STROKE_ONLY_RENDER_MODES else pdfium_c.FPDFPageObj_GetFillColor
    )
    if not get_colour(text_object, red, green, blue, alpha):
        red.value, green.value, blue.value, alpha.value = 0, 0, 0, 255
    matrix = pdfium_c.FS_MATRIX()
    scale = 1.0
    if pdfium_c.FPDFText_GetMatrix(textpage, index, matrix):
        scale = math.sqrt(abs(matrix.a * matrix.d - matrix.b * matrix.c))
    return _RunStyle(
        colour=(red.value, green.value, blue.value),
        alpha=alpha.value,
        render_mode=mode,
        size=pdfium_c.FPDFText_GetFontSize(textpage, index) * scale,
    )


class _PageScene:
    """The page's drawing order and filled areas, to judge light or invisible text against what lies
    beneath it. Built only for pages that have such text."""

    def __init__(self, page: Any) -> None:
        self.order: dict[int, int] = {}  # text object address -> position in the drawing order
        self.backdrops: list[tuple[int, float, float, float, float, tuple[int, int, int] | None]] = []
        count = min(pdfium_c.FPDFPage_CountObjects(page), _MAX_SCENE_OBJECTS)
        self._walk((pdfium_c.FPDFPage_GetObject(page, index) for index in range(count)), depth=0)

    def _walk(self, objects: Iterable[Any], depth: int) -> None:
        for handle in objects:
            if len(self.order) + len(self.backdrops) >= _MAX_SCENE_OBJECTS:
                return
            kind = pdfium_c.FPDFPageObj_GetType(handle)
            position = len(self.order) + len(self.backdrops)
            if kind == pdfium_c.FPDF_PAGEOBJ_TEXT:
                self.order[ctypes.cast(handle, ctypes.c_void_p).value or 0] = position
            elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < _MAX_FORM_DEPTH:
                count = pdfium_c.FPDFFormObj_CountObjects(handle)
                self._walk((pdfium_c.FPDFFormObj_GetObject(handle, index) for index in range(count)), depth + 1)
            elif kind == pdfium_c.FPDF_PAGEOBJ_PATH:
                colour = _path_fill(handle)
                if colour is not None:
                    self.backdrops.append((position, *_bounds(handle), colour))
            elif kind in (pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_SHADING):
                self.backdrops.append((position, *_bounds(handle), _PICTURE))

    def hidden_reason(self, address: int, style: _RunStyle, x: float, y: float) -> str | None:
        drawn_at = self.order.get(address, len(self.order) + len(self.backdrops))
        beneath: tuple[int, int, int] | None = _PAPER
        for position, left, bottom, right, top, colour in self.backdrops:
            if position > drawn_at:
                break  # backdrops are in drawing order; later ones are on top of the text
            if left <= x <= right and bottom <= y <= top:
                beneath = colour
        if beneath is _PICTURE:
            return None  # on a picture: white text on a photo, or the invisible text layer of a scan
        if style.invisible:
            return "invisible"
        assert beneath is not None
        if max(abs(a - b) for a, b in zip(style.colour, beneath, strict=True)) <= _BACKGROUND_TOLERANCE:
            return "white"
        return None  # e.g. white text on a dark sidebar


def _path_fill(path: Any) -> tuple[int, int, int] | None:
    fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
    if not pdfium_c.FPDFPath_GetDrawMode(path, fill_mode, stroke) or fill_mode.value == pdfium_c.FPDF_FILLMODE_NONE:
        return None
    red, green, blue, alpha = (ctypes.c_uint() for _ in range(4))
    if not pdfium_c.FPDFPageObj_GetFillColor(path, red, green, blue, alpha) or alpha.value == 0:
        return None
    return (red.value, green.value, blue.value)


def _bounds(handle: Any) -> tuple[float, float, float, float]:
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    pdfium_c.FPDFPageObj_GetBounds(handle, left, bottom, right, top)
    return (left.value, bottom.value, right.value, top.value)


def _has_image(page: Any) -> bool:
    count = min(pdfium_c.FPDFPage_CountObjects(page), _MAX_SCENE_OBJECTS)
    pending = [(pdfium_c.FPDFPage_GetObject(page, i), 0) for i in range(count)]
    seen = 0
    while pending and seen < _MAX_SCENE_OBJECTS:
        handle, depth = pending.pop()
        seen += 1
        kind = pdfium_c.FPDFPageObj_GetType(handle)
        if kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            return True
        if kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < _MAX_FORM_DEPTH:
            count = pdfium_c.FPDFFormObj_CountObjects(handle)
            pending += [(pdfium_c.FPDFFormObj_GetObject(handle, i), depth + 1) for i in range(count)]
    return False


def _split_at_gaps(textpage: Any, first: int, last: int, text: str) -> Iterator[tuple[str, float, float, float, float]]:
    box = pdfium_c.FS_RECTF()
    piece: list[str] = []
    x0 = y0 = x1 = y1 = 0.0
    for index in range(first, last + 1):
        pdfium_c.FPDFText_GetLooseCharBox(textpage, index, box)
        if piece and box.left - x1 > 0.8 * max(y1 - y0, box.top - box.bottom):
            yield "".join(piece).replace(_LINE_END_HYPHEN, "-"), x0, y0, x1, y1
            piece = []
        if not piece:
            x0, y0, x1, y1 = box.left, box.bottom, box.right, box.top
        x0, y0, x1, y1 = min(x0, box.left), min(y0, box.bottom), max(x1, box.right), max(y1, box.top)
        piece.append(text[index])
    if piece:
        yield "".join(piece).replace(_LINE_END_HYPHEN, "-"), x0, y0, x1, y1


def _text_rotation(textpage: Any, text: str) -> int:
    """How far (degrees, clockwise) the page's text is turned from upright, judged from a sample of its
    characters rather than the page's /Rotate: pages are rotated both to show sideways text upright and,
    by mistake, to show upright text sideways; either way the words read in their own direction."""
    starts = [match.start() for match in _WORD.finditer(text)]
    quarters: Counter[int] = Counter()
    for index in starts[:: max(1, len(starts) // _DIRECTION_SAMPLE)]:
        angle = pdfium_c.FPDFText_GetCharAngle(textpage, index)
        if angle >= 0:
            quarters[round(angle / (math.pi / 2)) % 4] += 1
    if not quarters:
        return 0
    return {0: 0, 1: 270, 2: 180, 3: 90}[quarters.most_common(1)[0][0]]


def _orientation(rotation: int) -> Callable[[float, float, float, float], tuple[float, float, float, float]]:
    """Turn page-space boxes by `rotation` degrees clockwise, so that the text reads upright."""
    if rotation == 90:
        return lambda x0, y0, x1, y1: (y0, -x1, y1, -x0)
    if rotation == 180:
        return lambda x0, y0, x1, y1: (-x1, -y1, -x0, -y0)
    if rotation == 270:
        return lambda x0, y0, x1, y1: (-y1, x0, -y0, x1)
    return lambda x0, y0, x1, y1: (x0, y0, x1, y1)


# --- PDF: reading order -------------------------------------------------------------------------

# Words whose vertical centres are this close (relative to their height) share a line.
_SAME_LINE = 0.45
# A gutter is at least this wide relative to the text height (word gaps are about a quarter of it).
_MIN_GUTTER_HEIGHTS = 0.9
_MIN_GUTTER_POINTS = 6.0
# Up to this share of lines may cross a gutter: full-width headings above, between or below columns.
_MAX_CROSSING_SHARE = 0.34
_MIN_COLUMN_LINES = 2
_MAX_COLUMN_DEPTH = 4  # columns within columns; more than this is a table, read line by line
_MAX_LAYOUT_WIDTH = 20_000  # points; text spread wider than this (a hostile file) is read line by line


def _group_rows(words: list[_Word]) -> list[list[_Word]]:
    """Words grouped into lines, top to bottom, each line left to right."""
    rows: list[list[_Word]] = []
    anchor_y = anchor_height = 0.0
    for word in sorted(words, key=lambda w: -(w.y0 + w.y1)):
        centre, height = (word.y0 + word.y1) / 2, word.y1 - word.y0
        if rows and abs(anchor_y - centre) <= _SAME_LINE * max(min(height, anchor_height), 1.0):
            rows[-1].append(word)
        else:
            rows.append([word])
            anchor_y, anchor_height = centre, height
    for row in rows:
        row.sort(key=lambda w: w.x0)
    return rows


def _reading_order(words: list[_Word], depth: int = 0, rows: list[list[_Word]] | None = None) -> list[str]:
    """Lines in the order a person reads them: columns one after the other, left to right.

    Columns are found from the words' x extents: a vertical gutter that (almost) no line crosses. Lines
    that cross it (a full-width name or heading) split the page into bands read top to bottom.
    """
    rows = _group_rows(words) if rows is None else rows
    gutter = _find_gutter(rows) if depth < _MAX_COLUMN_DEPTH else None
    if gutter is None:
        return [_row_text(row) for row in rows]
    lines: list[str] = []
    for crossing, band in _bands(rows, gutter):
        band_words = [word for row in band for word in row]
        if crossing:
            # Full-width lines; they may hold columns of their own (a different gutter).
            lines += _reading_order(band_words, depth + 1) if len(band) < len(rows) else [_row_text(r) for r in band]
        elif _reads_as_columns(band, gutter):
            lines += _reading_order([w for w in band_words if w.x0 + w.x1 < 2 * gutter.split], depth + 1)
            lines += _reading_order([w for w in band_words if w.x0 + w.x1 >= 2 * gutter.split], depth + 1)
        else:
            lines += [_row_text(row) for row in band]
    return lines


@dataclass(frozen=True)
class _Gutter:
    split: float  # the middle of the gap between the columns
    min_gap: float  # a line whose words leave less room than this around `split` runs across it


def _row_text(row: list[_Word]) -> str:
    return " ".join(word.text for word in row)


def _find_gutter(rows: list[list[_Word]]) -> _Gutter | None:
    """The x range of the best column gutter, or None for a single column.

    Coverage counts, for each point across the page, the lines with a word over it. The gutter is the
    widest stretch crossed by the fewest lines (none, then one...), up to a share of the lines, that is
    wide enough and has lines of text on both sides.
    """
    if len(rows) < _MIN_COLUMN_LINES:
        return None
    words = [word for row in rows for word in row]
    start = min(word.x0 for word in words)
    heights = sorted(word.y1 - word.y0 for word in words)
    min_width = max(_MIN_GUTTER_POINTS, _MIN_GUTTER_HEIGHTS * heights[len(heights) // 2])
    size = int(max(word.x1 for word in words) - start) + 2
    if size < 3 * min_width or size > _MAX_LAYOUT_WIDTH:
        return None
    change = [0] * (size + 1)
    for word in words:  # words of one line never overlap, so this counts lines
        change[int(word.x0 - start)] += 1
        change[min(math.ceil(word.x1 - start), size)] -= 1
    coverage = list(itertools.accumulate(change[:size]))
    allowed = max(1, int(len(rows) * _MAX_CROSSING_SHARE))
    for crossing in sorted({count for count in coverage if count <= allowed}):
        best: tuple[tuple[int, int], _Gutter] | None = None
        for run_start, run_end in _runs(coverage, crossing):
            if run_end - run_start < min_width:
                continue
            sides = _lines_beside(rows, start + run_start, start + run_end)
            if min(sides) >= _MIN_COLUMN_LINES:
                score = (min(sides), run_end - run_start)
                if best is None or score > best[0]:
                    best = (score, _Gutter(split=start + (run_start + run_end) / 2, min_gap=min_width))
        if best is not None:
            return best[1]
    return None


def _runs(values: list[int], limit: int) -> Iterator[tuple[int, int]]:
    """Maximal [start, end) stretches whose values are all at most `limit`."""
    run_start = -1
    for index, value in enumerate(values):
        if value <= limit:
            if run_start < 0:
                run_start = index
        elif run_start >= 0:
            yield run_start, index
            run_start = -1
    if run_start >= 0:
        yield run_start, len(values)


def _lines_beside(rows: list[list[_Word]], left_edge: float, right_edge: float) -> tuple[int, int]:
    left = sum(1 for row in rows if any(word.x1 <= left_edge for word in row))
    right = sum(1 for row in rows if any(word.x0 >= right_edge for word in row))
    return left, right


def _crosses(row: list[_Word], gutter: _Gutter) -> bool:
    """Whether a line runs across the gutter: a word over it, or words on both sides with only a word
    space between them (a heading), rather than a gutter's width (two columns that share a baseline)."""
    left = 0
    for word in row:
        if word.x0 < gutter.split < word.x1:
            return True
        if word.x0 + word.x1 < 2 * gutter.split:
            left += 1
    if left == 0 or left == len(row):
        return False
    return row[left].x0 - row[left - 1].x1 < gutter.min_gap


def _bands(rows: list[list[_Word]], gutter: _Gutter) -> Iterator[tuple[bool, list[list[_Word]]]]:
    """Runs of consecutive lines that do or do not cross the gutter."""
    band: list[list[_Word]] = []
    band_crossing = False
    for row in rows:
        crossing = _crosses(row, gutter)
        if band and crossing != band_crossing:
            yield band_crossing, band
            band = []
        band.append(row)
        band_crossing = crossing
    if band:
        yield band_crossing, band


def _reads_as_columns(band: list[list[_Word]], gutter: _Gutter) -> bool:
    """Text on both sides of the gutter is read as columns, except labels: a sparse side whose every
    line has a partner on the other side ("2019-2024 | Senior Engineer" above indented bullets)."""
    left = [index for index, row in enumerate(band) if row[0].x0 + row[0].x1 < 2 * gutter.split]
    right = [index for index, row in enumerate(band) if row[-1].x0 + row[-1].x1 >= 2 * gutter.split]
    if min(len(left), len(right)) < _MIN_COLUMN_LINES:
        return False
    sparse, other = (left, right) if len(left) < len(right) else (right, left)
    if len(sparse) == len(other) or not set(sparse) <= set(other):
        return True
    adjacent = sum(1 for a, b in itertools.pairwise(sparse) if b == a + 1)
    return adjacent * 3 > len(sparse) - 1


# --- PDF: running headers, footers and page numbers ---------------------------------------------

_RUNNING_ZONE_LINES = 3  # lines at the top and at the bottom of a page that may be running text
_PAGE_NUMBER_ZONE_LINES = 2
_RUNNING_POSITION_TOLERANCE = 6.0  # points
_PAGE_WORD = r"(?:page|pg\.?|p\.|seite|página|pagina|strona|sida|side)"
_PAGE_NUMBER = re.compile(
    rf"[-–—\s]*(?:{_PAGE_WORD}\s*)?\d{{1,3}}(?:\s*(?:of|/|von|de|di|sur|z|av|af)\s*\d{{1,3}})?[-–—\s]*",
    re.IGNORECASE,
)
_PAGE_PHRASE = re.compile(rf"{_PAGE_WORD}\s*\d{{1,3}}(?:\s*(?:of|/|von|de|di|sur|z|av|af)\s*\d{{1,3}})?", re.I)
_SEPARATORS = " \t|-–—·•,;:"


def _drop_running_lines(pages: list[_PdfPage]) -> list[str]:
    """Remove page numbers, and running headers and footers repeated at the top or bottom of pages.

    A repeated line that says something (often the name and contact details) is kept once: a header
    where it first appears, a footer at the end of the text. Returns those footers.
    """
    text_pages = [page for page in pages if page.rows]
    dropped: set[int] = set()  # id() of dropped rows
    for page in text_pages:
        for row in (*page.rows[:_PAGE_NUMBER_ZONE_LINES], *page.rows[-_PAGE_NUMBER_ZONE_LINES:]):
            if _PAGE_NUMBER.fullmatch(_row_text(row)):
                dropped.add(id(row))
    footers: list[str] = []
    if len(text_pages) >= 2:
        needed = max(2, math.ceil(len(text_pages) / 2))
        for zone in ("top", "bottom"):
            footers += _drop_repeated(text_pages, zone, needed, dropped)
    for page in text_pages:
        page.rows = [row for row in page.rows if id(row) not in dropped]
    return footers


def _drop_repeated(pages: list[_PdfPage], zone: str, needed: int, dropped: set[int]) -> list[str]:
    def zone_rows(page: _PdfPage) -> list[list[_Word]]:
        rows = page.rows[:_RUNNING_ZONE_LINES] if zone == "top" else page.rows[-_RUNNING_ZONE_LINES:]
        return [row for row in rows if id(row) not in dropped]

    # Where each candidate line sits on each page. A running line sits once per page, at the same height.
    positions: dict[str, list[float]] = {}
    for page in pages:
        keys = Counter(_running_key(row) for row in zone_rows(page))
        for row in zone_rows(page):
            key = _running_key(row)
            if keys[key] == 1:
                positions.setdefault(key, []).append(row[0].y1)
    repeated = set()
    for key, heights in positions.items():
        middle = sorted(heights)[len(heights) // 2]
        if sum(1 for height in heights if abs(height - middle) <= _RUNNING_POSITION_TOLERANCE) >= needed:
            repeated.add(key)
    kept: set[str] = set()
    footers: list[str] = []
    for page in pages:
        for row in zone_rows(page):
            key = _running_key(row)
            if key not in repeated:
                continue
            cleaned = _PAGE_PHRASE.sub("", _row_text(row)).strip(_SEPARATORS)
            if key in kept or not any(char.isalpha() for char in cleaned):
                dropped.add(id(row))
            elif zone == "top":
                kept.add(key)
                _replace_row(page, row, cleaned)
            else:
                kept.add(key)
                footers.append(cleaned)
                dropped.add(id(row))
    return footers


def _running_key(row: list[_Word]) -> str:
    # Page numbers and dates change from page to page; the rest of a running line does not.
    return re.sub(r"\d+", "#", _row_text(row).casefold())


def _replace_row(page: _PdfPage, row: list[_Word], text: str) -> None:
    merged = _Word(text, row[0].x0, min(w.y0 for w in row), row[-1].x1, max(w.y1 for w in row))
    page.rows = [[merged] if existing is row else existing for existing in page.rows]


# --- OCR ----------------------------------------------------------------------------------------

# Enough pages for any resume; a 300-page scan would otherwise hold a worker for many minutes.
_MAX_OCR_PAGES = 10
# A page image larger than this (pixels) is rendered at a lower resolution: ~A3 at 300 dpi.
_MAX_RENDER_PIXELS = 40_000_000
_MAX_SCAN_PIXELS = 60_000_000


def _recognise_scanned_pages(document: pdfium.PdfDocument, pages: list[_PdfPage]) -> list[str]:
    scanned = [index for index, page in enumerate(pages) if page.needs_ocr]
    if not scanned:
        return []
    _require_ocr()
    for index in scanned[:_MAX_OCR_PAGES]:
        with _PDFIUM_LOCK:
            image = _render_page(document[index])
        pages[index].ocr_text = _recognise(image)
    if len(scanned) > _MAX_OCR_PAGES:
        return [f"ocr_truncated: only the first {_MAX_OCR_PAGES} of {len(scanned)} scanned pages were read"]
    return []


def _render_page(page: pdfium.PdfPage) -> Image.Image:
    try:
        width, height = page.get_size()
        scale = ocr.OCR_DPI / 72
        if width * height * scale * scale > _MAX_RENDER_PIXELS:
            scale = math.sqrt(_MAX_RENDER_PIXELS / max(width * height, 1.0))
        bitmap = page.render(scale=scale, grayscale=True)
        try:
            return bitmap.to_pil().convert("L")  # a copy: the bitmap's memory is freed below
        finally:
            bitmap.close()
    finally:
        page.close()


def _require_ocr() -> None:
    if ocr.tesseract_command() is None:
        raise _ocr_unavailable("the tesseract program is not installed")


def _ocr_unavailable(reason: str) -> ExtractionError:
    return ExtractionError(
        "ocr_unavailable",
        f"This resume is a scanned image and text recognition (OCR) is not available on this server ({reason}). "
        "Ask the candidate for a PDF or Word file with selectable text, or ask an administrator to install "
        "tesseract-ocr.",
    )


def _recognise(image: Image.Image) -> str:
    try:
        return ocr.recognise(image)
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


def _extract_image(data: bytes) -> _Extraction:
    _require_ocr()
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
        raise _damaged_image() from exc
    return _Extraction(text=_recognise(prepared), pages=1, has_text_layer=False, ocr_used=True)


# --- DOCX ---------------------------------------------------------------------------------------

# Formatting that can hide text (white or theme-background colour, "hidden", under 4 pt). Files without
# any of it, nearly all of them, take the fast path that reads paragraph text directly.
_DOCX_HIDING_MARKUP = re.compile(
    rb'<w:vanish\b|<w:color\b[^>]*w:(?:val="(?:[D-Fd-f][0-9A-Fa-f]){3}"|themeColor="(?:background|light)1")'
    rb'|<w:sz w:val="[1-7]"'
)
_DOCX_HIGHLIGHTS = {
    "black": (0, 0, 0), "blue": (0, 0, 255), "cyan": (0, 255, 255), "green": (0, 255, 0),
    "magenta": (255, 0, 255), "red": (255, 0, 0), "yellow": (255, 255, 0), "white": (255, 255, 255),
    "darkBlue": (0, 0, 128), "darkCyan": (0, 128, 128), "darkGreen": (0, 128, 0), "darkMagenta": (128, 0, 128),
    "darkRed": (128, 0, 0), "darkYellow": (128, 128, 0), "darkGray": (128, 128, 128), "lightGray": (192, 192, 192),
}  # fmt: skip


def _extract_docx(data: bytes) -> _Extraction:
    hidden: Counter[str] = Counter()
    try:
        document = docx.Document(io.BytesIO(data))
        visibility = _DocxVisibility(document, hidden) if _docx_may_hide_text(data) else None
        lines = list(_docx_lines(document, visibility))
    # python-docx surfaces broken packages as KeyError, BadZipFile, lxml syntax errors and more.
    except Exception as exc:
        raise ExtractionError(
            "corrupt",
            "This Word document is damaged and cannot be read. Open it, save it again "
            "(or export it as PDF), then upload it again.",
        ) from exc
    return _Extraction(text="\n".join(lines), hidden=hidden)


def _docx_may_hide_text(data: bytes) -> bool:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = set(archive.namelist())
        return any(
            _DOCX_HIDING_MARKUP.search(archive.read(name))
            for name in ("word/document.xml", "word/styles.xml")
            if name in names
        )


class _DocxVisibility:
    """Decides which runs a reader can see: run formatting, then the run's character style, then the
    paragraph style, then the document defaults; compared with the shading or page colour beneath."""

    def __init__(self, document: DocxDocument, hidden: Counter[str]) -> None:
        self.hidden = hidden
        styles = document.styles.element
        self.styles = {style.get(qn("w:styleId")): style for style in styles.iterfind(qn("w:style"))}
        self.default_paragraph_style = next(
            (
                style.get(qn("w:styleId"))
                for style in self.styles.values()
                if style.get(qn("w:type")) == "paragraph" and style.get(qn("w:default")) in ("1", "true")
            ),
            None,
        )
        defaults = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
        self.defaults = [defaults] if defaults is not None else []
        background = document.element.find(qn("w:background"))
        self.page = _hex_colour(background.get(qn("w:color")) if background is not None else None) or _PAPER

    def paragraph_text(self, paragraph: Paragraph, beneath: tuple[int, int, int] | None) -> str:
        p = paragraph._p
        p_pr = p.find(qn("w:pPr"))
        style_id = _child_val(p_pr, "w:pStyle") or self.default_paragraph_style
        beneath = _shading(p_pr) or beneath or self.page
        parts = []
        for child in p.xpath("w:r | w:hyperlink"):
            for run in [child] if child.tag == qn("w:r") else child.xpath("w:r"):
                text = run.text
                reason = self._hidden_reason(run, style_id, beneath) if text.strip() else None
                if reason:
                    self.hidden[reason] += max(len(text.split()), 1)
                else:
                    parts.append(text)
        return "".join(parts)

    def _hidden_reason(self, run: Any, paragraph_style: str | None, beneath: tuple[int, int, int]) -> str | None:
        r_pr = run.find(qn("w:rPr"))
        chain = [r_pr] if r_pr is not None else []
        chain += self._style_chain(_child_val(r_pr, "w:rStyle"))
        chain += self._style_chain(paragraph_style) + self.defaults
        vanish = _first(chain, "w:vanish")
        if vanish is not None and vanish.get(qn("w:val"), "true") not in ("0", "false", "off"):
            return "invisible"
        size = _first(chain, "w:sz")
        if size is not None and (size.get(qn("w:val")) or "").isdigit() and int(size.get(qn("w:val"))) < 8:
            return "tiny"  # w:sz is in half-points
        colour_element = _first(chain, "w:color")
        colour = _hex_colour(colour_element.get(qn("w:val")) if colour_element is not None else None)
        if colour is None or min(colour) < 255 - _BACKGROUND_TOLERANCE:
            return None
        highlight = _child_val(r_pr, "w:highlight")
        beneath = _shading(r_pr) or _DOCX_HIGHLIGHTS.get(highlight or "") or beneath
        if max(abs(a - b) for a, b in zip(colour, beneath, strict=True)) <= _BACKGROUND_TOLERANCE:
            return "white"
        return None

    def _style_chain(self, style_id: str | None) -> list[Any]:
        chain = []
        seen: set[str] = set()
        while style_id and style_id not in seen and style_id in self.styles:
            seen.add(style_id)
            style = self.styles[style_id]
            r_pr = style.find(qn("w:rPr"))
            if r_pr is not None:
                chain.append(r_pr)
            style_id = _child_val(style, "w:basedOn")
        return chain


def _first(chain: list[Any], tag: str) -> Any:
    for properties in chain:
        element = properties.find(qn(tag))
        if element is not None:
            return element
    return None


def _child_val(parent: Any, tag: str) -> str | None:
    if parent is None:
        return None
    child = parent.find(qn(tag))
    return child.get(qn("w:val")) if child is not None else None


def _shading(properties: Any) -> tuple[int, int, int] | None:
    if properties is None:
        return None
    shading = properties.find(qn("w:shd"))
    return _hex_colour(shading.get(qn("w:fill")) if shading is not None else None)


def _hex_colour(value: str | None) -> tuple[int, int, int] | None:
    if not value or len(value) != 6:
        return None  # "auto" or missing: the default (black text, white page)
    try:
        return (int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16))
    except ValueError:
        return None


def _docx_lines(document: DocxDocument, visibility: _DocxVisibility | None) -> Iterator[str]:
    # Contact details often sit in the page header, so headers come first and footers last.
    yield from _header_footer_lines(document, "header", visibility)
    yield from _block_lines(document.iter_inner_content(), visibility, None)
    yield from _header_footer_lines(document, "footer", visibility)


def _header_footer_lines(document: DocxDocument, part: str, visibility: _DocxVisibility | None) -> Iterator[str]:
    seen: set[str] = set()
    for section in document.sections:
        for variant in (f"first_page_{part}", part, f"even_page_{part}"):
            container = getattr(section, variant)
            if container.is_linked_to_previous:
                continue  # no own content; reading it would repeat the previous section's
            block = "\n".join(_block_lines(container.iter_inner_content(), visibility, None))
            if block.strip() and block not in seen:
                seen.add(block)
                yield block


def _block_lines(
    blocks: Iterator[Paragraph | Table], visibility: _DocxVisibility | None, beneath: tuple[int, int, int] | None
) -> Iterator[str]:
    for block in blocks:
        if isinstance(block, Paragraph):
            yield visibility.paragraph_text(block, beneath) if visibility else block.text
        else:
            yield from _table_lines(block, visibility, beneath)


def _table_lines(
    table: Table, visibility: _DocxVisibility | None, beneath: tuple[int, int, int] | None
) -> Iterator[str]:
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
            shading = _shading(cell._tc.tcPr) or beneath
            cell_lines = _non_blank_lines(_block_lines(cell.iter_inner_content(), visibility, shading))
            if cell_lines:
                cell_blocks.append(cell_lines)
        yield from _row_lines(cell_blocks)


def _non_blank_lines(blocks: Iterable[str]) -> list[str]:
    # A paragraph may hold manual line breaks, so split before counting a cell's lines.
    return [line for block in blocks for line in block.split("\n") if line.strip()]


def _row_lines(cell_blocks: list[list[str]]) -> list[str]:
    if all(len(lines) == 1 for lines in cell_blocks):
        return [" | ".join(lines[0] for lines in cell_blocks)] if cell_blocks else []
    return [line for lines in cell_blocks for line in lines]


# --- ODT ----------------------------------------------------------------------------------------

_ODF = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
}


def _odf(name: str) -> str:
    prefix, local = name.split(":")
    return f"{{{_ODF[prefix]}}}{local}"


_ODT_PARAGRAPHS = {_odf("text:p"), _odf("text:h")}
_ODT_TABLE = _odf("table:table")
_ODT_ROW = _odf("table:table-row")
_ODT_CELL = _odf("table:table-cell")
_ODT_TEXT_BOX = _odf("draw:text-box")
# Not resume content: comments, tracked deletions, declarations and the footnote markers.
_ODT_SKIPPED = {
    _odf(name)
    for name in (
        "office:annotation", "office:annotation-end", "text:tracked-changes", "text:sequence-decls",
        "text:variable-decls", "text:user-field-decls", "text:note-citation", "office:forms",
        "table:covered-table-cell",
    )
}  # fmt: skip
_ODT_SPACE, _ODT_TAB, _ODT_BREAK = _odf("text:s"), _odf("text:tab"), _odf("text:line-break")
_ODT_MAX_SPACES = 100  # a hostile <text:s text:c="1000000000"/> must not allocate gigabytes
_ODT_MAX_PART_BYTES = 50 * _BYTES_PER_MB


def _extract_odt(data: bytes) -> _Extraction:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            content = _xml_root(_read_member(archive, "content.xml"))
            names = set(archive.namelist())
            styles = _xml_root(_read_member(archive, "styles.xml")) if "styles.xml" in names else None
        body = content.find("office:body/office:text", _ODF)
        if body is None:
            raise ValueError("content.xml has no office:text body")
        header = _odt_page_parts(styles, ("style:header-first", "style:header", "style:header-left"))
        footer = _odt_page_parts(styles, ("style:footer-first", "style:footer", "style:footer-left"))
        lines = [*header, *_odt_blocks(body), *footer]
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, EOFError, etree.XMLSyntaxError) as exc:
        raise ExtractionError(
            "corrupt",
            "This OpenDocument file is damaged and cannot be read. Open it, save it again "
            "(or export it as PDF), then upload it again.",
        ) from exc
    return _Extraction(text="\n".join(lines))


def _read_member(archive: zipfile.ZipFile, name: str) -> bytes:
    with archive.open(name) as member:
        content = member.read(_ODT_MAX_PART_BYTES + 1)
    if len(content) > _ODT_MAX_PART_BYTES:
        raise ExtractionError(
            "too_complex", f"This document's {name} is larger than {_ODT_MAX_PART_BYTES // _BYTES_PER_MB} MB."
        )
    return content


def _xml_root(content: bytes) -> Any:
    # No entities, no network, no huge trees: these files come from strangers.
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True)
    return etree.fromstring(content, parser=parser)


def _odt_page_parts(styles: Any, tags: tuple[str, ...]) -> list[str]:
    if styles is None:
        return []
    blocks: list[str] = []
    for page in styles.iterfind("office:master-styles/style:master-page", _ODF):
        for tag in tags:
            for part in page.iterfind(tag, _ODF):
                block = "\n".join(_odt_blocks(part))
                if block.strip() and block not in blocks:
                    blocks.append(block)
    return blocks


def _odt_blocks(element: Any) -> Iterator[str]:
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag in _ODT_SKIPPED:
            continue
        if tag in _ODT_PARAGRAPHS:
            boxes: list[Any] = []
            yield _odt_inline(child, boxes)
            for box in boxes:  # text boxes anchored in the paragraph, read after it
                yield from _odt_blocks(box)
        elif tag == _ODT_TABLE:
            yield from _odt_table(child)
        else:
            yield from _odt_blocks(child)  # lists, sections, frames and other containers


def _odt_inline(element: Any, boxes: list[Any]) -> str:
    parts = [element.text or ""]
    for child in element:
        tag = child.tag
        if tag == _ODT_SPACE:
            count = child.get(_odf("text:c"), "1")
            parts.append(" " * min(int(count) if count.isdigit() else 1, _ODT_MAX_SPACES))
        elif tag == _ODT_TAB:
            parts.append("\t")
        elif tag == _ODT_BREAK:
            parts.append("\n")
        elif tag == _ODT_TEXT_BOX:
            boxes.append(child)
        elif isinstance(tag, str) and tag not in _ODT_SKIPPED and tag != _odf("text:note"):
            parts.append(_odt_inline(child, boxes))  # spans, links, fields, frames
        parts.append(child.tail or "")
    return "".join(parts)


def _odt_table(table: Any) -> Iterator[str]:
    for row in table.iter(_ODT_ROW):
        if row.getparent() is not table and row.getparent().getparent() is not table:
            continue  # rows of a nested table are read with their cell
        cell_blocks = []
        for cell in row.iterfind("table:table-cell", _ODF):
            cell_lines = _non_blank_lines(_odt_blocks(cell))
            if cell_lines:
                cell_blocks.append(cell_lines)
        yield from _row_lines(cell_blocks)


# --- RTF ----------------------------------------------------------------------------------------

_RTF_TOKEN = re.compile(
    rb"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?|\\'([0-9a-fA-F]{2})|\\([^a-zA-Z])|([{}])|([^\\{}\r\n]+)|[\r\n]+"
)
# Groups that hold no readable text: tables of fonts, colours and styles, metadata, pictures, fields'
# instructions, and anything marked \* that we do not know.
_RTF_SKIPPED = {
    b"fonttbl", b"colortbl", b"stylesheet", b"info", b"pict", b"object", b"fldinst", b"themedata",
    b"colorschememapping", b"datastore", b"latentstyles", b"listtable", b"listoverridetable", b"revtbl",
    b"rsidtbl", b"generator", b"xmlnstbl", b"mmathPr", b"filetbl", b"pgdsctbl", b"bkmkstart", b"bkmkend",
    b"shpinst", b"nonshppict", b"falt", b"datafield", b"template", b"docvar", b"background",
}  # fmt: skip
_RTF_SYMBOLS = {
    b"par": "\n", b"line": "\n", b"sect": "\n", b"page": "\n", b"row": "\n", b"tab": "\t", b"cell": "\x1f",
    b"emdash": "—", b"endash": "–", b"bullet": "•", b"lquote": "‘", b"rquote": "’", b"ldblquote": "“",
    b"rdblquote": "”", b"emspace": " ", b"enspace": " ", b"qmspace": " ",
}  # fmt: skip
_RTF_CONTROL_SYMBOLS = {
    b"~": "\u00a0",
    b"_": "-",
    b"-": "",
    b"\\": "\\",
    b"{": "{",
    b"}": "}",
    b"\n": "\n",
    b"\r": "\n",
}
_RTF_CELL = "\x1f"


@dataclass
class _RtfGroup:
    skip: bool = False
    hidden: bool = False
    unicode_skip: int = 1  # \ucN: how many fallback characters follow each \uN


def _extract_rtf(data: bytes) -> _Extraction:
    text, hidden_words = _rtf_text(data)
    hidden: Counter[str] = Counter({"invisible": hidden_words} if hidden_words else {})
    lines = []
    for line in text.split("\n"):
        if _RTF_CELL in line:  # a table row: cells joined as in DOCX
            line = " | ".join(cell.strip() for cell in line.split(_RTF_CELL) if cell.strip())
        lines.append(line)
    return _Extraction(text="\n".join(lines), hidden=hidden)


def _rtf_text(data: bytes) -> tuple[str, int]:
    """The visible text of an RTF document and the number of words hidden with \\v."""
    codepage = "cp1252"
    stack = [_RtfGroup()]
    out: list[str] = []
    hidden_out: list[str] = []
    pending = bytearray()  # \'hh bytes, decoded together so multi-byte code pages work
    to_skip = 0  # fallback characters still to drop after a \uN

    def emit(text: str) -> None:
        if not stack[-1].skip:
            (hidden_out if stack[-1].hidden else out).append(text)

    position = 0
    while position < len(data):
        match = _RTF_TOKEN.match(data, position)
        if match is None:  # a lone backslash, or a control word too long to be real: skip a byte
            position += 1
            continue
        position = match.end()
        word, argument, hex_byte, symbol, brace, plain = match.groups()
        if word == b"bin" and argument:  # raw binary data (pictures) that may hold any byte, braces too
            position += max(int(argument), 0)
            continue
        if hex_byte is not None:
            if to_skip:
                to_skip -= 1
            else:
                pending.append(int(hex_byte, 16))
            continue
        if pending:
            emit(pending.decode(codepage, errors="replace"))
            pending.clear()
        group = stack[-1]
        if brace == b"{":
            stack.append(_RtfGroup(group.skip, group.hidden, group.unicode_skip))
        elif brace == b"}":
            if len(stack) > 1:
                stack.pop()
            to_skip = 0
        elif symbol == b"*":
            group.skip = True  # \* marks a destination readers may ignore when they do not know it
        elif symbol is not None:
            emit(_RTF_CONTROL_SYMBOLS.get(symbol, ""))
        elif word is not None:
            to_skip = _rtf_control(word, argument, group, emit)
            if word == b"ansicpg" and argument:
                codepage = _rtf_codepage(argument.decode())
        elif plain is not None:
            if to_skip:
                dropped = min(to_skip, len(plain))
                plain, to_skip = plain[dropped:], to_skip - dropped
            if plain:
                emit(plain.decode(codepage, errors="replace"))
    if pending:
        emit(pending.decode(codepage, errors="replace"))
    return "".join(out), len("".join(hidden_out).split())


def _rtf_control(word: bytes, argument: bytes | None, group: _RtfGroup, emit: Callable[[str], None]) -> int:
    """Apply one control word; returns how many fallback characters to skip next (after \\uN)."""
    if word in _RTF_SKIPPED:
        group.skip = True
    elif word == b"uc" and argument is not None:
        group.unicode_skip = max(int(argument), 0)
    elif word == b"u" and argument is not None:
        code = int(argument)
        code = code + 65536 if code < 0 else code  # RTF writes code points above 32767 as negative numbers
        emit(chr(code) if 0 < code < 0x110000 else "\ufffd")
        return group.unicode_skip
    elif word == b"v":
        group.hidden = argument != b"0"
    elif word == b"plain":
        group.hidden = False
    elif word in _RTF_SYMBOLS:
        emit(_RTF_SYMBOLS[word])
    return 0


def _rtf_codepage(number: str) -> str:
    name = f"cp{number}"
    try:
        codecs.lookup(name)
    except LookupError:
        return "cp1252"
    return name


# --- DOC (Word 97-2003) -------------------------------------------------------------------------

_DOC_TIMEOUT_SECONDS = 30


def _extract_doc(data: bytes) -> _Extraction:
    """Legacy Word files through Debian's `antiword` (run as a child process with a timeout)."""
    command = shutil.which(os.environ.get("ANTIWORD_CMD", "antiword"))
    if command is None:
        raise ExtractionError(
            "doc_unavailable",
            "Legacy Word documents (.doc) cannot be read on this server: the antiword program is not installed. "
            "Open the file in Word or LibreOffice, save it as .docx or PDF, then upload it again.",
        )
    with tempfile.TemporaryDirectory(prefix="resume-doc-") as folder:
        path = os.path.join(folder, "resume.doc")
        with open(path, "wb") as handle:
            handle.write(data)
        try:
            completed = subprocess.run(
                [command, "-w", "0", "-m", "UTF-8.txt", path],
                capture_output=True,
                timeout=_DOC_TIMEOUT_SECONDS,
                check=False,
            )
        except subprocess.TimeoutExpired as exc:
            raise ExtractionError(
                "timeout",
                f"Reading this Word document took longer than {_DOC_TIMEOUT_SECONDS} seconds; it may be malformed.",
            ) from exc
    if completed.returncode != 0:
        problem = completed.stderr.decode("utf-8", "replace").lower()
        if "encrypt" in problem or "password" in problem:
            raise ExtractionError(
                "encrypted",
                "This Word document is password-protected. Remove the password (or export it as PDF) "
                "and upload it again.",
            )
        raise ExtractionError(
            "corrupt",
            "This Word document is damaged and cannot be read. Open it, save it again "
            "(or export it as .docx or PDF), then upload it again.",
        )
    text = completed.stdout.decode("utf-8", errors="replace")
    # antiword marks pictures with a placeholder; a picture is not resume text.
    return _Extraction(text=re.sub(r"\[pic\]", "", text))


# --- TXT ----------------------------------------------------------------------------------------


def _extract_txt(data: bytes) -> _Extraction:
    text = _decode_text_strict(data)
    if text is None:
        # Only for damaged bytes: U+FFFD marks them visibly instead of silently dropping text.
        text = data.decode(_text_encodings(data)[-1], errors="replace")
    return _Extraction(text=text)


_READERS: dict[str, Callable[[bytes], _Extraction]] = {
    "pdf": _extract_pdf,
    "docx": _extract_docx,
    "doc": _extract_doc,
    "odt": _extract_odt,
    "rtf": _extract_rtf,
    "txt": _extract_txt,
    "png": _extract_image,
    "jpeg": _extract_image,
}
