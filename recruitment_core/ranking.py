"""Deterministic, explainable scoring of one candidate against one job's requirements.

A candidate is reduced once, when their profile is parsed or cached, to `CandidateFeatures`: for every
skill how strongly the resume evidences it (`SkillStrength`), years of experience, degree levels,
location and whether it shows projects. `score_candidate` then compares those features with a job's
`JobRequirements` in a few microseconds, so a query can rank hundreds of candidates.

The score (0-100) is the sum of the components in `data/scoring_weights.json`, each worth at most its
weight after the role-level adjustment for the job's seniority:

- required_skills: the required skills the resume evidences, each counted by its evidence strength (a skill
  only listed in a keyword line earns about a third of one used in a dated role, and less again when the resume
  shows none of the job's skills in use) and by its recruiter weight;
- preferred_skills: the same for the nice-to-have skills;
- experience: years against the job's range (proportional below the minimum, mildly less far above the maximum);
- education: the highest degree against the minimum level ("or equivalent" softens a shortfall);
- location: remote jobs fit everyone; onsite and hybrid jobs compare city, state or country;
- projects: whether the resume shows projects (weighed for entry-level jobs only, where they stand in for
  experience);
- semantic and lexical: the caller's embedding similarity and full-text rank, both 0-1 (`calibrate_semantic`
  and `calibrate_lexical` turn a raw cosine and a raw `ts_rank_cd` into them, on an absolute scale).

A component the job gives nothing to measure against, and semantic or lexical when the caller passes None,
is left out and its weight shared among the others in proportion. The breakdown is counted in whole
tenths of a point, so its values add up exactly to the score.
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from recruitment_core.skills import extract_skills, load_taxonomy
from recruitment_core.vocabulary import VOCABULARY_PATH, vocabulary

if TYPE_CHECKING:
    from recruitment_core.job_parser import JobRequirements
    from recruitment_core.resume_parser import ParsedResume

WEIGHTS_PATH = Path(__file__).parent / "data" / "scoring_weights.json"

REQUIRED_SKILLS = "required_skills"
PREFERRED_SKILLS = "preferred_skills"
EXPERIENCE = "experience"
EDUCATION = "education"
LOCATION = "location"
PROJECTS = "projects"
SEMANTIC = "semantic"
LEXICAL = "lexical"
COMPONENTS = (REQUIRED_SKILLS, PREFERRED_SKILLS, EXPERIENCE, EDUCATION, LOCATION, PROJECTS, SEMANTIC, LEXICAL)

SKILLS_SECTION = "skills"
OTHER_SECTION = "other"
PROJECTS_SECTION = "projects"
EXPERIENCE_SECTION = "experience"
# Where a skill stands when the resume does not show it in use: (for the recruiter, for the candidate).
WEAK_EVIDENCE_PLACES = {
    "skills": ("the skills section", "your skills section"),
    "summary": ("the summary", "your summary"),
    "education": ("the education section", "your education section"),
    "certifications": ("the certifications", "your certifications"),
}
KEYWORD_LIST_PLACE = ("a long keyword list", "a long keyword list")
OTHER_PLACE = ("other sections", "sections other than roles and projects")
DEGREE_PHRASES = {
    "diploma": "a high-school diploma",
    "associate": "an associate degree",
    "bachelor": "a bachelor's degree",
    "master": "a master's degree",
    "phd": "a doctorate",
}
POSTCODE = re.compile(r"\b\d{4,6}(?:-\d{4})?\b")
LOCATION_SEPARATOR = re.compile(r"\s*(?:[,|/;•·()]|\s[-–—]\s)\s*")
ONSITE_POLICIES = frozenset({"onsite", "hybrid", "unknown"})


# --- Weights ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ScoringWeights:
    """`data/scoring_weights.json`, read once; see the comments in that file."""

    components: dict[str, float]  # component -> maximum points before the seniority adjustment
    seniority: dict[str, dict[str, float]]  # seniority -> component -> points replacing those in `components`
    section_strength: dict[str, float]  # evidence section -> strength, strongest first
    months_bonus: float
    months_for_full_bonus: int
    keyword_line_min_skills: int
    shown_strength: float  # below this, a skill is only listed, not shown in use
    uncorroborated_listed: float  # the share a listed skill counts for when the resume shows none of the job's in use
    over_grace_years: float
    over_penalty_per_year: float
    over_floor: float
    degree_levels: tuple[str, ...]  # lowest first
    penalty_per_level_short: float
    or_equivalent_softening: float
    location_credit: dict[str, float]  # same_city | same_region | same_country | unknown | different
    city_aliases: dict[str, str]
    evidence_lines: int
    evidence_line_chars: int
    max_suggestions: int
    semantic_low: float  # cosine at or below which the semantic signal is 0
    semantic_high: float  # cosine at or above which it is 1
    lexical_half_saturation: float  # full-text rank at which the lexical signal is 0.5
    # Derived in __post_init__: each seniority's component weights in COMPONENTS order, and the aliases as a key.
    adjusted: dict[str, tuple[float, ...]] = field(init=False, repr=False, compare=False)
    alias_key: tuple[tuple[str, str], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        adjusted = {
            level: tuple(overrides.get(name, self.components[name]) for name in COMPONENTS)
            for level, overrides in self.seniority.items()
        }
        object.__setattr__(self, "adjusted", adjusted)
        object.__setattr__(self, "alias_key", tuple(sorted(self.city_aliases.items())))

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ScoringWeights:
        if set(data["components"]) != set(COMPONENTS):
            raise ValueError(f"scoring weights must name exactly the components {list(COMPONENTS)}")
        components = {name: float(data["components"][name]) for name in COMPONENTS}
        if any(value < 0 for value in components.values()) or sum(components.values()) <= 0:
            raise ValueError("scoring weights must be non-negative and not all zero")
        if unknown := {name for table in data["seniority"].values() for name in table} - set(COMPONENTS):
            raise ValueError(f"seniority adjustments name unknown components: {sorted(unknown)}")
        semantic, lexical = data["signals"]["semantic"], data["signals"]["lexical"]
        if not float(semantic["low"]) < float(semantic["high"]) or float(lexical["half_saturation"]) <= 0:
            raise ValueError("signal calibration needs semantic low < high and a positive lexical half_saturation")
        evidence, experience, education, location = (
            data["evidence"],
            data["experience"],
            data["education"],
            data["location"],
        )
        return cls(
            components=components,
            seniority={level: {k: float(v) for k, v in table.items()} for level, table in data["seniority"].items()},
            section_strength={k: float(v) for k, v in evidence["sections"].items()},
            months_bonus=float(evidence["months_bonus"]),
            months_for_full_bonus=int(evidence["months_for_full_bonus"]),
            keyword_line_min_skills=int(evidence["keyword_line_min_skills"]),
            shown_strength=float(evidence["shown_strength"]),
            uncorroborated_listed=float(evidence["uncorroborated_listed"]),
            over_grace_years=float(experience["over_grace_years"]),
            over_penalty_per_year=float(experience["over_penalty_per_year"]),
            over_floor=float(experience["over_floor"]),
            degree_levels=tuple(education["levels"]),
            penalty_per_level_short=float(education["penalty_per_level_short"]),
            or_equivalent_softening=float(education["or_equivalent_softening"]),
            location_credit={
                key: float(location[key])
                for key in ("same_city", "same_region", "same_country", "unknown", "different")
            },
            city_aliases={k.lower(): v.lower() for k, v in location["city_aliases"].items()},
            evidence_lines=int(data["limits"]["evidence_lines"]),
            evidence_line_chars=int(data["limits"]["evidence_line_chars"]),
            max_suggestions=int(data["limits"]["suggestions"]),
            semantic_low=float(semantic["low"]),
            semantic_high=float(semantic["high"]),
            lexical_half_saturation=float(lexical["half_saturation"]),
        )

    def component_weights(self, seniority: str) -> tuple[float, ...]:
        """Each component's weight, in COMPONENTS order, after the adjustment for `seniority`."""
        found = self.adjusted.get(seniority)
        if found is None:
            found = self.adjusted.get("unknown") or tuple(self.components[name] for name in COMPONENTS)
        return found


@functools.cache
def load_weights() -> ScoringWeights:
    """Read `data/scoring_weights.json` (once per process)."""
    return ScoringWeights.from_dict(json.loads(WEIGHTS_PATH.read_text(encoding="utf-8")))


# --- Retrieval signals -------------------------------------------------------------------------------------


def calibrate_semantic(cosine: float | None, weights: ScoringWeights | None = None) -> float | None:
    """An embedding cosine as a 0-1 signal on an absolute scale: 0 at or below `signals.semantic.low`, 1 at or
    above `high`, linear between. Raw MiniLM cosines between a posting and a resume crowd into 0.1-0.7, so
    spreading that band makes the signal discriminate; being absolute, a pair scores the same whoever else
    is in the pool. None (no embedding) stays None."""
    if cosine is None or not math.isfinite(cosine):
        return None
    w = weights or load_weights()
    return round(min(max((cosine - w.semantic_low) / (w.semantic_high - w.semantic_low), 0.0), 1.0), 4)


def calibrate_lexical(rank: float | None, weights: ScoringWeights | None = None) -> float | None:
    """A full-text rank (PostgreSQL `ts_rank_cd`, unbounded) as a 0-1 signal: r / (r + k) with k the
    `signals.lexical.half_saturation`. Saturating, so a resume repeating the job's terms gains less and less;
    absolute, so it does not depend on the best rank among the other candidates. None stays None."""
    if rank is None or not math.isfinite(rank):
        return None
    k = (weights or load_weights()).lexical_half_saturation
    rank = max(float(rank), 0.0)
    return round(rank / (rank + k), 4)


# --- Candidate features -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class SkillStrength:
    """How strongly a resume evidences one skill."""

    months: int  # months of dated use across roles (0 if only listed)
    sections: tuple[str, ...]  # where it is evidenced, strongest section first
    evidence: tuple[str, ...]  # up to 3 resume lines that evidence it, best first
    strength: float  # 0-1


@dataclass(frozen=True)
class _Mention:
    name: str
    section: str
    context: str
    role: str | None
    months: int | None


@dataclass(frozen=True)
class CandidateFeatures:
    """What the scorer needs from a resume, computed once per profile. Plain data: `dataclasses.asdict`
    gives JSON, and the constructor takes it back."""

    skills: dict[str, SkillStrength]  # canonical skill name -> strength of evidence
    total_years: float
    education_levels: list[str]
    location: str | None
    has_projects: bool

    @classmethod
    def from_parsed(cls, parsed: ParsedResume) -> CandidateFeatures:
        """Features of a freshly parsed resume."""
        mentions = [_Mention(e.name, e.section, e.context, e.role, e.months) for e in parsed.skills]
        return cls._build(
            mentions=mentions,
            total_years=parsed.total_years_experience,
            has_dated_roles=any(entry.months for entry in parsed.work_history),
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
        return cls._build(
            mentions=mentions,
            total_years=float(profile.get("total_years_experience") or 0.0),
            has_dated_roles=any(entry.get("months") for entry in profile.get("work_history") or ()),
            sections=profile.get("sections") or {},
            education_levels=[entry.get("degree_level") for entry in profile.get("education") or ()],
            location=profile.get("location") or None,
        )

    @classmethod
    def _build(
        cls,
        *,
        mentions: list[_Mention],
        total_years: float,
        has_dated_roles: bool,
        sections: Mapping[str, str],
        education_levels: Iterable[str | None],
        location: str | None,
    ) -> CandidateFeatures:
        if not has_dated_roles and not total_years:
            # Without dated roles, the years the resume states about itself ("7 years of experience").
            total_years = float(stated_years(" ".join(sections.get(name, "") for name in ("contact", "summary"))) or 0)
        return cls(
            skills=skill_strengths(mentions, load_weights()),
            total_years=total_years,
            education_levels=list(dict.fromkeys(level for level in education_levels if level)),
            location=location,
            has_projects=bool((sections.get(PROJECTS_SECTION) or "").strip())
            or any(mention.section == PROJECTS_SECTION for mention in mentions),
        )


def skill_strengths(mentions: Iterable[_Mention], weights: ScoringWeights) -> dict[str, SkillStrength]:
    """Canonical skill -> SkillStrength, from every mention of every skill, in order of first mention."""
    mentions = list(mentions)
    skills_by_line: dict[str, set[str]] = {}
    for mention in mentions:
        skills_by_line.setdefault(mention.context, set()).add(mention.name)
    keyword_lines = {line for line, names in skills_by_line.items() if len(names) >= weights.keyword_line_min_skills}
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
            best += weights.months_bonus * min(months, weights.months_for_full_bonus) / weights.months_for_full_bonus
        ordered = sorted(found, key=lambda item: (-item[0], -item[1], item[2]))
        evidence = list(dict.fromkeys(_clip(item[3].context, weights.evidence_line_chars) for item in ordered))
        sections = sorted(
            {item[3].section for item in found}, key=lambda s: (section_rank.get(s, len(section_rank)), s)
        )
        strengths[name] = SkillStrength(
            months=months,
            sections=tuple(sections),
            evidence=tuple(line for line in evidence if line)[: weights.evidence_lines],
            strength=round(min(best, 1.0), 3),
        )
    return strengths


def _clip(line: str, limit: int) -> str:
    line = " ".join(line.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


# "5 years", "5+ years", "3-5 yrs", "five years"; not "5 years ago" nor "20 years old".
NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
}
_NUMBER = r"\d{1,2}|" + "|".join(NUMBER_WORDS)
YEARS_PATTERN = re.compile(
    rf"\b(?P<years>{_NUMBER})(?:\s*(?:-|–|to)\s*(?:{_NUMBER}))?\s*\+?\s*(?:years?|yrs?)\b(?!\s+(?:ago|old)\b)",
    re.IGNORECASE,
)
MAX_CREDIBLE_YEARS = 50


def stated_years(text: str) -> int | None:
    """The largest number of years stated in `text` ("5+ years of Python"), or None."""
    found = []
    for match in YEARS_PATTERN.finditer(text):
        value = match.group("years").lower()
        years = NUMBER_WORDS[value] if value in NUMBER_WORDS else int(value)
        if years <= MAX_CREDIBLE_YEARS:
            found.append(years)
    return max(found, default=None)


# --- Requirements as the scorer reads them ----------------------------------------------------------------


@functools.lru_cache(maxsize=4096)
def canonical_skill(name: str) -> str:
    """The taxonomy's name for a skill written any way ("k8s" -> "Kubernetes"); unknown skills stay as written."""
    taxonomy = load_taxonomy()
    stripped = " ".join(name.split())
    if stripped in taxonomy.category_by_skill:
        return stripped
    for table, key in (
        (taxonomy.skill_by_alias, stripped.lower()),
        (taxonomy.skill_by_exact_alias, stripped),
        (taxonomy.skill_by_context_alias, stripped),
    ):
        if key in table:
            return table[key]
    found = extract_skills(stripped)
    return found[0] if len(found) == 1 else stripped


@functools.lru_cache(maxsize=1024)
def _canonical_skills(names: tuple[str, ...], excluded: tuple[str, ...] = ()) -> tuple[str, ...]:
    skip = set(_canonical_skills(excluded)) if excluded else set()
    return tuple(dict.fromkeys(skill for skill in map(canonical_skill, names) if skill and skill not in skip))


@dataclass(frozen=True)
class _Place:
    city: str | None
    region: str | None
    country: str | None


@functools.cache
def _place_tables() -> tuple[dict[str, tuple[str, str]], dict[str, tuple[str, str]], dict[str, str], frozenset[str]]:
    """(region code -> (region, country), lower-cased region name -> (region, country), country name -> ISO,
    words that are not a place such as "remote")."""
    data = json.loads(VOCABULARY_PATH.read_text(encoding="utf-8"))
    codes: dict[str, tuple[str, str]] = {}
    names: dict[str, tuple[str, str]] = {}
    for key, country in (("us_states", "US"), ("ca_provinces", "CA")):
        for code, name in data[key].items():
            codes[code] = (name.lower(), country)
            names[name.lower()] = (name.lower(), country)
    for name in data["other_regions"]:
        names.setdefault(name.lower(), (name.lower(), ""))
    countries = {name.lower(): iso for name, iso in data["countries"].items()}
    return codes, names, countries, frozenset(word.lower() for word in data["location_words"])


@functools.lru_cache(maxsize=8192)
def _place(text: str, aliases: tuple[tuple[str, str], ...]) -> _Place:
    """ "San Francisco, CA 94105" -> city "san francisco", region "california", country "US"."""
    codes, names, countries, not_places = _place_tables()
    aliases_map = dict(aliases)
    cities = vocabulary().cities | aliases_map.keys()
    city = region = country = None
    for part in LOCATION_SEPARATOR.split(POSTCODE.sub(" ", text)):
        part = " ".join(part.split()).strip(" .")
        lowered = part.lower()
        if not part or lowered in not_places:
            continue
        if city is None and lowered in cities:
            # "New York, NY": a city first, even when a state has the same name.
            city = aliases_map.get(lowered, lowered)
        elif part in codes or lowered in names:
            found_region, found_country = codes.get(part) or names[lowered]
            region = region or found_region
            country = country or found_country or None
        elif lowered in countries:
            country = country or countries[lowered]
        elif city is None:
            city = aliases_map.get(lowered, lowered)
    return _Place(city, region, country)


# --- Scoring ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MatchScore:
    """A candidate's fit for a job, with the reasons a recruiter can check."""

    score: float  # 0-100, one decimal
    breakdown: dict[str, float]  # component -> points, one decimal each, adding up exactly to `score`
    matched: list[dict[str, Any]]  # [{"skill", "required", "strength", "evidence": [lines]}], required first
    gaps: list[str]  # missing required skills, then other unmet requirements
    suggestions: list[str]  # for the candidate, most useful first
    explanation: str  # 2-4 sentences


def score_candidate(
    requirements: JobRequirements,
    features: CandidateFeatures,
    *,
    semantic_similarity: float | None = None,
    lexical_score: float | None = None,
    skill_weights: Mapping[str, float] | None = None,
    weights: ScoringWeights | None = None,
    equivalent_experience: bool = False,
    explain: bool = True,
) -> MatchScore:
    """Score `features` against `requirements`. Same inputs, same output, whatever the dicts' order.

    With `explain=False` only the score and its breakdown are computed (gaps, suggestions and explanation stay
    empty): ranking a pool scores everyone that way, then explains the page it shows.

    `semantic_similarity` (embedding cosine) and `lexical_score` (full-text rank) are 0-1, or None when the
    caller has none; `skill_weights` weights individual required skills (default 1.0 each, any spelling the
    taxonomy knows). `equivalent_experience` says the posting accepts experience in place of its degree
    (`job_parser.equivalent_experience_accepted`), which softens a shortfall in education.
    """
    weights = weights or load_weights()
    required = _canonical_skills(tuple(requirements.required_skills))
    preferred = _canonical_skills(tuple(requirements.preferred_skills), tuple(requirements.required_skills))
    per_skill = _skill_weights(skill_weights)
    skills = features.skills

    required_fit: float | None = None
    matched: list[dict[str, Any]] = []
    missing: list[str] = []
    listed_only: list[tuple[str, SkillStrength]] = []
    # Skills in a bare list count fully only when the resume also shows one of the job's skills in use: a list
    # next to unrelated roles is a keyword list, not evidence.
    corroborated = any(
        (found := skills.get(skill)) is not None and found.strength >= weights.shown_strength
        for skill in (*required, *preferred)
    )
    listed_factor = 1.0 if corroborated else weights.uncorroborated_listed
    listed_strength = weights.section_strength[SKILLS_SECTION]
    if required:
        total_weight = earned = 0.0
        for skill in required:
            weight = per_skill.get(skill, 1.0) if per_skill else 1.0
            total_weight += weight
            found = skills.get(skill)
            if found is None:
                missing.append(skill)
                continue
            matched.append(_matched(skill, True, found))
            earned += weight * found.strength * (listed_factor if found.strength <= listed_strength else 1.0)
            if found.strength < weights.shown_strength:
                listed_only.append((skill, found))
        if total_weight > 0:
            required_fit = earned / total_weight
    preferred_fit: float | None = None
    missing_preferred = []
    if preferred:
        earned = 0.0
        for skill in preferred:
            found = skills.get(skill)
            if found is None:
                missing_preferred.append(skill)
                continue
            earned += found.strength * (listed_factor if found.strength <= listed_strength else 1.0)
            matched.append(_matched(skill, False, found))
        preferred_fit = earned / len(preferred)
    experience = _experience_fit(requirements.min_years, requirements.max_years, features.total_years, weights)
    education = _education_fit(requirements.education_level, equivalent_experience, features.education_levels, weights)
    place_fit, place_reason = _location_fit(requirements, features.location, weights)
    semantic, lexical = _signal(semantic_similarity), _signal(lexical_score)
    fits = (required_fit, preferred_fit, experience, education, place_fit, semantic, lexical)
    # Projects add to a fit measured by something else; alone they say nothing about the job.
    projects = None if all(fit is None for fit in fits) else float(features.has_projects)

    tenths = _tenths(
        (required_fit, preferred_fit, experience, education, place_fit, projects, semantic, lexical),
        weights.component_weights(requirements.seniority),
    )
    if not explain:
        return MatchScore(
            score=sum(tenths) / 10,
            breakdown={name: points / 10 for name, points in zip(COMPONENTS, tenths, strict=True)},
            matched=matched,
            gaps=[],
            suggestions=[],
            explanation="",
        )
    unmet = _unmet(requirements, features, experience, education, equivalent_experience, place_reason, weights)
    return MatchScore(
        score=sum(tenths) / 10,
        breakdown={name: points / 10 for name, points in zip(COMPONENTS, tenths, strict=True)},
        matched=matched,
        gaps=[*missing, *unmet],
        suggestions=_suggestions(
            requirements,
            features,
            # The skills the recruiter weighs most first.
            sorted(missing, key=lambda skill: -per_skill.get(skill, 1.0)) if per_skill else missing,
            listed_only,
            missing_preferred,
            education,
            weights,
        ),
        explanation=_explanation(
            requirements,
            features,
            required,
            matched,
            missing,
            listed_only,
            preferred,
            experience,
            education,
            equivalent_experience,
            place_reason,
            weights,
            corroborated,
        ),
    )


def _skill_weights(skill_weights: Mapping[str, float] | None) -> dict[str, float]:
    if not skill_weights:
        return {}
    return {canonical_skill(name): max(0.0, float(weight)) for name, weight in sorted(skill_weights.items())}


def _matched(skill: str, required: bool, found: SkillStrength) -> dict[str, Any]:
    return {
        "skill": skill,
        "required": required,
        "strength": round(found.strength, 2),
        "evidence": list(found.evidence),
    }


def _signal(value: float | None) -> float | None:
    if value is None or not math.isfinite(value):
        return None
    return min(max(float(value), 0.0), 1.0)


def _tenths(fractions: tuple[float | None, ...], component_weights: tuple[float, ...]) -> list[int]:
    """Points per component in whole tenths, adding up to the rounded total (largest remainders get the
    rounding), so the breakdown sums exactly to the score and every component stays within 0.1 of its share."""
    applicable = math.fsum(w for w, f in zip(component_weights, fractions, strict=True) if f is not None)
    if applicable <= 0:
        return [0] * len(fractions)
    raw = [
        0.0 if f is None else 1000.0 * w / applicable * min(max(f, 0.0), 1.0)
        for w, f in zip(component_weights, fractions, strict=True)
    ]
    total = round(math.fsum(raw))
    floors = [math.floor(value) for value in raw]
    short = total - sum(floors)
    if short:
        remainders = sorted(range(len(raw)), key=lambda index: (floors[index] - raw[index], index))
        for index in remainders[:short]:
            floors[index] += 1
    return floors


def _experience_fit(min_years: float | None, max_years: float | None, years: float, w: ScoringWeights) -> float | None:
    if not min_years and not max_years:
        return None
    if min_years and years < min_years:
        return years / min_years
    if max_years and years > max_years + w.over_grace_years:
        return max(w.over_floor, 1.0 - w.over_penalty_per_year * (years - max_years - w.over_grace_years))
    return 1.0


def _education_fit(level: str | None, equivalent: bool, levels: list[str], w: ScoringWeights) -> float | None:
    if not level or level not in w.degree_levels:
        return None
    needed = w.degree_levels.index(level) + 1
    highest = max((w.degree_levels.index(have) + 1 for have in levels if have in w.degree_levels), default=0)
    shortfall = max(0.0, min(1.0, w.penalty_per_level_short * (needed - highest)))
    if equivalent:
        shortfall *= w.or_equivalent_softening
    return 1.0 - shortfall


def _location_fit(
    requirements: JobRequirements, location: str | None, w: ScoringWeights
) -> tuple[float | None, str | None]:
    """(fit, which credit applied); fit None when the job states no place to compare with."""
    if requirements.remote_policy == "remote":
        return 1.0, "remote"
    if requirements.remote_policy not in ONSITE_POLICIES or not requirements.location:
        return None, None
    if not location:
        return w.location_credit["unknown"], "unknown"
    job, candidate = _place(requirements.location, w.alias_key), _place(location, w.alias_key)
    if job.city and job.city == candidate.city:
        reason = "same_city"
    elif job.region and job.region == candidate.region:
        reason = "same_region"
    elif job.country and candidate.country:
        reason = "same_country" if job.country == candidate.country else "different"
    elif job.city and candidate.city:
        reason = "different"
    else:
        reason = "unknown"
    return w.location_credit[reason], reason


def _years(value: float) -> str:
    return f"{round(value, 1):g}"


def _years_asked(min_years: float | None, max_years: float | None) -> str:
    if min_years and max_years:
        return f"{_years(min_years)}-{_years(max_years)} years"
    if min_years:
        return f"{_years(min_years)}+ years"
    return f"at most {_years(max_years or 0)} years"


def _degree(level: str) -> str:
    return DEGREE_PHRASES.get(level, f"a {level} degree")


def _highest_degree(levels: list[str], w: ScoringWeights) -> str | None:
    known = [level for level in levels if level in w.degree_levels]
    return max(known, key=w.degree_levels.index) if known else None


def _unmet(
    requirements: JobRequirements,
    features: CandidateFeatures,
    experience: float | None,
    education: float | None,
    equivalent: bool,
    place_reason: str | None,
    w: ScoringWeights,
) -> list[str]:
    """Requirements the resume falls short of, besides missing skills, as "Needs ...; resume shows ..."."""
    unmet = []
    if experience is not None and experience < 1.0:
        unmet.append(
            f"Needs {_years_asked(requirements.min_years, requirements.max_years)}; "
            f"resume shows {_years(features.total_years)}"
        )
    if education is not None and education < 1.0 and requirements.education_level:
        highest = _highest_degree(features.education_levels, w)
        unmet.append(
            f"Needs {_degree(requirements.education_level)}"
            + (" or equivalent experience" if equivalent else "")
            + f"; resume shows {_degree(highest) if highest else 'none'}"
        )
    if place_reason == "different":
        policy = "" if requirements.remote_policy == "unknown" else f" ({requirements.remote_policy})"
        unmet.append(f"Job in {requirements.location}{policy}; resume shows {features.location}")
    return unmet


def _suggestions(
    requirements: JobRequirements,
    features: CandidateFeatures,
    missing: list[str],
    listed_only: list[tuple[str, SkillStrength]],
    missing_preferred: list[str],
    education: float | None,
    w: ScoringWeights,
) -> list[str]:
    suggestions = [
        f"The job requires {skill}, which your resume does not mention: add a role or project where you used it, "
        "if you have."
        for skill in missing
    ]
    for skill, found in listed_only:
        suggestions.append(f"Show {skill} in a project or role: it is listed only in {_weak_place(found)[1]}.")
    min_years = requirements.min_years
    if min_years and features.total_years < min_years:
        suggestions.append(
            f"The job asks for {_years_asked(min_years, requirements.max_years)} of experience and your resume "
            f"shows {_years(features.total_years)}: give every role a start and end month so all of it counts."
        )
    if education is not None and education < 1.0 and requirements.education_level:
        suggestions.append(
            f"The job asks for {_degree(requirements.education_level)}: list yours under Education with its level "
            "and field, if you have one."
        )
    if missing_preferred:
        suggestions.append(
            f"If you have used {_join(missing_preferred, 'or')} (preferred by the job), show it in a role or project."
        )
    return suggestions[: w.max_suggestions]


def _weak_place(found: SkillStrength) -> tuple[str, str]:
    section = found.sections[0] if found.sections else OTHER_SECTION
    if section in (EXPERIENCE_SECTION, PROJECTS_SECTION):
        return KEYWORD_LIST_PLACE  # in a role or project, yet weak: a keyword line
    return WEAK_EVIDENCE_PLACES.get(section, OTHER_PLACE)


def _join(items: list[str], word: str = "and") -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" {word} " + items[-1]


def _explanation(
    requirements: JobRequirements,
    features: CandidateFeatures,
    required: tuple[str, ...],
    matched: list[dict[str, Any]],
    missing: list[str],
    listed_only: list[tuple[str, SkillStrength]],
    preferred: tuple[str, ...],
    experience: float | None,
    education: float | None,
    equivalent: bool,
    place_reason: str | None,
    w: ScoringWeights,
    corroborated: bool,
) -> str:
    """2-4 sentences: required skills, then preferred skills and experience, then education and location."""
    sentences = []
    if required:
        weak = {skill for skill, _ in listed_only}
        listed_strength = w.section_strength[SKILLS_SECTION]
        discounted = not corroborated and any(found.strength <= listed_strength for _, found in listed_only)
        shown = [item["skill"] for item in matched if item["required"] and item["skill"] not in weak]
        details = [f"{_join(shown)} shown in roles or projects"] if shown else []
        by_place: dict[str, list[str]] = {}
        for skill, found in listed_only:
            by_place.setdefault(_weak_place(found)[0], []).append(skill)
        details += [f"{_join(skills)} only in {place}" for place, skills in by_place.items()]
        sentences.append(
            f"Has {len(required) - len(missing)} of {len(required)} required skill{'' if len(required) == 1 else 's'}"
            + (f" ({'; '.join(details)})" if details else "")
            + (f"; missing {_join(missing)}" if missing else "")
            + ("; listed skills count less as none of the job's skills is shown in use." if discounted else ".")
        )
    else:
        sentences.append("The job names no required skill from the taxonomy.")
    if preferred:
        have = [item["skill"] for item in matched if not item["required"]]
        sentences.append(
            f"Has {len(have)} of {len(preferred)} preferred skill{'' if len(preferred) == 1 else 's'}"
            + (f" ({_join(have)})." if have else ".")
        )
    years = features.total_years
    shows = f"{_years(years)} year{'' if years == 1 else 's'} of experience" if years else "no dated experience"
    if experience is not None:
        sentences.append(f"Shows {shows} against {_years_asked(requirements.min_years, requirements.max_years)} asked.")
    elif not preferred:
        sentences.append(f"Shows {shows}; the job states no years.")
    fit = []
    if education is not None and requirements.education_level:
        verb = "meets" if education >= 1.0 else "falls short of"
        alternative = " or equivalent experience" if equivalent else ""
        fit.append(f"{verb} the requirement of {_degree(requirements.education_level)}{alternative}")
    if place_reason is not None:
        fit.append(_place_phrase(place_reason, requirements, features.location))
    if fit:
        sentences.append(fit[0][0].upper() + fit[0][1:] + "".join(f"; {part}" for part in fit[1:]) + ".")
    return " ".join(sentences)


def _place_phrase(reason: str, requirements: JobRequirements, location: str | None) -> str:
    job = f"the {requirements.remote_policy} job in {requirements.location}"
    if requirements.remote_policy == "unknown":
        job = f"the job in {requirements.location}"
    if reason == "remote":
        return "the job is remote"
    if not location:
        return f"the resume gives no location for {job}"
    return {
        "same_city": f"based in {location}, the city of {job}",
        "same_region": f"based in {location}, the state or province of {job}",
        "same_country": f"based in {location}, the country of {job}",
        "different": f"based in {location}, away from {job}",
    }.get(reason, f"based in {location}, not comparable with {job}")
