"""The ranked score: the requirements fit fused with semantic similarity, role family and full-text rank."""

import random

import pytest

from recruitment_core.job_parser import JobRequirements
from recruitment_core.ranking import (
    COMPONENTS,
    CandidateFeatures,
    RoleSummary,
    SkillStrength,
    rank_candidate,
    score_candidate,
)


def job(**overrides) -> JobRequirements:
    fields = {
        "title": "Backend Engineer",
        "required_skills": ["Python", "PostgreSQL"],
        "preferred_skills": [],
        "min_years": 3,
        "max_years": None,
        "education_level": None,
        "education_field": None,
        "location": None,
        "remote_policy": "remote",
        "employment_type": "full_time",
        "seniority": "mid",
        "role_family": "software",
        "responsibilities": [],
    }
    return JobRequirements(**{**fields, **overrides})


def used(title: str = "Backend Engineer") -> SkillStrength:
    return SkillStrength(36, ("experience",), ("Built it.",), 1.0, roles=((title, 1.0),), outside_roles=0.0)


ENGINEER_ROLES = (RoleSummary("Backend Engineer", 60, 0.0),)


def candidate(skills=None, roles=ENGINEER_ROLES, **overrides) -> CandidateFeatures:
    fields = {
        "skills": skills or {},
        "total_years": 5.0,
        "education_levels": [],
        "location": None,
        "has_projects": False,
        "roles": roles,
    }
    return CandidateFeatures(**{**fields, **overrides})


def test_the_breakdown_names_every_part_and_adds_up_to_the_score():
    result = rank_candidate(job(), candidate({"Python": used()}), semantic_similarity=0.5, lexical_score=0.4)

    assert tuple(result.breakdown) == (*COMPONENTS, "role_family", "coverage")
    assert round(sum(result.breakdown.values()), 1) == result.score
    assert result.breakdown["semantic"] > 0 and result.breakdown["role_family"] > 0
    assert result.explanation.startswith(f"Score {result.score:.1f} = requirements fit ")
    assert "semantic similarity" in result.explanation


@pytest.mark.parametrize("seed", range(20))
def test_breakdowns_stay_exact_for_random_inputs(seed):
    rng = random.Random(seed)
    skills = {name: used() for name in rng.sample(["Python", "PostgreSQL", "Docker"], rng.randint(0, 3))}
    result = rank_candidate(
        job(preferred_skills=["Docker"]),
        candidate(skills, total_years=rng.uniform(0, 10)),
        semantic_similarity=rng.choice([None, rng.random()]),
        lexical_score=rng.choice([None, rng.random()]),
    )

    assert sum(round(points * 10) for points in result.breakdown.values()) == round(result.score * 10)
    assert all(points >= 0 for points in result.breakdown.values())


def test_semantic_similarity_orders_candidates_whose_requirements_fit_equally():
    features = candidate({"Python": used(), "PostgreSQL": used()})

    scores = [rank_candidate(job(), features, semantic_similarity=s).score for s in (0.2, 0.5, 0.8)]

    assert scores == sorted(scores) and scores[2] - scores[0] > 20


def test_one_alternative_meets_its_requirement():
    requirements = job(required_skills=["Python", "PostgreSQL", "MySQL"], skill_alternatives=[["PostgreSQL", "MySQL"]])

    with_mysql = score_candidate(requirements, candidate({"Python": used(), "MySQL": used()}))
    with_neither = score_candidate(requirements, candidate({"Python": used()}))

    assert (
        with_mysql.breakdown["required_skills"]
        == score_candidate(job(), candidate({"Python": used(), "PostgreSQL": used()})).breakdown["required_skills"]
    )
    assert with_neither.gaps[0] == "PostgreSQL or MySQL"
    assert "Has 1 of 2 required skills" in with_neither.explanation


def test_alternatives_may_be_absent_or_name_skills_not_required():
    requirements = job(skill_alternatives=[["Go", "Rust"]])

    assert score_candidate(requirements, candidate({"Python": used()})).gaps == ["PostgreSQL"]


def test_an_admitted_gap_ranks_below_a_weaker_resume_that_has_the_skill():
    requirements = job(required_skills=["Python", "TypeScript"])
    strong_but_denies = candidate({"Python": used()}, admitted_gaps=("TypeScript",))
    weaker_with_it = candidate(
        {"Python": used(), "TypeScript": SkillStrength(0, ("skills",), ("TypeScript",), 0.35, outside_roles=0.35)},
        total_years=3.0,
    )

    denies = rank_candidate(requirements, strong_but_denies, semantic_similarity=0.8)
    has_it = rank_candidate(requirements, weaker_with_it, semantic_similarity=0.6)

    assert denies.score < has_it.score
    assert "The resume says it has not used TypeScript, so the score is multiplied by 0.55." in denies.explanation


def test_a_career_wholly_in_other_fields_cannot_list_its_way_up():
    stack = {
        name: SkillStrength(0, ("skills",), ("Python, PostgreSQL",), 0.35, outside_roles=0.35)
        for name in ("Python", "PostgreSQL")
    }
    elsewhere = candidate(stack, roles=(RoleSummary("Registered Nurse", 60, 0.0),))
    engineer = candidate({"Python": used(), "PostgreSQL": used()})

    held = rank_candidate(job(), elsewhere, semantic_similarity=0.6, experience_similarity=0.2)

    assert held.breakdown["role_family"] < rank_candidate(job(), engineer).breakdown["role_family"] / 4
    assert "Every role on the resume lies outside the job's field" in held.explanation
    assert held.score < rank_candidate(job(), engineer, semantic_similarity=0.6).score - 35


def test_roles_of_unknown_family_are_not_held_back():
    stack = {"Python": SkillStrength(0, ("skills",), ("Python",), 0.35, outside_roles=0.35)}
    unknown = candidate(stack, roles=(RoleSummary("Member of Staff", 60, 0.0),))

    result = rank_candidate(job(), unknown, semantic_similarity=0.6, experience_similarity=0.5)

    assert "outside the job's field" not in result.explanation


def test_a_job_of_unknown_family_shares_out_the_role_family_points():
    result = rank_candidate(job(role_family=None), candidate({"Python": used()}), semantic_similarity=0.5)

    assert result.breakdown["role_family"] == 0.0
    assert round(sum(result.breakdown.values()), 1) == result.score
