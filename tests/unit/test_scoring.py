import dataclasses

import pytest

from recruitment_core.scoring import (
    GENERAL_QUESTIONS,
    SCORING_WEIGHTS,
    MatchResult,
    score_match,
    stated_years,
    text_similarity,
)

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


def test_weights_add_up_to_100():
    assert sum(SCORING_WEIGHTS.values()) == 100


def test_strong_resume_exact_result():
    result = score_match(BACKEND_JOB, STRONG_RESUME)

    assert result == MatchResult(
        score=93.4,
        breakdown={"skill_coverage": 60.0, "text_overlap": 18.4, "experience": 15.0},
        matched_skills=["Python", "Django", "PostgreSQL", "Docker", "Kubernetes", "AWS"],
        missing_skills=[],
        summary=(
            "Match score 93.4/100. The resume covers 6 of the 6 skills the job asks for (Python, Django, "
            "PostgreSQL, Docker, Kubernetes and AWS). The resume states 7 years of experience against "
            "5 years asked."
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

    assert weak.score == 10.5
    assert weak.breakdown == {"skill_coverage": 0.0, "text_overlap": 7.5, "experience": 3.0}
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
    assert result.breakdown == {"skill_coverage": 42.9, "text_overlap": 13.0, "experience": 15.0}
    assert result.score == 70.9


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

    assert set(result.breakdown) == set(SCORING_WEIGHTS)
    assert round(sum(result.breakdown.values()), 1) == result.score
    assert 0 <= result.score <= 100
    for component, points in result.breakdown.items():
        assert points == round(points, 1)
        assert 0 <= points <= 100, component


@pytest.mark.parametrize("resume", ["", "   \n\t "])
def test_empty_resume_scores_zero(resume):
    result = score_match(BACKEND_JOB, resume)

    assert result.score == 0.0
    assert result.breakdown == {"skill_coverage": 0.0, "text_overlap": 0.0, "experience": 0.0}
    assert result.matched_skills == []
    assert result.missing_skills == ["Python", "Django", "PostgreSQL", "Docker", "Kubernetes", "AWS"]
    assert result.summary == "The resume has no text, so nothing could be matched against the job."
    assert len(result.interview_questions) == 3


def test_job_without_known_skills_or_years_scores_on_text_overlap_alone():
    result = score_match("We need a friendly person for our shop.", "Friendly and punctual.")

    assert result.breakdown == {"skill_coverage": 0.0, "text_overlap": 35.4, "experience": 0.0}
    assert result.score == 35.4
    assert result.summary == (
        "Match score 35.4/100. The job description names no skill from the taxonomy, so skills were not "
        "compared. The job states no years of experience."
    )
    assert result.interview_questions == list(GENERAL_QUESTIONS)


def test_job_without_years_shares_the_experience_weight():
    result = score_match("Accountant: QuickBooks, payroll, GAAP.", "Bookkeeper using QuickBooks for payroll. 4 years.")

    # 60 and 25 points become 70.6 and 29.4 once the 15 experience points are shared out.
    assert result.matched_skills == ["QuickBooks", "Payroll"]
    assert result.missing_skills == ["GAAP"]
    assert result.breakdown == {"skill_coverage": 47.1, "text_overlap": 13.2, "experience": 0.0}
    assert result.score == 60.3


def test_interview_questions_alternate_missing_and_matched_skills():
    result = score_match(NURSE_JOB, NURSE_RESUME)

    assert result.interview_questions == [
        "The role calls for ACLS, which the resume does not mention. What comparable work have you done, "
        "and how would you get up to speed with ACLS?",
        "Tell us about a recent situation where you relied on Nursing: what did you do, and what was the outcome?",
        "The role calls for Epic Systems, which the resume does not mention. What comparable work have you "
        "done, and how would you get up to speed with Epic Systems?",
    ]


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("5+ years of Python", 5),
        ("3-5 years of experience", 3),
        ("five years in sales and 10 yrs in retail", 10),
        ("1 year", 1),
        ("founded 30 years ago; a 20 years old brand", None),
        ("a 5-year plan", None),
        ("no figures here", None),
    ],
)
def test_stated_years(text, years):
    assert stated_years(text) == years


def test_text_similarity():
    assert text_similarity("python django", "django python") == pytest.approx(1.0)
    assert text_similarity("python python django", "python") == pytest.approx(2 / 5**0.5)
    assert text_similarity("nurse", "accountant") == 0.0
    assert text_similarity("the and of", "the and of") == 0.0
