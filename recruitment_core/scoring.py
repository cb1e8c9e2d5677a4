"""Deterministic, explainable match score between a job description and a resume.

The score (0-100) is the sum of three components, each worth at most its weight in SCORING_WEIGHTS:

- skill_coverage: the share of the job's skills (from the taxonomy) that the resume also claims;
- text_overlap: the cosine similarity of the two texts' word counts (stopwords removed);
- experience: the largest "N years" stated in the resume against the largest one in the job.

When the job gives a component nothing to measure against (it names no known skill, or no years of
experience), that component scores 0 and its weight is shared among the others in proportion, so a
perfect candidate can still reach 100. Every job skill counts as required for now.
"""

import math
import re
from collections import Counter
from dataclasses import dataclass

from recruitment_core.skills import extract_skills
from recruitment_core.text import content_words

# Maximum points per component; they add up to 100.
SCORING_WEIGHTS: dict[str, float] = {
    "skill_coverage": 60.0,
    "text_overlap": 25.0,
    "experience": 15.0,
}

# "5 years", "5+ years", "3-5 yrs", "five years"; not "5 years ago" nor "20 years old".
NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
}
_NUMBER = r"\d{1,2}|" + "|".join(NUMBER_WORDS)
YEARS_PATTERN = re.compile(
    rf"\b(?P<years>{_NUMBER})(?:\s*(?:-|–|to)\s*(?:{_NUMBER}))?\s*\+?\s*(?:years?|yrs?)\b(?!\s+(?:ago|old)\b)",
    re.IGNORECASE,
)
MAX_CREDIBLE_YEARS = 50

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

    `breakdown` maps each component of SCORING_WEIGHTS to its points; they add up to `score`.
    """

    score: float
    breakdown: dict[str, float]
    matched_skills: list[str]
    missing_skills: list[str]
    summary: str
    interview_questions: list[str]


def stated_years(text: str) -> int | None:
    """The largest number of years stated in `text` ("5+ years of Python"), or None."""
    found = []
    for match in YEARS_PATTERN.finditer(text):
        value = match.group("years").lower()
        years = NUMBER_WORDS[value] if value in NUMBER_WORDS else int(value)
        if years <= MAX_CREDIBLE_YEARS:
            found.append(years)
    return max(found, default=None)


def text_similarity(first: str, second: str) -> float:
    """Cosine similarity (0-1) of the word counts of two texts."""
    first_counts = Counter(content_words(first))
    second_counts = Counter(content_words(second))
    dot_product = sum(count * second_counts[word] for word, count in first_counts.items())
    if dot_product == 0:
        return 0.0
    first_norm = math.sqrt(sum(count * count for count in first_counts.values()))
    second_norm = math.sqrt(sum(count * count for count in second_counts.values()))
    return dot_product / (first_norm * second_norm)


def _points(fractions: dict[str, float | None]) -> dict[str, float]:
    """Turn each component's fraction (0-1, or None when not applicable) into points.

    Points are counted in whole tenths so that the rounded components add up exactly to the score.
    """
    applicable_weight = sum(SCORING_WEIGHTS[name] for name, fraction in fractions.items() if fraction is not None)
    tenths = {
        name: 0 if fraction is None else round(SCORING_WEIGHTS[name] * 100 / applicable_weight * fraction * 10)
        for name, fraction in fractions.items()
    }
    return {name: value / 10 for name, value in tenths.items()}


def _interview_questions(matched: list[str], missing: list[str]) -> list[str]:
    # Alternate gaps and strengths, starting with the first gap, then fall back to general questions.
    by_missing = [MISSING_SKILL_QUESTION.format(skill=skill) for skill in missing]
    by_matched = [MATCHED_SKILL_QUESTION.format(skill=skill) for skill in matched]
    questions = []
    for index in range(max(len(by_missing), len(by_matched))):
        questions += by_missing[index : index + 1] + by_matched[index : index + 1]
    questions += GENERAL_QUESTIONS
    return questions[:INTERVIEW_QUESTIONS_PER_MATCH]


def _years_phrase(years: int) -> str:
    return "1 year" if years == 1 else f"{years} years"


def _list_phrase(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _summary(
    score: float, matched: list[str], missing: list[str], resume_years: int | None, required_years: int | None
) -> str:
    job_skill_count = len(matched) + len(missing)
    if job_skill_count == 0:
        skills = "The job description names no skill from the taxonomy, so skills were not compared."
    else:
        skills = f"The resume covers {len(matched)} of the {job_skill_count} skills the job asks for"
        if matched:
            skills += f" ({_list_phrase(matched)})"
        skills += f"; missing: {_list_phrase(missing)}." if missing else "."
    if required_years is None:
        experience = "The job states no years of experience."
    elif resume_years is None:
        experience = f"The job asks for {_years_phrase(required_years)} of experience; the resume states none."
    else:
        experience = (
            f"The resume states {_years_phrase(resume_years)} of experience against"
            f" {_years_phrase(required_years)} asked."
        )
    return f"Match score {score:.1f}/100. {skills} {experience}"


def score_match(job_description: str, resume_text: str) -> MatchResult:
    """Score how well `resume_text` fits `job_description`; same inputs, same result."""
    job_skills = extract_skills(job_description)
    if not resume_text.strip():
        return MatchResult(
            score=0.0,
            breakdown=dict.fromkeys(SCORING_WEIGHTS, 0.0),
            matched_skills=[],
            missing_skills=job_skills,
            summary="The resume has no text, so nothing could be matched against the job.",
            interview_questions=_interview_questions([], job_skills),
        )

    resume_skills = set(extract_skills(resume_text))
    matched = [skill for skill in job_skills if skill in resume_skills]
    missing = [skill for skill in job_skills if skill not in resume_skills]
    required_years = stated_years(job_description) or None  # "0 years" asks for nothing
    resume_years = stated_years(resume_text)

    breakdown = _points(
        {
            "skill_coverage": len(matched) / len(job_skills) if job_skills else None,
            "text_overlap": text_similarity(job_description, resume_text),
            "experience": min((resume_years or 0) / required_years, 1.0) if required_years else None,
        }
    )
    score = round(sum(breakdown.values()), 1)
    return MatchResult(
        score=score,
        breakdown=breakdown,
        matched_skills=matched,
        missing_skills=missing,
        summary=_summary(score, matched, missing, resume_years, required_years),
        interview_questions=_interview_questions(matched, missing),
    )
