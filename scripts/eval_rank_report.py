"""The ranking evaluation's report: the table, the per-job details and the JSON."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from scripts import eval_rank_views as views
from scripts.eval_rank_metrics import BASELINES, EMBEDDING, PRODUCT, RELEVANT_GRADE, K, SystemResult


@dataclass
class Report:
    jobs: int
    resumes: int
    grade_counts: dict[int, int]
    systems: dict[str, SystemResult]
    warnings: list[str]
    family_of: dict[str, str] = field(default_factory=dict)
    trap_results: list[views.TrapResult] = field(default_factory=list)

    def margin(self, baseline: str) -> tuple[float, float] | None:
        """The product's (NDCG@10, MAP) minus the baseline's; None when either is missing."""
        if PRODUCT not in self.systems or baseline not in self.systems:
            return None
        product, other = self.systems[PRODUCT], self.systems[baseline]
        return product.mean_ndcg - other.mean_ndcg, product.map - other.map

    @property
    def below_cosine(self) -> list[str]:
        """Professions where the product's NDCG@10 is below plain embedding cosine."""
        return views.families_below(self.systems, self.family_of, PRODUCT, EMBEDDING)

    @property
    def passed(self) -> bool:
        """NDCG@10 at least MARGIN_TARGET above every baseline, MAP above every baseline, no profession below
        plain cosine, and every trap held."""
        margins = [self.margin(baseline) for baseline in BASELINES]
        beats = all(m is not None and m[0] >= views.MARGIN_TARGET - 1e-9 and m[1] > 0 for m in margins)
        return beats and not self.below_cosine and all(result.held for result in self.trap_results)


def format_table(report: Report) -> str:
    counts = ", ".join(f"{report.grade_counts.get(grade, 0)} x {grade}" for grade in (3, 2, 1, 0))
    lines = [
        f"ranking {report.resumes} resumes for {report.jobs} jobs (grades: {counts}); "
        f"NDCG@{K} gains 2^grade-1, MAP relevant = grade >= {RELEVANT_GRADE}",
        f"{'system':<12}{f'NDCG@{K}':>9}{'MAP':>9}",
    ]
    for name, result in report.systems.items():
        lines.append(f"{name:<12}{result.mean_ndcg:>9.3f}{result.map:>9.3f}")
    for baseline in BASELINES:
        margin = report.margin(baseline)
        if margin is not None:
            lines.append(f"product over {baseline:<10} NDCG@{K} {margin[0]:+.3f}   MAP {margin[1]:+.3f}")
    if report.family_of and report.systems:
        lines.append(views.format_families(report.systems, report.family_of, PRODUCT, EMBEDDING))
    if report.trap_results:
        lines.append(views.format_traps(report.trap_results, K))
    if PRODUCT in report.systems:
        lines.append(
            f"target: NDCG@{K} >= better baseline + {views.MARGIN_TARGET:.2f}, MAP above both, no profession below "
            f"cosine ({len(report.below_cosine)} below), every trap held: {'PASS' if report.passed else 'FAIL'}"
        )
    else:
        lines.append("product: not evaluated (see the warnings)")
    return "\n".join(lines)


def format_details(report: Report) -> str:
    names = list(report.systems)
    header = f"{'job':<26}" + "".join(f"{name[:9] + ' N@' + str(K):>15}{name[:9] + ' AP':>13}" for name in names)
    lines = ["per job:", header]
    jobs = sorted(next(iter(report.systems.values())).ndcg) if report.systems else []
    for job_id in jobs:
        row = f"{job_id:<26}"
        for name in names:
            result = report.systems[name]
            row += f"{_number(result.ndcg[job_id]):>15}{_number(result.ap[job_id]):>13}"
        lines.append(row)
    return "\n".join(lines)


def _number(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def report_json(report: Report) -> dict[str, Any]:
    return {
        "k": K,
        "relevant_grade": RELEVANT_GRADE,
        "jobs": report.jobs,
        "resumes": report.resumes,
        "grade_counts": {str(grade): report.grade_counts.get(grade, 0) for grade in (3, 2, 1, 0)},
        "systems": {
            name: {
                "ndcg_at_10": round(result.mean_ndcg, 4),
                "map": round(result.map, 4),
                "unscored_pairs": result.unscored,
                "unexpected_scores": len(result.unexpected),
                "per_job": {
                    job_id: {"ndcg_at_10": _rounded(result.ndcg[job_id]), "ap": _rounded(result.ap[job_id])}
                    for job_id in sorted(result.ndcg)
                },
            }
            for name, result in report.systems.items()
        },
        "product_margin": {
            baseline: {"ndcg_at_10": round(margin[0], 4), "map": round(margin[1], 4)}
            for baseline in BASELINES
            if (margin := report.margin(baseline)) is not None
        },
        "per_profession": {
            name: {
                "ndcg_at_10": {f: round(v, 4) for f, v in views.per_family(result.ndcg, report.family_of).items()},
                "map": {f: round(v, 4) for f, v in views.per_family(result.ap, report.family_of).items()},
            }
            for name, result in report.systems.items()
        },
        "professions_below_cosine": report.below_cosine,
        "traps": [
            {
                "resume": r.trap.resume_id,
                "category": r.trap.category,
                "job": r.trap.target_job,
                "position": r.position,
                "held": r.held,
                "outranked_better": r.outranked_better,
            }
            for r in report.trap_results
        ],
        "passed": report.passed if PRODUCT in report.systems else None,
        "warnings": report.warnings,
    }
