"""Views of a ranking evaluation beyond the overall means: per profession (job family) and per trap.

Professions come from the set's manifest.json (`jobs[].family`). A trap is a resume whose `category` is one of
TRAP_CATEGORIES and whose `target_job` names the job it aims at; it holds when, for that job, every resume graded
above it ranks above it, and (keyword stuffing) it stays out of the top K.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

TRAP_CATEGORIES = ("keyword_stuffed", "negated_skill", "hidden_injection", "visible_injection")
MARGIN_TARGET = 0.10  # overall NDCG@K over the better baseline


def families(set_dir: Path) -> dict[str, str]:
    """Job id -> family, from the set's manifest (empty when there is none)."""
    path = set_dir / "manifest.json"
    if not path.exists():
        return {}
    manifest = json.loads(path.read_text(encoding="utf-8"))
    return {job["job_id"]: job["family"] for job in manifest.get("jobs", [])}


def per_family(values: Mapping[str, float | None], family_of: Mapping[str, str]) -> dict[str, float]:
    """Mean of the per-job values within each family (jobs without a value are left out)."""
    groups: dict[str, list[float]] = defaultdict(list)
    for job_id, value in values.items():
        if value is not None:
            groups[family_of.get(job_id, "(none)")].append(value)
    return {family: sum(items) / len(items) for family, items in sorted(groups.items())}


@dataclass(frozen=True)
class Trap:
    resume_id: str
    category: str
    target_job: str


def traps(set_dir: Path) -> list[Trap]:
    path = set_dir / "manifest.json"
    if not path.exists():
        return []
    manifest = json.loads(path.read_text(encoding="utf-8"))
    return [
        Trap(resume["resume_id"], resume["category"], resume["target_job"])
        for resume in manifest.get("resumes", [])
        if resume.get("category") in TRAP_CATEGORIES and resume.get("target_job")
    ]


@dataclass(frozen=True)
class TrapResult:
    trap: Trap
    position: int | None  # 1-based rank for the target job; None when unscored
    outranked_better: list[str]  # resumes graded above the trap that rank below it
    held: bool


def check_trap(trap: Trap, ranking: Sequence[str], grades: Mapping[str, int], k: int) -> TrapResult:
    if trap.resume_id not in ranking:
        return TrapResult(trap, None, [], True)
    position = ranking.index(trap.resume_id)
    own = grades.get(trap.resume_id, 0)
    below = set(ranking[position + 1 :]) | (set(grades) - set(ranking))
    outranked = sorted(resume for resume in below if grades.get(resume, 0) > own)
    held = not outranked and (trap.category != "keyword_stuffed" or position >= k)
    return TrapResult(trap, position + 1, outranked, held)


def format_families(systems: Mapping[str, Any], family_of: Mapping[str, str], product: str, cosine: str) -> str:
    """NDCG@10 and MAP per family for every system; FAIL where the product is below plain cosine."""
    names = list(systems)
    ndcg = {name: per_family(result.ndcg, family_of) for name, result in systems.items()}
    ap = {name: per_family(result.ap, family_of) for name, result in systems.items()}
    header = f"{'profession':<22}{'jobs':>5}" + "".join(
        f"{name[:9] + ' N@10':>15}{name[:9] + ' MAP':>14}" for name in names
    )
    lines = ["per profession:", header]
    counts: dict[str, int] = defaultdict(int)
    for family in family_of.values():
        counts[family] += 1
    for family in sorted(counts):
        row = f"{family:<22}{counts[family]:>5}"
        row += "".join(f"{ndcg[name].get(family, 0.0):>15.3f}{ap[name].get(family, 0.0):>14.3f}" for name in names)
        if product in ndcg and cosine in ndcg:
            below = ndcg[product].get(family, 0.0) < ndcg[cosine].get(family, 0.0)
            row += "   below cosine" if below else ""
        lines.append(row)
    return "\n".join(lines)


def families_below(systems: Mapping[str, Any], family_of: Mapping[str, str], product: str, cosine: str) -> list[str]:
    if product not in systems or cosine not in systems:
        return []
    mine, theirs = per_family(systems[product].ndcg, family_of), per_family(systems[cosine].ndcg, family_of)
    return [family for family in mine if mine[family] < theirs.get(family, 0.0)]


def format_traps(results: Sequence[TrapResult], k: int) -> str:
    lines = [f"traps (held: every better resume ranks above it; keyword stuffing also outside the top {k}):"]
    for result in results:
        where = "unscored" if result.position is None else f"rank {result.position}"
        detail = f"; below it: {', '.join(result.outranked_better[:4])}" if result.outranked_better else ""
        status = "held" if result.held else "FAILED"
        lines.append(f"  {result.trap.category:<18}{result.trap.resume_id:<34}{result.trap.target_job:<30}{where:<10}"
                     f"{status}{detail}")  # fmt: skip
    return "\n".join(lines)
