"""Job posting in, structured requirements out: the skills a job requires and those it would like, the years
of experience and the degree it asks for, where and how the work is done, seniority, role family and the
responsibilities. Pure Python, shared by the Django backend and the AI service.

How strongly a posting asks for a skill, a number of years or a degree is read at two levels:

- Sections. Under "Requirements" or "What you bring" it is required, under "Nice to have" or "Preferred
  qualifications" preferred; in the company blurb ("About us", or a sentence such as "We use Python at
  scale") preferred at most; in benefits and legal text not at all. A list of the tools in use ("Our
  stack") is preferred, or required when nothing else names a required skill. The headings are data, in
  `data/job_sections.json`.
- Cues in the sentence, which override the section: "Kafka is a plus", "ideally Go", "bonus points for
  Rust", "AWS preferred", "Python required", "Java is not required". A cue claims what its clause names
  before it ("X is a plus") or, when nothing stands there, what follows it ("Preferred: X"); where two
  cues claim a mention, the nearer wins. Cues are data, in `data/job_vocabulary.json`.

Skills any one of which meets a requirement ("Java or Python", "one of A, B or C") are also given as
groups in `skill_alternatives`. A negated mention ("no Java needed") adds nothing. Explicit values given
with the job (location, remote, employment type) win over what the text says. What the posting does not
say is None, "unknown" or empty. The reading is split over the `job_*` modules next to this one.
"""

from dataclasses import asdict, dataclass, field
from typing import Any

from recruitment_core.job_arrangement import read_employment_type, read_location, read_remote_policy
from recruitment_core.job_reading import Reading
from recruitment_core.job_requirements import (
    education_asked,
    equivalent_experience_accepted,
    find_degrees,
    find_years,
    years_asked,
)
from recruitment_core.job_role import read_role_family, read_seniority, title_seniority
from recruitment_core.job_sections import clean_description, find_blocks, find_responsibilities
from recruitment_core.job_skills import asked_skills, standalone_mentions
from recruitment_core.job_vocabulary import EDUCATION_KINDS, EXPERIENCE_KINDS, REQUIRED
from recruitment_core.relocation import offers_relocation
from recruitment_core.skills import find_skill_mentions

__all__ = ["JobRequirements", "clean_description", "equivalent_experience_accepted", "parse_job", "title_seniority"]


@dataclass(frozen=True)
class JobRequirements:
    """What a job posting asks for, read from its title and description.

    `education_level` is the lowest degree the posting requires ("or equivalent experience" keeps that level;
    `equivalent_experience_accepted` tells whether the posting offers it). Degrees and years asked for only
    as a preference do not set the minimum.
    """

    title: str
    required_skills: list[str]  # canonical taxonomy names, in order of appearance
    preferred_skills: list[str]  # never also in required_skills
    min_years: float | None
    max_years: float | None
    education_level: str | None  # "diploma" | "associate" | "bachelor" | "master" | "phd" | None
    education_field: str | None
    location: str | None
    remote_policy: str  # "remote" | "hybrid" | "onsite" | "unknown"
    employment_type: str  # "full_time" | "part_time" | "contract" | "internship" | "temporary" | "unknown"
    seniority: str  # "entry" | "mid" | "senior" | "lead" | "unknown"
    role_family: str | None
    responsibilities: list[str]
    # Groups of skills any one of which meets one requirement; each name is also in required or preferred.
    skill_alternatives: list[list[str]] = field(default_factory=list)
    relocation_offered: bool = False  # the posting offers to relocate the person it hires

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def parse_job(
    *, title: str, description: str, location: str = "", remote: bool | str | None = None, employment_type: str = ""
) -> JobRequirements:
    """Read a job posting: its title and description, and the values given with it, which win over the text."""
    title = " ".join(title.split())
    text = clean_description(description)

    blocks = find_blocks(text)
    skills = standalone_mentions(text, find_skill_mentions(text))
    years = find_years(text, [(block.start, block.end) for block in blocks if block.kind in EXPERIENCE_KINDS])
    degrees = find_degrees(text, [(block.start, block.end) for block in blocks if block.kind in EDUCATION_KINDS])
    anchors = [mention.start for mention in skills] + [mention.start for mention in years + degrees]
    reading = Reading(text, blocks, skills, anchors)
    asked = asked_skills(text, title, skills, reading)

    required_years = [mention for mention in years if reading.strength(mention.start, mention.start + 1) == REQUIRED]
    min_years, max_years = years_asked(required_years)

    education_level, education_field = education_asked(text, degrees, reading)

    labelled: dict[str, str] = {}  # heading or label -> what stands under it, first occurrence
    for block in blocks:
        if block.label:
            labelled.setdefault(block.label, text[block.start : block.end].strip())
    return JobRequirements(
        title=title,
        required_skills=asked.required,
        preferred_skills=asked.preferred,
        min_years=min_years,
        max_years=max_years,
        education_level=education_level,
        education_field=education_field,
        location=read_location(location, title, text, blocks, labelled),
        remote_policy=read_remote_policy(remote, location, title, text, blocks, labelled),
        employment_type=read_employment_type(employment_type, title, text, blocks, labelled),
        seniority=read_seniority(title, text, min_years, max_years),
        role_family=read_role_family(title, asked.required + asked.preferred),
        responsibilities=find_responsibilities(text, blocks),
        skill_alternatives=asked.alternatives,
        relocation_offered=offers_relocation(text),
    )
