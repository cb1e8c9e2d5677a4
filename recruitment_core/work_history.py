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

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from recruitment_core.dates import DateRange, YearMonth, find_date_ranges, union_months
from recruitment_core.role_header import (
    DURATION,
    MAX_HEADER_WORDS,
    Piece,
    clean_part,
    clean_title,
    count_names,
    header_pieces,
    is_header_line,
    is_list,
    names_employer,
    split_at_word,
    title_and_employer,
    title_on_line,
)
from recruitment_core.sections import Line
from recruitment_core.vocabulary import (
    employer_score,
    is_bullet,
    is_place,
    strip_bullet,
    title_score,
    words,
)

MAX_ANCHOR_WORDS = 16
MAX_LINES_ABOVE = 3
MAX_LINES_BELOW = 2
MIN_DATE_COLUMN = 2
MAX_LIST_ITEM_WORDS = 4
TITLE_LABEL = re.compile(r"^\s*(?:designation|job title|title|role|position)\s*[:\-–]\s*(\S.{0,80})$", re.I)


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


def parse_work_history(lines: Sequence[Line], *, today: date, undated: bool = True) -> list[WorkBlock]:
    """The roles in `lines` (an experience section), in the order written.

    Without a single date in `lines`, roles are read from their layout alone when `undated` allows it.
    """
    anchors = _anchors(lines)
    if not anchors:
        return _undated_roles(lines) if undated else []
    column = _date_column(lines, anchors)
    if column:
        # Dates printed in a column of their own, read apart from the roles they date.
        roles = _undated_roles([line for index, line in enumerate(lines) if index not in column])
        if roles:
            return with_dates(roles, [date_range for _, date_range in anchors], today=today)
    headers: list[_Header] = []
    boundary = -1  # lines up to here belong to an earlier role's header
    group_employer = ""
    for position, (index, date_range) in enumerate(anchors):
        next_anchor = anchors[position + 1][0] if position + 1 < len(anchors) else len(lines)
        header, pieces = _header(lines, index, date_range, boundary, next_anchor)
        title, employer, employer_line = title_and_employer(pieces)
        inherited = False
        if employer and not title:
            group_employer = employer  # "XYZ Logistics, 2012 – 2018" above its roles
        elif employer:
            group_employer = employer if employer_line < index and not title_on_line(pieces, employer_line) else ""
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


def _date_column(lines: Sequence[Line], anchors: list[tuple[int, DateRange]]) -> set[int]:
    """The lines of a column of dates ("10/2020 - Current" / "01/2019 - 09/2020"): every dated line holds a date
    range alone, and two or more of them follow one another. Empty unless the whole section is laid out so."""
    if len(anchors) < MIN_DATE_COLUMN or any(words(_without(lines[index].text, found)) for index, found in anchors):
        return set()
    indexes = [index for index, _ in anchors]
    neighbours = sum(
        1 for first, second in itertools.pairwise(indexes) if all(line.is_blank for line in lines[first + 1 : second])
    )
    return set(indexes) if neighbours else set()


def with_dates(roles: list[WorkBlock], date_ranges: list[DateRange], *, today: date) -> list[WorkBlock]:
    """Undated roles given the dates of a column of dates printed apart from them, in the order written."""
    dated = []
    for position, block in enumerate(roles):
        if position >= len(date_ranges):
            dated.append(block)
            continue
        header = _Header([], block.entry.title, block.entry.employer, date_ranges[position], False)
        dated.append(replace(block, entry=_entry(header, block.entry.description, today)))
    return dated


def _undated_roles(lines: Sequence[Line]) -> list[WorkBlock]:
    """Roles of a section that gives no dates at all: short title-case lines above a role's bullet points
    ("Acme Corp — Senior Engineer" / "• Built ..."). Their dates and lengths stay unknown."""
    headers: list[list[int]] = []
    index = 0
    while index < len(lines):
        run: list[int] = []
        while index < len(lines) and is_header_line(lines[index].text, strict=True):
            run.append(index)
            index += 1
        following = next((line for line in lines[index:] if not line.is_blank), None)
        if run and following is not None and is_bullet(following.text):
            headers.append(_without_list_item(lines, run[-MAX_LINES_ABOVE:]))
        index += 0 if run else 1
    blocks = []
    for position, header in enumerate(headers):
        title, employer, _ = title_and_employer([piece for at in header for piece in header_pieces(lines[at].text, at)])
        if not (title or employer):
            continue
        end = headers[position + 1][0] - 1 if position + 1 < len(headers) else len(lines) - 1
        body = [line.text.strip() for line in lines[header[-1] + 1 : end + 1]]
        entry = WorkEntry(
            clean_title(title), clean_part(employer), None, None, False, None, "\n".join(body).strip("\n")
        )
        numbers = tuple(lines[at].number for at in header)
        blocks.append(WorkBlock(entry, numbers[0], lines[max(end, header[-1])].number, numbers))
    return blocks


def _without_list_item(lines: Sequence[Line], run: list[int]) -> list[int]:
    """A header without its first line when that line ends a list of short items above it ("PCI compliance" /
    "De-escalation" / "Customer Service Supervisor") and names neither a job nor an organisation."""
    before = lines[run[0] - 1].text.strip() if run[0] > 0 else ""
    first = lines[run[0]].text
    if len(run) < 2 or not before or is_bullet(before) or len(words(before)) > MAX_LIST_ITEM_WORDS:
        return run
    return run[1:] if not title_score(first) and not employer_score(first) else run


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
    return len(words(text)) <= MAX_HEADER_WORDS and (title_score(text) >= 3 or split_at_word(text) is not None)


def _without(text: str, date_range: DateRange) -> str:
    start, end = date_range.span
    return f"{text[:start]} | {text[end:]}"


def _header(
    lines: Sequence[Line], index: int, date_range: DateRange, boundary: int, next_anchor: int
) -> tuple[list[int], list[Piece]]:
    """The header lines of the role dated on line `index`, and the title/employer candidates in them."""
    header = [index]
    pieces = header_pieces(_without(lines[index].text, date_range), index)
    above: list[Piece] = []
    line_index = index - 1
    taken = 0
    while line_index > boundary and taken < MAX_LINES_ABOVE and count_names(above + pieces) < 2:
        text = lines[line_index].text
        if DURATION.fullmatch(text.strip()):
            line_index -= 1
            continue
        if not is_header_line(text):
            break
        above = header_pieces(text, line_index) + above
        header.insert(0, line_index)
        line_index -= 1
        taken += 1
    pieces = above + pieces
    line_index = index + 1
    taken = 0
    # A lone part ("Regional Sales Manager, South India") may still have its employer on the next line.
    # So may a title with a qualifier ("Warehouse Supervisor – Second Shift") whose parts name no organisation.
    while line_index < next_anchor and taken < MAX_LINES_BELOW and (len(pieces) < 2 or not _names_any(pieces)):
        text = lines[line_index].text
        if DURATION.fullmatch(text.strip()):
            header.append(line_index)
            line_index += 1
            continue
        if labelled := TITLE_LABEL.match(text):  # "Designation: Senior Systems Engineer"
            pieces.append(Piece(labelled.group(1).strip(), line_index))
            header.append(line_index)
            line_index += 1
            taken += 1
            continue
        named = " ".join(piece.text for piece in header_pieces(text, line_index))  # without its place
        if not is_header_line(text, strict=True) or len(words(named)) > MAX_HEADER_WORDS - 1 or is_list(text):
            break
        if count_names(pieces) >= 2 and not names_employer(text):
            break  # "Backend Developer, Allegro" is complete: the line below describes the role
        found = header_pieces(text, line_index)
        if not found and not is_place(text):
            break
        if _continues_title(pieces, found, lines[line_index + 1].text if line_index + 1 < next_anchor else ""):
            # "Adjunct Instructor, Aug 2023 – Present" / "Accounting" / "Central Piedmont Community College"
            found = [Piece(f"{pieces[-1].text}, {found[0].text}", pieces[-1].line)]
            pieces = pieces[:-1]
        pieces += found
        header.append(line_index)
        line_index += 1
        taken += 1
    return header, pieces


def _names_any(pieces: list[Piece]) -> bool:
    """Whether any part of a header reads as an organisation."""
    return any(employer_score(piece.text) > 0 for piece in pieces)


def _continues_title(pieces: list[Piece], found: list[Piece], following: str) -> bool:
    """Whether `found`, a line below a lone title, is the rest of that title wrapped by the dates printed beside
    it: it names neither a job nor an organisation, and the line after it names the employer."""
    if len(pieces) != 1 or len(found) != 1 or title_score(pieces[0].text) < 2:
        return False
    rest = found[0].text
    return title_score(rest) < 2 and not employer_score(rest) and bool(following) and names_employer(following)


def _entry(header: "_Header", description: str, today: date) -> WorkEntry:
    date_range = header.date_range
    months = date_range.months(today) if date_range.start <= YearMonth.of(today) else 0
    return WorkEntry(
        title=clean_title(header.title),
        employer=clean_part(header.employer),
        start=date_range.start,
        end=date_range.end,
        is_current=date_range.is_current,
        months=months,
        description=description,
    )
