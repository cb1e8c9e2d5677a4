"""The scorer's weights and calibrations, read once from `data/scoring_weights.json` (see the comments there)."""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

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
# The parts of a ranked score: the requirements fit (the components above, without the retrieval signals), the
# semantic similarity of the documents, the share of recent experience in the job's role family, full-text rank,
# and how much of what the posting describes the resume describes too (recruitment_core.coverage).
REQUIREMENTS = "requirements"
ROLE_FAMILY = "role_family"
COVERAGE = "coverage"
FUSED_PARTS = (REQUIREMENTS, SEMANTIC, ROLE_FAMILY, LEXICAL, COVERAGE)


@dataclass(frozen=True)
class ContextWeights:
    """How much a skill used in a role counts, by the role's family against the job's, and by recency."""

    same_family: float
    related_family: float
    unknown_family: float
    other_family: float
    related_families: tuple[tuple[str, ...], ...]  # each group sorted, for a stable fingerprint
    recency_full_years: float  # a role that ended at most this long ago counts in full
    recency_floor_years: float  # ... and one that ended this long ago or more counts `recency_floor`
    recency_floor: float
    self_reported_weak: float  # strength of a skill the resume calls basic, "familiar with", "learning"
    admitted_gap_factor: float  # the ranked score is multiplied by this per required skill the resume says it lacks

    def family_factor(self, role_family: str | None, job_family: str) -> float:
        if role_family is None:
            return self.unknown_family
        if role_family == job_family:
            return self.same_family
        if any(role_family in group and job_family in group for group in self.related_families):
            return self.related_family
        return self.other_family

    def recency(self, years_ago: float) -> float:
        if years_ago <= self.recency_full_years:
            return 1.0
        if years_ago >= self.recency_floor_years:
            return self.recency_floor
        share = (years_ago - self.recency_full_years) / (self.recency_floor_years - self.recency_full_years)
        return 1.0 - share * (1.0 - self.recency_floor)


@dataclass(frozen=True)
class FusionWeights:
    """Points of each part of a ranked score (FUSED_PARTS order), and the gate on off-family resumes."""

    parts: tuple[float, ...]
    role_family_fit: dict[str, float]  # credit of a role by family: same | related | unknown | other
    off_family_factor: float  # a resume whose dated roles are all in unrelated families is multiplied by this
    location_miss_factor: float  # an onsite or hybrid job's candidate who cannot commute is multiplied by this
    degree_short_factor: float  # ... one whose degree is below a required one (no equivalence offered)
    years_short_factor: float  # ... one with under `years_short_share` of the minimum years
    years_short_share: float
    keyword_list_min_skills: int  # listed-only skills of the job that make a keyword list (similarity of roles)
    semantic_low: float  # combined cosine at or below which the semantic part is 0
    semantic_high: float  # ... and at or above which it is 1
    coverage_low: float  # statement coverage at or below which the coverage signal is 0
    coverage_high: float  # ... and at or above which it is 1
    coverage_margin: float  # measured: a pair's calibrated coverage is at most its calibrated similarity + this


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
    location_credit: dict[str, float]  # same_city | same_region | same_country | unknown | different | far | relocating
    commute_km: float  # a candidate within this distance of the job's city can commute to it
    city_aliases: dict[str, str]
    evidence_lines: int
    evidence_line_chars: int
    max_suggestions: int
    semantic_low: float  # cosine at or below which the semantic signal is 0
    semantic_high: float  # cosine at or above which it is 1
    lexical_half_saturation: float  # full-text rank at which the lexical signal is 0.5
    context: ContextWeights
    fusion: FusionWeights
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
                for key in ("same_city", "same_region", "same_country", "unknown", "different", "far", "relocating")
            },
            commute_km=float(location["commute_km"]),
            city_aliases={k.lower(): v.lower() for k, v in location["city_aliases"].items()},
            evidence_lines=int(data["limits"]["evidence_lines"]),
            evidence_line_chars=int(data["limits"]["evidence_line_chars"]),
            max_suggestions=int(data["limits"]["suggestions"]),
            semantic_low=float(semantic["low"]),
            semantic_high=float(semantic["high"]),
            lexical_half_saturation=float(lexical["half_saturation"]),
            context=_context(data["context"]),
            fusion=_fusion(data["fusion"]),
        )

    def component_weights(self, seniority: str) -> tuple[float, ...]:
        """Each component's weight, in COMPONENTS order, after the adjustment for `seniority`."""
        found = self.adjusted.get(seniority)
        if found is None:
            found = self.adjusted.get("unknown") or tuple(self.components[name] for name in COMPONENTS)
        return found


def _context(data: Mapping[str, Any]) -> ContextWeights:
    family, recency = data["family"], data["recency"]
    if not float(recency["full_years"]) < float(recency["floor_years"]):
        raise ValueError("context recency needs full_years < floor_years")
    return ContextWeights(
        same_family=float(family["same"]),
        related_family=float(family["related"]),
        unknown_family=float(family["unknown"]),
        other_family=float(family["other"]),
        related_families=tuple(tuple(sorted(group)) for group in data["related_families"]),
        recency_full_years=float(recency["full_years"]),
        recency_floor_years=float(recency["floor_years"]),
        recency_floor=float(recency["floor"]),
        self_reported_weak=float(data["self_reported_weak"]),
        admitted_gap_factor=float(data["admitted_gap_factor"]),
    )


def _fusion(data: Mapping[str, Any]) -> FusionWeights:
    if set(data["parts"]) != set(FUSED_PARTS):
        raise ValueError(f"fusion weights must name exactly the parts {list(FUSED_PARTS)}")
    parts = tuple(float(data["parts"][name]) for name in FUSED_PARTS)
    if any(value < 0 for value in parts) or sum(parts) <= 0:
        raise ValueError("fusion weights must be non-negative and not all zero")
    fit = {key: float(data["role_family_fit"][key]) for key in ("same", "related", "unknown", "other")}
    semantic, coverage = data["semantic"], data["coverage"]
    if not float(semantic["low"]) < float(semantic["high"]) or not float(coverage["low"]) < float(coverage["high"]):
        raise ValueError("fusion semantic and coverage calibrations need low < high")
    if not 0.0 <= float(coverage["ceiling_margin"]) <= 1.0:
        raise ValueError("fusion coverage ceiling_margin must be between 0 and 1")
    return FusionWeights(
        parts=parts,
        role_family_fit=fit,
        off_family_factor=float(data["off_family_factor"]),
        location_miss_factor=float(data["location_miss_factor"]),
        degree_short_factor=float(data["degree_short_factor"]),
        years_short_factor=float(data["years_short_factor"]),
        years_short_share=float(data["years_short_share"]),
        keyword_list_min_skills=int(data["keyword_list_min_skills"]),
        semantic_low=float(semantic["low"]),
        semantic_high=float(semantic["high"]),
        coverage_low=float(coverage["low"]),
        coverage_high=float(coverage["high"]),
        coverage_margin=float(coverage["ceiling_margin"]),
    )


@functools.cache
def load_weights() -> ScoringWeights:
    """Read `data/scoring_weights.json` (once per process)."""
    return ScoringWeights.from_dict(json.loads(WEIGHTS_PATH.read_text(encoding="utf-8")))
