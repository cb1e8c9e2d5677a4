"""Resume text in, structured profile out: contact details, sections, work history, education and skills
with the evidence for each mention. Pure Python, shared by the Django backend and the AI service.

`parse_resume` never invents: what a resume does not say is None or empty. The pieces live in their own
modules: `sections` (headings), `contact`, `work_history`, `education`, `dates` and `skills`.
"""

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypeVar

from recruitment_core.contact import parse_contact
from recruitment_core.dates import DateRange, YearMonth, find_date_ranges, years_in_text
from recruitment_core.education import EducationEntry, degree_level, displaced_degrees, parse_education
from recruitment_core.injection import instruction_flags, without_instructions
from recruitment_core.limits import DEFAULT_LIMITS, ResumeLimits, cut_text, kept_flag
from recruitment_core.sections import (
    CONTACT_SECTION,
    Line,
    Section,
    blank_placeholders,
    evidence_section,
    normalise_text,
    sections_text,
    split_lines,
    split_sections,
    without_degree_sections,
)
from recruitment_core.skill_lists import TAXONOMY_SOURCE, listed_skills, max_free_skills
from recruitment_core.skills import find_skill_mentions
from recruitment_core.vocabulary import (
    PARENTHETICAL,
    is_bullet,
    split_strong,
    strip_bullet,
    words,
)
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
PROJECT_LABEL = re.compile(
    r"^\s*(?:tech(?:nologies|nology)?|stack|tech stack|tools|built with|environment|languages|link|url|repo"
    r"|github|demo|role|team|skills)\b[^:]{0,20}:",
    re.IGNORECASE,
)
MAX_PROJECT_NAME_WORDS = 8
# Bullets that are not read as such: a symbol-font glyph extraction could not map ("� Led the team") and an
# en dash ("– Cut costs 14%"); each becomes "•", one character for another.
UNKNOWN_BULLET = re.compile(r"(?m)^([ \t]*)[\ufffd–](?=[ \t])")
_Item = TypeVar("_Item")


@dataclass(frozen=True)
class SkillEvidence:
    """One mention of a skill: where it stands and, inside a role, for how long it was used."""

    name: str  # canonical taxonomy name
    section: str  # "skills" | "experience" | "projects" | "summary" | "education" | "certifications" | "other"
    context: str  # the resume line that mentions it
    role: str | None  # "Title at Employer" inside a work entry, or the project's name
    months: int | None  # months of use when the mention sits in a dated role
    source: str = TAXONOMY_SOURCE  # or "skills_list": a skills-list item the taxonomy does not know


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
    contact = parse_contact(
        lines,
        excluded_lines=excluded,
        name_lines=name_lines,
        role_lines=role_lines,
        sidebar_name_lines=sidebar_name_lines,
        default_region=default_region,
    )

    blocks = _work_blocks(sections, today)
    history = sorted(
        (block.entry for block in blocks),
        # Current roles keep the resume's order: the one written first is the main one.
        key=lambda entry: (
            _end_index(entry, today),
            0 if entry.is_current else entry.start.index if entry.start else -1,
        ),
        reverse=True,
    )
    education = _education(sections, today)
    skills = _skill_evidence(
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
    skills = _capped_evidence(skills, limits, flags)
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


def _capped(items: list[_Item], cap: int, code: str, what: str, flags: list[str], which: str = "first") -> list[_Item]:
    if len(items) <= cap:
        return items
    flags.append(kept_flag(code, cap, len(items), what, which))
    return items[:cap]


def _capped_evidence(evidence: list[SkillEvidence], limits: ResumeLimits, flags: list[str]) -> list[SkillEvidence]:
    """At most `max_evidence_per_skill` mentions of each skill and `max_skill_evidence` in all, in resume order.

    Repeats of the same mention go first (they change no score); then each skill keeps its first mentions,
    taken in turns across skills, so a long list of one skill never crowds another skill out.
    """
    per_skill = Counter(item.name for item in evidence)
    if (
        len(evidence) <= limits.max_skill_evidence
        and max(per_skill.values(), default=0) <= limits.max_evidence_per_skill
    ):
        return evidence
    distinct = list(dict.fromkeys(evidence))
    turn: Counter[str] = Counter()
    ranked = []  # (turn of this mention within its skill, position in the resume)
    for position, item in enumerate(distinct):
        turn[item.name] += 1
        if turn[item.name] <= limits.max_evidence_per_skill:
            ranked.append((turn[item.name], position))
    kept = sorted(position for _, position in sorted(ranked)[: limits.max_skill_evidence])
    flags.append(
        f"skill_evidence_truncated: only {len(kept):,} of {len(evidence):,} skill mentions were kept as evidence "
        f"(at most {limits.max_evidence_per_skill} per skill)"
    )
    return [distinct[position] for position in kept]


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


def _skill_evidence(
    text: str,
    lines: list[Line],
    sections: list[Section],
    blocks: list[WorkBlock],
    name_line: int | None,
    max_context_chars: int,
    *,
    name_below_sidebar: bool = False,
    max_free: int = 0,
) -> list[SkillEvidence]:
    if name_line is not None:
        # A name is not a skill claim ("Ruby Chen" does not know Ruby), nor is anything printed above it:
        # a resume starts with its owner's name, and keywords before it are hidden stuffing or page furniture.
        # A name found below a sidebar printed first hides only its own line: the sidebar is the resume's.
        start, end = lines[name_line].start if name_below_sidebar else 0, lines[name_line].end
        text = text[:start] + re.sub(r"[^\n]", " ", text[start:end]) + text[end:]
    line_starts = [line.start for line in lines]
    section_of_line: dict[int, str] = {}
    for section in sections:
        for line in section.lines:
            section_of_line[line.number] = section.name
    project_names = _project_names(sections)
    blocks = sorted(blocks, key=lambda block: block.first_line)
    first_lines = [block.first_line for block in blocks]
    contexts: dict[int, str] = {}  # computed once per line: a long line may hold thousands of mentions

    def context_of_line(line: Line) -> str:
        if line.number not in contexts:
            context = strip_bullet(line.text) if is_bullet(line.text) else line.text.strip()
            contexts[line.number] = context[:max_context_chars]  # one huge line must not be copied per mention
        return contexts[line.number]

    evidence = []
    for mention in find_skill_mentions(text):
        line = lines[bisect.bisect_right(line_starts, mention.start) - 1]
        block = _block_at(blocks, first_lines, line.number)
        if block is not None and _inside_employer_name(
            block, line, mention.start - line.start, mention.end - line.start
        ):
            continue
        section_name = section_of_line.get(line.number, CONTACT_SECTION)
        role, months = None, None
        if block is not None:
            role, months = block.entry.role or None, block.entry.months
        elif section_name == "projects":
            role = project_names.get(line.number)
        evidence.append(
            SkillEvidence(
                name=mention.name,
                section=evidence_section(section_name) if block is None else "experience",
                context=context_of_line(line),
                role=role,
                months=months,
            )
        )
    # Items of skills lists: taxonomy skills named alone ("Onboarding") and skills the taxonomy does not know.
    skills_lines = [line for section in sections if section.name == "skills" for line in section.lines]
    recorded = {(item.name, item.context) for item in evidence}
    for listed in listed_skills(text, skills_lines, max_free):
        context = context_of_line(lines[listed.line])
        if (listed.name, context) not in recorded:
            recorded.add((listed.name, context))
            evidence.append(SkillEvidence(listed.name, "skills", context, None, None, listed.source))
    return evidence


def _block_at(blocks: list[WorkBlock], first_lines: list[int], line_number: int) -> WorkBlock | None:
    """The role whose lines hold `line_number`; `blocks` are in document order, `first_lines` their first lines."""
    position = bisect.bisect_right(first_lines, line_number) - 1
    if position >= 0 and line_number <= blocks[position].last_line:
        return blocks[position]
    return None


def _inside_employer_name(block: WorkBlock, line: Line, start: int, end: int) -> bool:
    """Whether a mention is part of the employer's name on a role's header line ("Salesforce, Jan 2019 –")."""
    employer = block.entry.employer
    if not employer or line.number not in block.header_lines:
        return False
    position = line.text.find(employer)
    while position >= 0:
        if position <= start and end <= position + len(employer):
            return True
        position = line.text.find(employer, position + 1)
    return False


def _project_names(sections: list[Section]) -> dict[int, str]:
    """Line number -> the name of the project that line describes, for lines of projects sections."""
    names: dict[int, str] = {}
    for section in sections:
        if section.name != "projects":
            continue
        current: str | None = None
        for line in section.lines:
            name = _project_name(line.text)
            if name:
                current = name
            if current:
                names[line.number] = current
    return names


def _project_name(text: str) -> str | None:
    """The project a header line names: "Resume Parser | Python, spaCy | 2023" -> "Resume Parser"."""
    stripped = text.strip()
    if not stripped or is_bullet(stripped) or PROJECT_LABEL.match(stripped):
        return None
    first = split_strong(PARENTHETICAL.sub("", stripped).split(":")[0])
    if not first:
        return None
    name = first[0].strip(" .*_")
    tokens = words(name)
    if not tokens or len(tokens) > MAX_PROJECT_NAME_WORDS or name.endswith("."):
        return None
    if sum(token[:1].isupper() or token.lower() in {"of", "and", "the", "for", "a", "to", "in"} for token in tokens) < (
        0.7 * len(tokens)
    ):
        return None
    return name
