"""The ranking evaluation set as data: job postings, candidates and the grade a recruiter gives each pair.

A candidate wraps a resume spec of the parsing corpus (`corpus.model.Resume`, rendered by `corpus.render`) with
what the ranking evaluation needs: which kind of case it is and its grade for each job. Grades are written by a
person reading the posting's requirements and the resume, never computed: 3 strong fit, 2 good, 1 weak or
partial, 0 not relevant. A job a candidate does not list is graded 0, and generate.py writes the whole matrix.

This module has no third-party imports, so the specs can be loaded (and unit-tested) without the renderers.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from corpus.model import Degree, Education, Experience, Job, Lines, Phone, Resume, Section, Skills, Summary

GRADES = (0, 1, 2, 3)
REMOTE_VALUES = (True, False, "hybrid")

# What a candidate is there to test; the README explains each.
CATEGORIES = (
    "strong",
    "paraphrased",
    "partial",
    "weak",
    "keyword_stuffed",
    "career_changer",
    "over_qualified",
    "under_qualified",
    "wrong_location",
    "distractor",
    "negated_skill",
    "hidden_injection",
    "visible_injection",
)
# Cases built to mislead a ranker about one posting; the manifest names that posting as `target_job`.
TRAP_CATEGORIES = ("keyword_stuffed", "negated_skill", "hidden_injection", "visible_injection")


@dataclass(frozen=True)
class Posting:
    """One job posting, written to jobs/<job_id>.json with exactly the keys of the rank_files interface."""

    job_id: str
    family: str
    title: str
    company: str
    location: str
    remote: bool | str
    employment_type: str
    description: str

    def as_json(self) -> dict[str, object]:
        return {
            "title": self.title,
            "company": self.company,
            "location": self.location,
            "remote": self.remote,
            "employment_type": self.employment_type,
            "description": self.description,
        }


@dataclass(frozen=True)
class Candidate:
    """A resume and the grades a careful recruiter gives it; jobs not in `grades` are graded 0."""

    resume: Resume
    family: str
    category: str
    grades: dict[str, int]
    note: str = ""  # one line for reviewers: what the case is
    target_job: str | None = None  # for a trap: the posting it is built to fool

    @property
    def resume_id(self) -> str:
        return self.resume.stem

    def grade(self, job_id: str) -> int:
        return self.grades.get(job_id, 0)


# --- compact builders for the specs --------------------------------------------------------------


def role(
    title: str,
    employer: str,
    start: tuple[int, int],
    end: tuple[int, int] | None,
    place: str | None,
    *bullets: str,
    dates: str = "mon",
) -> Job:
    """A work role; `end=None` is ongoing ("Present")."""
    return Job(title, employer, start, end, dates, place, tuple(bullets))


def degree(level: str, text: str, institution: str, year: int | None, detail: str | None = None) -> Degree:
    return Degree(level, text, None, institution, year, detail)  # type: ignore[arg-type]


# Fictional numbers: 555-0100 to 555-0199 behind a local area code in North America, Ofcom's drama range in the
# UK, and the equivalents elsewhere. Every resume gets its own number: the platform may merge resumes that share
# one into a single candidate, which would make two people one.
_AREA_CODES = {
    "AZ": "602", "CA": "916", "CO": "303", "GA": "404", "IL": "312", "IN": "317", "MA": "617", "MI": "313",
    "MN": "612", "MS": "662", "NC": "919", "NJ": "201", "NY": "212", "OH": "614", "OK": "918", "OR": "503",
    "RI": "401", "TN": "901", "TX": "512", "WA": "206", "WI": "608", "Canada": "416", "SC": "843", "PA": "215",
    "FL": "305", "KY": "502", "NV": "702", "MO": "314",
}  # fmt: skip
_PHONE_FORMATS = {
    "United Kingdom": "+44 7700 900{:03d}",
    "Germany": "+49 30 5550 10{:02d}",
    "Australia": "+61 491 570 {:03d}",
    "Philippines": "+63 917 555 0{:03d}",
}
_USED_PHONES: set[str] = set()


def _phone(stem: str, location: str) -> Phone:
    """A fictional number, stable for a stem and unique in the set (the next free one on a clash)."""
    region = location.rsplit(", ", 1)[-1]
    template = _PHONE_FORMATS.get(region, f"({_AREA_CODES.get(region, '555')}) 555-01{{:02d}}")
    start = int(hashlib.sha256(stem.encode()).hexdigest(), 16) % 100
    for offset in range(100):
        display = template.format((start + offset) % 100)
        if display not in _USED_PHONES:
            _USED_PHONES.add(display)
            break
    else:
        raise ValueError(f"{stem}: no fictional phone number left for {region}")
    digits = "".join(char for char in display if char.isdigit())
    return Phone(display, "+" + (digits if display.startswith("+") else "1" + digits))


def _email(name: str, stem: str) -> str:
    domains = ("gmail.com", "outlook.com", "yahoo.com", "proton.me", "icloud.com", "fastmail.com")
    first, *_, last = name.lower().replace("'", "").replace(".", "").split()
    domain = domains[int(hashlib.sha256(stem.encode()).hexdigest(), 16) % len(domains)]
    return f"{first}.{last}@{domain}"


@dataclass(frozen=True)
class Layout:
    """How a resume is printed; `kind` is txt, pdf or docx and `layout` one the corpus renderers know."""

    kind: str = "txt"
    layout: str = "plain"
    options: dict[str, str] = field(default_factory=dict)
    headings: tuple[str, str, str, str] = ("Summary", "Experience", "Education", "Skills")
    sidebar: tuple[str, ...] = ()  # headings a two-column layout puts in the sidebar
    skills_table: bool = False  # print "Label: items" skill lines as a grid where the renderer can


TXT = Layout()
TXT_MD = Layout(options={"heading_style": "markdown"})
TXT_UNDERLINE = Layout(options={"heading_style": "underline"}, headings=("Profile", "Work History", "Education",
                                                                           "Skills"))  # fmt: skip
TXT_COLON = Layout(options={"heading_style": "colon", "bullet": "*"})
PDF = Layout("pdf", "single")
PDF_TIMES = Layout("pdf", "single", {"font": "Times-Roman", "size": "9.5"}, ("Professional Summary",
                                     "Professional Experience", "Education", "Core Skills"))  # fmt: skip
DOCX = Layout("docx", "plain")
DOCX_BOLD = Layout("docx", "plain", {"heading_style": "bold"}, ("Profile", "Employment History", "Education",
                                                                "Skills"))  # fmt: skip
PDF_TWO_COLUMN = Layout("pdf", "two_column", sidebar=("Skills", "Education", "Certifications"))
PDF_DARK_SIDEBAR = Layout("pdf", "two_column", {"dark_sidebar": "1", "sidebar_side": "right"},
                          sidebar=("Skills", "Certifications", "Licenses"))  # fmt: skip
DOCX_TABLE = Layout("docx", "layout_table", sidebar=("Skills", "Education", "Certifications"))
DOCX_HEADER = Layout("docx", "header_contact")
DOCX_SKILL_GRID = Layout("docx", "plain", {"heading_style": "bold"}, skills_table=True)
TXT_TITLE = Layout(options={"heading_style": "title", "bullet": "•"})


def candidate(
    stem: str,
    *,
    family: str,
    category: str,
    grades: dict[str, int],
    name: str,
    location: str,
    headline: str,
    summary: str,
    roles: tuple[Job, ...],
    education: tuple[Degree, ...],
    skills: tuple[str, ...] = (),
    extra: tuple[Lines, ...] = (),
    layout: Layout = TXT,
    hidden: str | None = None,
    note: str = "",
    target_job: str | None = None,
) -> Candidate:
    """A candidate whose resume has the usual shape: name, headline, contact, summary, roles, education, skills."""
    email = _email(name, stem)
    phone = _phone(stem, location)
    summary_heading, experience_heading, education_heading, skills_heading = layout.headings
    sections: list[Section] = [Summary(summary_heading, summary)]
    if roles:
        sections.append(Experience(experience_heading, roles, style="title_dates"))
    sections.append(Education(education_heading, education))
    if skills:
        sections.append(Skills(skills_heading, skills, as_table=layout.skills_table))
    sections += extra
    resume = Resume(
        stem=stem,
        kind=layout.kind,
        layout=layout.layout,
        profession=family,
        name=name,
        headline=headline,
        contact=(f"{location} | {phone.display} | {email}",),
        emails=(email,),
        phone=phone,
        location=location,
        sections=tuple(sections),
        hidden=hidden,
        sidebar=layout.sidebar,
        notes=note,
        options=dict(layout.options),
    )
    return Candidate(resume, family, category, grades, note, target_job)
