"""Margin columns on a PDF page: a narrow left column of headings or dates, each beside the text it belongs to.

Resume builders put a section's heading ("Experience", "Methods and / Tools") in a narrow cell left of the
section, or a job's dates in the left cell of a table row, top-aligned with the content. Such a column is read
block by block, each block just before the line it stands beside, not as a column of its own: reading it whole
would put every heading before every section. A sidebar (a column of its own content) is told apart by its
shape: its lines follow one another at the usual line spacing in blocks longer than a heading, and are about
as many as the lines beside them; a margin column holds a few short blocks, far apart, each top-aligned with
a line of the text on its right or standing just above the first line of a block of that text.
"""

from __future__ import annotations

import bisect
import itertools
import statistics
from typing import TYPE_CHECKING

from recruitment_core.extraction.pdf_columns import marks_only

if TYPE_CHECKING:
    from recruitment_core.extraction.pdf_columns import Gutter
    from recruitment_core.extraction.pdf_layout import Word

Row = list["Word"]

# Left lines closer than this (relative to the text height) belong to one block: a heading or a date range,
# wrapped on two lines at most. A longer block beside the text is content of its own (a sidebar's section).
_BLOCK_GAP_HEIGHTS = 0.8
_MAX_BLOCK_LINES = 2
# A block is read before the first right line whose top is at most this far below the block's top. That
# line is top-aligned with the block (this close), or starts a block of the right text: the space above it
# exceeds the usual space between right lines by this much (section spacing, a table row's padding).
_ALIGN_HEIGHTS = 0.5
_START_GAP_HEIGHTS = 0.4
# The margin has fewer lines than the text on its right, and beside that text's lines (not counting headings
# in the space above, between or below them) at most this many per right line.
_MAX_LINE_SHARE = 0.5


def margin_order(band: list[Row], gutter: Gutter) -> list[tuple[bool, list[Row]]] | None:
    """The band in reading order when its left side is a margin column, else None: pieces of (in the margin,
    rows), where margin rows are read as they are and the text between them as a column of its own.

    Left lines that pair one for one with the right lines beside them, ending together, are rows of a grid
    or table (skills in two columns) inside the band, and are read row by row.
    """
    left: list[Row] = []
    right: list[Row] = []
    for row in band:
        left_part = [word for word in row if word.x0 + word.x1 < 2 * gutter.split]
        right_part = row[len(left_part) :]
        if left_part:
            left.append(left_part)
        if right_part:
            right.append(right_part)
    # Bullet glyphs hung left of their items are no margin column.
    if not left or len(left) >= len(right) or all(marks_only(row) for row in left):
        return None
    text = _Text(right, statistics.median(word.y1 - word.y0 for row in band for word in row))
    blocks: list[tuple[int, list[Row]]] = []  # the right line each block is read before (len(right): after all)
    for row in left:
        index = text.beside(row)
        if blocks and text.continues(blocks[-1], row, index):
            blocks[-1][1].append(row)
        else:
            blocks.append((index, [row]))
    grids = [text.is_grid(block, index) for index, block in blocks]
    margin = [(index, block) for (index, block), grid in zip(blocks, grids, strict=True) if not grid]
    text_lines = len(right) - sum(len(block) for (_, block), grid in zip(blocks, grids, strict=True) if grid)
    if sum(text.overlaps(row, text.beside(row)) for _, block in margin for row in block) > _MAX_LINE_SHARE * text_lines:
        return None
    for index, block in margin:
        # Lines above or below all of the text are read before or after it, however many.
        apart = index in (0, len(right)) and not any(text.overlaps(row, index) for row in block)
        placed = index == 0 or index == len(right) or text.starts[index] or text.aligned(block[0], index)
        if not apart and (len(block) > _MAX_BLOCK_LINES or not placed):
            return None
    pieces: list[tuple[bool, list[Row]]] = []
    done = 0
    for (index, block), grid in zip(blocks, grids, strict=True):
        if index < done:
            return None
        if index > done:
            pieces.append((False, right[done:index]))
            done = index
        if grid:
            pieces.append((True, [row + right[index + i] for i, row in enumerate(block)]))
            done = index + len(block)
        else:
            pieces.append((True, block))
    if done < len(right):
        pieces.append((False, right[done:]))
    return pieces


class _Text:
    """The text right of a margin column: its lines, where they stand and which of them start a block."""

    def __init__(self, rows: list[Row], height: float) -> None:
        self.rows = rows
        self.height = height
        self.tolerance = _ALIGN_HEIGHTS * height
        self.tops = [_top(row) for row in rows]
        # The first line whose top is at most y is the first whose running lowest top is: found by bisection.
        self._lowest = [-top for top in itertools.accumulate(self.tops, min)]
        # A line starts a block when it is the first, or has more space above it than usual.
        gaps = [_bottom(above) - _top(row) for above, row in itertools.pairwise(rows)]
        usual = statistics.median(gaps) if gaps else 0.0
        self.starts = [True] + [gap > usual + _START_GAP_HEIGHTS * height for gap in gaps]
        self._starts_before = [0, *itertools.accumulate(self.starts)]

    def beside(self, row: Row) -> int:
        """The index of the first right line whose top is not above the row's (len(rows) when none)."""
        return bisect.bisect_left(self._lowest, -(_top(row) + self.tolerance))

    def aligned(self, row: Row, index: int) -> bool:
        return index < len(self.rows) and abs(self.tops[index] - _top(row)) <= self.tolerance

    def overlaps(self, row: Row, index: int) -> bool:
        """Whether a left line stands beside a right line, not in the space above, between or below them (a
        heading over a table); `index` is where `beside` puts it."""
        top, bottom = _top(row), _bottom(row)
        near = self.rows[max(index - 1, 0) : index + 1]
        return any(_top(line) > bottom and _bottom(line) < top for line in near)

    def continues(self, block: tuple[int, list[Row]], row: Row, index: int) -> bool:
        """Whether a left line goes on with the block above it: close below it, no right block starting
        between the block's first line and this one (a date beside the next entry), and not the first line
        beside the text after lines above it (a heading over the rows of a grid)."""
        first, rows = block
        after, through = min(first + 1, len(self.rows)), min(index + 1, len(self.rows))
        started = self._starts_before[through] > self._starts_before[after]
        if started or _bottom(rows[-1]) - _top(row) > _BLOCK_GAP_HEIGHTS * self.height:
            return False
        return self.aligned(rows[0], first) or not self.aligned(row, index)

    def is_grid(self, block: list[Row], index: int) -> bool:
        """Whether the block's lines each stand beside one right line, and the text beside it ends with it."""
        end = index + len(block)
        if len(block) < 2 or end > len(self.rows) or (end < len(self.rows) and not self.starts[end]):
            return False
        return all(self.aligned(row, index + offset) for offset, row in enumerate(block))


def _top(row: Row) -> float:
    return max(word.y1 for word in row)


def _bottom(row: Row) -> float:
    return min(word.y0 for word in row)
