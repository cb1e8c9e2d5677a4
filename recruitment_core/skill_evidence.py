"""The evidence behind each skill a resume claims: every mention with its section, line, role and months of
use, the items of skills lists, and the caps that keep a keyword dump from flooding a profile."""

import bisect
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from recruitment_core.limits import ResumeLimits
from recruitment_core.sections import CONTACT_SECTION, Line, Section, evidence_section
from recruitment_core.skill_list_lines import CREDENTIAL_SECTIONS, credential_names, is_pending_credential, list_lines
from recruitment_core.skill_lists import TAXONOMY_SOURCE, listed_skills
from recruitment_core.skills import find_skill_mentions
from recruitment_core.vocabulary import PARENTHETICAL, is_bullet, split_strong, strip_bullet, words
from recruitment_core.work_history import WorkBlock

PROJECT_LABEL = re.compile(
    r"^\s*(?:tech(?:nologies|nology)?|stack|tech stack|tools|built with|environment|languages|link|url|repo"
    r"|github|demo|role|team|skills)\b[^:]{0,20}:",
    re.IGNORECASE,
)
MAX_PROJECT_NAME_WORDS = 8


@dataclass(frozen=True)
class SkillEvidence:
    """One mention of a skill: where it stands and, inside a role, for how long it was used."""

    name: str  # canonical taxonomy name
    section: str  # "skills" | "experience" | "projects" | "summary" | "education" | "certifications" | "other"
    context: str  # the resume line that mentions it
    role: str | None  # "Title at Employer" inside a work entry, or the project's name
    months: int | None  # months of use when the mention sits in a dated role
    source: str = TAXONOMY_SOURCE  # or "skills_list": a skills-list item the taxonomy does not know


def capped_evidence(evidence: list[SkillEvidence], limits: ResumeLimits, flags: list[str]) -> list[SkillEvidence]:
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


def skill_evidence(
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
        text = _without_name(text, lines[name_line], name_below_sidebar)
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

    headings = _heading_spans(sections, lines)
    evidence = []
    for mention in find_skill_mentions(text):
        if any(start <= mention.start and mention.end <= end for start, end in headings):
            continue  # "Culinary Skills", "Sales Experience", "Bar Admissions": a heading claims nothing
        line = lines[bisect.bisect_right(line_starts, mention.start) - 1]
        block = _block_at(blocks, first_lines, line.number)
        if block is not None and _inside_employer_name(
            block, line, mention.start - line.start, mention.end - line.start
        ):
            continue
        section_name = section_of_line.get(line.number, CONTACT_SECTION)
        if section_name in CREDENTIAL_SECTIONS and is_pending_credential(line.text):
            continue  # "CFA Level II Candidate": a credential being worked towards is not held
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
    evidence += _listed_evidence(text, lines, sections, max_free, evidence, context_of_line)
    return evidence


def _heading_spans(sections: list[Section], lines: list[Line]) -> list[tuple[int, int]]:
    """The offsets of each section's heading in the text: a heading names the kind of what follows, not a skill.
    An inline heading ("Core competencies: Python, SQL") covers its own words only."""
    spans = []
    for section in sections:
        if section.heading_line is None or not section.heading:
            continue
        line = lines[section.heading_line]
        position = line.text.casefold().find(section.heading.casefold())
        if position >= 0:
            spans.append((line.start + position, line.start + position + len(section.heading)))
    return spans


def _without_name(text: str, name_line: Line, name_below_sidebar: bool) -> str:
    """A name is not a skill claim ("Ruby Chen" does not know Ruby), nor is anything printed above it:
    a resume starts with its owner's name, and keywords before it are hidden stuffing or page furniture.
    A name found below a sidebar printed first hides only its own line: the sidebar is the resume's."""
    start, end = name_line.start if name_below_sidebar else 0, name_line.end
    return text[:start] + re.sub(r"[^\n]", " ", text[start:end]) + text[end:]


def _listed_evidence(
    text: str,
    lines: list[Line],
    sections: list[Section],
    max_free: int,
    evidence: list[SkillEvidence],
    context_of_line: Callable[[Line], str],
) -> list[SkillEvidence]:
    """Items of skills lists not in `evidence` already: taxonomy skills named alone ("Onboarding") and skills the
    taxonomy does not know. Credentials are read by their names alone, so an issuer or a place is not taken for
    a skill."""
    listed_text, credential_lines = credential_names(text, sections)
    credential_numbers = {line.number for line in credential_lines}
    recorded = {(item.name, item.context) for item in evidence}
    found = []
    for listed in listed_skills(
        listed_text, sorted([*list_lines(sections), *credential_lines], key=lambda line: line.number), max_free
    ):
        context = context_of_line(lines[listed.line])
        if (listed.name, context) not in recorded:
            recorded.add((listed.name, context))
            section_name = "certifications" if listed.line in credential_numbers else "skills"
            found.append(SkillEvidence(listed.name, section_name, context, None, None, listed.source))
    return found


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
