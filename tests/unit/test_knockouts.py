"""Hard requirements a resume visibly misses keep it below the candidates who meet them."""

from recruitment_core.job_parser import JobRequirements
from recruitment_core.knockouts import knockouts
from recruitment_core.ranking import CandidateFeatures, RoleSummary, SkillStrength, rank_candidate
from recruitment_core.scoring_weights import load_weights


def job(**overrides) -> JobRequirements:
    fields = {
        "title": "Mechanical Design Engineer",
        "required_skills": ["SolidWorks", "GD&T"],
        "preferred_skills": [],
        "min_years": 4,
        "max_years": None,
        "education_level": "bachelor",
        "education_field": None,
        "location": None,
        "remote_policy": "remote",
        "employment_type": "full_time",
        "seniority": "mid",
        "role_family": "engineering",
        "responsibilities": [],
    }
    return JobRequirements(**{**fields, **overrides})


def candidate(**overrides) -> CandidateFeatures:
    used = SkillStrength(48, ("experience",), ("Designed frames in SolidWorks.",), 1.0, roles=(("Designer", 1.0),))
    fields = {
        "skills": {"SolidWorks": used, "GD&T": used},
        "total_years": 6.0,
        "education_levels": ["bachelor"],
        "location": None,
        "has_projects": False,
        "roles": (RoleSummary("Mechanical Designer", 72, 0.0),),
    }
    return CandidateFeatures(**{**fields, **overrides})


def score(requirements: JobRequirements, features: CandidateFeatures, **kwargs) -> float:
    return rank_candidate(requirements, features, semantic_similarity=0.6, **kwargs).score


def test_a_lower_degree_than_required_is_a_knockout_unless_experience_may_replace_it():
    weights = load_weights()
    technician = candidate(education_levels=["associate"])

    assert [k.factor for k in knockouts(job(), technician, weights, False)] == [weights.fusion.degree_short_factor]
    assert score(job(), technician) < score(job(), candidate())
    assert knockouts(job(), technician, weights, True) == []  # "or equivalent experience"
    # A resume without any education may have been read short: it is not knocked out for it.
    assert knockouts(job(), candidate(education_levels=[]), weights, False) == []
    explanation = rank_candidate(job(), technician, semantic_similarity=0.6, explain=True).explanation
    assert "The posting requires a bachelor's degree" in explanation


def test_under_half_the_minimum_years_is_a_knockout():
    weights = load_weights()
    new_graduate = candidate(total_years=1.5)

    assert [k.factor for k in knockouts(job(), new_graduate, weights, False)] == [weights.fusion.years_short_factor]
    assert knockouts(job(), candidate(total_years=2.5), weights, False) == []  # short, but not by half
    assert score(job(), new_graduate) < score(job(), candidate(total_years=2.5))


def test_knockouts_multiply():
    weights = load_weights()
    both = candidate(education_levels=["associate"], total_years=1.0)
    factors = [k.factor for k in knockouts(job(), both, weights, False)]

    assert factors == [weights.fusion.degree_short_factor, weights.fusion.years_short_factor]
    assert score(job(), both) < min(
        score(job(), candidate(total_years=1.0)), score(job(), candidate(education_levels=["associate"]))
    )


def test_one_listed_credential_is_not_a_keyword_list():
    """The whole resume's similarity counts unless the resume lists several of the job's skills without
    showing any of them in use."""
    listed = SkillStrength(None, ("certifications",), ("ServSafe Manager",), 0.6)
    one = candidate(skills={"SolidWorks": listed}, roles=(RoleSummary("Restaurant Manager", 72, 0.0),))
    document_high = rank_candidate(job(), one, semantic_similarity=0.9, experience_similarity=0.3)
    document_low = rank_candidate(job(), one, semantic_similarity=0.3, experience_similarity=0.3)
    assert document_high.score > document_low.score

    many = candidate(
        skills=dict.fromkeys(("SolidWorks", "GD&T", "AutoCAD"), listed),
        roles=(RoleSummary("Restaurant Manager", 72, 0.0),),
    )
    wide = job(required_skills=["SolidWorks", "GD&T", "AutoCAD"])
    stuffed_high = rank_candidate(wide, many, semantic_similarity=0.9, experience_similarity=0.3)
    stuffed_low = rank_candidate(wide, many, semantic_similarity=0.3, experience_similarity=0.3)
    assert stuffed_high.score == stuffed_low.score  # the roles' similarity alone
