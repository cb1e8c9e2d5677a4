"""How a resume's evidence covers a job's required and preferred skills: the two skill components of a score."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from recruitment_core import explain as words
from recruitment_core.evidence import CandidateFeatures, SkillStrength
from recruitment_core.explain import OFF_FAMILY_PLACE, WeakSkill
from recruitment_core.scoring_weights import ScoringWeights


@dataclass(frozen=True)
class SkillFit:
    """The required and preferred fits (0-1, None when the job asks for none) and what they found."""

    required: float | None
    preferred: float | None
    matched: list[dict[str, Any]]  # required first, then preferred
    missing: list[str]  # labels of the required units the resume does not evidence
    listed_only: list[WeakSkill]  # required skills matched without being shown in use
    missing_preferred: list[str]
    corroborated: bool  # the resume shows one of the job's skills in use for this job


def skill_fit(
    units: tuple[tuple[str, tuple[str, ...]], ...],
    preferred: tuple[str, ...],
    per_skill: Mapping[str, float],
    strengths: Mapping[str, float],
    features: CandidateFeatures,
    weights: ScoringWeights,
) -> SkillFit:
    """Each required unit counted by its best member's strength and its recruiter weight, each preferred skill by
    its strength."""
    # Skills in a bare list count fully only when the resume also shows one of the job's skills in use for this
    # job: a list next to unrelated roles is a keyword list, not evidence.
    corroborated = any(strength >= weights.shown_strength for strength in strengths.values())
    listed_factor = 1.0 if corroborated else weights.uncorroborated_listed
    listed_strength = weights.section_strength[words.SKILLS_SECTION]

    def counted(skill: str) -> float:
        strength = strengths.get(skill, 0.0)
        return strength * (listed_factor if strength <= listed_strength else 1.0)

    matched: list[dict[str, Any]] = []
    missing: list[str] = []
    listed_only: list[WeakSkill] = []
    required_fit: float | None = None
    if units:
        total_weight = earned = 0.0
        for label, members in units:
            weight = max(per_skill.get(skill, 1.0) for skill in members) if per_skill else 1.0
            total_weight += weight
            best = max(members, key=lambda skill: (counted(skill), -members.index(skill)))
            if best not in strengths:
                missing.append(label)
                continue
            matched.append(_matched(best, True, features.skills[best], strengths[best]))
            earned += weight * counted(best)
            if strengths[best] < weights.shown_strength:
                listed_only.append(_weak(best, features.skills[best], strengths[best]))
        if total_weight > 0:
            required_fit = earned / total_weight
    preferred_fit: float | None = None
    missing_preferred = []
    if preferred:
        earned = 0.0
        for skill in preferred:
            if skill not in strengths:
                missing_preferred.append(skill)
                continue
            earned += counted(skill)
            matched.append(_matched(skill, False, features.skills[skill], strengths[skill]))
        preferred_fit = earned / len(preferred)
    return SkillFit(required_fit, preferred_fit, matched, missing, listed_only, missing_preferred, corroborated)


def _matched(skill: str, required: bool, found: SkillStrength, strength: float) -> dict[str, Any]:
    return {"skill": skill, "required": required, "strength": round(strength, 2), "evidence": list(found.evidence)}


def _weak(skill: str, found: SkillStrength, strength: float) -> WeakSkill:
    place = OFF_FAMILY_PLACE if strength < found.strength else words.weak_place(found)
    return WeakSkill(skill, strength, place)
