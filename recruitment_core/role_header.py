"""The title and the employer in the header lines of a role: which parts of "Senior Engineer | Acme Corp,
Austin, TX" name what, once places, durations and kinds of contract are left out.

Which part is the title and which the employer is decided by their words ("Engineer" ends a title, "Inc" or
"Bank" marks an organisation), then by the usual order: title first.
"""

import re
from dataclasses import dataclass

from recruitment_core.vocabulary import (
    COMPANY_SUFFIX,
    PARENTHETICAL,
    employer_score,
    is_bullet,
    is_place,
    region_of,
    split_strong,
    strip_bullet,
    strip_place,
    title_score,
    vocabulary,
    words,
)

# Header lines are short; a longer line is a sentence of a description.
MAX_HEADER_WORDS = 12
# "3 yrs 2 mos", "(2 years)", "· 1 yr" as LinkedIn prints them next to dates.
DURATION = re.compile(
    r"[(·•]?\s*\d+\+?\s*(?:yrs?|years?|mos?|months?)(?:\s*,?\s*\d+\s*(?:mos?|months?))?\s*\)?", re.IGNORECASE
)
LABEL_LINE = re.compile(r"^[\w /&-]{1,30}:\s")
AT_EMPLOYER = re.compile(r"\s+(?:at|@)\s+|\s*@\s*")
# Words that may start with a small letter in a title-case header ("Head of Sales", "eBay").
SMALL_WORDS = frozenset({"of", "and", "the", "for", "at", "in", "on", "to", "a", "an", "de", "du", "la", "&", "with"})
# Two titles of one role on either side of a slash ("Server / Shift Lead"), between other separators.
SLASHED_TITLES = re.compile(r"([^|•·–—/]*[^\s|•·–—/]) / ([^\s|•·–—/][^|•·–—/]*)")
# Wide gaps between columns of a header line ("Registered Nurse      Jan 2017 to Current").
COLUMN_GAP = re.compile(r"(?<=\S)\s{3,}(?=\S)")
SENIORITY_WORDS = frozenset({"senior", "sr", "junior", "jr"})
MIN_LABEL_WORDS = 2
ABBREVIATION_END = re.compile(r"\b(?:inc|ltd|co|corp|llc|jr|sr|plc|s\.a|n\.v|b\.v)\.$", re.IGNORECASE)


@dataclass(frozen=True)
class Piece:
    text: str
    line: int  # index in the section's lines


def count_names(pieces: list[Piece]) -> int:
    """How many names the pieces hold: "Senior Engineer at Acme" holds two."""
    if len(pieces) == 1 and _split_single(pieces[0]) is not None:
        return 2
    return len(pieces)


def is_list(text: str) -> bool:
    """ "Python, Django, AWS": three or more short comma-separated items, once places are left out."""
    items = [item for item in strip_place(text).split(",") if item.strip()]
    return len(items) >= 3 and all(len(item.split()) <= 3 for item in items)


def names_employer(text: str) -> bool:
    """ "Vistara Cloud Solutions Pvt. Ltd., Bengaluru", "Quantix Software, Inc., New York, NY"."""
    return employer_score(text) >= 2 or strip_place(text) != text.strip()


def is_header_line(text: str, *, strict: bool = False) -> bool:
    """A short line in title case, not a bullet point, not a sentence, not a "Label: ..." line.

    Most of its words are capitalised; with `strict`, all but small words such as "of" are.
    """
    stripped = text.strip()
    if not stripped or is_bullet(stripped) or LABEL_LINE.match(stripped):
        return False
    if stripped.endswith(".") and not ABBREVIATION_END.search(stripped):
        return False
    tokens = words(PARENTHETICAL.sub("", stripped))
    if not tokens or len(tokens) > MAX_HEADER_WORDS:
        return False
    capitalised = [
        token for token in tokens if token.lower() in SMALL_WORDS or any(character.isupper() for character in token)
    ]
    return len(capitalised) >= (1.0 if strict else 0.7) * len(tokens)


def header_pieces(text: str, line_index: int) -> list[Piece]:
    """The title/employer candidates of a header line: its parts without places, durations and noise."""
    text = DURATION.sub(" ", text)
    text = PARENTHETICAL.sub(_drop_aside, text)
    noise = vocabulary().employment_noise
    pieces = []
    text = SLASHED_TITLES.sub(_keep_slashed_titles, COLUMN_GAP.sub(" | ", text))
    for part in split_strong(strip_bullet(text) if is_bullet(text) else text):
        part = _strip_unbalanced(
            (strip_place(part) or _title_before_place(part) or _name_before_city(part)).strip(" ,;:*_-–—")
        )
        if not part or is_place(part) or part.lower() in noise or not any(character.isalpha() for character in part):
            continue
        pieces.append(Piece(part, line_index))
    return pieces


def _keep_slashed_titles(match: re.Match[str]) -> str:
    """ "Receptionist / Legal Secretary" is one role with two titles: kept whole when both sides read as titles."""
    left, right = match.group(1), match.group(2)
    if title_score(left) >= 2 and title_score(right) >= 2 and not employer_score(left) and not employer_score(right):
        return f"{left}/{right}"
    return match.group()


def _name_before_city(text: str) -> str:
    """ "Guild Education Denver, CO" -> "Guild Education": a name before a known city and its region, which made
    the whole part read as a place name; "" when nothing stands before the city."""
    parts = [part.strip() for part in text.split(",")]
    tokens = parts[0].split()
    if len(parts) < 2 or not all(region_of(part) for part in parts[1:]):
        return ""
    cities = vocabulary().cities
    for size in (3, 2, 1):
        if len(tokens) > size and " ".join(tokens[-size:]).lower() in cities:
            return " ".join(tokens[:-size])
    return ""


def _title_before_place(text: str) -> str:
    """ "Registered Nurse Smallville , OH" -> "Registered Nurse": a title before a town the vocabulary does not
    know, which made the whole part read as a place name; "" when no title word stands before the town."""
    parts = [part.strip() for part in text.split(",")]
    tokens = parts[0].split()
    heads = vocabulary().title_heads
    last_head = max((index for index, token in enumerate(tokens) if token.lower().strip(".") in heads), default=-1)
    if len(parts) < 2 or not all(region_of(part) for part in parts[1:]) or not 0 <= last_head < len(tokens) - 1:
        return ""
    return " ".join(tokens[: last_head + 1])


def _strip_unbalanced(text: str) -> str:
    """Brackets left at the ends of a part only when they do not pair up: "(Band 6)" keeps its own."""
    while text[:1] in "([" and text.count("(") + text.count("[") > text.count(")") + text.count("]"):
        text = text[1:].strip()
    while text[-1:] in ")]" and text.count(")") + text.count("]") > text.count("(") + text.count("["):
        text = text[:-1].strip()
    return text


def _drop_aside(match: re.Match[str]) -> str:
    """Brackets that only hold a place, a kind of contract or nothing go; "(Band 6)" stays."""
    inner = match.group().strip(" ()[]")
    if not inner.strip(" ,;:-–—|") or is_place(inner) or inner.lower() in vocabulary().employment_noise:
        return " "
    return match.group()


def split_at_word(text: str) -> tuple[str, str] | None:
    """ "Senior Engineer at Acme" -> ("Senior Engineer", "Acme"); not "University of Texas at Austin"."""
    parts = AT_EMPLOYER.split(text, maxsplit=1)
    if len(parts) != 2 or not all(part.strip() for part in parts) or employer_score(parts[0]) >= 2:
        return None
    return parts[0].strip(), parts[1].strip()


def _split_single(piece: Piece) -> list[Piece] | None:
    """ "Senior Engineer at Acme" or "Senior Engineer, Acme, Inc." -> its two parts, or None."""
    if at_split := split_at_word(piece.text):
        return [Piece(at_split[0], piece.line), Piece(at_split[1], piece.line)]
    parts: list[str] = []
    for part in (part.strip() for part in piece.text.split(",")):
        if parts and COMPANY_SUFFIX.match(part):
            parts[-1] = f"{parts[-1]}, {part}"
        elif part:
            parts.append(part)
    if len(parts) < 2:
        return None
    return [Piece(part, piece.line) for part in parts]


def title_and_employer(pieces: list[Piece]) -> tuple[str, str, int]:
    """(title, employer, line of the employer); either may be "" when the header does not name it."""
    for piece in pieces:
        if at_split := split_at_word(piece.text):
            return at_split[0], at_split[1], piece.line
    if len(pieces) == 1:
        split = _split_single(pieces[0])
        if split is not None:
            pieces = split
    if not pieces:
        return "", "", -1
    if len(pieces) == 1:
        piece = pieces[0]
        as_title, as_employer = title_score(piece.text), employer_score(piece.text)
        if as_title > as_employer or (as_title >= 2 and as_title == as_employer):
            return piece.text, "", -1
        return "", piece.text, piece.line
    best: tuple[float, int, int] | None = None
    for title_index, title_piece in enumerate(pieces):
        for employer_index, employer_piece in enumerate(pieces):
            if title_index == employer_index:
                continue
            score = (
                title_score(title_piece.text)
                - employer_score(title_piece.text)
                + employer_score(employer_piece.text)
                - title_score(employer_piece.text)
                + (0.5 if title_index < employer_index else 0)
                + (0.25 if abs(title_index - employer_index) == 1 else 0)
            )
            if best is None or score > best[0]:
                best = (score, title_index, employer_index)
    assert best is not None
    _, title_index, employer_index = best
    return pieces[title_index].text, pieces[employer_index].text, pieces[employer_index].line


def title_on_line(pieces: list[Piece], line_index: int) -> bool:
    same_line = [piece for piece in pieces if piece.line == line_index]
    return len(same_line) > 1


def clean_part(text: str) -> str:
    text = re.sub(r"\(\s*\)|\[\s*\]", " ", text)  # brackets whose dates were taken out
    return re.sub(r"\s+([,;])", r"\1", " ".join(text.strip(" ,;:*_|-–—").split()))


def clean_title(text: str) -> str:
    """A title without a label glued before it ("Brand Management Senior Brand Manager" -> "Senior Brand
    Manager"): two or more words before a seniority word, none of them naming a job."""
    tokens = text.split()
    vocab = vocabulary()
    for index, token in enumerate(tokens[1:], start=1):
        if token.lower().strip(".,") not in SENIORITY_WORDS:
            continue
        before = [word.lower().strip(".,") for word in tokens[:index]]
        if len(before) >= MIN_LABEL_WORDS and not any(word in vocab.title_heads for word in before):
            return clean_part(" ".join(tokens[index:]))
        break
    return clean_part(text)
