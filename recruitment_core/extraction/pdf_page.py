"""One PDF page through PDFium: its words, their boxes in reading orientation, and the words a reader cannot
see left out."""

from __future__ import annotations

import ctypes
import math
import os
import re
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from recruitment_core.extraction.pdf_layout import PageContent, Word, group_rows, join_letter_spaced
from recruitment_core.extraction.pdf_visibility import PageScene, RunStyle, has_image, run_style

# PDFium is not thread-safe; the AI service may extract from several threads at once. Forks (the
# sandbox) wait for it too, so a child never inherits the library halfway through another thread's call.
PDFIUM_LOCK = threading.RLock()
os.register_at_fork(before=PDFIUM_LOCK.acquire, after_in_parent=PDFIUM_LOCK.release, after_in_child=PDFIUM_LOCK.release)


# PDFium marks a word hyphenated across a line end with U+FFFE and no space: split it there.
_WORD = re.compile(r"[^\s\ufffe]+\ufffe?|\ufffe")
_LINE_END_HYPHEN = "\ufffe"
Box = tuple[float, float, float, float]
_DIRECTION_SAMPLE = 24  # words whose direction decides which way up a page's text is
# A gap between two glyphs wider than this share of the text height separates words (pdftotext uses a tenth
# of the font size; kerning and tracking inside a word stay well below it).
_WORD_GAP = 0.1


# FPDFText_GetTextObject returning a plain address (pypdfium2's wrapper returns a typed pointer object,
# and this runs once per word).
_text_object_at = ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int)(
    ctypes.cast(pdfium_c.FPDFText_GetTextObject, ctypes.c_void_p).value or 0
)


def read_pdf_page(page: pdfium.PdfPage) -> PageContent:
    textpage = page.get_textpage()
    try:
        count = pdfium_c.FPDFText_CountChars(textpage.raw)
        text = _page_text(textpage.raw, count)
        if not text.strip():
            return PageContent(needs_ocr=has_image(page.raw))
        result = PageContent()
        words = _visible_words(page, textpage.raw, text, result.hidden)
        result.rows = [join_letter_spaced(row) for row in group_rows(words)]
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


def _visible_words(page: pdfium.PdfPage, textpage: Any, text: str, hidden: Counter[str]) -> list[Word]:
    """The page's words a reader can see; the others are counted in `hidden` by reason.

    A word of one character takes its box from PDFium directly; longer ones are measured glyph by glyph,
    since their characters may belong to several words placed without a space between them.
    """
    get_box, box = pdfium_c.FPDFText_GetLooseCharBox, pdfium_c.FS_RECTF()
    pdfium_c.FPDF_GetPageBoundingBox(page.raw, box)
    left, bottom, right, top = box.left, box.bottom, box.right, box.top
    rotation = _text_rotation(textpage, text)
    orient = _orientation(rotation)
    concerns: dict[int, tuple[RunStyle, str | None]] = {}  # text object address -> style, what to check
    scene: PageScene | None = None
    words: list[Word] = []
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
            style = run_style(textpage, address, first)
            known = concerns[address] = (style, style.concern)
        centre_x, centre_y = (x0 + x1) / 2, (y0 + y1) / 2
        reason = known[1]
        if centre_x < left or centre_x > right or centre_y < bottom or centre_y > top:
            reason = "off_page"
        elif reason == "scene":  # light or invisible text: it depends on what lies beneath
            if scene is None:
                scene = PageScene(page.raw)
            reason = scene.hidden_reason(address, known[0], centre_x, centre_y)
        if reason:
            hidden[reason] += 1
        elif last > first:
            words += _split_at_gaps(textpage, first, last, text, orient)
        else:
            words.append(Word(match.group().replace(_LINE_END_HYPHEN, "-"), *orient(x0, y0, x1, y1)))
    return words


def _split_at_gaps(
    textpage: Any, first: int, last: int, text: str, orient: Callable[[float, float, float, float], Box]
) -> Iterator[Word]:
    """The words of a run of characters PDFium read without a space, split where the glyphs stand apart.

    Many producers (LaTeX, groff, resume builders, HTML converters) place each word by position and draw no
    space character; PDFium then joins words whose gap is below its own guess. Like pdftotext, a gap wider
    than a tenth of the text height between one glyph's advance and the next glyph is a word break.
    """
    box = pdfium_c.FS_RECTF()
    piece: list[str] = []
    x0 = y0 = x1 = y1 = 0.0
    previous_right = previous_width = 0.0
    for index in range(first, last + 1):
        char = text[index]
        if char == _LINE_END_HYPHEN:  # PDFium's mark of a hyphen at a line end: no box of its own
            piece.append("-")
            continue
        pdfium_c.FPDFText_GetLooseCharBox(textpage, index, box)
        left, bottom, right, top = orient(box.left, box.bottom, box.right, box.top)
        width, height = right - left, top - bottom
        if piece:
            line_height = max(y1 - y0, height)
            new_line = abs((bottom + top) - (y0 + y1)) > line_height
            apart = width > 0 and previous_width > 0 and left - previous_right > _WORD_GAP * line_height
            if new_line or apart:
                yield Word("".join(piece), x0, y0, x1, y1)
                piece = []
        if not piece:
            x0, y0, x1, y1 = left, bottom, right, top
        x0, y0, x1, y1 = min(x0, left), min(y0, bottom), max(x1, right), max(y1, top)
        previous_right, previous_width = right, width
        piece.append(char)
    if piece:
        yield Word("".join(piece), x0, y0, x1, y1)


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


def _orientation(rotation: int) -> Callable[[float, float, float, float], Box]:
    """Turn page-space boxes by `rotation` degrees clockwise, so that the text reads upright."""
    if rotation == 90:
        return lambda x0, y0, x1, y1: (y0, -x1, y1, -x0)
    if rotation == 180:
        return lambda x0, y0, x1, y1: (-x1, -y1, -x0, -y0)
    if rotation == 270:
        return lambda x0, y0, x1, y1: (-y1, x0, -y0, x1)
    return lambda x0, y0, x1, y1: (x0, y0, x1, y1)
