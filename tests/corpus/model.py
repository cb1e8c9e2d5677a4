"""The resume corpus as data: what a resume says, and the ground truth that follows from it.

A spec is written by a person, once: who the candidate is, what each section says and how the file is laid out.
The ground truth is derived from the spec alone (never from the parser under test), so the parser is measured
against what the author meant.

Skills are marked up where they are written: `[Python]` claims the canonical skill "Python"; `[Postgres|PostgreSQL]`
shows "Postgres" and claims "PostgreSQL". Text without brackets claims nothing, so a negated mention ("no exposure
to Java") or a word that only looks like a skill ("excel at") is simply written without brackets. Hidden text (white
or tiny keyword stuffing) is layout, never content, and never reaches the truth.

This module has no third-party imports, so the truth can be checked (and unit-tested) without the renderers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

# The evaluator runs the parser with RESUME_PARSE_TODAY=2026-11-25: "Present" is November 2026.
PRESENT: tuple[int, int] = (2026, 11)

DegreeLevel = Literal["associate", "bachelor", "master", "phd", "diploma"]
DEGREE_LEVELS: tuple[str, ...] = ("associate", "bachelor", "master", "phd", "diploma")
# The file kinds and layouts the renderers know; see generate.py.
KINDS = ("pdf", "scan", "docx", "txt")

YearMonth = tuple[int, int]

_MARKUP = re.compile(r"\[([^\[\]|]+)(?:\|([^\[\]|]+))?\]")


# --- skills markup -------------------------------------------------------------------------------


def visible(text: str) -> str:
    """The text as it is printed in the resume: `[Postgres|PostgreSQL]` -> `Postgres`."""
    return _MARKUP.sub(lambda match: match.group(1), text)


def claimed_skills(text: str) -> list[str]:
    """Canonical skills the marked-up text claims, in order of first mention."""
    found: dict[str, None] = {}
    for match in _MARKUP.finditer(text):
        found.setdefault((match.group(2) or match.group(1)).strip())
    return list(found)


# --- content -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Phone:
    """A phone number as printed, and the same number in E.164 (what the parser must return)."""

    display: str
    e164: str


@dataclass(frozen=True)
class Job:
    """One role. `start`/`end` are (year, month); `end=None` means the role is ongoing ("Present").

    `dates` names how the interval is printed (see DATE_STYLES); for lossy styles such as year-only, the
    months chosen here are what the author means and decide the truth.
    """

    title: str
    employer: str
    start: YearMonth
    end: YearMonth | None
    dates: str = "mon"
    location: str | None = None
    bullets: tuple[str, ...] = ()
    present_word: str = "Present"


@dataclass(frozen=True)
class Degree:
    """A degree: `text` is how it is printed ("B.Sc. (Hons) Computer Science"), the rest is the truth."""

    level: DegreeLevel
    text: str
    field: str | None
    institution: str | None
    year: int | None
    detail: str | None = None  # a line under the degree (dates, grade, honours), printed as is


@dataclass(frozen=True)
class Project:
    name: str
    bullets: tuple[str, ...] = ()


@dataclass(frozen=True)
class Summary:
    heading: str | None
    text: str


@dataclass(frozen=True)
class Experience:
    heading: str
    jobs: tuple[Job, ...]
    style: str = "title_dates"  # how a job's header lines are arranged, see job_header()


@dataclass(frozen=True)
class Education:
    heading: str
    degrees: tuple[Degree, ...]


@dataclass(frozen=True)
class Skills:
    """Skill lines. A line "Label: a, b" may be shown as a table row (label | items) by table layouts."""

    heading: str
    lines: tuple[str, ...]
    as_table: bool = False


@dataclass(frozen=True)
class Projects:
    heading: str
    projects: tuple[Project, ...]


@dataclass(frozen=True)
class Lines:
    """Any other section (certifications, languages, interests, volunteering without dates)."""

    heading: str
    lines: tuple[str, ...]
    bulleted: bool = False


Section = Summary | Experience | Education | Skills | Projects | Lines


@dataclass(frozen=True)
class Resume:
    """One corpus file: content, layout and the facts the truth is made of.

    `contact` lines are printed under the name as written; `emails`, `phone` and `location` are the truth
    and generate.py checks that each of them is printed. `sidebar` names the sections (by heading) that a
    two-column layout puts in the sidebar.
    """

    stem: str
    kind: str
    layout: str
    profession: str
    name: str
    contact: tuple[str, ...]
    emails: tuple[str, ...]
    phone: Phone | None
    location: str | None
    sections: tuple[Section, ...]
    headline: str | None = None
    printed_name: str | None = None  # e.g. "SARAH O'NEILL, RN" when the truth is "Sarah O'Neill"
    hidden: str | None = None  # keyword stuffing a reader cannot see
    sidebar: tuple[str, ...] = ()
    notes: str = ""
    options: dict[str, str] = field(default_factory=dict)

    @property
    def extension(self) -> str:
        return {"pdf": "pdf", "scan": "pdf", "docx": "docx", "txt": "txt"}[self.kind]

    @property
    def filename(self) -> str:
        return f"{self.stem}.{self.extension}"


# --- dates ---------------------------------------------------------------------------------------

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")  # fmt: skip
_SEASONS = {(6, 8): "Summer", (9, 11): "Fall", (3, 5): "Spring"}


def _month_abbr(month: int, *, dot: bool = False) -> str:
    name = _MONTHS[month - 1]
    return name[:3] + ("." if dot and name != "May" else "")  # "May" has nothing to abbreviate


def _point(value: YearMonth | None, style: str, present: str) -> str:
    if value is None:
        return present
    year, month = value
    formats = {
        "mon": f"{_month_abbr(month)} {year}",
        "mon_dot": f"{_month_abbr(month, dot=True)} {year}",
        "month": f"{_MONTHS[month - 1]} {year}",
        "slash": f"{month:02d}/{year}",
        "iso": f"{year}-{month:02d}",
        "year": f"{year}",
        "apostrophe": f"{_month_abbr(month)} '{year % 100:02d}",
    }
    return formats[style]


def format_dates(start: YearMonth, end: YearMonth | None, style: str, present: str = "Present") -> str:
    """Print an interval in one of the date styles the corpus exercises."""
    if style == "season":
        if end is None or start[0] != end[0] or (start[1], end[1]) not in _SEASONS:
            raise ValueError(f"season dates need a whole season within one year, not {start}-{end}")
        return f"{_SEASONS[(start[1], end[1])]} {start[0]}"
    if style == "iso_slash":  # "2019-01 to 03/2022": two notations in one interval
        return f"{_point(start, 'iso', present)} to {_point(end, 'slash', present)}"
    separators = {"slash": " - ", "month": " to ", "iso": " – ", "year": "–", "apostrophe": " – "}
    base = style.removesuffix("_to")
    separator = " to " if style.endswith("_to") else separators.get(base, " – ")
    return f"{_point(start, base, present)}{separator}{_point(end, base, present)}"


DATE_STYLES = ("mon", "mon_to", "mon_dot", "month", "slash", "iso", "iso_slash", "year", "apostrophe", "season")


def job_header(job: Job, style: str) -> list[tuple[str, str | None]]:
    """A job's header as (left, right) lines; `right` is text a layout may align to the right margin."""
    dates = format_dates(job.start, job.end, job.dates, job.present_word)
    title = visible(job.title)
    where = f", {job.location}" if job.location else ""
    place = f" | {job.location}" if job.location else ""
    styles: dict[str, list[tuple[str, str | None]]] = {
        "title_dates": [(title, dates), (f"{job.employer}{where}", None)],
        "employer_dates": [(f"{job.employer}{where}", dates), (title, None)],
        "stacked": [(title, None), (f"{job.employer}{where}", None), (dates, None)],
        "pipe": [(f"{title} | {job.employer} | {dates}", None)],
        "at": [(f"{title} at {job.employer}{where} ({dates})", None)],
        "dates_first": [(f"{dates}: {title}, {job.employer}{where}", None)],
        "employer_title": [(f"{job.employer} — {title}", None), (dates + place, None)],
    }
    return styles[style]


# --- ground truth --------------------------------------------------------------------------------


def _month_index(value: YearMonth) -> int:
    return value[0] * 12 + value[1] - 1


def total_years(jobs: list[Job], present: YearMonth = PRESENT) -> float:
    """Years covered by the union of the work intervals, both end months included, one decimal.

    Overlapping roles count once; "Jan 2019 – Dec 2019" is 1.0 year.
    """
    months: set[int] = set()
    for job in jobs:
        end = job.end or present
        if _month_index(end) < _month_index(job.start):
            raise ValueError(f"{job.title} at {job.employer} ends before it starts")
        months.update(range(_month_index(job.start), _month_index(end) + 1))
    # Half-up rounding: 0.25 -> 0.3 (round() would give the even neighbour on ties).
    return int(len(months) * 10 / 12 + 0.5) / 10


def current_title(jobs: list[Job]) -> str | None:
    """The ongoing role's title (the first listed if several are ongoing), else the most recent role's title."""
    if not jobs:
        return None
    ongoing = [job for job in jobs if job.end is None]
    if ongoing:
        return visible(ongoing[0].title)
    latest = max(_month_index(job.end) for job in jobs if job.end is not None)
    return next(visible(job.title) for job in jobs if job.end is not None and _month_index(job.end) == latest)


def all_jobs(resume: Resume) -> list[Job]:
    return [job for section in resume.sections if isinstance(section, Experience) for job in section.jobs]


def marked_up_texts(resume: Resume) -> list[str]:
    """Every piece of printed text that may carry skills markup, in document order."""
    texts = [resume.headline or ""]
    for section in resume.sections:
        if isinstance(section, Summary):
            texts.append(section.text)
        elif isinstance(section, Experience):
            for job in section.jobs:
                texts += [job.title, *job.bullets]
        elif isinstance(section, Education):
            texts += [degree.text + " " + (degree.detail or "") for degree in section.degrees]
        elif isinstance(section, Skills | Lines):
            texts += list(section.lines)
        elif isinstance(section, Projects):
            for project in section.projects:
                texts += [project.name, *project.bullets]
    return texts


def ground_truth(resume: Resume) -> dict[str, object]:
    """The truth record, with exactly the keys of the parse interface."""
    jobs = all_jobs(resume)
    skills: dict[str, None] = {}
    for text in marked_up_texts(resume):
        for skill in claimed_skills(text):
            skills.setdefault(skill)
    employers: dict[str, None] = {}
    for job in jobs:
        employers.setdefault(job.employer)
    education = [
        {"degree_level": degree.level, "field": degree.field, "institution": degree.institution, "year": degree.year}
        for section in resume.sections
        if isinstance(section, Education)
        for degree in section.degrees
    ]
    return {
        "file": resume.filename,
        "name": resume.name,
        "emails": list(resume.emails),
        "phone": resume.phone.e164 if resume.phone else None,
        "location": resume.location,
        "skills": list(skills),
        "total_years_experience": total_years(jobs),
        "current_title": current_title(jobs),
        "employers": list(employers),
        "education": education,
    }
