"""The retrieval signals a ranked score fuses with the requirements fit, each calibrated to 0-1.

Calibrations are absolute, not relative to a pool, so a pair scores the same in a ranked list and on its own.
"""

from __future__ import annotations

import math

from recruitment_core.scoring_weights import ScoringWeights, load_weights


def calibrate_semantic(cosine: float | None, weights: ScoringWeights | None = None) -> float | None:
    """An embedding cosine as a 0-1 signal on an absolute scale: 0 at or below `signals.semantic.low`, 1 at or
    above `high`, linear between. Raw MiniLM cosines between a posting and a resume crowd into 0.1-0.7, so
    spreading that band makes the signal discriminate; being linear, it keeps the order of the cosines inside
    the band. None (no embedding) stays None."""
    if cosine is None or not math.isfinite(cosine):
        return None
    w = weights or load_weights()
    return round(min(max((cosine - w.semantic_low) / (w.semantic_high - w.semantic_low), 0.0), 1.0), 4)


def calibrate_lexical(rank: float | None, weights: ScoringWeights | None = None) -> float | None:
    """A full-text rank (PostgreSQL `ts_rank_cd`, unbounded) as a 0-1 signal: r / (r + k) with k the
    `signals.lexical.half_saturation`. Saturating, so a resume repeating the job's terms gains less and less;
    absolute, so it does not depend on the best rank among the other candidates. None stays None."""
    if rank is None or not math.isfinite(rank):
        return None
    k = (weights or load_weights()).lexical_half_saturation
    rank = max(float(rank), 0.0)
    return round(rank / (rank + k), 4)


def calibrate_coverage(value: float | None, weights: ScoringWeights | None = None) -> float | None:
    """A statement coverage (recruitment_core.coverage) as a 0-1 signal on an absolute scale: 0 at or below
    `fusion.coverage.low`, 1 at or above `high`, linear between (raw coverages of a posting and a resume crowd
    into 0.15-0.55). None stays None."""
    if value is None or not math.isfinite(value):
        return None
    w = weights or load_weights()
    low, high = w.fusion.coverage_low, w.fusion.coverage_high
    return round(min(max((value - low) / (high - low), 0.0), 1.0), 4)


def clamp_signal(value: float | None) -> float | None:
    """A caller's 0-1 signal clamped to 0-1; None and NaN stay None."""
    if value is None or not math.isfinite(value):
        return None
    return min(max(float(value), 0.0), 1.0)


# An experience section shorter than this says too little to embed apart: the whole resume stands in for it.
MIN_EXPERIENCE_CHARS = 80


def experience_text(resume_text: str) -> str:
    """The text of the resume's experience sections, the part an embedding of its roles is computed from; the
    whole text when the resume has no experience section worth the name."""
    from recruitment_core.sections import normalise_text, sections_text, split_lines, split_sections

    sections = sections_text(split_sections(split_lines(normalise_text(resume_text))))
    experience = (sections.get("experience") or "").strip()
    return experience if len(experience) >= MIN_EXPERIENCE_CHARS else resume_text


def calibrate_similarity(cosine: float | None, weights: ScoringWeights | None = None) -> float | None:
    """A resume's (or its experience section's) cosine with the posting as a 0-1 signal of a ranked score:
    linear between `fusion.semantic.low` and `high`, a band wide enough that the strongest resumes are not
    clipped into ties, so the ranked order keeps the order of the cosines wherever the other parts agree. None
    stays None."""
    if cosine is None or not math.isfinite(cosine):
        return None
    w = weights or load_weights()
    low, high = w.fusion.semantic_low, w.fusion.semantic_high
    return round(min(max((cosine - low) / (high - low), 0.0), 1.0), 4)
