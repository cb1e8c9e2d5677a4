import dataclasses

import pytest

from recruitment_core.ranking import COMPONENTS
from recruitment_core.scoring import GENERAL_QUESTIONS, MatchResult, score_match

BACKEND_JOB = (
    "Senior backend engineer. You have 5+ years of experience building Python services with Django and "
    "PostgreSQL, ship with Docker and Kubernetes, and know AWS."
)
STRONG_RESUME = (
    "Backend engineer with 7 years of experience. Built Python and Django services on PostgreSQL, "
    "packaged with Docker, deployed to Kubernetes on AWS."
)
WEAK_RESUME = "Junior developer with 1 year of experience in PHP and MySQL. No experience with Python or Docker."
NURSE_JOB = (
    "Registered nurse for our ICU. Required: BLS, ACLS, IV therapy, wound care and Epic charting. 2 years minimum."
)
NURSE_RESUME = "RN with 3 years in intensive care. Skilled in IV therapy and wound care; BLS certified."
STRUCTURED_NURSE_RESUME = """Maria Lopez

Experience
Staff Nurse, City Hospital, Jan 2019 – Dec 2023
- ICU nursing: IV therapy, wound care and ACLS on every shift.

Skills
BLS, Epic
"""


def breakdown(**points: float) -> dict[str, float]:
    return dict.fromkeys(COMPONENTS, 0.0) | points


def test_strong_resume_exact_result():
    result = score_match(BACKEND_JOB, STRONG_RESUME)

    # A senior job: 32 points for required skills and 20 for experience apply, scaled to 100. The skills are
    # only mentioned in a two-sentence summary (evidence 0.5); the 7 years cover the 5 asked.
    assert result == MatchResult(
        score=69.2,
        breakdown=breakdown(required_skills=30.8, experience=38.4),
        matched_skills=["Python", "Django", "PostgreSQL", "Docker", "Kubernetes", "AWS"],
        missing_skills=[],
        summary=(
            "Match score 69.2/100. Has 6 of 6 required skills (Python, Django, PostgreSQL, Docker, Kubernetes and "
            "AWS only in the summary). Shows 7 years of experience against 5+ years asked."
        ),
        interview_questions=[
            "Tell us about a recent situation where you relied on Python: what did you do, and what was the outcome?",
            "Tell us about a recent situation where you relied on Django: what did you do, and what was the outcome?",
            "Tell us about a recent situation where you relied on PostgreSQL: what did you do, and what was "
            "the outcome?",
        ],
    )


def test_strong_resume_outscores_weak_resume_for_the_same_job():
    strong = score_match(BACKEND_JOB, STRONG_RESUME)
    weak = score_match(BACKEND_JOB, WEAK_RESUME)

    assert weak.score == 7.7
    assert weak.breakdown == breakdown(experience=7.7)  # 1 of the 5 years asked
    assert weak.summary == (
        "Match score 7.7/100. Has 0 of 6 required skills; missing Python, Django, PostgreSQL, Docker, Kubernetes "
        "and AWS. Shows 1 year of experience against 5+ years asked."
    )
    assert strong.score > weak.score


def test_negated_skills_in_the_resume_are_missing():
    result = score_match(BACKEND_JOB, WEAK_RESUME)

    assert result.matched_skills == []
    assert result.missing_skills == ["Python", "Django", "PostgreSQL", "Docker", "Kubernetes", "AWS"]


def test_missing_skills_for_a_nursing_job():
    result = score_match(NURSE_JOB, NURSE_RESUME)

    assert result.matched_skills == [
        "Nursing",
        "Critical care",
        "Basic Life Support",
        "IV therapy",
        "Wound care",
    ]
    assert result.missing_skills == ["ACLS", "Epic Systems"]
    assert result.breakdown == breakdown(required_skills=26.0, experience=27.2)
    assert result.score == 53.2


def test_skills_shown_in_a_dated_role_outscore_skills_mentioned_in_a_summary():
    result = score_match(NURSE_JOB, STRUCTURED_NURSE_RESUME)

    assert result.missing_skills == []
    # Five skills used for 5 years (evidence 1.0), BLS and Epic only listed (0.35): 5.7 of 7.
    assert result.breakdown == breakdown(required_skills=59.2, experience=27.3)
    assert result.score == 86.5
    assert result.summary == (
        "Match score 86.5/100. Has 7 of 7 required skills (Nursing, Critical care, ACLS, IV therapy and Wound "
        "care shown in roles or projects; Basic Life Support and Epic Systems only in the skills section). Shows "
        "5 years of experience against 2+ years asked."
    )
    assert result.score > score_match(NURSE_JOB, NURSE_RESUME).score


def test_same_inputs_give_identical_output():
    results = [score_match(NURSE_JOB, NURSE_RESUME) for _ in range(3)]

    assert results[0] == results[1] == results[2]
    assert dataclasses.asdict(results[0]) == dataclasses.asdict(results[2])


@pytest.mark.parametrize(
    ("job", "resume"),
    [
        (BACKEND_JOB, STRONG_RESUME),
        (BACKEND_JOB, WEAK_RESUME),
        (NURSE_JOB, NURSE_RESUME),
        (NURSE_JOB, STRONG_RESUME),
        ("We need a friendly person for our shop.", "Friendly and punctual."),
        ("Accountant: QuickBooks, payroll, GAAP.", "Bookkeeper using QuickBooks for payroll. 4 years."),
    ],
)
def test_breakdown_adds_up_to_score(job, resume):
    result = score_match(job, resume)

    assert tuple(result.breakdown) == COMPONENTS
    assert sum(round(points * 10) for points in result.breakdown.values()) == round(result.score * 10)
    assert round(sum(result.breakdown.values()), 1) == result.score
    assert 0 <= result.score <= 100
    for component, points in result.breakdown.items():
        assert points == round(points, 1)
        assert 0 <= points <= 100, component


@pytest.mark.parametrize("resume", ["", "   \n\t "])
def test_empty_resume_scores_zero(resume):
    result = score_match(BACKEND_JOB, resume)

    assert result.score == 0.0
    assert result.breakdown == breakdown()
    assert result.matched_skills == []
    assert result.missing_skills == ["Python", "Django", "PostgreSQL", "Docker", "Kubernetes", "AWS"]
    assert result.summary == "The resume has no text, so nothing could be matched against the job."
    assert len(result.interview_questions) == 3


def test_job_without_known_skills_or_years_has_nothing_to_score():
    result = score_match("We need a friendly person for our shop.", "Friendly and punctual.")

    assert result.breakdown == breakdown()
    assert result.score == 0.0
    assert result.summary == (
        "Match score 0.0/100. The job names no required skill from the taxonomy. Shows no dated experience; "
        "the job states no years."
    )
    assert result.interview_questions == list(GENERAL_QUESTIONS)


def test_job_without_years_shares_the_experience_weight():
    result = score_match("Accountant: QuickBooks, payroll, GAAP.", "Bookkeeper using QuickBooks for payroll. 4 years.")

    # Required skills are all that applies: 2 of 3 skills at evidence 0.5.
    assert result.matched_skills == ["QuickBooks", "Payroll"]
    assert result.missing_skills == ["GAAP"]
    assert result.breakdown == breakdown(required_skills=33.3)
    assert result.score == 33.3


def test_a_degree_or_equivalent_experience_softens_an_education_shortfall():
    resume = (
        "Dana Reyes\n\nExperience\nDeveloper, Acme Inc, Jan 2020 – Dec 2022\n- Python services.\n\n"
        "Education\nA.S. Computer Science, Austin Community College, 2019\n"
    )
    strict = score_match("Requirements:\n- Python\n- Bachelor's degree in computer science", resume)
    softened = score_match(
        "Requirements:\n- Python\n- Bachelor's degree in computer science or equivalent experience", resume
    )

    # Python used for 3 years; an associate degree is one level short of a bachelor's (35% less, or half that).
    assert strict.breakdown == breakdown(required_skills=86.5, education=8.8)
    assert softened.breakdown == breakdown(required_skills=86.5, education=11.1)
    assert softened.summary == (
        "Match score 97.6/100. Has 1 of 1 required skill (Python shown in roles or projects). Shows 3 years of "
        "experience; the job states no years. Falls short of the requirement of a bachelor's degree or equivalent "
        "experience."
    )


def test_interview_questions_alternate_missing_and_matched_skills():
    result = score_match(NURSE_JOB, NURSE_RESUME)

    assert result.interview_questions == [
        "The role calls for ACLS, which the resume does not mention. What comparable work have you done, "
        "and how would you get up to speed with ACLS?",
        "Tell us about a recent situation where you relied on Nursing: what did you do, and what was the outcome?",
        "The role calls for Epic Systems, which the resume does not mention. What comparable work have you "
        "done, and how would you get up to speed with Epic Systems?",
    ]
