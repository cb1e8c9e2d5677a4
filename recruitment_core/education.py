"""Degrees in the education section: level, field, institution and graduation year.

Degree spellings are data, in `data/degrees.json` ("B.S.", "BSc", "Bachelor of Science", "MBA", "Ph.D.",
"A.A.S.", "High School Diploma", "BSN" ...). An entry is built line by line: a line adds what it names to
the current entry, and starts a new entry when the current one already has that kind of detail, so both
"B.S. Computer Science, Stanford University, 2015" and a degree, school and dates on three lines work.
"""

import functools
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from recruitment_core.dates import find_date_ranges, years_in_text
from recruitment_core.sections import Line
from recruitment_core.vocabulary import (
    is_bullet,
    is_place,
    lower_words,
    region_of,
    split_strong,
    strip_bullet,
    strip_place,
)

DEGREES_PATH = Path(__file__).parent / "data" / "degrees.json"

DEGREE_LEVELS = ("phd", "master", "bachelor", "associate", "diploma")
SCOTTISH_MA = re.compile(r"^M\.?\s?A\.?$")
HONOURS = re.compile(r"\s*\(?\s*hons?\b|\s*\(?\s*honou?rs\b", re.IGNORECASE)
# "MBA (Marketing)": a field in brackets right after the degree.
BRACKETED_FIELD = re.compile(r"\s*\(([^()]+)\)")
# Two-letter degrees that are also US states: "MA" in "Boston, MA" is a place.
STATE_LIKE_DEGREES = frozenset({"MA", "MS", "MD", "AS", "AB", "PA", "DE"})
# Where a field of study ends: a separator, a date, "from"/"at" before the school.
FIELD_END = re.compile(
    r"\s*(?:[|,;•·–—]|\s-\s|\bfrom\b|\bat\b|\bwith\b|\bGPA\b|\bminor\b|\bconcentration\b|\bspecialization\b"
    r"|\bthesis\b|\bhonou?rs\b|\bcum laude\b|\b(?:19|20)\d\d\b|\bexpected\b|\bgraduated\b|\bclass of\b)",
    re.IGNORECASE,
)
DEGREE_WORD = re.compile(r"\s*(?:degree|diploma)\b", re.IGNORECASE)
# A line about the distinction a degree was earned with, not about another school.
HONOURS_LINE = re.compile(r"^\s*(?:(?:summa|magna)\s+)?cum\s+laude\b|^\s*(?:gpa|dean'?s list)\b", re.IGNORECASE)
# A line broken in a narrow column after a word that cannot end a degree or a school's name.
DANGLING_END = re.compile(r"\s(?:in|of|and|&|for|at)\s*$", re.IGNORECASE)
SCHOOL_NAME_DEGREE = re.compile(r"(?:high|secondary)\s+school", re.IGNORECASE)
NAME_WORD_BEFORE = re.compile(r"\b[A-Z][\w.'’-]*\s+$")
# "of Science" / "of Business Administration", up to " in ", a separator or a date.
KIND_OF_DEGREE = re.compile(
    r"\s+of\s+([^,|;:(\[•·–—]+?)(?=\s+(?:in|en|em)\s|\s*[,|;:(\[•·–—]|\s-\s|\s+(?:19|20)\d\d|\s*$)", re.I
)
FIELD_START = re.compile(r"\s*(?:\b(?:in|en|em|di|in the field of)\b|[,:]|\s[-–—]\s|[–—])?\s*(?=\S)", re.IGNORECASE)
FIELD_LABEL = re.compile(r"^\s*(?:major|field of study|concentration|field|programme|program)\s*[:\-–]\s*(.+)$", re.I)
MAX_FIELD_WORDS = 6
LEADING_SEPARATOR = re.compile(r"[|,;•·–—(]|\s-\s")
IN_FIELD = re.compile(r"\s*(?:in|en|em|di)\b", re.IGNORECASE)
PARENTHETICAL_ASIDE = re.compile(r"\s*\([^()]*\)")
BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
MAX_YEARS_AHEAD = 8  # "Expected 2027" is still a graduation year


@dataclass(frozen=True)
class EducationEntry:
    """A degree: `year` is the graduation (end) year; anything not written is None."""

    degree_level: str | None  # "associate" | "bachelor" | "master" | "phd" | "diploma" | None
    field: str | None
    institution: str | None
    year: int | None


@dataclass(frozen=True)
class DegreeVocabulary:
    pattern: re.Pattern[str]  # one named group per level
    exact_pattern: re.Pattern[str]
    level_by_exact: dict[str, str]
    field_by_degree: dict[str, str]
    generic_subjects: frozenset[str]
    institution_words: frozenset[str]


@functools.cache
def degree_vocabulary() -> DegreeVocabulary:
    """Read `data/degrees.json` (once per process)."""
    data = json.loads(DEGREES_PATH.read_text(encoding="utf-8"))
    groups = []
    level_by_exact = {}
    for level in DEGREE_LEVELS:
        patterns = sorted(data["levels"][level]["patterns"], key=len, reverse=True)
        groups.append(f"(?P<{level}>{'|'.join(patterns)})")
        level_by_exact.update(dict.fromkeys(data["levels"][level]["exact"], level))
    exact = sorted(level_by_exact, key=len, reverse=True)
    return DegreeVocabulary(
        pattern=re.compile(rf"(?<![\w.])(?:{'|'.join(groups)})(?![\w'])", re.IGNORECASE),
        exact_pattern=re.compile(rf"(?<![\w.&/-])(?:{'|'.join(map(re.escape, exact))})(?![\w&/-])"),
        level_by_exact=level_by_exact,
        field_by_degree=data["fields"],
        generic_subjects=frozenset(data["generic_subjects"]),
        institution_words=frozenset(data["institution_words"]),
    )


@dataclass(frozen=True)
class _Degree:
    level: str
    start: int
    end: int
    text: str


def find_degree(text: str) -> _Degree | None:
    """The first degree named in `text`."""
    vocab = degree_vocabulary()
    text = text.replace("’", "'")
    found = []
    match = next((match for match in vocab.pattern.finditer(text) if not _names_a_school(text, match)), None)
    if match and match.lastgroup:
        found.append(_Degree(match.lastgroup, match.start(), match.end(), match.group()))
    for exact in vocab.exact_pattern.finditer(text):
        if exact.group() in STATE_LIKE_DEGREES and re.search(r",\s*$", text[: exact.start()]):
            continue
        found.append(_Degree(vocab.level_by_exact[exact.group()], exact.start(), exact.end(), exact.group()))
        break
    if not found:
        return None
    degree = min(found, key=lambda degree: (degree.start, -len(degree.text)))
    if degree.level == "master" and SCOTTISH_MA.match(degree.text) and HONOURS.match(text, degree.end):
        return _Degree("bachelor", degree.start, degree.end, degree.text)
    return degree


def _names_a_school(text: str, match: re.Match[str]) -> bool:
    """ "Lincoln High School": the words of a diploma inside the name of the school that gives it."""
    return (
        SCHOOL_NAME_DEGREE.fullmatch(match.group()) is not None
        and DEGREE_WORD.match(text, match.end()) is None
        and NAME_WORD_BEFORE.search(text, 0, match.start()) is not None
    )


def degree_level(text: str) -> str | None:
    """ "B.S." -> "bachelor", "MSN" -> "master", "High School Diploma" -> "diploma"; None if no degree."""
    degree = find_degree(text)
    return degree.level if degree else None


@dataclass(frozen=True)
class _LineFacts:
    degree_level: str | None = None
    field: str | None = None
    institution: str | None = None
    year: int | None = None


def parse_education(lines: Sequence[Line], *, today: date) -> list[EducationEntry]:
    """The degrees listed in `lines` (an education section), in the order written."""
    entries: list[EducationEntry] = []
    current: EducationEntry | None = None
    for text in _unwrapped([line.text for line in lines if not line.is_blank]):
        facts = _line_facts(strip_bullet(text), today)
        if facts == _LineFacts():
            continue
        if current is not None and _fits(current, facts):
            current = _merge(current, facts)
            continue
        if current is not None:
            entries.append(current)
        current = EducationEntry(facts.degree_level, facts.field, facts.institution, facts.year)
    if current is not None:
        entries.append(current)
    return [entry for entry in entries if entry.degree_level or entry.institution]


def displaced_degrees(lines: Sequence[Line], years: list[int], *, today: date) -> list[EducationEntry]:
    """Degrees printed away from their heading: each line that opens with a degree, read with the line after it
    (the school) unless that is a bullet point. Degrees without a year take `years` (found under the heading),
    in order, when there is one for each."""
    texts = [line.text.strip() for line in lines if not line.is_blank]
    entries = []
    for index, text in enumerate(texts):
        degree = None if is_bullet(text) else find_degree(text)
        if degree is None or text[: degree.start].strip():
            continue
        window = [text]
        if index + 1 < len(texts) and not is_bullet(texts[index + 1]) and not find_degree(texts[index + 1]):
            window.append(texts[index + 1])
        found = parse_education([Line(0, 0, line) for line in window], today=today)
        entries += found[:1]
    if len(years) == len(entries):
        entries = [
            entry if entry.year else replace(entry, year=year) for entry, year in zip(entries, years, strict=True)
        ]
    return entries


def _unwrapped(texts: list[str]) -> list[str]:
    """Lines with a school's name broken over two or three lines (narrow columns) joined again:
    "MBA (Marketing), Symbiosis" / "Institute of Business" / "Management, 2013"."""
    joined: list[str] = []
    for text in texts:
        if joined and _continues(joined[-1], text):
            joined[-1] = f"{joined[-1].rstrip()} {text.strip()}"
        else:
            joined.append(text)
    return joined


def _continues(previous: str, text: str) -> bool:
    stripped = text.strip()
    if stripped and DANGLING_END.search(previous) and not is_bullet(stripped):
        return True  # "Master of Science in" / "Information Systems 2012"
    if not stripped[:1].isupper() or is_bullet(stripped) or find_degree(stripped) or previous.rstrip()[-1:] in ".;:)":
        return False
    first = stripped.split(",")[0].strip()
    if is_place(first) or find_date_ranges(previous, single_dates=True):
        return False
    # What the previous line leaves after its degree and field is the start of a school's name.
    tail = _after_degree(previous).rsplit(",", 1)[-1].strip(" |-–—·")
    if not tail[:1].isupper():
        return False
    if _has_institution_word(first) and not _has_institution_word(tail):
        return True  # "..., Nanyang Technological" / "University, 2017"
    ends_open = tail.split()[-1].lower() not in degree_vocabulary().institution_words
    return _has_institution_word(tail) and ends_open and len(first.split()) == 1 and not _has_institution_word(first)


def _after_degree(text: str) -> str:
    degree = find_degree(text)
    if degree is None:
        return text
    _, end = _field_after(BRACKETED.sub(_blank_degree_aside, text), text, degree)
    return text[end:]


def _fits(entry: EducationEntry, facts: _LineFacts) -> bool:
    clashes = (
        (facts.degree_level and entry.degree_level)
        or (facts.institution and entry.institution)
        or (facts.field and entry.field and facts.degree_level)
    )
    if clashes:
        return False
    # A year alone after a complete entry belongs to it only if it has none.
    return not (facts.year and entry.year and not (facts.degree_level or facts.institution))


def _merge(entry: EducationEntry, facts: _LineFacts) -> EducationEntry:
    return replace(
        entry,
        degree_level=entry.degree_level or facts.degree_level,
        field=entry.field or facts.field,
        institution=entry.institution or facts.institution,
        year=entry.year or facts.year,
    )


def _line_facts(text: str, today: date) -> _LineFacts:
    if HONOURS_LINE.match(text):
        return _LineFacts()  # "cum laude; Articles Editor, University of Pennsylvania Law Review"
    vocab = degree_vocabulary()
    text = text.replace("’", "'")
    # "(Hons)", "(A.A.S.)" sit between a degree and its field; blanking keeps the offsets.
    plain = BRACKETED.sub(_blank_degree_aside, text)
    degree = find_degree(text)
    field = None
    rest = text
    if degree is not None:
        field, field_end = _field_after(plain, text, degree)
        rest = f"{text[: degree.start]} | {text[field_end:]}"
        if field is None:
            field, field_start = _field_before(text, degree)
            if field is not None:
                rest = f"{text[:field_start]} | {text[field_end:]}"
        if field is None:
            field = vocab.field_by_degree.get(degree.text.lower().replace(" ", ""))
    elif label := FIELD_LABEL.match(text):
        field = _clean_field(FIELD_END.split(label.group(1), maxsplit=1)[0])
        rest = ""
    return _LineFacts(
        degree_level=degree.level if degree else None,
        field=field,
        institution=_institution(rest),
        year=_graduation_year(text, today),
    )


def _field_before(text: str, degree: _Degree) -> tuple[str | None, int]:
    """ "Practical Nursing Diploma" -> Practical Nursing: a field written before the degree word."""
    before = text[: degree.start]
    start = max((match.end() for match in LEADING_SEPARATOR.finditer(before)), default=0)
    field = _clean_field(before[start:])
    return (field, start) if field and not find_degree(field) else (None, degree.start)


def _bracketed_field(inner: str) -> str | None:
    inner = inner.strip()
    return None if HONOURS.match(inner) or find_degree(inner) else _clean_field(inner)


def _blank_degree_aside(match: re.Match[str]) -> str:
    inner = match.group()[1:-1]
    return " " * len(match.group()) if HONOURS.match(inner) or find_degree(inner) else match.group()


def _field_after(text: str, original: str, degree: _Degree) -> tuple[str | None, int]:
    """The field of study written after the degree, and where the degree and field end in `text`.

    "Bachelor of Science in Nursing" -> Nursing; "Master of Business Administration" -> Business
    Administration; "Bachelor of Arts, Economics" -> Economics; "B.S. Computer Science" -> Computer Science.
    """
    position = degree.end
    if (bracketed := BRACKETED_FIELD.match(original, position)) and _bracketed_field(bracketed.group(1)):
        return _bracketed_field(bracketed.group(1)), bracketed.end()
    if skipped := DEGREE_WORD.match(text, position):
        position = skipped.end()
    kind_field, kind_end = None, position
    if kind := KIND_OF_DEGREE.match(text, position):
        kind_text = kind.group(1).strip()
        kind_end = position = kind.end(1)
        if kind_text.lower() not in degree_vocabulary().generic_subjects:
            kind_field = _clean_field(kind_text)
        # "Bachelor of Commerce (Accounting)": the field in brackets after the kind of degree
        if (bracketed := BRACKETED_FIELD.match(original, position)) and _bracketed_field(bracketed.group(1)):
            return _bracketed_field(bracketed.group(1)), bracketed.end()
    separator = FIELD_START.match(text, position)
    # "Bachelor of Accountancy, Nanyang ...": the degree names its field, unless "in" or a colon gives another
    if kind_field and separator and not IN_FIELD.match(separator.group()) and ":" not in separator.group():
        return kind_field, kind_end
    if separator:
        field_text = FIELD_END.split(text[separator.end() :], maxsplit=1)[0]
        field = _clean_field(field_text)
        if field:
            return field, separator.end() + len(field_text)
    return kind_field, kind_end


def _clean_field(text: str) -> str | None:
    text = re.sub(r"\s*[(\[]\s*$", "", text).strip(" .:-–—")
    if text.count("(") != text.count(")"):
        return None
    tokens = text.split()
    if not tokens or len(tokens) > MAX_FIELD_WORDS or not tokens[0][:1].isupper():
        return None
    if _has_institution_word(text) or is_place(text) or any(character.isdigit() for character in text):
        return None
    return text


def _has_institution_word(text: str) -> bool:
    return any(word in degree_vocabulary().institution_words for word in lower_words(text))


def _institution(text: str) -> str | None:
    """The school named in `text`: the part holding "University", "College", "Institute", "School" ..."""
    for date_range in reversed(find_date_ranges(text, single_dates=True)):
        text = f"{text[: date_range.span[0]]} | {text[date_range.span[1] :]}"
    parts = split_strong(text)
    for part in parts:
        commas = [piece.strip() for piece in part.split(",")]
        for index, piece in enumerate(commas):
            if not _has_institution_word(piece):
                continue
            piece = re.sub(r"^(?:from|at)\s+", "", piece, flags=re.IGNORECASE)
            name = strip_place(PARENTHETICAL_ASIDE.sub("", piece)).strip(" .:-–—()[]")
            # "University of California, Berkeley": the campus is part of the name
            following = commas[index + 1] if index + 1 < len(commas) else ""
            if (
                re.match(r"^University of [A-Z]", name)
                and sum(word in degree_vocabulary().institution_words for word in lower_words(name)) == 1
                and following[:1].isupper()
                and len(following.split()) <= 3
                and not region_of(following)
                and not _has_institution_word(following)
                and not find_date_ranges(following, single_dates=True)
            ):
                name = f"{name}, {following}"
            if name and not re.fullmatch(r"[\d\W]*", name):
                return name
    return None


def _graduation_year(text: str, today: date) -> int | None:
    ranges = find_date_ranges(text)
    if ranges and not re.search(r"\b(?:expected|anticipated|est\.?)\b", text, re.IGNORECASE):
        last = ranges[-1]
        return None if last.end is None else last.end.year  # still studying: no graduation year yet
    years = [year for year in years_in_text(text) if year <= today.year + MAX_YEARS_AHEAD]
    return years[-1] if years else None
