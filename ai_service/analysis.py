"""The screening operation: the deterministic scorer decides, the provider words the result."""

from starlette.concurrency import run_in_threadpool

from ai_service.providers import Provider
from ai_service.schemas import AnalyzeRequest, AnalyzeResponse
from recruitment_core.scoring import score_match


async def analyze(request: AnalyzeRequest, provider: Provider) -> AnalyzeResponse:
    """Score the resume against the job, then let `provider` phrase the summary and questions.

    Raises ProviderError when the provider fails; nothing is made up in its place.
    """
    # Scoring is CPU work on up to two long texts; keep it off the event loop.
    match = await run_in_threadpool(score_match, request.job_description, request.resume_text)
    phrasing = await provider.phrase(
        job_description=request.job_description, resume_text=request.resume_text, match=match
    )
    return AnalyzeResponse(
        match_score=match.score,
        summary=phrasing.summary,
        missing_skills=match.missing_skills,
        interview_questions=phrasing.interview_questions,
        provider=provider.name,
        breakdown=match.breakdown,
    )
