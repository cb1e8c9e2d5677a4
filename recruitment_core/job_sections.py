"""The description as plain text cut into sections at its headings, and the responsibilities it lists."""

import html
import re
from dataclasses import dataclass

from recruitment_core.job_vocabulary import GENERAL, RESPONSIBILITIES, ROLE, job_vocabulary, normalise_heading
from recruitment_core.sections import Line, normalise_text, split_lines
from recruitment_core.vocabulary import BULLET, is_bullet, strip_bullet

# HTML as job boards deliver it: list items, paragraphs and headings become lines.
LOOKS_LIKE_HTML = re.compile(r"<\s*/?\s*(?:p|br|li|ul|ol|div|h[1-6]|strong|b|em|span)\b[^<>]{0,200}>", re.IGNORECASE)
HTML_ITEM = re.compile(r"<\s*li\b[^<>]{0,200}>", re.IGNORECASE)
HTML_BREAK = re.compile(r"<\s*/?\s*(?:br|p|div|h[1-6]|ul|ol|tr|table|section)\b[^<>]{0,200}>", re.IGNORECASE)
HTML_TAG = re.compile(r"<[^<>]{0,200}>")

HEADING_DECORATION = re.compile(r"^[\s#*_=~|•·>\[\]-]+|[\s#*_=~|•·<\[\]:：-]+$")
INLINE_LABEL = re.compile(
    r"^\s*(?:#+\s*)?(?:\*\*|__)?\s*([A-Za-z][\w '&/,()-]{0,48}?)\s*(?:\*\*|__)?\s*[:：]\s*(?:\*\*|__)?\s*(?=\S)"
)
PARENTHESES = re.compile(r"\s*\([^()]*\)")
NEW_SENTENCE = re.compile(r"(?<![A-Z])(?<!\b[a-z])(?<!e\.g)(?<!i\.e)[.!?](?=\s+[A-Z0-9])")
MAX_HEADING_WORDS = 8
MAX_INLINE_LABEL_WORDS = 6
MAX_TITLE_CASE_HEADING_WORDS = 6
DUTY_WORD = re.compile(r"[^\W\d_][\w'-]*")
# A posting without a responsibilities heading lists its duties when it opens with at least this many.
MIN_DUTIES_WITHOUT_HEADING = 2
SMALL_WORDS = frozenset(
    {"a", "an", "and", "as", "at", "for", "in", "of", "on", "or", "the", "to", "with", "you", "your"}
)
# ---------------------------------------------------------------------------------------------------------
# Text and sections


def clean_description(text: str) -> str:
    """The description as plain text: HTML list items and paragraphs as lines, NFKC, straight apostrophes.

    Every offset the parser reports or uses refers to this text.
    """
    if LOOKS_LIKE_HTML.search(text):
        text = HTML_ITEM.sub("\n- ", text)
        text = HTML_BREAK.sub("\n", text)
        text = html.unescape(HTML_TAG.sub("", text))
    return normalise_text(text).replace("’", "'").replace("‘", "'")


@dataclass(frozen=True)
class Block:
    """A stretch of the description under one heading; `inline` for "Nice to have: Go" (that line only)."""

    start: int
    end: int
    kind: str
    label: str | None
    inline: bool


def _classify_heading(key: str) -> str | None:
    vocab = job_vocabulary()
    kind = vocab.kind_by_heading.get(key) or vocab.kind_by_heading.get(normalise_heading(PARENTHESES.sub("", key)))
    if kind is not None:
        return kind
    for pattern, keyword_kind in vocab.heading_keywords:
        if pattern.search(key):
            return keyword_kind
    return None


def _is_title_case(text: str) -> bool:
    tokens = re.findall(r"[^\W\d_][\w'-]*", text)
    significant = [token for token in tokens if token.lower() not in SMALL_WORDS]
    return bool(significant) and all(token[0].isupper() for token in significant)


def _line_heading(text: str) -> tuple[str, str] | None:
    """(kind, heading) when the whole line is a heading: "Requirements", "## What you'll do", "BENEFITS"."""
    raw = text.strip()
    if not raw or len(raw) > 80:
        return None
    markup = raw.startswith(("#", "**", "__"))
    if not markup and is_bullet(raw):
        return None
    labelled = INLINE_LABEL.match(raw)
    if labelled and re.search(r"\w", raw[labelled.end() :]):
        return None  # "Job type: Part-time" labels its line
    core = HEADING_DECORATION.sub("", raw)
    ends_with_colon = raw.rstrip("*_ ").endswith((":", "："))
    if not core or core.endswith((".", "!", ",", ";")) or len(core.split()) > MAX_HEADING_WORDS:
        return None
    key = normalise_heading(core)
    letters = [character for character in core if character.isalpha()]
    capitals = len(letters) >= 3 and all(character.isupper() for character in letters)
    formatted = markup or ends_with_colon or capitals
    vocab = job_vocabulary()
    known = vocab.kind_by_heading.get(key) or vocab.kind_by_heading.get(normalise_heading(PARENTHESES.sub("", core)))
    if known is not None:
        return (known, key) if formatted or key not in vocab.weak_headings else None
    title_case = len(core.split()) <= MAX_TITLE_CASE_HEADING_WORDS and _is_title_case(core)
    if not (formatted or title_case):
        return None
    kind = _classify_heading(key)
    if kind is not None:
        return kind, key
    return (GENERAL, key) if ends_with_colon else None


def _inline_heading(line: Line) -> tuple[str, str, int] | None:
    """(kind, label, content offset) for a labelled line: "Nice to have: Kubernetes", "- Location: Berlin"."""
    bullet = BULLET.match(line.text)
    offset = bullet.end() if bullet else 0
    match = INLINE_LABEL.match(line.text, offset)
    if not match or not re.search(r"\w", line.text[match.end() :]):
        return None
    label = normalise_heading(match.group(1))
    if not label or len(label.split()) > MAX_INLINE_LABEL_WORDS:
        return None
    kind = _classify_heading(label)
    return (kind, label, line.start + match.end()) if kind else None


def find_blocks(text: str) -> list[Block]:
    """The description cut at its headings, in order; heading text belongs to no block."""
    blocks: list[Block] = []
    kind, label, start = GENERAL, None, 0
    for line in split_lines(text):
        heading = _line_heading(line.text)
        if heading is not None:
            blocks.append(Block(start, line.start, kind, label, inline=False))
            kind, label = heading
            start = line.end
            continue
        inline = _inline_heading(line)
        if inline is not None:
            # The label claims its line up to the end of the first sentence: "Stack: Go, Kafka. 5+ years ..."
            sentence_end = NEW_SENTENCE.search(text, inline[2], line.end)
            end = sentence_end.end() if sentence_end else line.end
            blocks.append(Block(start, line.start, kind, label, inline=False))
            blocks.append(Block(inline[2], end, inline[0], inline[1], inline=True))
            start = end
    blocks.append(Block(start, len(text), kind, label, inline=False))
    return [block for block in blocks if block.end > block.start]


# ---------------------------------------------------------------------------------------------------------
# Responsibilities


def find_responsibilities(text: str, blocks: list[Block]) -> list[str]:
    """The items under a responsibilities heading or, when there is none, the duty sentences under no heading or
    a role heading, as postings often open ("Manage payroll for 300 staff.", "Oversees the front desk.")."""
    items: list[str] = []
    for block in blocks:
        if block.kind != RESPONSIBILITIES:
            continue
        body = text[block.start : block.end]
        if block.inline:
            items.extend(body.split(";"))
            continue
        lines = [line for line in body.split("\n") if line.strip()]
        if any(is_bullet(line) for line in lines):
            items.extend(_bullet_items(lines))
        else:
            items.extend(_sentences(" ".join(line.strip() for line in lines)))
    return _tidy(items) or _duties_without_heading(text, blocks)


def _tidy(items: list[str]) -> list[str]:
    return [item for item in (" ".join(item.split()).rstrip(" .;,") for item in items) if item]


def _duties_without_heading(text: str, blocks: list[Block]) -> list[str]:
    duties: list[str] = []
    for block in blocks:
        if block.kind not in (GENERAL, ROLE) or block.inline:
            continue
        lines = [line for line in text[block.start : block.end].split("\n") if line.strip()]
        for item in _bullet_items(lines):
            duties.extend(sentence for sentence in _sentences(item) if is_duty(sentence))
    duties = _tidy(duties)
    return duties if len(duties) >= MIN_DUTIES_WITHOUT_HEADING else []


def is_duty(sentence: str) -> bool:
    """Whether a sentence says what the person will do: "Prepare payroll", "Oversees audits", "You will ..."."""
    vocab = job_vocabulary()
    opening = vocab.duty_opening.match(sentence)
    if opening and opening.group("any"):
        return True  # "Responsible for ..."
    words = DUTY_WORD.findall(sentence, opening.end() if opening else 0)
    if not words or words[0].lower() not in vocab.duty_verbs:
        return False
    return len(words) == 1 or words[1].lower() not in vocab.duty_not_after_verb


def _bullet_items(lines: list[str]) -> list[str]:
    items: list[str] = []
    for line in lines:
        stripped = line.strip()
        if is_bullet(stripped):
            items.append(strip_bullet(stripped).rstrip(" ;"))
        elif items and stripped[:1].islower():
            items[-1] = f"{items[-1]} {stripped}".rstrip(" ;")  # a wrapped bullet
        elif not stripped.endswith(":"):
            items.append(stripped.rstrip(" ;"))
    return items


def _sentences(paragraph: str) -> list[str]:
    return [sentence.strip() for sentence in re.split(r"(?<=[.!?;])\s+(?=[A-Z])", paragraph) if sentence.strip()]
