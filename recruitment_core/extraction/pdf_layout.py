"""PDF words into lines in reading order: rows, columns split at their gutters, and running headers, footers
and page numbers removed."""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from dataclasses import dataclass, field

from wordfreq import zipf_frequency

from recruitment_core.extraction.pdf_columns import bands, find_gutter, reads_as_columns
from recruitment_core.extraction.pdf_margin import margin_order


class Word:
    """A word's text and box in reading orientation (points, y upwards)."""

    __slots__ = ("text", "x0", "x1", "y0", "y1")

    def __init__(self, text: str, x0: float, y0: float, x1: float, y1: float) -> None:
        self.text = text
        self.x0 = x0
        self.y0 = y0
        self.x1 = x1
        self.y1 = y1


@dataclass
class PageContent:
    """What was read from one PDF page: its visible words, the words left out, and OCR text for a scan."""

    rows: list[list[Word]] = field(default_factory=list)  # visible words by line, top to bottom
    hidden: Counter[str] = field(default_factory=Counter)
    needs_ocr: bool = False  # no text layer, but images that may be a scan
    ocr_text: str | None = None


# Words whose vertical centres are this close (relative to their height) share a line.
_SAME_LINE = 0.45
_MAX_COLUMN_DEPTH = 4  # columns within columns; more than this is a table, read line by line


def group_rows(words: list[Word]) -> list[list[Word]]:
    """Words grouped into lines, top to bottom, each line left to right."""
    rows: list[list[Word]] = []
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


# Letter-spaced text ("S U M M A R Y", small capitals drawn letter by letter): words of one or two letters in
# a row, at least this many of them single letters and at least this share, at gaps below this share of the
# text height. "I am a a to be" is not letter-spaced: its two-letter words are as many as its letters.
_MIN_SPACED_LETTERS = 4
_MIN_SINGLE_SHARE = 0.75
_MAX_LETTER_GAP = 0.8
# Inside such a run, a gap this much wider than the narrowest one is a word break ("P R O   E X P").
_SPACED_WORD_GAP = 1.5


def join_letter_spaced(row: list[Word]) -> list[Word]:
    """The row with letter-spaced words joined back into words; other words untouched."""
    joined: list[Word] = []
    run: list[Word] = []
    for word in [*row, None]:
        if word is not None and _spaced_letter(word) and (not run or _letter_gap(run[-1], word) is not None):
            run.append(word)
            continue
        joined += _join_run(run) if _is_spaced_run(run) else run
        run = []
        if word is not None:
            if _spaced_letter(word):
                run = [word]
            else:
                joined.append(word)
    return joined


def _spaced_letter(word: Word) -> bool:
    return len(word.text) <= 2 and word.text.isalpha()


def _letter_gap(left: Word, right: Word) -> float | None:
    gap = right.x0 - left.x1
    height = max(left.y1 - left.y0, right.y1 - right.y0, 1.0)
    return gap if -0.1 * height <= gap <= _MAX_LETTER_GAP * height else None


def _is_spaced_run(run: list[Word]) -> bool:
    singles = sum(len(word.text) == 1 for word in run)
    return singles >= _MIN_SPACED_LETTERS and singles >= _MIN_SINGLE_SHARE * len(run)


def _join_run(run: list[Word]) -> list[Word]:
    gaps = [right.x0 - left.x1 for left, right in itertools.pairwise(run)]
    height = max(word.y1 - word.y0 for word in run)
    narrowest = max(min(gaps), 0.0)
    limit = max(_SPACED_WORD_GAP * narrowest, narrowest + 0.1 * height)
    words = [[run[0]]]
    for gap, word in zip(gaps, run[1:], strict=True):
        if gap > limit:
            words.append([word])
        else:
            words[-1].append(word)
    return [
        Word("".join(w.text for w in part), part[0].x0, min(w.y0 for w in part), part[-1].x1, max(w.y1 for w in part))
        for part in words
    ]


# A line that ends in part of a word and a hyphen, and a next line that goes on with a lower-case word.
_HYPHENATED_END = re.compile(r"(?<![^\W\d_])([^\W\d_]+)-$")
# Zipf frequency (log10 per billion words) from which a joined form counts as an English word: "submittals"
# 1.6 and "thoroughfare" 2.9 are words, "selfmotivated" and "changeouts" (0.0) are not.
_KNOWN_WORD_ZIPF = 1.5
_CONTINUED = re.compile(r"([^\W\d_]*[a-z][^\W\d_]*)(\S*)\s*(.*)")


def join_hyphenated_lines(lines: list[str]) -> list[str]:
    """Words hyphenated across a line end put back together on the first line.

    Typesetters (LaTeX, groff) break long words with a hyphen ("construc-" + "tion"); any producer may break a
    compound at its own hyphen ("self-" + "motivated"). The text itself decides where it writes the word
    elsewhere; otherwise an English word list does: the hyphen goes when the joined word is a known word.
    """
    text = "\n".join(lines).casefold()
    joined = list(lines)
    for index in range(len(joined) - 1):
        end = _HYPHENATED_END.search(joined[index])
        follow = _CONTINUED.fullmatch(joined[index + 1])
        if end is None or follow is None or not follow.group(1)[0].islower():
            continue
        head, tail = end.group(1), follow.group(1)
        joined[index] = joined[index][: end.start()] + _rejoined(head, tail, text) + follow.group(2)
        joined[index + 1] = follow.group(3)
    return [line for line in joined if line]


def _rejoined(head: str, tail: str, text: str) -> str:
    closed, hyphenated = f"{head}{tail}", f"{head}-{tail}"
    if hyphenated.casefold() in text and closed.casefold() not in text:
        return hyphenated
    if closed.casefold() in text:
        return closed
    return closed if zipf_frequency(closed, "en") >= _KNOWN_WORD_ZIPF else hyphenated


def reading_order(
    words: list[Word], depth: int = 0, rows: list[list[Word]] | None = None, section: bool = False
) -> list[str]:
    """Lines in the order a person reads them: columns one after the other, left to right.

    Columns are found from the words' x extents: a vertical gutter that (almost) no line crosses. Lines
    that cross it (a full-width name or heading) split the page into bands read top to bottom. A narrow
    left column of headings or dates is read block by block, each before the text beside it; that text is
    one `section`, where two sides whose lines pair one for one are a grid of items, read row by row.
    """
    rows = group_rows(words) if rows is None else rows
    gutter = find_gutter(rows) if depth < _MAX_COLUMN_DEPTH else None
    if gutter is None:
        return [_row_text(row) for row in rows]
    lines: list[str] = []
    for crossing, band in bands(rows, gutter):
        band_words = [word for row in band for word in row]
        if crossing:
            # Full-width lines; they may hold columns of their own (a different gutter).
            if len(band) < len(rows):
                lines += reading_order(band_words, depth + 1, section=section)
            else:
                lines += [_row_text(row) for row in band]
        elif (pieces := margin_order(band, gutter)) is not None:
            for in_margin, piece in pieces:
                piece_words = [word for row in piece for word in row]
                lines += (
                    [_row_text(row) for row in piece]
                    if in_margin
                    else reading_order(piece_words, depth + 1, section=True)
                )
        elif reads_as_columns(band, gutter, grid_rows=section):
            lines += reading_order(
                [w for w in band_words if w.x0 + w.x1 < 2 * gutter.split], depth + 1, section=section
            )
            lines += reading_order(
                [w for w in band_words if w.x0 + w.x1 >= 2 * gutter.split], depth + 1, section=section
            )
        else:
            lines += [_row_text(row) for row in band]
    return lines


def _row_text(row: list[Word]) -> str:
    return " ".join(word.text for word in row)


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


def drop_running_lines(pages: list[PageContent]) -> list[str]:
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


def _drop_repeated(pages: list[PageContent], zone: str, needed: int, dropped: set[int]) -> list[str]:
    def zone_rows(page: PageContent) -> list[list[Word]]:
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


def _running_key(row: list[Word]) -> str:
    # Page numbers and dates change from page to page; the rest of a running line does not.
    return re.sub(r"\d+", "#", _row_text(row).casefold())


def _replace_row(page: PageContent, row: list[Word], text: str) -> None:
    merged = Word(text, row[0].x0, min(w.y0 for w in row), row[-1].x1, max(w.y1 for w in row))
    page.rows = [[merged] if existing is row else existing for existing in page.rows]
