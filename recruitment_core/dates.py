"""Dates and date ranges as resumes write them, and the length of a career made of overlapping roles.

A range is two dates with a dash or a word between them ("Jan 2019 – Present", "2019-01 to 03/2022",
"2017–2020", "Sep. 2018 – Jun. 2019", "2015 - now"), an open start ("since 2019", "2019 –"), or a season,
which stands for its months ("Summer 2021" is June to August). A date is a month name and a year, a
numeric year and month in either order, a season and a year, or a year alone. A year alone starts in
January and ends in December, so "2017–2020" covers 48 months. Lengths count both end months:
"Jan 2019 – Dec 2019" is 12 months.
"""

import re
from dataclasses import dataclass
from datetime import date

MONTH_NUMBERS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
# Months a season covers; "Winter 2020" is read as the start of the year 2020.
SEASON_MONTHS = {"spring": (3, 5), "summer": (6, 8), "fall": (9, 11), "autumn": (9, 11), "winter": (1, 2)}

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_YEAR = r"(?:19[5-9]\d|20\d\d)"
_DAY = r"(?:\s+\d{1,2}(?:st|nd|rd|th)?)"
_NOT_LETTER = r"(?![a-z])"
DATE_TOKEN = re.compile(
    rf"""(?<![\w/.])(?:
      (?P<month_name>{_MONTH}){_NOT_LETTER}\.?{_DAY}?,?\s*(?:(?P<month_year>{_YEAR})|['’](?P<month_short_year>\d\d))(?!\d)
    | (?P<season>spring|summer|fall|autumn|winter)\s+(?P<season_year>{_YEAR})(?!\d)
    | (?P<iso_year>{_YEAR})[-/.](?P<iso_month>0?[1-9]|1[0-2])(?![\d/.-]\d)(?!\d)
    | (?P<num_month>0?[1-9]|1[0-2])(?:[/.-](?:0?[1-9]|[12]\d|3[01]))?[/.-](?P<num_year>{_YEAR})(?!\d)
    | (?P<year>{_YEAR})(?![\d])
    | (?P<bare_month>{_MONTH}){_NOT_LETTER}\.?(?=\s*(?:-|–|—|to\b))
    | (?P<present>present|current(?:ly)?|now|today|ongoing|to\s+date|till\s+date|date)\b
    )""",
    re.IGNORECASE | re.VERBOSE,
)
RANGE_SEPARATOR = re.compile(r"\s*(?:[-–—−~]+|\bto\b|\buntil\b|\btill\b|\bthrough\b|\bthru\b)\s*", re.IGNORECASE)
OPEN_START = re.compile(r"\b(?:since|from)\s+$", re.IGNORECASE)
# "2019 –" at the end of a line, or before a closing bracket, leaves the role open.
_DIGIT = re.compile(r"\d")
OPEN_END = re.compile(r"\s*[-–—]\s*(?=$|[)\]|])")


@dataclass(frozen=True, order=True)
class YearMonth:
    """A calendar month. A year-only date uses month=1 for a start and month=12 for an end."""

    year: int
    month: int  # 1-12

    @property
    def index(self) -> int:
        """Months since year 0, so that differences are lengths."""
        return self.year * 12 + self.month - 1

    @classmethod
    def of(cls, day: date) -> "YearMonth":
        return cls(day.year, day.month)


@dataclass(frozen=True)
class DateRange:
    """A span found in a line: `end` is None when the range runs to the present (`is_current`)."""

    start: YearMonth
    end: YearMonth | None
    is_current: bool
    span: tuple[int, int]  # character offsets in the line

    def months(self, today: date) -> int:
        """Length in months, both end months included; a current range runs to this month."""
        end = YearMonth.of(today) if self.end is None else self.end
        return max(end.index - self.start.index + 1, 0)


@dataclass(frozen=True)
class _Token:
    start: YearMonth | None  # None for "Present"
    end: YearMonth | None
    span: tuple[int, int]
    kind: str  # "month", "season", "year", "bare_month" ("Jan" in "Jan – Mar 2020") or "present"


def _token(match: re.Match[str]) -> _Token:
    span = match.span()
    groups = match.groupdict()
    if groups["month_name"]:
        month = MONTH_NUMBERS[groups["month_name"][:3].lower()]
        year = int(groups["month_year"]) if groups["month_year"] else _expand_short_year(groups["month_short_year"])
        return _Token(YearMonth(year, month), YearMonth(year, month), span, "month")
    if groups["season"]:
        first, last = SEASON_MONTHS[groups["season"].lower()]
        year = int(groups["season_year"])
        return _Token(YearMonth(year, first), YearMonth(year, last), span, "season")
    if groups["iso_year"]:
        point = YearMonth(int(groups["iso_year"]), int(groups["iso_month"]))
        return _Token(point, point, span, "month")
    if groups["num_year"]:
        point = YearMonth(int(groups["num_year"]), int(groups["num_month"]))
        return _Token(point, point, span, "month")
    if groups["year"]:
        year = int(groups["year"])
        return _Token(YearMonth(year, 1), YearMonth(year, 12), span, "year")
    if groups["bare_month"]:
        month = MONTH_NUMBERS[groups["bare_month"][:3].lower()]
        return _Token(YearMonth(0, month), YearMonth(0, month), span, "bare_month")
    return _Token(None, None, span, "present")


def _expand_short_year(digits: str) -> int:
    # "'19" is 2019 and "'98" is 1998: a career does not start before 1950.
    value = int(digits)
    return 2000 + value if value < 50 else 1900 + value


def _tokens(text: str) -> list[_Token]:
    return [_token(match) for match in DATE_TOKEN.finditer(text)]


def find_date_ranges(text: str, *, single_dates: bool = False) -> list[DateRange]:
    """The date ranges in `text`, left to right.

    A season alone is a range of its own ("Summer 2021"); with `single_dates`, so is any other date
    that is not part of a range ("June 2020", "2019").
    """
    if not _DIGIT.search(text):
        return []  # every range holds a year, and most lines of a resume hold none: skip the costly token scan
    tokens = _tokens(text)
    ranges = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        index += 1
        if token.start is None or token.end is None:
            continue
        if (
            following is not None
            and following.kind != "bare_month"
            and not (token.kind == "bare_month" and following.kind == "present")
            and RANGE_SEPARATOR.fullmatch(text, token.span[1], following.span[0])
        ):
            ranges.append(_range(token, following))
            index += 1
        elif token.kind == "bare_month":
            continue
        elif open_end := OPEN_END.match(text, token.span[1]):
            ranges.append(DateRange(token.start, None, True, (token.span[0], open_end.end())))
        elif open_start := OPEN_START.search(text, 0, token.span[0]):
            ranges.append(DateRange(token.start, None, True, (open_start.start(), token.span[1])))
        elif single_dates or token.kind == "season":
            ranges.append(DateRange(token.start, token.end, False, token.span))
    return ranges


def _range(first: _Token, last: _Token) -> DateRange:
    span = (first.span[0], last.span[1])
    assert first.start is not None and first.end is not None
    if last.start is None or last.end is None:  # "Present"
        return DateRange(first.start, None, True, span)
    start, end = first.start, last.end
    if first.kind == "bare_month":
        start = YearMonth(end.year, start.month)
    if end < start:  # a range written backwards ("2020 - 2017") is read forwards
        start, end = last.start, first.end
    return DateRange(start, end, False, span)


def union_months(ranges: list[tuple[YearMonth, YearMonth]]) -> int:
    """Months covered by at least one of the (start, end) ranges, both end months included."""
    total = 0
    covered_until = -1  # the last month index counted so far
    for start, end in sorted(ranges):
        first, last = max(start.index, covered_until + 1), end.index
        if last >= first:
            total += last - first + 1
            covered_until = last
    return total


def years_in_text(text: str) -> list[int]:
    """Every year written in `text` (in dates or alone), left to right."""
    years = []
    for token in _tokens(text):
        if token.end is not None and token.kind != "bare_month":
            years.append(token.end.year)
    return years
