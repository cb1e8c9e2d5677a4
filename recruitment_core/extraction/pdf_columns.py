"""Columns on a PDF page: the gutter between them, and the bands of lines that run across it or not."""

from __future__ import annotations

import bisect
import itertools
import math
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from recruitment_core.extraction.pdf_layout import Word

# A gutter is at least this wide relative to the text height (word gaps are about a quarter of it).
_MIN_GUTTER_HEIGHTS = 0.9
_MIN_GUTTER_POINTS = 6.0
# Up to this share of lines may cross a gutter: full-width headings above, between or below columns.
_MAX_CROSSING_SHARE = 0.34
_MIN_COLUMN_LINES = 2
_MAX_LAYOUT_WIDTH = 20_000  # points; text spread wider than this (a hostile file) is read line by line
# A narrower gap is a gutter only beside a column whose lines start at one x (a sidebar printed a word
# space from the main column's right-aligned dates): this many lines, and this share of the lines beside it,
# start within this share of the text height of that edge; each column spans this share of the text width
# and this many text heights (a label and its value are no columns).
_MIN_NARROW_GUTTER_POINTS = 1.0
_MIN_ALIGNED_LINES = 6
_MIN_ALIGNED_SHARE = 0.6
_EDGE_TOLERANCE_HEIGHTS = 0.15
_MIN_COLUMN_WIDTH_SHARE = 0.2
_MIN_COLUMN_WIDTH_HEIGHTS = 10
_MAX_NARROW_CROSSING_BANDS = 2  # full-width lines above and below the columns, or above and between
_MAX_REPEATED_PAIR_SHARE = 0.5


@dataclass(frozen=True)
class Gutter:
    split: float  # the middle of the gap between the columns
    min_gap: float  # a line whose words leave less room than this around `split` runs across it
    edge: float | None = None  # where the right column's lines start, when they start at one x
    edge_tolerance: float = 0.0


def find_gutter(rows: list[list[Word]]) -> Gutter | None:
    """The x range of the best column gutter, or None for a single column.

    Coverage counts, for each point across the page, the lines with a word over it. The gutter is the
    widest stretch crossed by the fewest lines (none, then one...), up to a share of the lines, that is
    wide enough and has lines of text on both sides. A narrower stretch is a gutter when the lines right of
    it start at one aligned edge and both sides are wide enough to be columns.
    """
    if len(rows) < _MIN_COLUMN_LINES:
        return None
    words = [word for row in rows for word in row]
    start = min(word.x0 for word in words)
    heights = sorted(word.y1 - word.y0 for word in words)
    height = heights[len(heights) // 2]
    min_width = max(_MIN_GUTTER_POINTS, _MIN_GUTTER_HEIGHTS * height)
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
        best: tuple[tuple[int, int], Gutter] | None = None
        for run_start, run_end in _runs(coverage, crossing):
            if run_end - run_start < _MIN_NARROW_GUTTER_POINTS:
                continue
            left_edge, right_edge = start + run_start, start + run_end
            sides = _lines_beside(rows, left_edge, right_edge)
            if min(sides) < _MIN_COLUMN_LINES:
                continue
            gutter: Gutter | None = Gutter((left_edge + right_edge) / 2, min_width)
            if run_end - run_start < min_width:
                narrower = min(run_start, size - run_end)
                wide_sides = narrower >= max(_MIN_COLUMN_WIDTH_SHARE * size, _MIN_COLUMN_WIDTH_HEIGHTS * height)
                aligned = wide_sides and min(sides) >= _MIN_ALIGNED_LINES
                gutter = _narrow_gutter(rows, (left_edge, right_edge), height, min_width) if aligned else None
            score = (min(sides), run_end - run_start)
            if gutter is not None and (best is None or score > best[0]):
                best = (score, gutter)
        if best is not None:
            return best[1]
    return None


def _narrow_gutter(
    rows: list[list[Word]], stretch: tuple[float, float], height: float, min_gap: float
) -> Gutter | None:
    """A gutter in a stretch narrower than a gutter's width, when the lines right of it start at one edge and
    the lines that run across it are together (full-width lines above or below the columns), not scattered
    among the lines beside it (a bullet glyph before its indented text, a word that happens to line up)."""
    left_edge, right_edge = stretch
    tolerance = _EDGE_TOLERANCE_HEIGHTS * height
    starts = []
    pairs: Counter[tuple[str, str]] = Counter()  # the words on either side of the stretch, per line
    for row in rows:
        beyond = [index for index, word in enumerate(row) if word.x0 >= right_edge]
        if beyond and (beyond[0] == 0 or row[beyond[0] - 1].x1 <= left_edge):
            starts.append(row[beyond[0]].x0)
            if beyond[0] > 0:
                pairs[(row[beyond[0] - 1].text, row[beyond[0]].text)] += 1
    if not starts:
        return None
    # Lines that repeat the same words either side ("... PostgreSQL | services ...") are one column of
    # repeated text whose word spaces line up, not two columns.
    if pairs and pairs.most_common(1)[0][1] > _MAX_REPEATED_PAIR_SHARE * sum(pairs.values()):
        return None
    # The edge is where the most lines start; a word that happens to start a little before it is no edge.
    starts.sort()
    aligned, edge = max(
        (bisect.bisect_right(starts, x + tolerance) - bisect.bisect_left(starts, x - tolerance), x) for x in starts
    )
    if aligned < max(_MIN_ALIGNED_LINES, _MIN_ALIGNED_SHARE * len(starts)):
        return None
    gutter = Gutter((left_edge + right_edge) / 2, min_gap, edge, tolerance)
    crossing_bands = sum(1 for crossing, _ in bands(rows, gutter) if crossing)
    return gutter if crossing_bands <= _MAX_NARROW_CROSSING_BANDS else None


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


def _lines_beside(rows: list[list[Word]], left_edge: float, right_edge: float) -> tuple[int, int]:
    left = sum(1 for row in rows if any(word.x1 <= left_edge for word in row))
    right = sum(1 for row in rows if any(word.x0 >= right_edge for word in row))
    return left, right


def _crosses(row: list[Word], gutter: Gutter) -> bool:
    """Whether a line runs across the gutter: a word over it, or words on both sides with only a word
    space between them (a heading), rather than a gutter's width (two columns that share a baseline) or
    the right column starting at its aligned edge."""
    left = 0
    for word in row:
        if word.x0 < gutter.split < word.x1:
            return True
        if word.x0 + word.x1 < 2 * gutter.split:
            left += 1
    if left == 0 or left == len(row):
        return False
    if gutter.edge is not None and abs(row[left].x0 - gutter.edge) <= gutter.edge_tolerance:
        return False
    return row[left].x0 - row[left - 1].x1 < gutter.min_gap


def bands(rows: list[list[Word]], gutter: Gutter) -> Iterator[tuple[bool, list[list[Word]]]]:
    """Runs of consecutive lines that do or do not cross the gutter."""
    band: list[list[Word]] = []
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


def reads_as_columns(band: list[list[Word]], gutter: Gutter, grid_rows: bool = False) -> bool:
    """Text on both sides of the gutter is read as columns, except labels: a sparse side whose every
    line has a partner on the other side ("2019-2024 | Senior Engineer" above indented bullets). With
    `grid_rows` (the text of one section), sides whose every line has a partner are a grid, read by rows."""
    left = [index for index, row in enumerate(band) if row[0].x0 + row[0].x1 < 2 * gutter.split]
    right = [index for index, row in enumerate(band) if row[-1].x0 + row[-1].x1 >= 2 * gutter.split]
    if min(len(left), len(right)) < _MIN_COLUMN_LINES:
        return False
    if grid_rows and len(left) == len(right) == len(band):
        return False
    if all(marks_only([w for w in band[index] if w.x0 + w.x1 < 2 * gutter.split]) for index in left):
        return False  # bullet glyphs hung left of their items' text
    sparse, other = (left, right) if len(left) < len(right) else (right, left)
    if len(sparse) == len(other) or not set(sparse) <= set(other):
        return True
    adjacent = sum(1 for a, b in itertools.pairwise(sparse) if b == a + 1)
    return adjacent * 3 > len(sparse) - 1


def marks_only(words: list[Word]) -> bool:
    """Whether the words are marks without a letter or digit (bullet glyphs, dashes)."""
    return all(not any(char.isalnum() for char in word.text) for word in words)
