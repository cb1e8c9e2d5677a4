"""Skill names written in an author's own words, mapped to the taxonomy's names for scoring.

A ground-truth author names skills as a recruiter would search for them ("Epic EMR", "MS Excel") without
reading the taxonomy. A name maps to the taxonomy skill whose alias it is, or else to the skill whose mention
covers most of it; a name the taxonomy does not know stays as written, so it can only be missed.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from functools import cache
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from recruitment_core.skills import SkillTaxonomy, find_skill_mentions, load_taxonomy  # noqa: E402

SOFT_CATEGORY = "soft_skills"
# A mention must cover at least this share of the written name to stand for it ("Epic" in "Epic EMR" does not).
MIN_COVER = 0.6


@cache
def _taxonomy() -> SkillTaxonomy:
    return load_taxonomy()


def canonical(name: str) -> str:
    taxonomy = _taxonomy()
    known = _folded_aliases().get(name.casefold())
    if known or name in taxonomy.category_by_skill:
        return known or name
    mentions = find_skill_mentions(name)
    if mentions:
        best = max(mentions, key=lambda mention: mention.end - mention.start)
        if (best.end - best.start) >= MIN_COVER * len(name.strip()):
            return best.name
    return name


@cache
def _folded_aliases() -> dict[str, str]:
    """Every alias, case-folded (a written name's case says nothing about which skill it is) -> skill name."""
    taxonomy = _taxonomy()
    tables = (taxonomy.skill_by_context_alias, taxonomy.skill_by_exact_alias, taxonomy.skill_by_alias)
    return {alias.casefold(): skill for table in tables for alias, skill in table.items()}


def split(names: Iterable[str]) -> tuple[list[str], list[str]]:
    """(hard skills, soft skills), each by its taxonomy name where the taxonomy knows it."""
    hard: list[str] = []
    soft: list[str] = []
    categories = _taxonomy().category_by_skill
    for name in names:
        mapped = canonical(name)
        (soft if categories.get(mapped) == SOFT_CATEGORY else hard).append(mapped)
    return hard, soft
