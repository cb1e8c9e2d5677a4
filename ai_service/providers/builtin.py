"""The default provider, and the fallback of the others: a screening read off the deterministic match, no language
model. Strengths are the matched skills with a resume line that evidences them, concerns the resume sentences that
call a skill the job asks for slight or absent, missing requirements the scorer's missing skills, and the
recommendation the score's band. Its quotes go through the same grounding check as a model's."""

from ai_service.case import SENTENCE_END, RecommendationBands, ScreeningCase
from ai_service.providers.base import MAX_CLAIMS, MAX_MISSING_REQUIREMENTS, MAX_QUOTE_CHARS, Claim, ScreeningReply
from ai_service.quotes import long_enough
from recruitment_core.evidence import qualified_skills
from recruitment_core.skills import extract_skills


class BuiltinProvider:
    """Screens with the scorer's own findings; needs no network and never fails."""

    name = "builtin"
    model = None

    def __init__(self, bands: RecommendationBands) -> None:
        self.bands = bands

    async def screen(self, case: ScreeningCase) -> ScreeningReply:
        match = case.match
        required = set(case.required_skills)
        return ScreeningReply(
            strengths=_strengths(case, required)[:MAX_CLAIMS],
            concerns=[
                Claim(
                    text=f"The resume calls {doubt.skill} slight or unused; the job "
                    f"{'requires' if doubt.skill in required else 'prefers'} it.",
                    quote=_clipped(doubt.sentence),
                )
                for doubt in case.doubts
                if long_enough(doubt.sentence)
            ][:MAX_CLAIMS],
            missing_requirements=match.missing_skills[:MAX_MISSING_REQUIREMENTS],
            reasons=self._reasons(case, required),
            recommendation=self.bands.recommendation(match.score),
            summary=match.summary,
            interview_questions=match.interview_questions,
        )

    def _reasons(self, case: ScreeningCase, required: set[str]) -> list[str]:
        score = case.match.score
        if score >= self.bands.advance_from:
            band = f"at or above {self.bands.advance_from:g}, the band to advance"
        elif score < self.bands.decline_below:
            band = f"below {self.bands.decline_below:g}, the band to decline"
        else:
            band = f"between {self.bands.decline_below:g} and {self.bands.advance_from:g}, the band to hold"
        reasons = [f"Match score {score:.1f}/100 is {band}."]
        shown = [skill for skill in case.match.matched_skills if skill in required]
        missing = [skill for skill in case.match.missing_skills if skill in required]
        if shown:
            reasons.append(f"Required skills the resume shows: {', '.join(shown)}.")
        if missing:
            reasons.append(f"Required skills the resume does not show: {', '.join(missing)}.")
        return reasons

    async def aclose(self) -> None:
        """Nothing to release."""


def _strengths(case: ScreeningCase, required: set[str]) -> list[Claim]:
    strengths = []
    for skill in case.match.matched_skills:
        quote = next(filter(None, (_evidencing_part(line, skill) for line in case.evidence.get(skill, ()))), None)
        if quote is not None:
            wanted = "requires" if skill in required else "prefers"
            strengths.append(Claim(text=f"Shows {skill}, which the job {wanted}.", quote=_clipped(quote)))
    return strengths


def _evidencing_part(line: str, skill: str) -> str | None:
    """The sentence of an evidence line that names the skill, or the whole line when no one sentence does; None
    when the line calls the skill slight ("familiar with Docker"), which evidences it but is no strength, or is too
    short to quote (a bare "Python" in a list)."""
    if skill in qualified_skills(line):
        return None
    naming = (part for part in SENTENCE_END.split(line) if skill in extract_skills(part) and long_enough(part))
    part = next(naming, line)
    return part if long_enough(part) else None


def _clipped(text: str) -> str:
    """`text` within the quote limit, cut between words so that what is left is still a quote."""
    if text.endswith("…"):  # an evidence line the parser clipped, maybe inside a word: drop that word
        text = text.removesuffix("…")
        text = text.rsplit(None, 1)[0] if " " in text.strip() else text
    if len(text) <= MAX_QUOTE_CHARS:
        return text
    head = text[: MAX_QUOTE_CHARS + 1]
    return head.rsplit(None, 1)[0] if " " in head.strip() else head[:MAX_QUOTE_CHARS]
