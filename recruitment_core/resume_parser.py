"""Resume text in, structured profile out: contact details, sections, work history, education and skills
with the evidence for each mention. Pure Python, shared by the Django backend and the AI service.

`parse_resume` never invents: what a resume does not say is None or empty. The pieces live in their own
modules: `sections` (headings), `contact`, `work_history`, `education`, `dates`, `skills` and
`skill_evidence`.
"""

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypeVar

from recruitment_core.contact import Contact, parse_contact
from recruitment_core.dates import DateRange, YearMonth, find_date_ranges, years_in_text
from recruitment_core.education import EducationEntry, degree_level, displaced_degrees, parse_education
from recruitment_core.injection import instruction_flags, without_instructions
from recruitment_core.limits import DEFAULT_LIMITS, ResumeLimits, cut_text, kept_flag
from recruitment_core.placeholders import blank_placeholders
from recruitment_core.sections import (
    CONTACT_SECTION,
    Line,
    Section,
    normalise_text,
    sections_text,
    split_lines,
    split_sections,
    without_degree_sections,
)
from recruitment_core.skill_evidence import SkillEvidence, capped_evidence, skill_evidence
from recruitment_core.skill_lists import max_free_skills
from recruitment_core.work_history import WorkBlock, WorkEntry, parse_work_history, total_years, with_dates

__all__ = [
    "EducationEntry",
    "ParsedResume",
    "SkillEvidence",
    "WorkEntry",
    "YearMonth",
    "parse_resume",
]

# Sections whose details belong to other people or are not work: never read for contact details or roles.
OTHER_PEOPLE_SECTIONS = frozenset({"references"})
# Sections a person's name may be printed in: the block at the top and a labelled contact block.
NAME_SECTIONS = frozenset({CONTACT_SECTION, "contact_details"})
# Sections whose places are where a job, a school or a project was: never the person's location.
ROLE_SECTIONS = frozenset({"experience", "education", "projects", "volunteer", "activities"})
SCHOOL_SECTIONS = frozenset({"education", "coursework", "references"})
NOT_WORK_SECTIONS = frozenset(
    {
        "education",
        "coursework",
        "certifications",
        "projects",
        "skills",
        "volunteer",
        "awards",
        "publications",
        "languages",
        "references",
        "activities",
        "interests",
        "summary",
    }
)
# Bullets that are not read as such: a symbol-font glyph extraction could not map ("� Led the team") and an
# en dash ("– Cut costs 14%"); each becomes "•", one character for another.
UNKNOWN_BULLET = re.compile(r"(?m)^([ \t]*)[\ufffd–](?=[ \t])")
_Item = TypeVar("_Item")


@dataclass(frozen=True)
class ParsedResume:
    """A resume as data. Lists keep the resume's order except `work_history`, which is newest first."""

    name: str | None
    emails: list[str]
    phone: str | None  # E.164
    location: str | None
    links: list[str]
    sections: dict[str, str]  # canonical section name -> its text
    work_history: list[WorkEntry]  # newest first
    total_years_experience: float  # union of role intervals, rounded to 1 decimal
    current_title: str | None  # title of the current (or most recent) role
    employers: list[str]  # in work-history order, deduplicated
    education: list[EducationEntry]
    skills: list[SkillEvidence]  # one entry per (skill, mention), within the evidence caps
    red_flags: list[str] = field(default_factory=list)  # what the caps cut ("code: message")

    def skill_names(self) -> list[str]:
        """Unique canonical skill names, first mention first."""
        return list(dict.fromkeys(evidence.name for evidence in self.skills))

    def to_summary(self) -> dict[str, Any]:
        """The fields an evaluation or a quick look needs, as plain JSON-ready data."""
        return {
            "name": self.name,
            "emails": list(self.emails),
            "phone": self.phone,
            "location": self.location,
            "skills": self.skill_names(),
            "total_years_experience": self.total_years_experience,
            "current_title": self.current_title,
            "employers": list(self.employers),
            "education": [
                {
                    "degree_level": entry.degree_level,
                    "field": entry.field,
                    "institution": entry.institution,
                    "year": entry.year,
                }
                for entry in self.education
            ],
        }


def parse_resume(
    text: str, *, today: date | None = None, default_region: str = "US", limits: ResumeLimits = DEFAULT_LIMITS
) -> ParsedResume:
    """Parse resume text. `today` dates "Present" (default: the real today); phone numbers written without a
    country code are read in `default_region` (an ISO 3166 code such as "US" or "GB"). Lists are kept within
    `limits`; each cap that is hit adds a red flag."""
    today = today or date.today()
    text, text_cut = cut_text(normalise_text(text), limits.max_chars)
    text = UNKNOWN_BULLET.sub(lambda match: f"{match.group(1)}•", blank_placeholders(text))
    flags = [text_cut] if text_cut else []
    flags += instruction_flags(text)  # sentences addressed to automated screeners: flagged, never evidence
    lines = split_lines(text)
    sections = without_degree_sections(
        split_sections(lines), lambda section: any(degree_level(line.text) for line in section.lines)
    )
    contact = _contact(lines, sections, default_region)
    blocks = _work_blocks(sections, today)
    history = _latest_first([block.entry for block in blocks], today)
    education = _education(sections, today)
    skills = skill_evidence(
        without_instructions(text),
        lines,
        sections,
        blocks,
        contact.name_line,
        limits.max_evidence_chars,
        name_below_sidebar=contact.name_below_sidebar,
        max_free=max_free_skills(limits),
    )
    years = total_years(history, today=today)  # every role counts, kept or not
    emails = _capped(contact.emails, limits.max_emails, "emails_truncated", "email addresses", flags)
    links = _capped(contact.links, limits.max_links, "links_truncated", "links", flags)
    history = _capped(history, limits.max_work_entries, "work_history_truncated", "roles", flags, "most recent")
    education = _capped(education, limits.max_education_entries, "education_truncated", "education entries", flags)
    skills = capped_evidence(skills, limits, flags)
    return ParsedResume(
        name=contact.name,
        emails=emails,
        phone=contact.phone,
        location=contact.location,
        links=links,
        sections=sections_text(sections),
        work_history=history,
        total_years_experience=years,
        current_title=(history[0].title or None) if history else None,
        employers=list(dict.fromkeys(entry.employer for entry in history if entry.employer)),
        education=education,
        skills=skills,
        red_flags=flags,
    )


def _contact(lines: list[Line], sections: list[Section], default_region: str) -> Contact:
    """The contact details, read where each may stand: not in sections about other people, the name only in the
    contact block (or below a sidebar), the location not in a role's or a school's lines."""
    excluded = {line.number for section in sections if section.name in OTHER_PEOPLE_SECTIONS for line in section.lines}
    name_lines = {line.number for section in sections if section.name in NAME_SECTIONS for line in section.lines}
    role_lines = {line.number for section in sections if section.name in ROLE_SECTIONS for line in section.lines}
    experience_lines = {line.number for section in sections if section.name == "experience" for line in section.lines}
    heading_lines = {section.heading_line for section in sections}
    sidebar_name_lines = {
        line.number
        for line in lines
        if line.number not in heading_lines and line.number not in excluded and line.number not in experience_lines
    }
    return parse_contact(
        lines,
        excluded_lines=excluded,
        name_lines=name_lines,
        role_lines=role_lines,
        sidebar_name_lines=sidebar_name_lines,
        default_region=default_region,
    )


def _latest_first(entries: list[WorkEntry], today: date) -> list[WorkEntry]:
    return sorted(
        entries,
        # Current roles keep the resume's order: the one written first is the main one.
        key=lambda entry: (
            _end_index(entry, today),
            0 if entry.is_current else entry.start.index if entry.start else -1,
        ),
        reverse=True,
    )


def _capped(items: list[_Item], cap: int, code: str, what: str, flags: list[str], which: str = "first") -> list[_Item]:
    if len(items) <= cap:
        return items
    flags.append(kept_flag(code, cap, len(items), what, which))
    return items[:cap]


def _end_index(entry: WorkEntry, today: date) -> int:
    if entry.is_current:
        return YearMonth.of(today).index
    return entry.end.index if entry.end else -1


def _work_blocks(sections: list[Section], today: date) -> list[WorkBlock]:
    """Roles from the experience sections; without one, dated roles anywhere outside other known sections."""
    experience = [section for section in sections if section.name == "experience"]
    if experience:
        blocks = [block for section in experience for block in parse_work_history(section.lines, today=today)]
        if blocks and all(not block.entry.role for block in blocks):
            # Only dates under the heading: the roles they date were read under the headings that follow.
            return _roles_for_dates(sections, blocks, today) or blocks
        if blocks:
            return blocks
    # Without roles there, dated roles elsewhere: outside the sections that hold no work, or, when an experience
    # heading stands empty (two columns read heading by heading), under whichever heading they were read.
    excluded = SCHOOL_SECTIONS if experience else NOT_WORK_SECTIONS
    candidates = [section for section in sections if section.name not in excluded]
    blocks = [
        block for section in candidates for block in parse_work_history(section.lines, today=today, undated=False)
    ]
    return [block for block in blocks if not _reads_as_education(block.entry)]


def _roles_for_dates(sections: list[Section], dates: list[WorkBlock], today: date) -> list[WorkBlock]:
    """Undated roles of the sections after the first experience heading, given the dates found under it."""
    first = next(index for index, section in enumerate(sections) if section.name == "experience")
    roles = [
        block
        for section in sections[first + 1 :]
        if section.name not in OTHER_PEOPLE_SECTIONS
        for block in parse_work_history(
            [line for line in section.lines if not find_date_ranges(line.text)], today=today
        )
        if not degree_level(block.entry.role)
    ]
    date_ranges = [
        DateRange(block.entry.start, block.entry.end, block.entry.is_current, (0, 0))
        for block in dates
        if block.entry.start is not None
    ]
    return with_dates(roles, date_ranges, today=today)


def _education(sections: list[Section], today: date) -> list[EducationEntry]:
    """Degrees of the education sections; when those hold none (two columns read heading by heading, so that
    only the years stand under the heading), the degrees that open a line in the sections after it."""
    schooling = [section for section in sections if section.name == "education"]
    entries = [entry for section in schooling for entry in parse_education(section.lines, today=today)]
    if entries or not schooling:
        return entries
    first = sections.index(schooling[0])
    later = [
        line for section in sections[first + 1 :] if section.name not in OTHER_PEOPLE_SECTIONS for line in section.lines
    ]
    years = [year for section in schooling for line in section.lines for year in years_in_text(line.text)]
    return displaced_degrees(later, years, today=today)


def _reads_as_education(entry: WorkEntry) -> bool:
    header = f"{entry.title} {entry.employer}"
    return degree_level(header) is not None or bool(
        re.search(r"\b(?:university|college|school|institute|academy)\b", header, re.IGNORECASE)
    )
