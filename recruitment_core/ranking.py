"""Deterministic, explainable scoring of one candidate against one job.

A candidate is reduced once, when their profile is parsed, to `CandidateFeatures` (`evidence`): for every skill
how strongly the resume evidences it and in which roles, years of experience, roles, degrees, location.

`score_candidate` gives the requirements fit (0-100): the sum of the components in `data/scoring_weights.json`,
each worth at most its weight after the role-level adjustment for the job's seniority:

- required_skills: the required skills the resume evidences, each counted by its evidence strength for this job
  (a skill used in a role of an unrelated family counts less than one used in a role of the job's family, a
  skill only listed in a keyword line about a third of one used in a dated role, less again when the resume
  shows none of the job's skills in use) and by its recruiter weight; a group of alternatives
  (`skill_alternatives`) is one requirement met by its best member; a skill the resume says it lacks is missing;
- preferred_skills: the same for the nice-to-have skills;
- experience, education, location (`fits`), and projects for entry-level jobs;
- semantic and lexical: the caller's embedding similarity and full-text rank, when passed (`semantic`).

`rank_candidate` gives the score a ranked list shows: the requirements fit fused with the calibrated semantic
similarity, the share of experience in the job's role family and the full-text rank (the points of each in
`fusion`), multiplied down when the resume says it lacks a required skill, and when its roles all lie in
unrelated families and none shows the job's skills in use. Its breakdown names each part; every breakdown is
counted in whole tenths of a point, so its values add up exactly to the score.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from recruitment_core import explain as words
from recruitment_core.evidence import CandidateFeatures, RoleSummary, SkillStrength, skill_strengths
from recruitment_core.fits import education_fit, experience_fit, location_fit, stated_years
from recruitment_core.points import points_of, rank_ceiling, whole_tenths
from recruitment_core.ranking_gates import gate_notes, ranking_gates
from recruitment_core.role_context import contextual_strength, role_family_fit
from recruitment_core.scoring_weights import (
    COMPONENTS,
    COVERAGE,
    FUSED_PARTS,
    LEXICAL,
    ROLE_FAMILY,
    SEMANTIC,
    WEIGHTS_PATH,
    ScoringWeights,
    load_weights,
)
from recruitment_core.semantic import calibrate_lexical, calibrate_semantic, clamp_signal
from recruitment_core.skill_fit import SkillFit, skill_fit
from recruitment_core.skills import extract_skills, load_taxonomy

if TYPE_CHECKING:
    from recruitment_core.job_parser import JobRequirements

__all__ = [
    "COMPONENTS",
    "FUSED_PARTS",
    "WEIGHTS_PATH",
    "CandidateFeatures",
    "MatchScore",
    "RoleSummary",
    "ScoringWeights",
    "SkillStrength",
    "calibrate_lexical",
    "calibrate_semantic",
    "canonical_skill",
    "load_weights",
    "rank_candidate",
    "rank_ceiling",
    "score_candidate",
    "skill_strengths",
    "stated_years",
]


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


def _requirement_units(requirements: JobRequirements) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The required skills as (label, members): a group of alternatives is one requirement met by any member."""
    alternatives = getattr(requirements, "skill_alternatives", None) or ()
    return _units(tuple(requirements.required_skills), tuple(tuple(group) for group in alternatives))


@functools.lru_cache(maxsize=1024)
def _units(
    required_skills: tuple[str, ...], alternatives: tuple[tuple[str, ...], ...]
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    # Cached: a ranking asks for the same job's units once per candidate it scores.
    required = _canonical_skills(required_skills)
    groups = []
    for group in alternatives:
        members = tuple(skill for skill in _canonical_skills(group) if skill in required)
        if len(members) > 1:
            groups.append(members)
    grouped = {skill: group for group in groups for skill in group}
    units: list[tuple[str, tuple[str, ...]]] = []
    seen: set[tuple[str, ...]] = set()
    for skill in required:
        members = grouped.get(skill, (skill,))
        if members not in seen:
            seen.add(members)
            units.append((words.join(list(members), "or"), members))
    return tuple(units)


@dataclass(frozen=True)
class MatchScore:
    """A candidate's fit for a job, with the reasons a recruiter can check."""

    score: float  # 0-100, one decimal
    breakdown: dict[str, float]  # part -> points, one decimal each, adding up exactly to `score`
    matched: list[dict[str, Any]]  # [{"skill", "required", "strength", "evidence": [lines]}], required first
    gaps: list[str]  # missing required skills, then other unmet requirements
    suggestions: list[str]  # for the candidate, most useful first
    explanation: str  # 2-5 sentences


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
    strengths: Mapping[str, float] | None = None,
) -> MatchScore:
    """The requirements fit of `features` for `requirements`. Same inputs, same output, whatever the dicts' order.

    With `explain=False` only the score and its breakdown are computed (gaps, suggestions and explanation stay
    empty). `semantic_similarity` and `lexical_score` are 0-1, or None when the caller has none; `skill_weights`
    weights individual required skills (default 1.0 each, any spelling the taxonomy knows).
    `equivalent_experience` says the posting accepts experience in place of its degree, which softens a
    shortfall in education. `strengths` are `_job_strengths` of the pair when the caller has them already.
    """
    weights = weights or load_weights()
    units = _requirement_units(requirements)
    preferred = _canonical_skills(tuple(requirements.preferred_skills), tuple(requirements.required_skills))
    per_skill = _skill_weights(skill_weights)
    if strengths is None:
        strengths = _job_strengths(requirements, features, weights)
    skills = skill_fit(units, preferred, per_skill, strengths, features, weights)
    experience = experience_fit(requirements.min_years, requirements.max_years, features.total_years, weights)
    education = education_fit(requirements.education_level, equivalent_experience, features.education_levels, weights)
    place_fit, place_reason = location_fit(requirements, features.location, weights, features.relocation)
    semantic, lexical = clamp_signal(semantic_similarity), clamp_signal(lexical_score)
    fits = (skills.required, skills.preferred, experience, education, place_fit, semantic, lexical)
    # Projects add to a fit measured by something else; alone they say nothing about the job.
    projects = None if all(fit is None for fit in fits) else float(features.has_projects)

    component_weights = weights.component_weights(requirements.seniority)
    fractions = (skills.required, skills.preferred, experience, education, place_fit, projects, semantic, lexical)
    tenths = whole_tenths(points_of(fractions, component_weights))
    breakdown = {name: points / 10 for name, points in zip(COMPONENTS, tenths, strict=True)}
    bare = MatchScore(sum(tenths) / 10, breakdown, skills.matched, [], [], "")
    if not explain:
        return bare
    return _explained(
        bare,
        requirements,
        features,
        units,
        preferred,
        per_skill,
        skills,
        experience,
        education,
        equivalent_experience,
        place_reason,
        weights,
    )


def _explained(
    bare: MatchScore,
    requirements: JobRequirements,
    features: CandidateFeatures,
    units: tuple[tuple[str, tuple[str, ...]], ...],
    preferred: tuple[str, ...],
    per_skill: Mapping[str, float],
    skills: SkillFit,
    experience: float | None,
    education: float | None,
    equivalent_experience: bool,
    place_reason: str | None,
    weights: ScoringWeights,
) -> MatchScore:
    """`bare` (a score and its breakdown) with its gaps, suggestions and explanation."""
    unmet = words.unmet(requirements, features, experience, education, equivalent_experience, place_reason, weights)
    return replace(
        bare,
        gaps=[*skills.missing, *unmet],
        suggestions=words.suggestions(
            requirements,
            features,
            _gaps_to_suggest(units, skills.missing, per_skill, features),
            skills.listed_only,
            skills.missing_preferred,
            education,
            weights,
        ),
        explanation=words.explanation(
            requirements,
            features,
            tuple(label for label, _ in units),
            skills.matched,
            skills.missing,
            skills.listed_only,
            preferred,
            experience,
            education,
            equivalent_experience,
            place_reason,
            weights,
            skills.corroborated,
        ),
    )


def _gaps_to_suggest(
    units: tuple[tuple[str, tuple[str, ...]], ...],
    missing: list[str],
    per_skill: Mapping[str, float],
    features: CandidateFeatures,
) -> list[str]:
    """The missing required skills to suggest: the ones the recruiter weighs most first; an admitted gap is the
    candidate's own word, so it is left out."""
    admitted = [skill for _, members in units for skill in members if skill in features.admitted_gaps]
    return [
        label
        for label in (sorted(missing, key=lambda s: -per_skill.get(s, 1.0)) if per_skill else missing)
        if label not in admitted
    ]


def _job_strengths(
    requirements: JobRequirements, features: CandidateFeatures, weights: ScoringWeights
) -> dict[str, float]:
    """The job's required and preferred skills the resume evidences -> their strength for this job; a skill the
    resume says it has not used is left out."""
    required = (skill for _, members in _requirement_units(requirements) for skill in members)
    preferred = _canonical_skills(tuple(requirements.preferred_skills), tuple(requirements.required_skills))
    strengths = {}
    for skill in (*required, *preferred):
        found = features.skills.get(skill)
        if found is not None and skill not in features.admitted_gaps:
            strengths[skill] = contextual_strength(skill, found, requirements.role_family, weights.context)
    return strengths


def rank_candidate(
    requirements: JobRequirements,
    features: CandidateFeatures,
    *,
    semantic_similarity: float | None = None,
    experience_similarity: float | None = None,
    lexical_score: float | None = None,
    coverage: float | None = None,
    skill_weights: Mapping[str, float] | None = None,
    weights: ScoringWeights | None = None,
    equivalent_experience: bool = False,
    explain: bool = True,
) -> MatchScore:
    """The score a ranked list shows: the requirements fit (`score_candidate` without the retrieval signals)
    fused with the semantic similarity, the role-family share of experience and the full-text rank, then
    multiplied by the gates for admitted gaps and unrelated careers.

    `semantic_similarity` (the whole resume's) and `experience_similarity` (its experience sections') are 0-1
    (`semantic.calibrate_similarity`), `lexical_score` too; each may be None. The semantic part is the mean of
    the two similarities, or the experience sections' alone when the resume shows none of the job's skills in
    use for this job (they stand only in lists, or in roles of unrelated fields): a keyword list lifts the
    similarity of a whole document, not that of the roles it describes. `coverage`: `semantic.calibrate_coverage`.

    The breakdown names the requirements components (their share of the requirements part), `semantic`,
    `role_family`, `lexical` and `coverage`; it adds up exactly to the score."""
    weights = weights or load_weights()
    strengths = _job_strengths(requirements, features, weights)
    fit = score_candidate(
        requirements,
        features,
        skill_weights=skill_weights,
        weights=weights,
        equivalent_experience=equivalent_experience,
        explain=explain,
        strengths=strengths,
    )
    applicable = any(fit.breakdown.values()) or _measurable(requirements, features)
    experience = clamp_signal(experience_similarity)
    listed_only = bool(strengths) and all(value < weights.shown_strength for value in strengths.values())
    semantic, keyword_list = _semantic_part(
        requirements, features, strengths, listed_only, clamp_signal(semantic_similarity), experience, weights
    )
    lexical = clamp_signal(lexical_score)
    family_fit = role_family_fit(features, requirements.role_family, weights.fusion.role_family_fit, weights.context)
    parts = (fit.score / 100 if applicable else None, semantic, family_fit, lexical, clamp_signal(coverage))
    points = points_of(parts, weights.fusion.parts)
    required = {skill for _, members in _requirement_units(requirements) for skill in members}
    gates = ranking_gates(requirements, features, required, listed_only, weights, equivalent_experience)
    score, breakdown = _fused_breakdown(fit, points, gates.factor)
    if not explain:
        return MatchScore(score, breakdown, fit.matched, [], [], "")
    notes = [words.parts_sentence(score, breakdown, fit.score)]
    if keyword_list and experience is not None and breakdown[SEMANTIC]:
        notes.append(
            "The resume shows none of the job's skills in use in a role like this job's, so similarity is that of "
            "the experience section alone."
        )
    notes += gate_notes(gates, weights)
    explanation = " ".join([notes[0], fit.explanation, *notes[1:]])
    return MatchScore(score, breakdown, fit.matched, fit.gaps, fit.suggestions, explanation)


def _fused_breakdown(fit: MatchScore, points: list[float], gate: float) -> tuple[float, dict[str, float]]:
    """The ranked score and its breakdown in whole tenths, from the fused `points` and the `gate` factor."""
    # The requirements part is spread over its components in proportion, so the breakdown names what produced it.
    share = points[0] / fit.score if fit.score else 0.0
    raw = [fit.breakdown[name] * share * gate for name in COMPONENTS if name not in (SEMANTIC, LEXICAL)]
    raw += [value * gate for value in points[1:]]
    names = [name for name in COMPONENTS if name not in (SEMANTIC, LEXICAL)] + [
        SEMANTIC,
        ROLE_FAMILY,
        LEXICAL,
        COVERAGE,
    ]
    tenths = dict(zip(names, whole_tenths(raw), strict=True))
    breakdown = {name: tenths[name] / 10 for name in (*COMPONENTS, ROLE_FAMILY, COVERAGE)}
    return sum(tenths.values()) / 10, breakdown


def _semantic_part(
    requirements: JobRequirements,
    features: CandidateFeatures,
    strengths: Mapping[str, float],
    listed_only: bool,
    document: float | None,
    experience: float | None,
    weights: ScoringWeights,
) -> tuple[float | None, bool]:
    """The semantic part of the fusion (None: no similarity known), and whether the resume reads as a keyword list."""
    known = [value for value in (document, experience) if value is not None]
    # A keyword list lifts the whole document's similarity: several of the job's skills named, none of them in a
    # role. One listed credential ("ServSafe") is no such list, nor is a skill used in a role of another field.
    asked = len(requirements.required_skills) + len(requirements.preferred_skills)
    in_roles = any(features.skills[skill].roles for skill in strengths)
    keyword_list = listed_only and not in_roles and len(strengths) >= min(weights.fusion.keyword_list_min_skills, asked)
    semantic = experience if keyword_list and experience is not None else (sum(known) / len(known) if known else None)
    return semantic, keyword_list


def _measurable(requirements: JobRequirements, features: CandidateFeatures) -> bool:
    """Whether the job states anything the requirements fit measures (a fit of 0 is then a real 0)."""
    return bool(
        requirements.required_skills
        or requirements.preferred_skills
        or requirements.min_years
        or requirements.max_years
        or requirements.education_level
        or requirements.remote_policy == "remote"
        or requirements.location
    )


def _skill_weights(skill_weights: Mapping[str, float] | None) -> dict[str, float]:
    if not skill_weights:
        return {}
    return {canonical_skill(name): max(0.0, float(weight)) for name, weight in sorted(skill_weights.items())}
