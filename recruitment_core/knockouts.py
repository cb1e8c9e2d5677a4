"""Hard requirements a candidate visibly misses, each of which multiplies a ranked score down.

A recruiter screens out, however strong the rest of the resume, a candidate who cannot come to an onsite or
hybrid job (too far to commute and not moving), who holds a lower degree than one the posting requires without
accepting experience instead, or who has less than half the years the posting asks. The requirements fit
already counts these in proportion to their weight; as knock-outs they also keep such a resume below the
candidates who meet them. Only what the resume shows counts: a resume without a location or without any
education is not knocked out for it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from recruitment_core.explain import DEGREE_PHRASES
from recruitment_core.fits import MISSED_PLACES, education_fit, location_fit

if TYPE_CHECKING:
    from recruitment_core.evidence import CandidateFeatures
    from recruitment_core.job_parser import JobRequirements
    from recruitment_core.scoring_weights import ScoringWeights

ONSITE = frozenset({"onsite", "hybrid"})


@dataclass(frozen=True)
class Knockout:
    factor: float
    note: str  # a sentence for the explanation, without the factor


def knockouts(
    requirements: JobRequirements, features: CandidateFeatures, weights: ScoringWeights, equivalent_experience: bool
) -> list[Knockout]:
    """The hard requirements the resume misses, each with the factor it multiplies the ranked score by."""
    found = []
    factors = weights.fusion
    _, place = location_fit(requirements, features.location, weights, features.relocation)
    if place in MISSED_PLACES and requirements.remote_policy in ONSITE:
        found.append(
            Knockout(
                factors.location_miss_factor,
                f"The candidate lives too far from {requirements.location} to commute to this "
                f"{requirements.remote_policy} job and does not say they are moving",
            )
        )
    if features.education_levels and not equivalent_experience:
        fit = education_fit(requirements.education_level, False, features.education_levels, weights)
        if fit is not None and fit < 1.0:
            found.append(
                Knockout(
                    factors.degree_short_factor,
                    f"The posting requires {DEGREE_PHRASES.get(requirements.education_level or '', 'a degree')}, "
                    "which the resume does not show and the posting does not let experience replace",
                )
            )
    minimum = requirements.min_years
    if minimum and features.total_years < factors.years_short_share * minimum:
        found.append(
            Knockout(
                factors.years_short_factor,
                f"The resume shows {features.total_years:g} years of experience, under half the {minimum:g} asked",
            )
        )
    return found
