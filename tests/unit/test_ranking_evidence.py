"""Evidence that depends on the role it stands in, on the resume's own words and on recency."""

import dataclasses
import json

from recruitment_core.job_parser import JobRequirements
from recruitment_core.ranking import CandidateFeatures, RoleSummary, rank_candidate, score_candidate
from recruitment_core.resume_parser import parse_resume


def job(**overrides) -> JobRequirements:
    fields = {
        "title": "Recruiter",
        "required_skills": ["Recruiting"],
        "preferred_skills": [],
        "min_years": None,
        "max_years": None,
        "education_level": None,
        "education_field": None,
        "location": None,
        "remote_policy": "remote",
        "employment_type": "full_time",
        "seniority": "mid",
        "role_family": "hr",
        "responsibilities": [],
    }
    return JobRequirements(**{**fields, **overrides})


def features(text: str) -> CandidateFeatures:
    return CandidateFeatures.from_parsed(parse_resume(text))


STORE_MANAGER = """Angela Rivera
Experience
Store Manager, HomeSmart Stores, Jan 2019 – Dec 2024
- Recruiting seasonal staff, scheduling and sales targets.
"""
RECRUITER = """Maya Chen
Experience
Technical Recruiter, TalentCo, Jan 2021 – Dec 2024
- Recruiting engineers across full-cycle searches.
"""
BACKEND_JOB = job(
    title="Backend Engineer",
    required_skills=["Python", "Django", "PostgreSQL"],
    role_family="software",
)


def test_a_skill_in_a_duty_of_an_unrelated_role_is_weaker_evidence():
    manager, recruiter = features(STORE_MANAGER), features(RECRUITER)
    requirements = job()

    manager_fit = score_candidate(requirements, manager)
    recruiter_fit = score_candidate(requirements, recruiter)

    assert manager.skills["Recruiting"].strength == recruiter.skills["Recruiting"].strength  # the same words
    assert manager_fit.matched[0]["strength"] < 0.8 <= recruiter_fit.matched[0]["strength"]
    assert manager_fit.score < recruiter_fit.score
    assert "roles outside the job's field" in manager_fit.explanation


def test_without_a_job_family_evidence_is_read_as_before():
    manager = features(STORE_MANAGER)

    assert score_candidate(job(role_family=None), manager).matched[0]["strength"] == 1.0


def test_a_skill_named_by_the_role_title_counts_in_full():
    developer = features("Sam Lee\nExperience\nPython Developer, Shop Inc, Jan 2020 – Dec 2024\n- Wrote Python.\n")

    assert score_candidate(job(required_skills=["Python"]), developer).matched[0]["strength"] == 1.0


def test_a_keyword_line_after_unrelated_roles_cannot_match_the_evidenced_engineer():
    stuffed = features(
        "Rosa Diaz\nExperience\nRestaurant Manager, Bistro 9, Jan 2018 – Dec 2024\n- Ran a 40-seat dining room.\n"
        "Keywords: Python Django PostgreSQL REST APIs Docker\n"
    )
    engineer = features(
        "Lee Park\nExperience\nBackend Engineer, Acme Inc, Jan 2019 – Dec 2024\n"
        "- Built Django services in Python on PostgreSQL.\n"
    )

    stuffed_score = rank_candidate(BACKEND_JOB, stuffed, semantic_similarity=0.5)
    engineer_score = rank_candidate(BACKEND_JOB, engineer, semantic_similarity=0.5)

    assert stuffed_score.score < engineer_score.score - 25


def test_a_denied_skill_is_an_admitted_gap_and_counts_as_missing():
    denied = features(
        "Kim Ode\nExperience\nFrontend Engineer, Web Co, Jan 2020 – Dec 2024\n- Built React apps in JavaScript.\n"
        "- I haven't used TypeScript professionally.\n"
    )
    requirements = job(title="Frontend Engineer", required_skills=["React", "TypeScript"], role_family="software")

    fit = score_candidate(requirements, denied)

    assert denied.admitted_gaps == ("TypeScript",)
    assert "TypeScript" in fit.gaps
    assert "The resume says it has not used TypeScript" in rank_candidate(requirements, denied).explanation


def test_self_reported_slight_skills_count_little():
    learner = features(
        "Ari Moss\nExperience\nBackend Engineer, Acme Inc, Jan 2020 – Dec 2024\n"
        "- Built Python services; familiar with Docker and currently learning Rust.\n"
    )

    assert learner.skills["Python"].strength == 1.0
    assert learner.skills["Docker"].strength == 0.2
    assert learner.skills["Rust"].strength == 0.2


def test_an_old_role_counts_less_than_a_recent_one():
    resume = features(
        "Ira Bell\nExperience\nData Analyst, Now Co, Jan 2022 – Dec 2024\n- Reporting in SQL.\n"
        "Software Engineer, Then Co, Jan 2005 – Dec 2010\n- Wrote Java.\n"
    )

    assert resume.roles == (
        RoleSummary("Data Analyst", 36, 0.0),
        RoleSummary("Software Engineer", 72, 14.0),
    )
    assert dict(resume.skills["Java"].roles)["Software Engineer"] < dict(resume.skills["SQL"].roles)["Data Analyst"]


def test_features_round_trip_through_json_with_their_context():
    resume = features(STORE_MANAGER)

    rebuilt = CandidateFeatures.from_json(json.loads(json.dumps(resume.to_json())))

    assert rebuilt == resume
    assert rebuilt.roles == resume.roles and rebuilt.admitted_gaps == resume.admitted_gaps
    assert rebuilt.skills["Recruiting"].roles == resume.skills["Recruiting"].roles


def test_from_profile_reads_roles_like_the_parsed_resume():
    parsed = parse_resume(RECRUITER)
    profile = json.loads(json.dumps(dataclasses.asdict(parsed)))

    from_profile = CandidateFeatures.from_profile(profile)

    assert from_profile.roles == CandidateFeatures.from_parsed(parsed).roles
    assert from_profile.skills["Recruiting"].roles == CandidateFeatures.from_parsed(parsed).skills["Recruiting"].roles
