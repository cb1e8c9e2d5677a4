"""Where candidates live against an onsite or hybrid job: commuting distance, moving, relocation offered."""

import pytest

from recruitment_core.fits import location_fit
from recruitment_core.geography import coordinates, distance_km
from recruitment_core.job_parser import JobRequirements, parse_job
from recruitment_core.ranking import CandidateFeatures, RoleSummary, SkillStrength, rank_candidate
from recruitment_core.relocation import ANYWHERE, offers_relocation, resume_relocation
from recruitment_core.resume_parser import parse_resume
from recruitment_core.scoring_weights import load_weights


def job(**overrides) -> JobRequirements:
    fields = {
        "title": "Litigation Paralegal",
        "required_skills": ["Legal research"],
        "preferred_skills": [],
        "min_years": 2,
        "max_years": None,
        "education_level": None,
        "education_field": None,
        "location": "Philadelphia, PA",
        "remote_policy": "hybrid",
        "employment_type": "full_time",
        "seniority": "mid",
        "role_family": "legal",
        "responsibilities": [],
    }
    return JobRequirements(**{**fields, **overrides})


def candidate(location: str | None, relocation: str | None = None) -> CandidateFeatures:
    strength = SkillStrength(36, ("experience",), ("Legal research for trials.",), 1.0, roles=(("Paralegal", 1.0),))
    return CandidateFeatures(
        skills={"Legal research": strength},
        total_years=5.0,
        education_levels=[],
        location=location,
        has_projects=False,
        roles=(RoleSummary("Paralegal", 60, 0.0),),
        relocation=relocation,
    )


def test_distances_between_known_cities():
    philadelphia = coordinates("Philadelphia", "pennsylvania", "US")
    pittsburgh = coordinates("Pittsburgh", "pennsylvania", "US")
    cherry_hill = coordinates("Cherry Hill", "new jersey", "US")
    assert philadelphia and pittsburgh and cherry_hill
    assert 400 < distance_km(philadelphia, pittsburgh) < 450
    assert distance_km(philadelphia, cherry_hill) < 20
    assert coordinates("Nowhereville", "pennsylvania", "US") is None  # unknown places are never guessed
    # The state picks the city among those of one name; a country alone picks the most populous.
    assert coordinates("Portland", "oregon", "US") != coordinates("Portland", "maine", "US")
    assert coordinates("Perth", None, "AU") != coordinates("Perth", None, "GB")


@pytest.mark.parametrize(
    ("location", "relocation", "reason"),
    [
        ("Cherry Hill, NJ", None, "same_city"),  # across a state line, a commute away
        ("Pittsburgh, PA", None, "far"),  # same state, 410 km
        ("Pittsburgh, PA", "Philadelphia, PA", "relocating"),
        ("Pittsburgh, PA", ANYWHERE, "relocating"),
        ("Pittsburgh, PA", "Denver, CO", "far"),  # moving, but elsewhere
        ("Berlin, Germany", None, "different"),
        (None, None, "unknown"),
    ],
)
def test_location_reasons(location, relocation, reason):
    assert location_fit(job(), location, load_weights(), relocation)[1] == reason


def test_a_posting_that_offers_relocation_takes_far_candidates_in_its_country():
    offered = job(relocation_offered=True)
    assert location_fit(offered, "Pittsburgh, PA", load_weights())[1] == "relocating"
    assert location_fit(offered, "Berlin, Germany", load_weights())[1] == "different"


def test_a_candidate_too_far_to_commute_ranks_below_the_same_resume_nearby():
    weights = load_weights()
    near = rank_candidate(job(), candidate("Cherry Hill, NJ"), semantic_similarity=0.6)
    far = rank_candidate(job(), candidate("Pittsburgh, PA"), semantic_similarity=0.6)
    moving = rank_candidate(job(), candidate("Pittsburgh, PA", "Philadelphia"), semantic_similarity=0.6)

    assert far.score < moving.score < near.score
    assert far.score <= near.score * weights.fusion.location_miss_factor + 0.1
    assert "too far from Philadelphia, PA" in far.explanation
    assert "too far" not in moving.explanation
    # A remote job does not care where anyone lives.
    remote = job(remote_policy="remote")
    assert rank_candidate(remote, candidate("Pittsburgh, PA"), semantic_similarity=0.6).score == pytest.approx(
        rank_candidate(remote, candidate("Cherry Hill, NJ"), semantic_similarity=0.6).score
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Relocating to Chicago, IL in June 2025.", "Chicago, IL"),
        ("Moving to Denver in August; Colorado license active.", "Denver"),
        ("Open to relocation.", ANYWHERE),
        ("Willing to relocate for the right role", ANYWHERE),
        ("Not willing to relocate.", None),
        ("Helped 40 families relocate to Texas each year.", None),  # a duty, not the candidate's move
        ("Paralegal with five years of litigation support.", None),
    ],
)
def test_what_a_resume_says_about_moving(text, expected):
    assert resume_relocation(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We offer relocation assistance within the US.", True),
        ("Relocation package available for the right candidate.", True),
        ("Relocation assistance is not available for this role.", False),
        ("No relocation; candidates must live within commuting distance.", False),
        ("Help employees relocate between offices.", False),
    ],
)
def test_what_a_posting_says_about_relocation(text, expected):
    assert offers_relocation(text) is expected


def test_parsers_carry_relocation_through():
    posting = parse_job(title="Backend Engineer", description="Hybrid in Seattle. Relocation assistance available.")
    assert posting.relocation_offered is True
    resume = parse_resume("Ana Ruiz\nPhoenix, AZ\nSummary\nICU nurse relocating to Chicago, IL in June.\n")
    features = CandidateFeatures.from_parsed(resume)
    assert features.relocation == "Chicago, IL"
    assert CandidateFeatures.from_json(features.to_json()).relocation == "Chicago, IL"


def test_a_title_with_a_credential_is_not_a_place():
    parsed = parse_resume("Douglas Wieren\nPrincipal Mechanical Engineer, PE\nGrand Rapids, MI | 313-555-0132\n")
    assert parsed.location == "Grand Rapids, MI"
