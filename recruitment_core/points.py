"""Points of a score: the parts' shares of 100 in whole tenths, and the ceiling a ranked score cannot pass."""

from __future__ import annotations

import math

from recruitment_core.scoring_weights import COVERAGE, FUSED_PARTS, SEMANTIC, ScoringWeights, load_weights


def rank_ceiling(semantic: float, weights: ScoringWeights | None = None) -> float:
    """The highest score `rank_candidate` can give a candidate whose semantic part is at most `semantic` (0-1):
    every other part at its full points and no gate, except the statement coverage, bounded by `semantic` plus
    the measured `fusion.coverage_margin` (retrieval does not read it). A part left out for lack of input shares
    its points in proportion; left out, the coverage could lift the others, so both cases are bounded. The 0.05
    covers the rounding to tenths. Lets a ranking stop reading candidates once none unread can enter it."""
    weights = weights or load_weights()
    parts = dict(zip(FUSED_PARTS, weights.fusion.parts, strict=True))
    total = math.fsum(parts.values())
    full = total - parts[SEMANTIC] - parts[COVERAGE]
    similarity = min(max(semantic, 0.0), 1.0)
    coverage = min(similarity + weights.fusion.coverage_margin, 1.0)
    with_coverage = (full + parts[SEMANTIC] * similarity + parts[COVERAGE] * coverage) / total
    without = (full + parts[SEMANTIC] * similarity) / (total - parts[COVERAGE]) if total > parts[COVERAGE] else 0.0
    return 100.0 * max(with_coverage, without) + 0.05


def points_of(fractions: tuple[float | None, ...], part_weights: tuple[float, ...]) -> list[float]:
    """Points out of 100 per part: each part's weight among the applicable ones, times its 0-1 fraction."""
    applicable = math.fsum(w for w, f in zip(part_weights, fractions, strict=True) if f is not None)
    if applicable <= 0:
        return [0.0] * len(fractions)
    return [
        0.0 if f is None else 100.0 * w / applicable * min(max(f, 0.0), 1.0)
        for w, f in zip(part_weights, fractions, strict=True)
    ]


def whole_tenths(points: list[float]) -> list[int]:
    """Points in whole tenths, adding up to the rounded total (largest remainders get the rounding), so the
    breakdown sums exactly to the score and every part stays within 0.1 of its share."""
    raw = [10.0 * value for value in points]
    total = round(math.fsum(raw))
    floors = [math.floor(value) for value in raw]
    short = total - sum(floors)
    if short:
        remainders = sorted(range(len(raw)), key=lambda index: (floors[index] - raw[index], index))
        for index in remainders[:short]:
            floors[index] += 1
    return floors
