"""The gates of a ranked score: what multiplies it down after fusion, and the sentences that say so."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from recruitment_core import explain as words
from recruitment_core.evidence import CandidateFeatures
from recruitment_core.knockouts import Knockout, knockouts
from recruitment_core.role_context import all_roles_elsewhere
from recruitment_core.scoring_weights import ScoringWeights

if TYPE_CHECKING:
    from recruitment_core.job_parser import JobRequirements


@dataclass(frozen=True)
class Gates:
    """What multiplies a fused score down: admitted gaps, a career wholly elsewhere, missed knockouts."""

    factor: float
    admitted: list[str]
    elsewhere: bool
    missed: list[Knockout]


def ranking_gates(
    requirements: JobRequirements,
    features: CandidateFeatures,
    required: set[str],
    listed_only: bool,
    weights: ScoringWeights,
    equivalent_experience: bool,
) -> Gates:
    """The gates of a pair, from the job's `required` skills and whether the resume only lists the job's skills."""
    admitted = [skill for skill in features.admitted_gaps if skill in required]
    # Listing the job's stack beside a career wholly in unrelated fields cannot carry a resume to the top.
    elsewhere = listed_only and all_roles_elsewhere(features, requirements.role_family, weights.context)
    missed = knockouts(requirements, features, weights, equivalent_experience)
    gate = (weights.context.admitted_gap_factor if admitted else 1.0) * (
        weights.fusion.off_family_factor if elsewhere else 1.0
    )
    for knockout in missed:
        gate *= knockout.factor
    return Gates(gate, admitted, elsewhere, list(missed))


def gate_notes(gates: Gates, weights: ScoringWeights) -> list[str]:
    """The explanation's sentences for the gates that apply."""
    notes = []
    if gates.elsewhere:
        notes.append(
            "Every role on the resume lies outside the job's field and none shows the job's skills in use, "
            "so the score is multiplied by "
            f"{weights.fusion.off_family_factor:g}."
        )
    notes += [f"{knockout.note}, so the score is multiplied by {knockout.factor:g}." for knockout in gates.missed]
    if gates.admitted:
        notes.append(
            f"The resume says it has not used {words.join(gates.admitted)}, so the score is multiplied by "
            f"{weights.context.admitted_gap_factor:g}."
        )
    return notes
