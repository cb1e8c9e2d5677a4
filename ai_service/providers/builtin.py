"""The default provider, and the fallback of the others: the deterministic scorer's own wording, no language model."""

from ai_service.providers.base import Phrasing
from recruitment_core.scoring import MatchResult


class BuiltinProvider:
    """Returns the scorer's summary and questions unchanged; needs no network and never fails."""

    name = "builtin"
    model = None

    async def phrase(self, *, job_description: str, resume_text: str, match: MatchResult) -> Phrasing:
        return Phrasing(summary=match.summary, interview_questions=match.interview_questions)

    async def aclose(self) -> None:
        """Nothing to release."""
