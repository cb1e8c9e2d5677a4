"""A resume's roles read against a job's role family.

A role's family comes from its title, through the same role-family vocabulary the job parser reads postings with
(`data/job_role_families.json`), so "Store Manager" and "Technical Recruiter" fall where a posting with that
title would. Three things follow for a job of a known family:

- `contextual_strength`: a skill used in a role of an unrelated family is weaker evidence than the same skill
  used in a role of the job's family, or named by the role's title ("Python Developer");
- `role_family_fit`: the share of the candidate's experience, weighted by length and recency, spent in the job's
  family (related families count in part);
- `all_roles_elsewhere`: every role the resume names is in an unrelated family, so listing the job's stack
  cannot carry it to the top.
"""

from __future__ import annotations

import functools

from recruitment_core.evidence import CandidateFeatures, RoleSummary, SkillStrength
from recruitment_core.job_role import read_role_family
from recruitment_core.scoring_weights import ContextWeights
from recruitment_core.skills import extract_skills

UNDATED_ROLE_MONTHS = 12  # what a role without dates weighs in the family share
MAX_ROLE_MONTHS = 120  # one long role must not hide the rest of a career


@functools.lru_cache(maxsize=16384)
def title_family(title: str) -> str | None:
    """The role family a job title names ("Senior Recruiter" -> "hr"), or None when it names none."""
    return read_role_family(title, []) if title.strip() else None


@functools.lru_cache(maxsize=16384)
def _title_skills(title: str) -> frozenset[str]:
    return frozenset(extract_skills(title))


def role_factor(title: str, skill: str, job_family: str, context: ContextWeights) -> float:
    """How much a skill used in the role titled `title` counts for a job of `job_family`."""
    if skill in _title_skills(title):
        return context.same_family  # the skill is the subject of the role
    return context.family_factor(title_family(title), job_family)


def contextual_strength(skill: str, found: SkillStrength, job_family: str | None, context: ContextWeights) -> float:
    """The skill's strength for a job of `job_family`: each role's evidence weighed by the role's family."""
    if job_family is None or not found.roles:
        return found.strength
    best = found.outside_roles
    for title, strength in found.roles:
        best = max(best, strength * role_factor(title, skill, job_family, context))
    return round(min(best, 1.0), 3)


def _family_credit(role: RoleSummary, job_family: str, fit: dict[str, float], context: ContextWeights) -> float:
    family = title_family(role.title)
    if family is None:
        return fit["unknown"]
    if family == job_family:
        return fit["same"]
    if any(family in group and job_family in group for group in context.related_families):
        return fit["related"]
    return fit["other"]


def role_family_fit(
    features: CandidateFeatures, job_family: str | None, fit: dict[str, float], context: ContextWeights
) -> float | None:
    """0-1: the experience in the job's family, weighted by months (capped) and recency; None when the job's
    family is unknown or the resume names no role."""
    if job_family is None or not features.roles:
        return None
    total = earned = 0.0
    for role in features.roles:
        months = min(role.months or UNDATED_ROLE_MONTHS, MAX_ROLE_MONTHS)
        weight = max(months, 1) * context.recency(role.years_ago)
        total += weight
        earned += weight * _family_credit(role, job_family, fit, context)
    return earned / total if total > 0 else None


def all_roles_elsewhere(features: CandidateFeatures, job_family: str | None, context: ContextWeights) -> bool:
    """Whether every role of the resume has a known family unrelated to the job's."""
    if job_family is None or not features.roles:
        return False
    for role in features.roles:
        family = title_family(role.title)
        if family is None or context.family_factor(family, job_family) > context.other_family:
            return False
    return True
