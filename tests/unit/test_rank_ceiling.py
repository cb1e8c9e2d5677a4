"""No ranked score passes the ceiling a ranking stops reading at (recruitment_core.points.rank_ceiling)."""

from __future__ import annotations

import json
import random

from recruitment_core.job_parser import JobRequirements
from recruitment_core.ranking import CandidateFeatures, load_weights, rank_candidate, rank_ceiling
from scripts.bench_search_data import FAMILIES, Synthetic


def _job(required: list[str], preferred: list[str], family: str | None) -> JobRequirements:
    return JobRequirements(
        title="Engineer",
        required_skills=required,
        preferred_skills=preferred,
        min_years=3.0,
        max_years=None,
        education_level=None,
        education_field=None,
        location=None,
        remote_policy="remote",
        employment_type="unknown",
        seniority="mid",
        role_family=family,
        responsibilities=[],
        skill_alternatives=[],
        relocation_offered=False,
    )


def test_every_score_stays_under_the_ceiling_of_its_semantic_part() -> None:
    data, draw, weights = Synthetic(seed=5), random.Random(5), load_weights()
    checked = 0
    for index in range(400):
        row = data.candidate(index)
        features = CandidateFeatures.from_json(json.loads(json.dumps(row["features"])))
        pool = FAMILIES[draw.choice(list(FAMILIES))]
        job = _job(draw.sample(pool, 4), draw.sample(pool, 2), draw.choice([None, "software", "data"]))
        document = draw.choice([None, draw.random()])
        experience = draw.choice([None, draw.random()])
        lexical = draw.choice([None, draw.random()])
        semantic = max((value for value in (document, experience) if value is not None), default=None)
        if semantic is None:
            continue  # without embeddings a ranking always reads the candidate: no ceiling applies
        # The statement coverage, within the measured margin above the similarity (or unknown).
        coverage = draw.choice([None, draw.uniform(0.0, min(semantic + weights.fusion.coverage_margin, 1.0))])
        score = rank_candidate(
            job, features, semantic_similarity=document, experience_similarity=experience, lexical_score=lexical,
            coverage=coverage, weights=weights, explain=False,
        ).score  # fmt: skip
        assert score <= rank_ceiling(semantic, weights), (index, score, semantic)
        checked += 1
    assert checked > 200


def test_the_ceiling_falls_with_the_similarity_and_tops_out_at_100() -> None:
    weights = load_weights()
    assert rank_ceiling(1.0, weights) >= 100.0
    assert rank_ceiling(0.2, weights) < rank_ceiling(0.5, weights) < rank_ceiling(0.9, weights)
