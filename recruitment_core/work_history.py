"""Roles in the experience section: title, employer, dates and the lines that describe each.

A role is found from its date range (see `dates`): the line holding the range and the short header lines
next to it name the title and the employer, in any of the usual layouts:

    Senior Engineer, Acme Corp, Jan 2019 – Present
    Acme Corp — Senior Engineer            (the dates on the next line)
    Senior Engineer | Acme | 2017–2020
    Senior Engineer / Acme Corp / Jan 2019 - Present   (three lines)
    Senior Engineer at Acme (2019-01 to 03/2022)

Which part is the title and which the employer is decided by their words ("Engineer" ends a title,
"Inc" or "Bank" marks an organisation), then by the usual order: title first. Several roles under one
employer heading inherit that employer.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from recruitment_core.dates import DateRange, YearMonth, find_date_ranges, union_months
from recruitment_core.sections import Line
from recruitment_core.vocabulary import (
    COMPANY_SUFFIX,
    PARENTHETICAL,
    employer_score,
    is_bullet,
    is_place,
    split_strong,
    strip_bullet,
    strip_place,
    title_score,
    vocabulary,
    words,
)

# Header lines are short; a longer line is a sentence of a description.
MAX_HEADER_WORDS = 12
MAX_ANCHOR_WORDS = 16
MAX_LINES_ABOVE = 3
MAX_LINES_BELOW = 2
# "3 yrs 2 mos", "(2 years)", "· 1 yr" as LinkedIn prints them next to dates.
DURATION = re.compile(
    r"[(·•]?\s*\d+\+?\s*(?:yrs?|years?|mos?|months?)(?:\s*,?\s*\d+\s*(?:mos?|months?))?\s*\)?", re.IGNORECASE
)
TITLE_LABEL = re.compile(r"^\s*(?:designation|job title|title|role|position)\s*[:\-–]\s*(\S.{0,80})$", re.I)
LABEL_LINE = re.compile(r"^[\w /&-]{1,30}:\s")
AT_EMPLOYER = re.compile(r"\s+(?:at|@)\s+|\s*@\s*")
# Words that may start with a small letter in a title-case header ("Head of Sales", "eBay").
SMALL_WORDS = frozenset({"of", "and", "the", "for", "at", "in", "on", "to", "a", "an", "de", "du", "la", "&", "with"})
ABBREVIATION_END = re.compile(r"\b(?:inc|ltd|co|corp|llc|jr|sr|plc|s\.a|n\.v|b\.v)\.$", re.IGNORECASE)


@dataclass(frozen=True)
class WorkEntry:
    """One role. `end` is None for a current role (`is_current`); `months` is None when dates are unknown."""

    title: str
    employer: str
    start: YearMonth | None
    end: YearMonth | None
    is_current: bool
    months: int | None  # length of the role
    description: str  # the entry's own lines

    @property
    def role(self) -> str:
        """ "Title at Employer", or whichever of the two is known."""
        if self.title and self.employer:
            return f"{self.title} at {self.employer}"
        return self.title or self.employer


@dataclass(frozen=True)
class WorkBlock:
    """A role with the resume lines it spans (line numbers, both ends included)."""

    entry: WorkEntry
    first_line: int
    last_line: int
    header_lines: tuple[int, ...]


@dataclass(frozen=True)
class _Header:
    lines: list[int]  # indexes in the section's lines
    title: str
    employer: str
    date_range: DateRange
    inherited: bool  # the employer comes from an employer heading above


@dataclass(frozen=True)
class _Piece:
    text: str
    line: int  # index in the section's lines


def parse_work_history(lines: Sequence[Line], *, today: date, undated: bool = True) -> list[WorkBlock]:
    """The roles in `lines` (an experience section), in the order written.

    Without a single date in `lines`, roles are read from their layout alone when `undated` allows it.
    """
    anchors = _anchors(lines)
    if not anchors:
        return _undated_roles(lines) if undated else []
    headers: list[_Header] = []
    boundary = -1  # lines up to here belong to an earlier role's header
    group_employer = ""
    for position, (index, date_range) in enumerate(anchors):
        next_anchor = anchors[position + 1][0] if position + 1 < len(anchors) else len(lines)
        header, pieces = _header(lines, index, date_range, boundary, next_anchor)
        title, employer, employer_line = _title_and_employer(pieces)
        inherited = False
        if employer and not title:
            group_employer = employer  # "XYZ Logistics, 2012 – 2018" above its roles
        elif employer:
            group_employer = employer if employer_line < index and not _title_on_line(pieces, employer_line) else ""
        elif title and group_employer:
            employer, inherited = group_employer, True
        headers.append(_Header(header, title, employer, date_range, inherited))
        boundary = header[-1]
    blocks = []
    for position, found in enumerate(headers):
        following = headers[position + 1] if position + 1 < len(headers) else None
        if following and found.employer and not found.title and following.inherited:
            continue  # an employer heading whose roles follow is not a role of its own
        # A role's description runs to the line before the next header.
        end = following.lines[0] - 1 if following else len(lines) - 1
        last_header = found.lines[-1]
        body = [line.text.strip() for line in lines[last_header + 1 : end + 1]]
        blocks.append(
            WorkBlock(
                entry=_entry(found, "\n".join(body).strip("\n"), today),
                first_line=lines[found.lines[0]].number,
                last_line=lines[max(end, last_header)].number,
                header_lines=tuple(lines[index].number for index in found.lines),
            )
        )
    return blocks


def _undated_roles(lines: Sequence[Line]) -> list[WorkBlock]:
    """Roles of a section that gives no dates at all: short title-case lines above a role's bullet points
    ("Acme Corp — Senior Engineer" / "• Built ..."). Their dates and lengths stay unknown."""
    headers: list[list[int]] = []
    index = 0
    while index < len(lines):
        run: list[int] = []
        while index < len(lines) and len(run) < MAX_LINES_ABOVE and _is_header_line(lines[index].text, strict=True):
            run.append(index)
            index += 1
        following = next((line for line in lines[index:] if not line.is_blank), None)
        if run and following is not None and is_bullet(following.text):
            headers.append(run)
        index += 0 if run else 1
    blocks = []
    for position, header in enumerate(headers):
        title, employer, _ = _title_and_employer([piece for at in header for piece in _pieces(lines[at].text, at)])
        if not (title or employer):
            continue
        end = headers[position + 1][0] - 1 if position + 1 < len(headers) else len(lines) - 1
        body = [line.text.strip() for line in lines[header[-1] + 1 : end + 1]]
        entry = WorkEntry(_clean(title), _clean(employer), None, None, False, None, "\n".join(body).strip("\n"))
        numbers = tuple(lines[at].number for at in header)
        blocks.append(WorkBlock(entry, numbers[0], lines[max(end, header[-1])].number, numbers))
    return blocks


def total_years(entries: Sequence[WorkEntry], *, today: date) -> float:
    """Years covered by at least one dated role (overlapping roles count once), to one decimal."""
    this_month = YearMonth.of(today)
    ranges = []
    for entry in entries:
        if entry.start is None or entry.start > this_month:
            continue
        end = this_month if entry.end is None or entry.end > this_month else entry.end
        ranges.append((entry.start, end))
    # Half up, in whole tenths: 111 months is 9.25 years, shown as 9.3 (round() would give 9.2).
    return (union_months(ranges) * 10 * 2 + 12) // 24 / 10


def _anchors(lines: Sequence[Line]) -> list[tuple[int, DateRange]]:
    """Lines that date a role, with the range found on each."""
    anchors = []
    for index, line in enumerate(lines):
        if line.is_blank:
            continue
        ranges = find_date_ranges(line.text)
        if not ranges:
            ranges = [
                candidate
                for candidate in find_date_ranges(line.text, single_dates=True)
                if _single_date_heads_line(line.text, candidate)
            ]
        if not ranges:
            continue
        date_range = ranges[0]
        rest = _without(line.text, date_range)
        if len(words(rest)) > MAX_ANCHOR_WORDS:
            continue
        if is_bullet(line.text) and not _bullet_names_role(strip_bullet(rest)):
            continue
        anchors.append((index, date_range))
    return anchors


def _single_date_heads_line(text: str, date_range: DateRange) -> bool:
    """A lone date ("Sales Associate, Target, 2014") dates a role only at the end of a short header line."""
    tail = text[date_range.span[1] :].strip(" )].")
    head = text[: date_range.span[0]].strip(" ([,|-–—")
    if tail or is_bullet(text) or not head or len(words(head)) > MAX_HEADER_WORDS // 2 + 2:
        return False
    return title_score(head) >= 3 or employer_score(head) >= 3


def _bullet_names_role(text: str) -> bool:
    return len(words(text)) <= MAX_HEADER_WORDS and (title_score(text) >= 3 or _at_split(text) is not None)


def _without(text: str, date_range: DateRange) -> str:
    start, end = date_range.span
    return f"{text[:start]} | {text[end:]}"


def _header(
    lines: Sequence[Line], index: int, date_range: DateRange, boundary: int, next_anchor: int
) -> tuple[list[int], list[_Piece]]:
    """The header lines of the role dated on line `index`, and the title/employer candidates in them."""
    header = [index]
    pieces = _pieces(_without(lines[index].text, date_range), index)
    above: list[_Piece] = []
    line_index = index - 1
    taken = 0
    while line_index > boundary and taken < MAX_LINES_ABOVE and _count(above + pieces) < 2:
        text = lines[line_index].text
        if DURATION.fullmatch(text.strip()):
            line_index -= 1
            continue
        if not _is_header_line(text):
            break
        above = _pieces(text, line_index) + above
        header.insert(0, line_index)
        line_index -= 1
        taken += 1
    pieces = above + pieces
    line_index = index + 1
    taken = 0
    # A lone part ("Regional Sales Manager, South India") may still have its employer on the next line.
    while line_index < next_anchor and taken < MAX_LINES_BELOW and len(pieces) < 2:
        text = lines[line_index].text
        if DURATION.fullmatch(text.strip()):
            header.append(line_index)
            line_index += 1
            continue
        if labelled := TITLE_LABEL.match(text):  # "Designation: Senior Systems Engineer"
            pieces.append(_Piece(labelled.group(1).strip(), line_index))
            header.append(line_index)
            line_index += 1
            taken += 1
            continue
        if not _is_header_line(text, strict=True) or len(words(text)) > MAX_HEADER_WORDS // 2 + 2 or _is_list(text):
            break
        if _count(pieces) >= 2 and not _names_employer(text):
            break  # "Backend Developer, Allegro" is complete: the line below describes the role
        found = _pieces(text, line_index)
        if not found and not is_place(text):
            break
        pieces += found
        header.append(line_index)
        line_index += 1
        taken += 1
    return header, pieces


def _count(pieces: list[_Piece]) -> int:
    """How many names the pieces hold: "Senior Engineer at Acme" holds two."""
    if len(pieces) == 1 and _split_single(pieces[0]) is not None:
        return 2
    return len(pieces)


def _is_list(text: str) -> bool:
    """ "Python, Django, AWS": three or more short comma-separated items, once places are left out."""
    items = [item for item in strip_place(text).split(",") if item.strip()]
    return len(items) >= 3 and all(len(item.split()) <= 3 for item in items)


def _names_employer(text: str) -> bool:
    """ "Vistara Cloud Solutions Pvt. Ltd., Bengaluru", "Quantix Software, Inc., New York, NY"."""
    return employer_score(text) >= 2 or strip_place(text) != text.strip()


def _is_header_line(text: str, *, strict: bool = False) -> bool:
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


def _pieces(text: str, line_index: int) -> list[_Piece]:
    """The title/employer candidates of a header line: its parts without places, durations and noise."""
    text = DURATION.sub(" ", text)
    text = PARENTHETICAL.sub(_drop_aside, text)
    noise = vocabulary().employment_noise
    pieces = []
    for part in split_strong(strip_bullet(text) if is_bullet(text) else text):
        part = _strip_unbalanced(strip_place(part).strip(" ,;:*_-–—"))
        if not part or is_place(part) or part.lower() in noise or not any(character.isalpha() for character in part):
            continue
        pieces.append(_Piece(part, line_index))
    return pieces


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


def _at_split(text: str) -> tuple[str, str] | None:
    """ "Senior Engineer at Acme" -> ("Senior Engineer", "Acme"); not "University of Texas at Austin"."""
    parts = AT_EMPLOYER.split(text, maxsplit=1)
    if len(parts) != 2 or not all(part.strip() for part in parts) or employer_score(parts[0]) >= 2:
        return None
    return parts[0].strip(), parts[1].strip()


def _split_single(piece: _Piece) -> list[_Piece] | None:
    """ "Senior Engineer at Acme" or "Senior Engineer, Acme, Inc." -> its two parts, or None."""
    if at_split := _at_split(piece.text):
        return [_Piece(at_split[0], piece.line), _Piece(at_split[1], piece.line)]
    parts: list[str] = []
    for part in (part.strip() for part in piece.text.split(",")):
        if parts and COMPANY_SUFFIX.match(part):
            parts[-1] = f"{parts[-1]}, {part}"
        elif part:
            parts.append(part)
    if len(parts) < 2:
        return None
    return [_Piece(part, piece.line) for part in parts]


def _title_and_employer(pieces: list[_Piece]) -> tuple[str, str, int]:
    """(title, employer, line of the employer); either may be "" when the header does not name it."""
    for piece in pieces:
        if at_split := _at_split(piece.text):
            return at_split[0], at_split[1], piece.line
    if len(pieces) == 1:
        split = _split_single(pieces[0])
        if split is not None:
            pieces = split
    if not pieces:
        return "", "", -1
    if len(pieces) == 1:
        piece = pieces[0]
        if title_score(piece.text) > employer_score(piece.text):
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


def _title_on_line(pieces: list[_Piece], line_index: int) -> bool:
    same_line = [piece for piece in pieces if piece.line == line_index]
    return len(same_line) > 1


def _entry(header: "_Header", description: str, today: date) -> WorkEntry:
    date_range = header.date_range
    months = date_range.months(today) if date_range.start <= YearMonth.of(today) else 0
    return WorkEntry(
        title=_clean(header.title),
        employer=_clean(header.employer),
        start=date_range.start,
        end=date_range.end,
        is_current=date_range.is_current,
        months=months,
        description=description,
    )


def _clean(text: str) -> str:
    text = re.sub(r"\(\s*\)|\[\s*\]", " ", text)  # brackets whose dates were taken out
    return re.sub(r"\s+([,;])", r"\1", " ".join(text.strip(" ,;:*_|-–—").split()))
