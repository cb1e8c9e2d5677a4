"""The words of a score: unmet requirements, suggestions for the candidate, and the explanation a recruiter reads."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from recruitment_core.evidence import EXPERIENCE_SECTION, OTHER_SECTION, PROJECTS_SECTION, SKILLS_SECTION, SkillStrength
from recruitment_core.scoring_weights import COVERAGE, LEXICAL, ROLE_FAMILY, SEMANTIC, ScoringWeights


@dataclass(frozen=True)
class WeakSkill:
    """A job's skill the resume names without showing it in use for this job, and where it stands."""

    skill: str
    strength: float
    place: tuple[str, str]  # (for the recruiter, for the candidate)


if TYPE_CHECKING:
    from recruitment_core.evidence import CandidateFeatures
    from recruitment_core.job_parser import JobRequirements

# Where a skill stands when the resume does not show it in use: (for the recruiter, for the candidate).
WEAK_EVIDENCE_PLACES = {
    "skills": ("the skills section", "your skills section"),
    "summary": ("the summary", "your summary"),
    "education": ("the education section", "your education section"),
    "certifications": ("the certifications", "your certifications"),
}
KEYWORD_LIST_PLACE = ("a long keyword list", "a long keyword list")
PARTS_BESIDE_REQUIREMENTS = (SEMANTIC, ROLE_FAMILY, LEXICAL, COVERAGE)
OFF_FAMILY_PLACE = ("roles outside the job's field", "roles outside this job's field")
OTHER_PLACE = ("other sections", "sections other than roles and projects")
DEGREE_PHRASES = {
    "diploma": "a high-school diploma",
    "associate": "an associate degree",
    "bachelor": "a bachelor's degree",
    "master": "a master's degree",
    "phd": "a doctorate",
}


def _years(value: float) -> str:
    return f"{round(value, 1):g}"


def _years_asked(min_years: float | None, max_years: float | None) -> str:
    if min_years and max_years:
        return f"{_years(min_years)}-{_years(max_years)} years"
    if min_years:
        return f"{_years(min_years)}+ years"
    return f"at most {_years(max_years or 0)} years"


def _degree(level: str) -> str:
    return DEGREE_PHRASES.get(level, f"a {level} degree")


def _highest_degree(levels: list[str], w: ScoringWeights) -> str | None:
    known = [level for level in levels if level in w.degree_levels]
    return max(known, key=w.degree_levels.index) if known else None


def unmet(
    requirements: JobRequirements,
    features: CandidateFeatures,
    experience: float | None,
    education: float | None,
    equivalent: bool,
    place_reason: str | None,
    w: ScoringWeights,
) -> list[str]:
    """Requirements the resume falls short of, besides missing skills, as "Needs ...; resume shows ..."."""
    unmet = []
    if experience is not None and experience < 1.0:
        unmet.append(
            f"Needs {_years_asked(requirements.min_years, requirements.max_years)}; "
            f"resume shows {_years(features.total_years)}"
        )
    if education is not None and education < 1.0 and requirements.education_level:
        highest = _highest_degree(features.education_levels, w)
        unmet.append(
            f"Needs {_degree(requirements.education_level)}"
            + (" or equivalent experience" if equivalent else "")
            + f"; resume shows {_degree(highest) if highest else 'none'}"
        )
    if place_reason in ("different", "far"):
        policy = "" if requirements.remote_policy == "unknown" else f" ({requirements.remote_policy})"
        unmet.append(f"Job in {requirements.location}{policy}; resume shows {features.location}")
    return unmet


def suggestions(
    requirements: JobRequirements,
    features: CandidateFeatures,
    missing: list[str],
    listed_only: list[WeakSkill],
    missing_preferred: list[str],
    education: float | None,
    w: ScoringWeights,
) -> list[str]:
    suggestions = [
        f"The job requires {skill}, which your resume does not mention: add a role or project where you used it, "
        "if you have."
        for skill in missing
    ]
    for weak in listed_only:
        if weak.place == OFF_FAMILY_PLACE:
            suggestions.append(
                f"Show {weak.skill} in a role or project like this job: it appears only in {weak.place[1]}."
            )
        else:
            suggestions.append(f"Show {weak.skill} in a project or role: it is listed only in {weak.place[1]}.")
    min_years = requirements.min_years
    if min_years and features.total_years < min_years:
        suggestions.append(
            f"The job asks for {_years_asked(min_years, requirements.max_years)} of experience and your resume "
            f"shows {_years(features.total_years)}: give every role a start and end month so all of it counts."
        )
    if education is not None and education < 1.0 and requirements.education_level:
        suggestions.append(
            f"The job asks for {_degree(requirements.education_level)}: list yours under Education with its level "
            "and field, if you have one."
        )
    if missing_preferred:
        suggestions.append(
            f"If you have used {join(missing_preferred, 'or')} (preferred by the job), show it in a role or project."
        )
    return suggestions[: w.max_suggestions]


def weak_place(found: SkillStrength) -> tuple[str, str]:
    """Where a skill stands when the resume does not show it in use: (for the recruiter, for the candidate)."""
    section = found.sections[0] if found.sections else OTHER_SECTION
    if section in (EXPERIENCE_SECTION, PROJECTS_SECTION):
        return KEYWORD_LIST_PLACE  # in a role or project, yet weak: a keyword line
    return WEAK_EVIDENCE_PLACES.get(section, OTHER_PLACE)


def join(items: list[str], word: str = "and") -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" {word} " + items[-1]


def explanation(
    requirements: JobRequirements,
    features: CandidateFeatures,
    required: tuple[str, ...],
    matched: list[dict[str, Any]],
    missing: list[str],
    listed_only: list[WeakSkill],
    preferred: tuple[str, ...],
    experience: float | None,
    education: float | None,
    equivalent: bool,
    place_reason: str | None,
    w: ScoringWeights,
    corroborated: bool,
) -> str:
    """2-4 sentences: required skills, then preferred skills and experience, then education and location."""
    sentences = []
    if required:
        weak = {item.skill for item in listed_only}
        listed_strength = w.section_strength[SKILLS_SECTION]
        discounted = not corroborated and any(item.strength <= listed_strength for item in listed_only)
        shown = [item["skill"] for item in matched if item["required"] and item["skill"] not in weak]
        details = [f"{join(shown)} shown in roles or projects"] if shown else []
        by_place: dict[str, list[str]] = {}
        for item in listed_only:
            by_place.setdefault(item.place[0], []).append(item.skill)
        details += [f"{join(skills)} only in {place}" for place, skills in by_place.items()]
        sentences.append(
            f"Has {len(required) - len(missing)} of {len(required)} required skill{'' if len(required) == 1 else 's'}"
            + (f" ({'; '.join(details)})" if details else "")
            + (f"; missing {join(missing)}" if missing else "")
            + ("; listed skills count less as none of the job's skills is shown in use." if discounted else ".")
        )
    else:
        sentences.append("The job names no required skill from the taxonomy.")
    if preferred:
        have = [item["skill"] for item in matched if not item["required"]]
        sentences.append(
            f"Has {len(have)} of {len(preferred)} preferred skill{'' if len(preferred) == 1 else 's'}"
            + (f" ({join(have)})." if have else ".")
        )
    years = features.total_years
    shows = f"{_years(years)} year{'' if years == 1 else 's'} of experience" if years else "no dated experience"
    if experience is not None:
        sentences.append(f"Shows {shows} against {_years_asked(requirements.min_years, requirements.max_years)} asked.")
    elif not preferred:
        sentences.append(f"Shows {shows}; the job states no years.")
    fit = []
    if education is not None and requirements.education_level:
        verb = "meets" if education >= 1.0 else "falls short of"
        alternative = " or equivalent experience" if equivalent else ""
        fit.append(f"{verb} the requirement of {_degree(requirements.education_level)}{alternative}")
    if place_reason is not None:
        fit.append(_place_phrase(place_reason, requirements, features.location))
    if fit:
        sentences.append(fit[0][0].upper() + fit[0][1:] + "".join(f"; {part}" for part in fit[1:]) + ".")
    return " ".join(sentences)


def _place_phrase(reason: str, requirements: JobRequirements, location: str | None) -> str:
    job = f"the {requirements.remote_policy} job in {requirements.location}"
    if requirements.remote_policy == "unknown":
        job = f"the job in {requirements.location}"
    if reason == "remote":
        return "the job is remote"
    if not location:
        return f"the resume gives no location for {job}"
    return {
        "same_city": f"based in {location}, within commuting distance of {job}",
        "same_region": f"based in {location}, the state or province of {job}",
        "same_country": f"based in {location}, the country of {job}",
        "different": f"based in {location}, away from {job}",
        "far": f"based in {location}, too far to commute to {job}",
        "relocating": f"based in {location} and moving, or offered relocation, for {job}",
    }.get(reason, f"based in {location}, not comparable with {job}")


def parts_sentence(score: float, breakdown: dict[str, float], fit: float) -> str:
    """ "Score 71.2 = requirements fit 20.1 (of its own 100: 80.4) + semantic similarity 44.0 + ...": the parts."""
    requirement_points = sum(value for name, value in breakdown.items() if name not in PARTS_BESIDE_REQUIREMENTS)
    parts = [f"requirements fit {requirement_points:.1f} (of its own 100: {fit:.1f})"]
    parts += [
        f"{label} {breakdown[name]:.1f}"
        for name, label in (
            (SEMANTIC, "semantic similarity"),
            (ROLE_FAMILY, "experience in the job's field"),
            (LEXICAL, "full-text match"),
            (COVERAGE, "duties described in the resume"),
        )
        if breakdown.get(name)
    ]
    return f"Score {score:.1f} = " + " + ".join(parts) + "."
