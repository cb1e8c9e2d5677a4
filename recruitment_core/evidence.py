"""What a resume evidences, reduced once per profile to `CandidateFeatures`.

For every skill, how strongly the resume shows it (`SkillStrength`): by the section of its best mention, by the
months of the dated roles that use it, and, per role, by how recently that role ended, so a job's scorer can
weigh a mention by the role family of the role it stands in (`contextual_strength`): "recruiting seasonal staff"
in a store manager's duties is weaker evidence for a Recruiter job than recruiting as the subject of the role.

The resume's own words are taken at their word: a skill it calls basic, "familiar with" or "learning" counts
little (`qualified_skills`), and a skill it says it has not used is an admitted gap (`admitted_gaps`). Sentences
addressed to automated screeners (`recruitment_core.injection`) are no evidence of anything.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from recruitment_core.fits import stated_years
from recruitment_core.injection import addresses_screeners
from recruitment_core.relocation import resume_relocation
from recruitment_core.scoring_weights import ScoringWeights, load_weights
from recruitment_core.skills import CLAUSE_BREAK, extract_skills, implied_skills

if TYPE_CHECKING:
    from recruitment_core.resume_parser import ParsedResume

SKILLS_SECTION = "skills"
OTHER_SECTION = "other"
PROJECTS_SECTION = "projects"
EXPERIENCE_SECTION = "experience"

# A line labelled as a list of search terms is a keyword list however few skills it names.
KEYWORD_LABEL = re.compile(r"^\s*(?:ats\s+)?(?:keywords?|key\s+words|tags|search\s+terms|buzzwords)\s*[:\-–—|]", re.I)
# The resume saying its own command of a skill is slight; the skills after the cue, to the end of the clause.
WEAK_CUE = re.compile(
    r"\b(?:basic|beginner|elementary|introductory|novice|rudimentary|limited|some|working)\s+"
    r"(?:knowledge|understanding|experience|exposure|familiarity|skills?|proficiency|awareness)\s+(?:of|in|with)\b"
    r"|\b(?:familiar|familiarity|acquainted)\s+with\b|\b(?:some\s+|limited\s+|initial\s+)?exposure\s+to\b"
    r"|\b(?:currently|now|still|actively|am|i'm|i\s+am)\s+(?:learning|studying|picking\s+up)\b"
    r"|(?:^|(?<=[\n•;:(]))\s*(?:[-*]\s*)?(?:learning|studying)\b"
    r"|\b(?:want|wish|hope|plan|planning|eager|keen|looking)\s+to\s+learn\b|\binterested\s+in\s+learning\b"
    r"|\b(?:basics|fundamentals)\s+of\b|\bintroduction\s+to\b",
    re.IGNORECASE | re.MULTILINE,
)
# A cue reaches to the end of its clause; a colon ends it too ("haven't used TypeScript: our code is JavaScript").
QUALIFIED_CLAUSE_BREAK = re.compile(
    f"{CLAUSE_BREAK.pattern}|:|\\s[-–—]\\s|\\bwhile\\b|\\binstead\\b", CLAUSE_BREAK.flags
)
# A line of a wrapped paragraph: long, ending inside a sentence, the next line going on with a word.
WRAPPED_LINE = re.compile(r"(?m)^([^\n]{60,}[\w,])[ \t]*\n[ \t]*(?=[A-Za-z])")
WEAK_AFTER = re.compile(r"\s*\((?:basic|beginner|novice|learning|familiar|elementary|exposure)\)", re.IGNORECASE)
# The resume saying it lacks a skill: "haven't used TypeScript", "no professional experience with Go".
DENIAL_CUE = re.compile(
    r"\b(?:haven't|have\s+not|hasn't|has\s+not|didn't|did\s+not|don't|do\s+not|never)\s+"
    r"(?:yet\s+|really\s+|actually\s+|personally\s+|professionally\s+|ever\s+)*"
    r"(?:used|use|worked|touched|had|have|hold|held|possess|carry|written|built|programmed|coded|applied|tried"
    r"|shipped|deployed|know|speak|completed|earned|obtained)\b"
    r"|\bno\s+(?:professional\s+|prior\s+|hands-on\s+|commercial\s+|real\s+|direct\s+|formal\s+|production\s+"
    r"|practical\s+|working\s+|paid\s+)*(?:experience|exposure|background|knowledge|familiarity)\s+"
    r"(?:with|in|of|using)\b"
    r"|\bnot\s+(?:yet\s+)?(?:familiar|experienced|proficient|comfortable|certified|licensed|trained)\b"
    r"|\b(?:lack|lacks|lacking)\s+(?:of\s+)?(?:any\s+)?(?:experience|exposure|knowledge)\b"
    r"|\bunfamiliar\s+with\b|\bwithout\s+(?:any\s+)?(?:professional\s+|prior\s+)?(?:experience|exposure)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class SkillStrength:
    """How strongly a resume evidences one skill.

    `roles` and `outside_roles` say where the strength comes from, for judging it against a job's role family;
    they are derived from the same mentions as the summary fields, which alone define equality."""

    months: int  # months of dated use across roles (0 if only listed)
    sections: tuple[str, ...]  # where it is evidenced, strongest section first
    evidence: tuple[str, ...]  # up to 3 resume lines that evidence it, best first
    strength: float  # 0-1
    roles: tuple[tuple[str, float], ...] = field(default=(), compare=False)  # (role title, strength in it)
    outside_roles: float = field(default=0.0, compare=False)  # best strength outside any role


@dataclass(frozen=True)
class RoleSummary:
    """One past or current role, as the role-family part of a score reads it."""

    title: str
    months: int | None
    years_ago: float  # since it ended; 0 for a current role


@dataclass(frozen=True)
class _Mention:
    name: str
    section: str
    context: str
    role: str | None
    months: int | None


@dataclass(frozen=True)
class CandidateFeatures:
    """What the scorer needs from a resume, computed once per profile. Plain data: `to_json` gives JSON and
    `from_json` takes it back. `roles` and `admitted_gaps` refine the evidence against a job; equality compares
    the summary fields."""

    skills: dict[str, SkillStrength]  # canonical skill name -> strength of evidence
    total_years: float
    education_levels: list[str]
    location: str | None
    has_projects: bool
    roles: tuple[RoleSummary, ...] = field(default=(), compare=False)  # newest first
    admitted_gaps: tuple[str, ...] = field(default=(), compare=False)  # skills the resume says it has not used
    # Where the resume says its owner is moving ("Chicago, IL"), or "anywhere" when they will relocate.
    relocation: str | None = field(default=None, compare=False)

    @classmethod
    def from_parsed(cls, parsed: ParsedResume) -> CandidateFeatures:
        """Features of a freshly parsed resume."""
        mentions = [_Mention(e.name, e.section, e.context, e.role, e.months) for e in parsed.skills]
        history = [
            (
                entry.role,
                entry.title,
                entry.months,
                _end_index(
                    entry.start.index if entry.start else None, entry.end.index if entry.end else None, entry.months
                ),
            )
            for entry in parsed.work_history
        ]
        return cls._build(
            mentions=mentions,
            total_years=parsed.total_years_experience,
            history=history,
            sections=parsed.sections,
            education_levels=[entry.degree_level for entry in parsed.education],
            location=parsed.location,
        )

    @classmethod
    def from_profile(cls, profile: Mapping[str, Any]) -> CandidateFeatures:
        """Features of a stored profile: `dataclasses.asdict(ParsedResume)` as JSON, possibly with extra keys.

        Missing keys read as empty, so profiles stored before a field existed still score."""
        mentions = [
            _Mention(
                str(item.get("name") or ""),
                str(item.get("section") or OTHER_SECTION),
                str(item.get("context") or ""),
                item.get("role"),
                item.get("months"),
            )
            for item in profile.get("skills") or ()
            if item.get("name")
        ]
        history = []
        for entry in profile.get("work_history") or ():
            title, employer = str(entry.get("title") or ""), str(entry.get("employer") or "")
            role = f"{title} at {employer}" if title and employer else title or employer
            start, end, months = _month_index(entry.get("start")), _month_index(entry.get("end")), entry.get("months")
            history.append((role, title, months, _end_index(start, end, months)))
        return cls._build(
            mentions=mentions,
            total_years=float(profile.get("total_years_experience") or 0.0),
            history=history,
            sections=profile.get("sections") or {},
            education_levels=[entry.get("degree_level") for entry in profile.get("education") or ()],
            location=profile.get("location") or None,
        )

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> CandidateFeatures:
        """Features stored with `to_json`; fields added since read as empty."""
        skills = {
            name: SkillStrength(
                months=int(value["months"]),
                sections=tuple(value["sections"]),
                evidence=tuple(value["evidence"]),
                strength=float(value["strength"]),
                roles=tuple((str(title), float(strength)) for title, strength in value.get("roles") or ()),
                outside_roles=float(value.get("outside_roles", value["strength"])),
            )
            for name, value in data["skills"].items()
        }
        return cls(
            skills=skills,
            total_years=float(data["total_years"]),
            education_levels=list(data["education_levels"]),
            location=data["location"],
            has_projects=bool(data["has_projects"]),
            roles=tuple(
                RoleSummary(str(role["title"]), role["months"], float(role["years_ago"]))
                for role in data.get("roles") or ()
            ),
            admitted_gaps=tuple(data.get("admitted_gaps") or ()),
            relocation=data.get("relocation"),
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "skills": {
                name: {
                    "months": found.months,
                    "sections": list(found.sections),
                    "evidence": list(found.evidence),
                    "strength": found.strength,
                    "roles": [list(pair) for pair in found.roles],
                    "outside_roles": found.outside_roles,
                }
                for name, found in self.skills.items()
            },
            "total_years": self.total_years,
            "education_levels": list(self.education_levels),
            "location": self.location,
            "has_projects": self.has_projects,
            "roles": [{"title": role.title, "months": role.months, "years_ago": role.years_ago} for role in self.roles],
            "admitted_gaps": list(self.admitted_gaps),
            "relocation": self.relocation,
        }

    @classmethod
    def _build(
        cls,
        *,
        mentions: list[_Mention],
        total_years: float,
        history: list[tuple[str, str, int | None, int | None]],  # (role, title, months, month index of its end)
        sections: Mapping[str, str],
        education_levels: Iterable[str | None],
        location: str | None,
    ) -> CandidateFeatures:
        if not any(months for _, _, months, _ in history) and not total_years:
            # Without dated roles, the years the resume states about itself ("7 years of experience").
            total_years = float(stated_years(" ".join(sections.get(name, "") for name in ("contact", "summary"))) or 0)
        # Recency is measured from the end of the resume's latest role (its present), so features do not age.
        latest = max((end for _, _, _, end in history if end is not None), default=None)
        roles: dict[str, RoleSummary] = {}
        for role, title, months, end in history:
            years_ago = 0.0 if latest is None or end is None else (latest - end) / 12
            roles.setdefault(role, RoleSummary(title or role, months, round(years_ago, 1)))
        # A sentence addressed to automated screeners evidences nothing. Mentions share their lines, so each
        # line is searched once (the search is one of the costliest steps of reading a resume).
        addressed = {context: addresses_screeners(context) for context in {m.context for m in mentions}}
        mentions = [mention for mention in mentions if not addressed[mention.context]]
        # "Microsoft Office" evidences Word and Excel where it stands; "Word, Excel" evidences the suite.
        implied = implied_skills(mention.name for mention in mentions)
        mentions += [
            replace(mention, name=part) for part, by in implied.items() for mention in mentions if mention.name == by
        ]
        weights = load_weights()
        return cls(
            skills=skill_strengths(mentions, weights, roles),
            total_years=total_years,
            education_levels=list(dict.fromkeys(level for level in education_levels if level)),
            location=location,
            has_projects=bool((sections.get(PROJECTS_SECTION) or "").strip())
            or any(mention.section == PROJECTS_SECTION for mention in mentions),
            roles=tuple(roles.values()),
            admitted_gaps=admitted_gaps(sections.values()),
            relocation=resume_relocation(" \n".join(sections.get(name, "") for name in RELOCATION_SECTIONS)),
        )


# Where a resume says it is moving: the header and the summary speak for its owner; duties do not.
RELOCATION_SECTIONS = ("contact", "summary")


def _month_index(value: Any) -> int | None:
    """A stored YearMonth ({"year", "month"}) as months since year 0."""
    if not isinstance(value, Mapping) or "year" not in value:
        return None
    return int(value["year"]) * 12 + int(value.get("month") or 1) - 1


def _end_index(start: int | None, end: int | None, months: int | None) -> int | None:
    """The month a role ended; for a current role, its start plus its length (measured when it was parsed)."""
    if end is not None:
        return end
    return start + months - 1 if start is not None and months else None


def skill_strengths(
    mentions: Iterable[_Mention], weights: ScoringWeights, roles: Mapping[str, RoleSummary] | None = None
) -> dict[str, SkillStrength]:
    """Canonical skill -> SkillStrength, from every mention of every skill, in order of first mention."""
    mentions = list(mentions)
    roles = roles or {}
    keyword_lines = _keyword_lines(mentions, weights)
    listed_strength = weights.section_strength[SKILLS_SECTION]
    fallback_strength = weights.section_strength.get(OTHER_SECTION, listed_strength)
    section_rank = {name: index for index, name in enumerate(weights.section_strength)}

    by_skill: dict[str, list[tuple[float, int, int, _Mention]]] = {}
    for index, mention in enumerate(mentions):
        strength = weights.section_strength.get(mention.section, fallback_strength)
        months = mention.months or 0
        if mention.context in keyword_lines:
            # A line naming a dozen skills is a keyword list wherever it stands, and says nothing of their use.
            strength, months = min(strength, listed_strength), 0
        elif mention.name in qualified_skills(mention.context):
            strength, months = min(strength, weights.context.self_reported_weak), 0
        elif mention.section != EXPERIENCE_SECTION:
            months = 0
        by_skill.setdefault(mention.name, []).append((strength, months, index, mention))

    strengths = {}
    for name, found in by_skill.items():
        # One role mentioning a skill on several lines counts its months once.
        months_by_role = {(item[3].role, item[1]): item[1] for item in found if item[1]}
        months = sum(months_by_role.values())
        best = max(item[0] for item in found)
        if months:
            best += _months_bonus(months, weights)
        ordered = sorted(found, key=lambda item: (-item[0], -item[1], item[2]))
        evidence = list(dict.fromkeys(_clip(item[3].context, weights.evidence_line_chars) for item in ordered))
        sections = sorted(
            {item[3].section for item in found}, key=lambda s: (section_rank.get(s, len(section_rank)), s)
        )
        in_roles: dict[str, float] = {}
        outside = 0.0
        for strength, role_months, _, mention in found:
            role = roles.get(mention.role or "") if mention.section == EXPERIENCE_SECTION else None
            if role is None or not role_months:
                outside = max(outside, strength)
                continue
            used = (strength + _months_bonus(role_months, weights)) * weights.context.recency(role.years_ago)
            in_roles[role.title] = max(in_roles.get(role.title, 0.0), round(min(used, 1.0), 3))
        strengths[name] = SkillStrength(
            months=months,
            sections=tuple(sections),
            evidence=tuple(line for line in evidence if line)[: weights.evidence_lines],
            strength=round(min(best, 1.0), 3),
            roles=tuple(in_roles.items()),
            outside_roles=round(min(outside, 1.0), 3),
        )
    return strengths


def _keyword_lines(mentions: list[_Mention], weights: ScoringWeights) -> set[str]:
    """The lines that name enough skills, or start with a label, to be keyword lists."""
    skills_by_line: dict[str, set[str]] = {}
    for mention in mentions:
        skills_by_line.setdefault(mention.context, set()).add(mention.name)
    return {
        line
        for line, names in skills_by_line.items()
        if len(names) >= weights.keyword_line_min_skills or KEYWORD_LABEL.match(line)
    }


def _months_bonus(months: int, weights: ScoringWeights) -> float:
    return weights.months_bonus * min(months, weights.months_for_full_bonus) / weights.months_for_full_bonus


def _clip(line: str, limit: int) -> str:
    line = " ".join(line.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def _skills_after_cues(line: str, cue: re.Pattern[str]) -> frozenset[str]:
    """The skills named after a cue, up to the end of its clause."""
    found: set[str] = set()
    for match in cue.finditer(line):
        clause_end = QUALIFIED_CLAUSE_BREAK.search(line, match.end())
        found.update(extract_skills(line[match.end() : clause_end.start() if clause_end else len(line)]))
    return frozenset(found)


@functools.lru_cache(maxsize=8192)
def qualified_skills(line: str) -> frozenset[str]:
    """The skills a line qualifies as slight ("familiar with Docker", "learning Go", "SQL (basic)") or denies."""
    found = set(_skills_after_cues(line, WEAK_CUE) | _skills_after_cues(line, DENIAL_CUE))
    for match in WEAK_AFTER.finditer(line):
        before = extract_skills(line[max(0, match.start() - 40) : match.start()])
        if before:
            found.add(before[-1])
    return frozenset(found)


def admitted_gaps(texts: Iterable[str]) -> tuple[str, ...]:
    """Skills the resume says it has not used or lacks ("I haven't used TypeScript professionally")."""
    found: dict[str, None] = {}
    for text in texts:
        for line in _unwrapped(text or "").splitlines():
            if DENIAL_CUE.search(line) and not addresses_screeners(line):
                found.update(dict.fromkeys(sorted(_skills_after_cues(line, DENIAL_CUE))))
    return tuple(found)


def _unwrapped(text: str) -> str:
    """The text with lines wrapped inside a sentence joined again (the next line goes on in lower case)."""
    return WRAPPED_LINE.sub(r"\1 ", text)
