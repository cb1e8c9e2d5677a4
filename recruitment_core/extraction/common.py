"""What every resume reader shares: the error and result types, text normalisation, and helpers used by
more than one format."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

import ftfy

RESUME_KINDS = ("pdf", "docx", "doc", "odt", "rtf", "txt", "png", "jpeg")

SUPPORTED_HINT = (
    "Upload the resume as a PDF, a Word document (.docx or .doc), an OpenDocument (.odt) or RTF file, "
    "a plain-text file, or a PNG/JPEG scan."
)
BYTES_PER_MB = 1024 * 1024


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
    ocr_pages: int = 0  # pages whose text was recognised from images


def damaged_image() -> ExtractionError:
    return ExtractionError(
        "corrupt", "This image is damaged or incomplete and cannot be read. Scan or export it again."
    )


def empty_file() -> ExtractionError:
    return ExtractionError("empty_file", "The file is empty. Check that the right file was chosen and upload it again.")


_LINE_BREAKS = str.maketrans({"\f": "\n", "\v": "\n", "\x85": "\n", "\u2028": "\n", "\u2029": "\n"})
# Control characters (PostgreSQL rejects NUL in text columns) and invisible format characters.
_INVISIBLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_HORIZONTAL_SPACE = re.compile(r"[^\S\n]+")
_BLANK_LINE_RUNS = re.compile(r"\n{3,}")


def normalise_text(text: str) -> str:
    """Collapse runs of spaces, strip line ends, keep at most one blank line in a row.

    NFKC turns ligatures ("ﬁ" from PDFs) and non-breaking spaces into plain characters, so skills
    and names match downstream. Before it, text that was encoded as UTF-8 and decoded as Windows-1252 on the
    way into the file ("Company Nameï¼š City" for "Company Name： City", "JosÃ©") is repaired.
    """
    text = unicodedata.normalize("NFKC", ftfy.fix_encoding(text))
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_LINE_BREAKS)
    text = _INVISIBLE.sub("", text)
    lines = (_HORIZONTAL_SPACE.sub(" ", line).strip() for line in text.split("\n"))
    return _BLANK_LINE_RUNS.sub("\n\n", "\n".join(lines)).strip("\n")


@dataclass
class Extraction:
    """What one reader found, before normalisation."""

    text: str
    pages: int | None = None
    has_text_layer: bool | None = None  # None: the file's own text, so "is there any text"
    ocr_used: bool = False
    ocr_pages: int = 0
    hidden: Counter[str] = field(default_factory=Counter)  # words left out, by reason
    notes: list[str] = field(default_factory=list)  # further red flags


# Colour channels (0-255) closer than this to the background count as the background colour.
BACKGROUND_TOLERANCE = 32
PAPER = (255, 255, 255)  # the page colour when a document sets none


def non_blank_lines(blocks: Iterable[str]) -> list[str]:
    # A paragraph may hold manual line breaks, so split before counting a cell's lines.
    return [line for block in blocks for line in block.split("\n") if line.strip()]


def row_lines(cell_blocks: list[list[str]]) -> list[str]:
    if all(len(lines) == 1 for lines in cell_blocks):
        return [" | ".join(lines[0] for lines in cell_blocks)] if cell_blocks else []
    return [line for lines in cell_blocks for line in lines]
