"""The semantic part of a ranked score: which text is compared, and how a cosine becomes a 0-1 signal."""

import pytest

from recruitment_core.job_parser import JobRequirements
from recruitment_core.ranking import CandidateFeatures, RoleSummary, SkillStrength, rank_candidate
from recruitment_core.semantic import calibrate_similarity, experience_text

RESUME = """Lee Park
Summary
Engineer who likes clean code.

Experience
Backend Engineer, Acme Inc, Jan 2019 – Dec 2024
- Built Django services in Python on PostgreSQL for a payments product.

Skills
Python, Django, PostgreSQL
"""


def test_the_experience_text_is_the_experience_section():
    text = experience_text(RESUME)

    assert "Built Django services" in text
    assert "clean code" not in text and "Python, Django, PostgreSQL" not in text


def test_a_resume_without_an_experience_section_stands_for_itself():
    assert experience_text("Ana Ruiz\nSkills\nPython, SQL\n") == "Ana Ruiz\nSkills\nPython, SQL\n"


@pytest.mark.parametrize(
    ("cosine", "signal"), [(0.05, 0.0), (0.1, 0.0), (0.5, 0.5), (0.9, 1.0), (0.95, 1.0), (None, None)]
)
def test_similarity_calibration_is_linear_over_a_wide_band(cosine, signal):
    assert calibrate_similarity(cosine) == signal


def test_strong_resumes_are_not_clipped_into_ties():
    assert calibrate_similarity(0.72) < calibrate_similarity(0.78) < 1.0


def requirements() -> JobRequirements:
    return JobRequirements(
        title="Backend Engineer",
        required_skills=["Python", "Django"],
        preferred_skills=[],
        min_years=None,
        max_years=None,
        education_level=None,
        education_field=None,
        location=None,
        remote_policy="unknown",
        employment_type="full_time",
        seniority="mid",
        role_family="software",
        responsibilities=[],
    )


def listed() -> SkillStrength:
    return SkillStrength(0, ("skills",), ("Python, Django",), 0.35, outside_roles=0.35)


def test_a_resume_naming_the_skills_only_in_lists_is_compared_by_its_roles():
    stuffed = CandidateFeatures(
        skills={"Python": listed(), "Django": listed()},
        total_years=5.0,
        education_levels=[],
        location=None,
        has_projects=False,
        roles=(RoleSummary("Shift Lead", 60, 0.0),),
    )

    result = rank_candidate(requirements(), stuffed, semantic_similarity=0.8, experience_similarity=0.2)

    assert (
        result.breakdown["semantic"]
        == rank_candidate(requirements(), stuffed, semantic_similarity=0.2, experience_similarity=0.2).breakdown[
            "semantic"
        ]
    )
    assert "similarity is that of the experience section alone" in result.explanation


def test_a_resume_showing_the_skills_in_use_is_compared_as_a_whole_and_by_its_roles():
    used = SkillStrength(36, ("experience",), ("Built it.",), 1.0, roles=(("Backend Engineer", 1.0),))
    engineer = CandidateFeatures(
        skills={"Python": used, "Django": used},
        total_years=5.0,
        education_levels=[],
        location=None,
        has_projects=False,
        roles=(RoleSummary("Backend Engineer", 60, 0.0),),
    )

    mixed = rank_candidate(requirements(), engineer, semantic_similarity=0.8, experience_similarity=0.4)
    mean = rank_candidate(requirements(), engineer, semantic_similarity=0.6, experience_similarity=0.6)

    assert mixed.breakdown["semantic"] == mean.breakdown["semantic"]
