"""Deterministic, explainable match score between a job description and a resume, both as plain text.

This is the AI service's entry point to the scorer in `ranking`: the job description is read with
`parse_job`, the resume with `parse_resume`, and `score_candidate` compares them with the weights in
`data/scoring_weights.json`. There are no embedding or full-text inputs here, so their weight is shared
among the other components. A degree asked "or equivalent experience" softens an education shortfall, as
the posting says. A resume without dated roles is credited with the years it states ("7 years of
experience"); one with a current role is dated against today.
"""

import functools
from dataclasses import dataclass
from datetime import date

from recruitment_core.job_parser import JobRequirements, equivalent_experience_accepted, parse_job
from recruitment_core.ranking import COMPONENTS, CandidateFeatures, MatchScore, canonical_skill, score_candidate
from recruitment_core.resume_parser import parse_resume

INTERVIEW_QUESTIONS_PER_MATCH = 3
MISSING_SKILL_QUESTION = (
    "The role calls for {skill}, which the resume does not mention. What comparable work have you done, "
    "and how would you get up to speed with {skill}?"
)
MATCHED_SKILL_QUESTION = (
    "Tell us about a recent situation where you relied on {skill}: what did you do, and what was the outcome?"
)
GENERAL_QUESTIONS = (
    "Walk us through the experience that best prepares you for this role.",
    "Tell us about a difficult problem you solved at work and how you approached it.",
    "What would you aim to achieve in your first three months in this role?",
)


@dataclass(frozen=True)
class MatchResult:
    """How well a resume fits a job, with the reasons.

    `breakdown` maps each scoring component to its points; they add up to `score`. `matched_skills` are the
    job's required then preferred skills the resume shows, `missing_skills` those it does not.
    """

    score: float
    breakdown: dict[str, float]
    matched_skills: list[str]
    missing_skills: list[str]
    summary: str
    interview_questions: list[str]


def _interview_questions(matched: list[str], missing: list[str]) -> list[str]:
    # Alternate gaps and strengths, starting with the first gap, then fall back to general questions.
    by_missing = [MISSING_SKILL_QUESTION.format(skill=skill) for skill in missing]
    by_matched = [MATCHED_SKILL_QUESTION.format(skill=skill) for skill in matched]
    questions = []
    for index in range(max(len(by_missing), len(by_matched))):
        questions += by_missing[index : index + 1] + by_matched[index : index + 1]
    questions += GENERAL_QUESTIONS
    return questions[:INTERVIEW_QUESTIONS_PER_MATCH]


# One posting is scored against many resumes, and the AI service reads both texts again after scoring them; these
# caches read each text once. Both results are shared: callers only read them.
@functools.lru_cache(maxsize=256)
def parsed_job_description(job_description: str) -> JobRequirements:
    """`parse_job` of a posting given as one text, cached."""
    return parse_job(title="", description=job_description)


def resume_features(resume_text: str) -> CandidateFeatures:
    """The scorer's features of a resume text, cached for the day ("Present" is dated against today)."""
    return _resume_features(resume_text, date.today())


@functools.lru_cache(maxsize=64)
def _resume_features(resume_text: str, today: date) -> CandidateFeatures:
    return CandidateFeatures.from_parsed(parse_resume(resume_text, today=today))


def score_match(job_description: str, resume_text: str) -> MatchResult:
    """Score how well `resume_text` fits `job_description`; same inputs, same result."""
    requirements = parsed_job_description(job_description)
    job_skills = list(
        dict.fromkeys(map(canonical_skill, [*requirements.required_skills, *requirements.preferred_skills]))
    )
    if not resume_text.strip():
        return MatchResult(
            score=0.0,
            breakdown=dict.fromkeys(COMPONENTS, 0.0),
            matched_skills=[],
            missing_skills=job_skills,
            summary="The resume has no text, so nothing could be matched against the job.",
            interview_questions=_interview_questions([], job_skills),
        )

    match = score_candidate(
        requirements,
        resume_features(resume_text),
        equivalent_experience=equivalent_experience_accepted(job_description),
    )
    return match_result(requirements, match)


def match_result(requirements: JobRequirements, match: MatchScore) -> MatchResult:
    """A scorer's match (`score_candidate`'s, or a ranked score of `pair_scoring`) as the screening reads it."""
    job_skills = dict.fromkeys(map(canonical_skill, [*requirements.required_skills, *requirements.preferred_skills]))
    matched = [item["skill"] for item in match.matched]
    shown = set(matched)
    missing = [skill for skill in job_skills if skill not in shown]
    return MatchResult(
        score=match.score,
        breakdown=match.breakdown,
        matched_skills=matched,
        missing_skills=missing,
        summary=f"Match score {match.score:.1f}/100. {match.explanation}",
        interview_questions=_interview_questions(matched, missing),
    )
