"""Grounding: a screening keeps only what the texts bear out.

Every strength and concern must quote the resume, three words at least (ai_service.quotes), and every missing
requirement must be a requirement of the job: a required or preferred skill of the parsed posting (by name,
whatever its case, or by the taxonomy's canonical name) or words that stand in the job text. Claims that fail are
dropped and counted. An answer is rejected whole when most of its claims were dropped, or when it recommends
advancing a resume that addresses automated screeners with no quoted strength left: it then reads as following
the resume, not the evidence. A recommendation in the band opposite the score is kept and marked for a person to
review; this service never acts on a recommendation, and neither should its callers without that review.
"""

from dataclasses import dataclass

from ai_service.case import RecommendationBands, ScreeningCase
from ai_service.providers.base import ScreeningReply
from ai_service.quotes import bare_quote, normalise, occurs
from recruitment_core.ranking import canonical_skill


@dataclass(frozen=True)
class GroundedReply:
    """A reply with its unsupported claims removed; `claims` counts what it first held, `dropped` what went."""

    reply: ScreeningReply
    claims: int
    dropped: int

    @property
    def mostly_dropped(self) -> bool:
        return self.dropped * 2 > self.claims


@dataclass(frozen=True)
class Review:
    needs_human_review: bool
    reason: str | None


def ground(reply: ScreeningReply, case: ScreeningCase) -> GroundedReply:
    """`reply` without the strengths and concerns whose quote is not in the resume, nor the missing requirements
    the job does not name. Repeated missing requirements count once."""
    strengths = [claim for claim in reply.strengths if case.resume_quotes.contains(claim.quote)]
    concerns = [claim for claim in reply.concerns if case.resume_quotes.contains(claim.quote)]
    first_spelling: dict[str, str] = {}
    for item in reply.missing_requirements:
        first_spelling.setdefault(normalise(item), item)
    asked = list(first_spelling.values())
    missing = [item for item in asked if names_job_requirement(item, case)]
    claims = len(reply.strengths) + len(reply.concerns) + len(asked)
    kept = reply.model_copy(update={"strengths": strengths, "concerns": concerns, "missing_requirements": missing})
    return GroundedReply(reply=kept, claims=claims, dropped=claims - len(strengths) - len(concerns) - len(missing))


def names_job_requirement(item: str, case: ScreeningCase) -> bool:
    """Whether `item` is a required or preferred skill of the job (whatever its case, or by the taxonomy's name for
    it: "k8s", "Docker experience"), or words the job text holds. A phrase naming several skills ("3 years of
    Python and Go") is neither, unless the job says it so."""
    job_skills = {skill.casefold() for skill in case.job_skills}
    if item.strip().casefold() in job_skills or canonical_skill(item).casefold() in job_skills:
        return True
    return occurs(bare_quote(item), case.job_text.normalised)


def rejection(grounded: GroundedReply, case: ScreeningCase) -> str | None:
    """Why the grounded answer cannot stand, in words fit for a log (no text of the resume); None when it can."""
    if grounded.claims and grounded.mostly_dropped:
        return (
            f"{grounded.dropped} of the answer's {grounded.claims} claims are not in the resume or the job, more"
            " than half"
        )
    if case.flags and grounded.reply.recommendation == "advance" and not grounded.reply.strengths:
        return (
            "the answer recommends advance for a resume that addresses automated screeners, with no strength"
            " quoted from the resume"
        )
    return None


def review(reply: ScreeningReply, case: ScreeningCase, bands: RecommendationBands) -> Review:
    """Whether a person must look before the recommendation is acted on, and why."""
    score = case.match.score
    reasons = []
    if reply.recommendation == "advance" and score < bands.decline_below:
        reasons.append(f"advance recommended for a match score of {score:.1f}, below {bands.decline_below:g}")
    if reply.recommendation == "decline" and score >= bands.advance_from:
        reasons.append(f"decline recommended for a match score of {score:.1f}, at or above {bands.advance_from:g}")
    if reply.recommendation == "advance" and case.flags:
        reasons.append("advance recommended for a resume that addresses automated screeners")
    return Review(needs_human_review=bool(reasons), reason="; ".join(reasons) or None)
