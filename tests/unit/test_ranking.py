import dataclasses
import json
import random
from datetime import date

import pytest

from recruitment_core.job_parser import JobRequirements, equivalent_experience_accepted, parse_job
from recruitment_core.ranking import (
    COMPONENTS,
    WEIGHTS_PATH,
    CandidateFeatures,
    MatchScore,
    ScoringWeights,
    SkillStrength,
    calibrate_lexical,
    calibrate_semantic,
    canonical_skill,
    load_weights,
    score_candidate,
    stated_years,
)
from recruitment_core.resume_parser import parse_resume

TODAY = date(2025, 1, 1)


def job(**overrides) -> JobRequirements:
    fields = {
        "title": "Backend Engineer",
        "required_skills": [],
        "preferred_skills": [],
        "min_years": None,
        "max_years": None,
        "education_level": None,
        "education_field": None,
        "location": None,
        "remote_policy": "unknown",
        "employment_type": "full_time",
        "seniority": "mid",
        "role_family": None,
        "responsibilities": [],
    }
    return JobRequirements(**{**fields, **overrides})


def used(strength: float = 1.0, months: int = 36, line: str = "Built services with it.") -> SkillStrength:
    return SkillStrength(months=months, sections=("experience",), evidence=(line,), strength=strength)


def listed(line: str = "Python, Docker, AWS") -> SkillStrength:
    return SkillStrength(months=0, sections=("skills",), evidence=(line,), strength=0.35)


def candidate(skills=None, **overrides) -> CandidateFeatures:
    fields = {
        "skills": skills or {},
        "total_years": 6.0,
        "education_levels": ["bachelor"],
        "location": "Berlin, Germany",
        "has_projects": True,
    }
    return CandidateFeatures(**{**fields, **overrides})


def tenths(breakdown: dict[str, float]) -> int:
    return sum(round(points * 10) for points in breakdown.values())


def features_of(text: str) -> CandidateFeatures:
    return CandidateFeatures.from_parsed(parse_resume(text, today=TODAY))


EVIDENCED_RESUME = """Ada Byron
Berlin, Germany

Experience
Backend Engineer, Acme GmbH, Jan 2021 – Dec 2023
- Built Python services on PostgreSQL and ran them on k8s.

Projects
Resume Parser
- A FastAPI service for parsing resumes.

Skills
Docker, Terraform

Education
B.Sc. Computer Science, TU Berlin, 2020
"""
STUFFED_SKILLS = (
    "Python, Java, JavaScript, TypeScript, Go, Rust, C++, C#, Ruby, PHP, Kotlin, Swift, Scala, Django, Flask, "
    "FastAPI, Spring, React, Angular, Vue.js, Node.js, PostgreSQL, MySQL, MongoDB, Redis, Elasticsearch, Kafka, "
    "RabbitMQ, Docker, Kubernetes, Terraform, Ansible, AWS, Azure, GCP, Jenkins, GraphQL, Spark, Airflow, Pandas"
)
STUFFED_RESUME = f"""Sam Stuffer
Berlin, Germany

Experience
Engineer, Acme GmbH, Jan 2021 – Dec 2023
- Worked on the team.

Skills
{STUFFED_SKILLS}

Education
B.Sc. Computer Science, TU Berlin, 2020
"""
BACKEND_JOB = job(
    required_skills=["Python", "PostgreSQL", "Kubernetes", "Docker", "FastAPI"],
    preferred_skills=["Terraform", "GraphQL"],
    min_years=3,
    education_level="bachelor",
    location="Berlin",
    remote_policy="hybrid",
)


# --- Weights -------------------------------------------------------------------------------------------


def test_weights_come_from_one_file_and_add_up_to_100():
    weights = load_weights()

    assert load_weights() is weights
    assert tuple(weights.components) == COMPONENTS
    assert sum(weights.components.values()) == 100
    assert weights.component_weights("mid") == (32.0, 6.0, 12.0, 5.0, 15.0, 0.0, 25.0, 5.0)
    assert weights.component_weights("entry") == (32.0, 6.0, 7.0, 9.0, 15.0, 8.0, 25.0, 5.0)
    assert weights.component_weights("senior") == (32.0, 6.0, 20.0, 5.0, 15.0, 0.0, 25.0, 5.0)
    assert weights.component_weights("lead") == (32.0, 6.0, 22.0, 5.0, 15.0, 0.0, 25.0, 5.0)
    assert weights.component_weights("no such level") == weights.component_weights("unknown")


def test_weights_must_name_every_component():
    data = json.loads(WEIGHTS_PATH.read_text(encoding="utf-8"))
    del data["components"]["lexical"]

    with pytest.raises(ValueError, match="must name exactly the components"):
        ScoringWeights.from_dict(data)


# --- Features ------------------------------------------------------------------------------------------


def test_features_from_a_parsed_resume():
    features = features_of(EVIDENCED_RESUME)

    assert features == CandidateFeatures(
        skills={
            "Python": SkillStrength(
                months=36,
                sections=("experience",),
                evidence=("Built Python services on PostgreSQL and ran them on k8s.",),
                strength=1.0,
            ),
            "PostgreSQL": SkillStrength(
                months=36,
                sections=("experience",),
                evidence=("Built Python services on PostgreSQL and ran them on k8s.",),
                strength=1.0,
            ),
            "Kubernetes": SkillStrength(
                months=36,
                sections=("experience",),
                evidence=("Built Python services on PostgreSQL and ran them on k8s.",),
                strength=1.0,
            ),
            "FastAPI": SkillStrength(
                months=0,
                sections=("projects",),
                evidence=("A FastAPI service for parsing resumes.",),
                strength=0.8,
            ),
            "Docker": SkillStrength(months=0, sections=("skills",), evidence=("Docker, Terraform",), strength=0.35),
            "Terraform": SkillStrength(months=0, sections=("skills",), evidence=("Docker, Terraform",), strength=0.35),
        },
        total_years=3.0,
        education_levels=["bachelor"],
        location="Berlin, Germany",
        has_projects=True,
    )


def test_months_raise_strength_up_to_three_years_and_count_each_role_once():
    features = features_of(
        "Experience\n"
        "Engineer, Acme Inc, Jan 2023 – Dec 2023\n- Python APIs.\n- More Python.\n"
        "Engineer, Beta Inc, Jan 2020 – Jun 2020\n- Python and Go scripts.\n"
    )

    assert features.skills["Python"].months == 18
    assert features.skills["Python"].strength == 0.9  # 0.8 + 0.2 * 18 / 36
    assert features.skills["Python"].evidence == ("Python APIs.", "More Python.", "Python and Go scripts.")
    assert features.skills["Go"].months == 6
    assert features.skills["Go"].strength == 0.833


def test_a_long_keyword_line_counts_as_a_list_even_inside_a_role():
    features = features_of(f"Experience\nEngineer, Acme Inc, Jan 2020 – Dec 2023\n- {STUFFED_SKILLS}\n")

    assert len(features.skills) == 40
    assert {skill.strength for skill in features.skills.values()} == {0.35}
    assert {skill.months for skill in features.skills.values()} == {0}


def test_evidence_is_best_first_and_clipped():
    long_line = "Python " + "x" * 300
    features = features_of(
        f"Skills\nPython, SQL\n\nExperience\nEngineer, Acme Inc, Jan 2020 – Dec 2020\n- {long_line}\n"
    )

    evidence = features.skills["Python"].evidence
    assert features.skills["Python"].sections == ("experience", "skills")
    assert evidence[1] == "Python, SQL"
    assert len(evidence[0]) == 200
    assert evidence[0].endswith("…")


def test_from_profile_reads_the_stored_json_the_same_as_the_parsed_resume():
    parsed = parse_resume(EVIDENCED_RESUME, today=TODAY)
    profile = json.loads(json.dumps({**dataclasses.asdict(parsed), "summary": parsed.to_summary()}))

    assert CandidateFeatures.from_profile(profile) == CandidateFeatures.from_parsed(parsed)


def test_from_profile_accepts_an_empty_or_old_profile():
    assert CandidateFeatures.from_profile({}) == CandidateFeatures(
        skills={}, total_years=0.0, education_levels=[], location=None, has_projects=False
    )


def test_features_round_trip_through_json():
    features = features_of(EVIDENCED_RESUME)
    data = json.loads(json.dumps(dataclasses.asdict(features)))
    rebuilt = CandidateFeatures(
        skills={
            name: SkillStrength(
                months=item["months"],
                sections=tuple(item["sections"]),
                evidence=tuple(item["evidence"]),
                strength=item["strength"],
            )
            for name, item in data["skills"].items()
        },
        total_years=data["total_years"],
        education_levels=data["education_levels"],
        location=data["location"],
        has_projects=data["has_projects"],
    )

    assert rebuilt == features


def test_stated_years_stand_in_when_no_role_is_dated():
    assert features_of("Backend engineer with 7 years of experience in Python.").total_years == 7.0
    assert features_of(EVIDENCED_RESUME + "\nSummary\n20 years of experience.\n").total_years == 3.0


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


@pytest.mark.parametrize(
    ("written", "canonical"),
    [("k8s", "Kubernetes"), ("Postgres", "PostgreSQL"), ("python3", "Python"), ("Go", "Go"), ("Zig++", "Zig++")],
)
def test_canonical_skill(written, canonical):
    assert canonical_skill(written) == canonical


# --- Score ---------------------------------------------------------------------------------------------


def test_evidenced_candidate_exact_result():
    result = score_candidate(BACKEND_JOB, features_of(EVIDENCED_RESUME))

    assert result == MatchScore(
        score=85.2,
        breakdown={
            "required_skills": 38.0,  # (1 + 1 + 1 + 0.35 + 0.8) / 5 of 32 points out of 70
            "preferred_skills": 1.5,
            "experience": 17.1,
            "education": 7.2,
            "location": 21.4,
            "projects": 0.0,
            "semantic": 0.0,
            "lexical": 0.0,
        },
        matched=[
            {
                "skill": "Python",
                "required": True,
                "strength": 1.0,
                "evidence": ["Built Python services on PostgreSQL and ran them on k8s."],
            },
            {
                "skill": "PostgreSQL",
                "required": True,
                "strength": 1.0,
                "evidence": ["Built Python services on PostgreSQL and ran them on k8s."],
            },
            {
                "skill": "Kubernetes",
                "required": True,
                "strength": 1.0,
                "evidence": ["Built Python services on PostgreSQL and ran them on k8s."],
            },
            {"skill": "Docker", "required": True, "strength": 0.35, "evidence": ["Docker, Terraform"]},
            {
                "skill": "FastAPI",
                "required": True,
                "strength": 0.8,
                "evidence": ["A FastAPI service for parsing resumes."],
            },
            {"skill": "Terraform", "required": False, "strength": 0.35, "evidence": ["Docker, Terraform"]},
        ],
        gaps=[],
        suggestions=[
            "Show Docker in a project or role: it is listed only in your skills section.",
            "If you have used GraphQL (preferred by the job), show it in a role or project.",
        ],
        explanation=(
            "Has 5 of 5 required skills (Python, PostgreSQL, Kubernetes and FastAPI shown in roles or projects; "
            "Docker only in the skills section). Has 1 of 2 preferred skills (Terraform). Shows 3 years of "
            "experience against 3+ years asked. Meets the requirement of a bachelor's degree; based in Berlin, "
            "Germany, within commuting distance of the hybrid job in Berlin."
        ),
    )


def test_keyword_stuffing_scores_clearly_below_evidenced_skills():
    stuffed = score_candidate(BACKEND_JOB, features_of(STUFFED_RESUME))
    evidenced = score_candidate(BACKEND_JOB, features_of(EVIDENCED_RESUME))

    # The stuffed resume lists every skill of the job; the evidenced one shows four in a role or project.
    assert [item["skill"] for item in stuffed.matched] == [
        "Python",
        "PostgreSQL",
        "Kubernetes",
        "Docker",
        "FastAPI",
        "Terraform",
        "GraphQL",
    ]
    assert {item["strength"] for item in stuffed.matched} == {0.35}
    # Nothing in use corroborates the list, so its skills count 40% of their listed strength: 0.14 each.
    assert stuffed.breakdown["required_skills"] == 6.4
    assert evidenced.breakdown["required_skills"] == 38.0
    assert (stuffed.score, evidenced.score) == (53.3, 85.2)
    assert "listed skills count less as none of the job's skills is shown in use" in stuffed.explanation


def test_evidence_strength_weights_required_skill_coverage():
    requirements = job(required_skills=["Python", "Docker"])

    both_used = score_candidate(requirements, candidate({"Python": used(), "Docker": used()}))
    one_listed = score_candidate(requirements, candidate({"Python": used(), "Docker": listed()}))
    one_missing = score_candidate(requirements, candidate({"Python": used()}))

    # Required skills are the only component that applies: they scale to 100 points.
    assert both_used.breakdown["required_skills"] == 100.0
    assert one_listed.breakdown["required_skills"] == 67.5  # (1 + 0.35) / 2
    assert one_missing.breakdown["required_skills"] == 50.0
    assert one_missing.gaps == ["Docker"]


def test_synonyms_match_on_both_sides():
    features = features_of("Experience\nSRE, Acme Inc, Jan 2020 – Dec 2022\n- Ran k8s clusters and Postgres.\n")

    result = score_candidate(job(required_skills=["Kubernetes", "postgresql"]), features)
    written_as_alias = score_candidate(job(required_skills=["K8s", "PostgreSQL"]), features)

    assert [item["skill"] for item in result.matched] == ["Kubernetes", "PostgreSQL"]
    assert result.gaps == []
    assert written_as_alias == result


def test_a_parsed_posting_and_a_parsed_resume_meet_on_canonical_names():
    requirements = parse_job(title="Platform Engineer", description="Requirements:\n- Kubernetes\n- PostgreSQL")
    features = features_of("Experience\nSRE, Acme Inc, Jan 2020 – Dec 2022\n- Ran k8s clusters and Postgres.\n")

    result = score_candidate(requirements, features)

    assert requirements.required_skills == ["Kubernetes", "PostgreSQL"]
    assert [(item["skill"], item["strength"]) for item in result.matched] == [("Kubernetes", 1.0), ("PostgreSQL", 1.0)]


@pytest.mark.parametrize(
    ("min_years", "max_years", "years", "points"),
    [
        (5, None, 2.0, 10.9),  # 2 of 5 years: 40% of 27.3 points (12 of the 44 that apply)
        (5, None, 5.0, 27.3),
        (5, None, 12.0, 27.3),
        (None, 5, 8.0, 27.3),  # within the 3-year grace above the maximum
        (None, 5, 10.0, 24.6),  # 2 years past the grace: 10% less
        (3, 5, 30.0, 19.1),  # far above: down to the 70% floor
        (0, None, 0.0, 0.0),  # "0 years" asks for nothing, so the component does not apply
    ],
)
def test_experience_fit(min_years, max_years, years, points):
    requirements = job(required_skills=["Python"], min_years=min_years, max_years=max_years)

    result = score_candidate(requirements, candidate({"Python": used()}, total_years=years))

    assert result.breakdown["experience"] == points


def test_experience_shortfall_is_a_gap_with_a_suggestion():
    result = score_candidate(job(min_years=5), candidate(total_years=2.1))

    assert result.gaps == ["Needs 5+ years; resume shows 2.1"]
    assert result.suggestions == [
        "The job asks for 5+ years of experience and your resume shows 2.1: give every role a start and end "
        "month so all of it counts."
    ]


@pytest.mark.parametrize(
    ("levels", "points"),
    [
        (["phd"], 13.5),  # 5 of the 37 points that apply
        (["master", "diploma"], 13.5),
        (["bachelor"], 13.5),
        (["associate"], 8.8),  # one level short: 35% less
        (["diploma"], 4.0),  # two levels short: 70% less
        ([], 0.0),
    ],
)
def test_education_fit(levels, points):
    requirements = job(required_skills=["Python"], education_level="bachelor")

    result = score_candidate(requirements, candidate({"Python": used()}, education_levels=levels))

    assert result.breakdown["education"] == points


def test_education_shortfall_is_a_gap():
    result = score_candidate(job(education_level="master"), candidate(education_levels=["bachelor"]))

    assert result.gaps == ["Needs a master's degree; resume shows a bachelor's degree"]
    assert "Falls short of the requirement of a master's degree." in result.explanation


@pytest.mark.parametrize(
    ("policy", "job_location", "resume_location", "points"),
    [
        ("remote", None, "Lagos, Nigeria", 31.9),  # 15 of the 47 points that apply
        ("remote", "Berlin", None, 31.9),
        ("onsite", "Berlin", "Berlin, Germany", 31.9),
        ("onsite", "New York, NY", "NYC", 31.9),
        ("hybrid", "Austin, TX", "Dallas, Texas 75201", 6.4),  # same state, 300 km: too far to commute
        ("onsite", "Seattle, WA", "Austin, TX", 6.4),  # same country, far
        ("hybrid", "Philadelphia, PA", "Cherry Hill, NJ", 31.9),  # another state, a commute away
        ("onsite", "Chicago, IL", "Evanston, IL", 31.9),
        ("onsite", "London, UK", "Berlin, Germany", 0.0),
        ("onsite", "Berlin", "Munich", 6.4),
        ("onsite", "Berlin", None, 15.9),  # the resume gives no location
        ("onsite", "Berlin", "Remote", 15.9),
        ("unknown", "Toronto, ON", "Ottawa, Ontario", 6.4),
        ("onsite", "Springfield, IL", "Smallville, Illinois", 25.5),  # no coordinates: same state by name
        ("onsite", None, "Berlin", 0.0),  # nothing to compare: the component does not apply
    ],
)
def test_location_fit(policy, job_location, resume_location, points):
    requirements = job(required_skills=["Python"], remote_policy=policy, location=job_location)

    result = score_candidate(requirements, candidate({"Python": used()}, location=resume_location))

    assert result.breakdown["location"] == points


def test_a_different_city_for_an_onsite_job_is_a_gap():
    requirements = job(remote_policy="onsite", location="London, UK", min_years=1)

    result = score_candidate(requirements, candidate(location="Berlin, Germany"))

    assert result.gaps == ["Job in London, UK (onsite); resume shows Berlin, Germany"]
    assert result.explanation.endswith("Based in Berlin, Germany, away from the onsite job in London, UK.")


def test_missing_semantic_and_lexical_weight_is_shared_out_in_proportion():
    requirements = job(required_skills=["Python"])
    features = candidate({"Python": used()})

    without = score_candidate(requirements, features)
    with_both = score_candidate(requirements, features, semantic_similarity=1.0, lexical_score=1.0)
    with_semantic = score_candidate(requirements, features, semantic_similarity=0.5)

    assert without.breakdown == dict.fromkeys(COMPONENTS, 0.0) | {"required_skills": 100.0}
    assert without.score == 100.0
    # Required skills 32, semantic 25 and lexical 5 points out of 62.
    assert with_both.breakdown == dict.fromkeys(COMPONENTS, 0.0) | {
        "required_skills": 51.6,
        "semantic": 40.3,
        "lexical": 8.1,
    }
    assert with_both.score == 100.0
    # 32 and 25 out of 57: 56.14 and half of 43.86 (56.14 + 21.93 rounds to 78.1; the larger remainder takes it).
    assert with_semantic.breakdown == dict.fromkeys(COMPONENTS, 0.0) | {"required_skills": 56.2, "semantic": 21.9}
    assert with_semantic.score == 78.1


@pytest.mark.parametrize(
    ("cosine", "signal"),
    [(-0.2, 0.0), (0.2, 0.0), (0.45, 0.5), (0.7, 1.0), (0.95, 1.0), (None, None), (float("nan"), None)],
)
def test_semantic_calibration_is_absolute_between_low_and_high(cosine, signal):
    assert calibrate_semantic(cosine) == signal


@pytest.mark.parametrize(("rank", "signal"), [(0.0, 0.0), (1.0, 0.5), (3.0, 0.75), (-1.0, 0.0), (None, None)])
def test_lexical_calibration_saturates_at_half_at_k(rank, signal):
    assert calibrate_lexical(rank) == signal


@pytest.mark.parametrize("signal", [-0.3, 1.7, float("nan")])
def test_signals_are_clamped_and_nan_is_ignored(signal):
    requirements = job(required_skills=["Python"])
    features = candidate({"Python": used()})

    result = score_candidate(requirements, features, semantic_similarity=signal)

    expected = {-0.3: 0.0, 1.7: 1.0}.get(signal)
    if expected is None:
        assert result == score_candidate(requirements, features)
    else:
        assert result == score_candidate(requirements, features, semantic_similarity=expected)


def test_entry_level_weighs_projects_and_education_more_and_senior_weighs_experience_more():
    graduate = candidate({"Python": used()}, total_years=1.0, education_levels=["bachelor"], has_projects=True)
    requirements = {
        level: job(required_skills=["Python"], min_years=3, education_level="bachelor", seniority=level)
        for level in ("entry", "mid", "senior", "lead")
    }

    results = {level: score_candidate(requirement, graduate) for level, requirement in requirements.items()}

    assert {level: result.breakdown for level, result in results.items()} == {
        "entry": dict.fromkeys(COMPONENTS, 0.0)
        | {"required_skills": 57.1, "experience": 4.2, "education": 16.1, "projects": 14.3},
        "mid": dict.fromkeys(COMPONENTS, 0.0) | {"required_skills": 65.3, "experience": 8.2, "education": 10.2},
        "senior": dict.fromkeys(COMPONENTS, 0.0) | {"required_skills": 56.1, "experience": 11.7, "education": 8.8},
        "lead": dict.fromkeys(COMPONENTS, 0.0) | {"required_skills": 54.2, "experience": 12.4, "education": 8.5},
    }
    assert [results[level].score for level in ("entry", "mid", "senior", "lead")] == [91.7, 83.7, 76.6, 75.1]


def test_recruiter_skill_weights():
    requirements = job(required_skills=["Python", "Docker"])
    features = candidate({"Python": used(), "Docker": listed()})

    default = score_candidate(requirements, features)
    docker_matters = score_candidate(requirements, features, skill_weights={"Docker": 3.0})
    python_matters = score_candidate(requirements, features, skill_weights={"python3": 3.0, "docker": 1.0})
    docker_ignored = score_candidate(requirements, features, skill_weights={"Docker": 0.0})

    assert default.breakdown["required_skills"] == 67.5  # (1 + 0.35) / 2
    assert docker_matters.breakdown["required_skills"] == 51.2  # (1 + 3 * 0.35) / 4
    assert python_matters.breakdown["required_skills"] == 83.8  # (3 + 0.35) / 4
    assert docker_ignored.breakdown["required_skills"] == 100.0


def test_suggestions_put_the_skills_a_recruiter_weighs_most_first():
    requirements = job(required_skills=["Java", "Go", "Rust"])

    result = score_candidate(requirements, candidate(), skill_weights={"Rust": 2.0, "Java": 0.5})

    assert result.gaps == ["Java", "Go", "Rust"]
    assert [suggestion.split(",")[0] for suggestion in result.suggestions] == [
        "The job requires Rust",
        "The job requires Go",
        "The job requires Java",
    ]


def test_explanation_names_matched_and_missing_required_skills():
    requirements = job(required_skills=["Python", "Kubernetes", "Java"], min_years=5)
    features = candidate({"Python": used(), "Kubernetes": listed()}, total_years=2.1)

    result = score_candidate(requirements, features)

    assert result.explanation == (
        "Has 2 of 3 required skills (Python shown in roles or projects; Kubernetes only in the skills section); "
        "missing Java. Shows 2.1 years of experience against 5+ years asked."
    )
    assert result.gaps == ["Java", "Needs 5+ years; resume shows 2.1"]
    assert result.suggestions[:2] == [
        "The job requires Java, which your resume does not mention: add a role or project where you used it, "
        "if you have.",
        "Show Kubernetes in a project or role: it is listed only in your skills section.",
    ]


def test_explanation_and_suggestions_say_where_weak_evidence_stands():
    requirements = job(required_skills=["Python", "SQL", "Go", "Rust"], min_years=1)
    features = candidate(
        {
            "Python": SkillStrength(months=0, sections=("summary",), evidence=("Python fan.",), strength=0.5),
            "SQL": SkillStrength(months=0, sections=("summary", "skills"), evidence=("SQL.",), strength=0.5),
            "Go": SkillStrength(months=0, sections=("experience",), evidence=(STUFFED_SKILLS,), strength=0.35),
        },
        total_years=1.0,
    )

    result = score_candidate(requirements, features)

    assert result.explanation == (
        "Has 3 of 4 required skills (Python and SQL only in the summary; Go only in a long keyword list); "
        "missing Rust; listed skills count less as none of the job's skills is shown in use. Shows 1 year of "
        "experience against 1+ years asked."
    )
    assert result.suggestions == [
        "The job requires Rust, which your resume does not mention: add a role or project where you used it, "
        "if you have.",
        "Show Python in a project or role: it is listed only in your summary.",
        "Show SQL in a project or role: it is listed only in your summary.",
        "Show Go in a project or role: it is listed only in a long keyword list.",
    ]


def test_equivalent_experience_softens_an_education_shortfall():
    posting = "Requirements:\n- Python\n- Bachelor's degree in computer science or equivalent experience"
    requirements = parse_job(title="Engineer", description=posting)
    accepted = equivalent_experience_accepted(posting)
    features = candidate({"Python": used()}, education_levels=["associate"])

    strict = score_candidate(requirements, features)
    softened = score_candidate(requirements, features, equivalent_experience=accepted)

    assert (requirements.education_level, accepted) == ("bachelor", True)
    assert strict.breakdown["education"] == 8.8  # one level short: 35% of 13.5 points less
    assert softened.breakdown["education"] == 11.1  # half of that shortfall
    assert softened.gaps == ["Needs a bachelor's degree or equivalent experience; resume shows an associate degree"]


def test_a_job_with_nothing_to_measure_scores_zero():
    result = score_candidate(job(), candidate({"Python": used()}))

    assert result.score == 0.0
    assert result.breakdown == dict.fromkeys(COMPONENTS, 0.0)
    assert result.explanation == (
        "The job names no required skill from the taxonomy. Shows 6 years of experience; the job states no years."
    )


def test_identical_inputs_give_identical_outputs_whatever_the_order_of_dicts():
    skills = {"Python": used(), "Docker": listed(), "Kubernetes": used(0.9, 18)}
    forward = candidate(skills)
    backward = candidate(dict(reversed(skills.items())))
    requirements = job(required_skills=["Python", "Docker", "Kubernetes"], min_years=4, location="Berlin")
    weights_forward = {"Python": 2.0, "Docker": 0.5, "Kubernetes": 1.5}
    weights_backward = dict(reversed(weights_forward.items()))

    results = [
        score_candidate(requirements, forward, semantic_similarity=0.61, skill_weights=weights_forward),
        score_candidate(requirements, backward, semantic_similarity=0.61, skill_weights=weights_backward),
        score_candidate(requirements, forward, semantic_similarity=0.61, skill_weights=weights_forward),
    ]

    assert results[0] == results[1] == results[2]
    assert json.dumps(dataclasses.asdict(results[0])) == json.dumps(dataclasses.asdict(results[2]))


SKILL_POOL = [
    "Python",
    "Java",
    "Docker",
    "Kubernetes",
    "PostgreSQL",
    "AWS",
    "React",
    "Terraform",
    "Go",
    "SQL",
    "Excel",
    "Nursing",
]


def random_case(rng: random.Random):
    required = rng.sample(SKILL_POOL, rng.randint(0, 6))
    preferred = rng.sample(SKILL_POOL, rng.randint(0, 3))
    min_years = rng.choice([None, 0, 1, 2.5, 3, 5, 8])
    requirements = job(
        required_skills=required,
        preferred_skills=preferred,
        min_years=min_years,
        max_years=rng.choice([None, (min_years or 0) + rng.randint(1, 5)]),
        education_level=rng.choice([None, "diploma", "associate", "bachelor", "master", "phd"]),
        location=rng.choice([None, "Berlin", "Austin, TX", "London, UK"]),
        remote_policy=rng.choice(["remote", "hybrid", "onsite", "unknown"]),
        seniority=rng.choice(["entry", "mid", "senior", "lead", "unknown"]),
    )
    skills = {
        name: SkillStrength(
            months=rng.randint(0, 120),
            sections=("experience",),
            evidence=(f"{name} line",),
            strength=round(rng.uniform(0.3, 1.0), 3),
        )
        for name in rng.sample(SKILL_POOL, rng.randint(0, len(SKILL_POOL)))
    }
    features = candidate(
        skills,
        total_years=round(rng.uniform(0, 30), 1),
        education_levels=rng.sample(["diploma", "bachelor", "master", "phd"], rng.randint(0, 2)),
        location=rng.choice([None, "Berlin, Germany", "Dallas, TX", "Paris", "Remote"]),
        has_projects=rng.random() < 0.5,
    )
    options = {
        "semantic_similarity": rng.choice([None, rng.random()]),
        "lexical_score": rng.choice([None, rng.random()]),
        "skill_weights": rng.choice([None, {name: rng.choice([0.0, 0.5, 1.0, 2.0, 3.0]) for name in required}]),
        "equivalent_experience": rng.random() < 0.3,
    }
    return requirements, features, options


@pytest.mark.parametrize("seed", range(20))
def test_breakdown_adds_up_exactly_to_the_score(seed):
    rng = random.Random(seed)
    for _ in range(100):
        requirements, features, options = random_case(rng)

        result = score_candidate(requirements, features, **options)

        assert tuple(result.breakdown) == COMPONENTS
        assert tenths(result.breakdown) == round(result.score * 10)
        assert round(sum(result.breakdown.values()), 1) == result.score
        assert 0.0 <= result.score <= 100.0
        assert all(points == round(points, 1) and points >= 0 for points in result.breakdown.values())
        assert 2 <= result.explanation.count(". ") + 1 <= 4
        assert result == score_candidate(requirements, features, **options)
