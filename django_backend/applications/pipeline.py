"""The hiring pipeline's stages and the moves allowed between them: the one table the service enforces.

Forward moves may skip stages (a strong candidate goes from applied straight to interviewing), backward moves are
not offered: a stage records how far a candidate got. Hired and withdrawn are final. Rejected is final too, except
for one explicit move a recruiter needs when a rejection was a mistake or a role reopens: back to screening.
"""

from __future__ import annotations

from enum import StrEnum

from django.db import models


class Stage(models.TextChoices):
    APPLIED = "applied", "Applied"
    SCREENING = "screening", "Screening"
    SHORTLISTED = "shortlisted", "Shortlisted"
    INTERVIEWING = "interviewing", "Interviewing"
    OFFERED = "offered", "Offered"
    HIRED = "hired", "Hired"
    REJECTED = "rejected", "Rejected"
    WITHDRAWN = "withdrawn", "Withdrawn"  # by the candidate; a recruiter records it for them


class PipelineErrorCode(StrEnum):
    UNKNOWN_STAGE = "unknown_stage"
    SAME_STAGE = "same_stage"
    FINAL_STAGE = "final_stage"
    TRANSITION_NOT_ALLOWED = "transition_not_allowed"
    REASON_REQUIRED = "reason_required"


_ACTIVE = (Stage.APPLIED, Stage.SCREENING, Stage.SHORTLISTED, Stage.INTERVIEWING, Stage.OFFERED)
_EXITS = (Stage.REJECTED, Stage.WITHDRAWN)


def _forward_from(stage: Stage) -> set[Stage]:
    later = set(_ACTIVE[_ACTIVE.index(stage) + 1 :])
    return later | set(_EXITS)


TRANSITIONS: dict[Stage, frozenset[Stage]] = {
    **{stage: frozenset(_forward_from(stage)) for stage in _ACTIVE},
    Stage.OFFERED: frozenset({Stage.HIRED, *_EXITS}),
    Stage.HIRED: frozenset(),
    Stage.REJECTED: frozenset({Stage.SCREENING}),  # the one way back: reopening a rejected application
    Stage.WITHDRAWN: frozenset(),
}
# Final: nothing but the moves listed above leaves them.
FINAL_STAGES = frozenset({Stage.HIRED, Stage.REJECTED, Stage.WITHDRAWN})
REASON_REQUIRED = frozenset({Stage.REJECTED})


class StageChangeRefused(Exception):
    """A move the pipeline does not allow; `code` is a PipelineErrorCode, the message says what to do."""

    def __init__(self, code: PipelineErrorCode, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def allowed_moves(current: str) -> list[Stage]:
    """The stages an application in `current` may move to, in pipeline order."""
    targets = TRANSITIONS.get(Stage(current), frozenset()) if current in Stage.values else frozenset()
    return [stage for stage in Stage if stage in targets]


def check_move(current: str, target: str, reason: str = "") -> Stage:
    """The target stage if the move is allowed; otherwise StageChangeRefused saying why."""
    if target not in Stage.values:
        choices = ", ".join(Stage.values)
        raise StageChangeRefused(PipelineErrorCode.UNKNOWN_STAGE, f"Unknown stage {target!r}; one of: {choices}.")
    stage = Stage(target)
    if target == current:
        raise StageChangeRefused(PipelineErrorCode.SAME_STAGE, f"The application is already in {stage.label}.")
    if stage not in allowed_moves(current):
        label = Stage(current).label if current in Stage.values else current
        allowed = ", ".join(s.value for s in allowed_moves(current))
        if current in FINAL_STAGES and not allowed:
            raise StageChangeRefused(PipelineErrorCode.FINAL_STAGE, f"{label} is final: the application cannot move.")
        raise StageChangeRefused(
            PipelineErrorCode.TRANSITION_NOT_ALLOWED,
            f"An application cannot move from {label} to {stage.label}; allowed: {allowed or 'none'}.",
        )
    if stage in REASON_REQUIRED and not reason.strip():
        raise StageChangeRefused(PipelineErrorCode.REASON_REQUIRED, f"A reason is required to move to {stage.label}.")
    return stage
