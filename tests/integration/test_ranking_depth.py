"""The ranking reads deeper into the embedding lists until no unread candidate can enter the page: its page
equals the same page of scoring every candidate, while it scores fewer of them when the scores separate."""

from __future__ import annotations

import json

import pytest
from django.test import override_settings

from candidates.models import Candidate
from jobs.models import JobPosting
from matching.models import ExperienceEmbedding
from matching.ranking import candidates_for_job
from scripts.bench_search_data import Synthetic

POOL = 150


@pytest.fixture
def synthetic_pool(organization):  # type: ignore[no-untyped-def]
    """Candidates of six professions with vectors clustered by profession (scripts/bench_search_data.Synthetic)."""
    data = Synthetic(seed=11)
    rows = [data.candidate(index) for index in range(POOL)]
    candidates = Candidate.objects.bulk_create(
        Candidate(
            organization=organization,
            name=row["name"],
            current_title=row["title"],
            total_years_experience=row["years"],
            skills=row["skills"],
            match_features=json.loads(json.dumps(row["features"])),
            extracted_text=row["text"],
            embedding=row["vector"].tolist(),
            embedded_text_sha256="synthetic",
        )
        for row in rows
    )
    ExperienceEmbedding.objects.bulk_create(
        ExperienceEmbedding(candidate=candidate, embedding=row["experience_vector"].tolist(), text_sha256="synthetic")
        for candidate, row in zip(candidates, rows, strict=True)
    )
    spec = data.job(0)
    return JobPosting.objects.create(
        organization=organization,
        title=spec["title"],
        description=f"{spec['title']}: " + ", ".join(spec["required"]),
        required_skills=spec["required"],
        preferred_skills=spec["preferred"],
        min_years=spec["min_years"],
        seniority="mid",
        remote_policy="remote",
        embedding=spec["vector"].tolist(),
        embedded_text_sha256="synthetic",
    )


def _page(job: JobPosting, limit: int = 10, **options: object) -> tuple[int, list[tuple[int, float]]]:
    scored, page = candidates_for_job(job=job, limit=limit, **options)  # type: ignore[arg-type]
    return scored, [(match.candidate_id, match.score) for match in page]


@override_settings(RANKING_POOL_SIZE=5, RANKING_MAX_DEPTH=10_000)
def test_the_top_10_is_that_of_scoring_everyone_without_scoring_everyone(synthetic_pool):
    everyone_scored, everyone = _page(synthetic_pool, exhaustive=True)
    scored, page = _page(synthetic_pool)

    assert everyone_scored == POOL
    assert page == everyone
    # The profession's dozen candidates lead; once the reading reaches the other professions' vectors, none of
    # them can score above the 10th, and it stops.
    assert 10 <= scored < POOL


@override_settings(RANKING_POOL_SIZE=5, RANKING_MAX_DEPTH=10_000)
def test_when_the_page_reaches_candidates_alike_it_reads_them_all(synthetic_pool):
    everyone_scored, everyone = _page(synthetic_pool, limit=20, exhaustive=True)
    scored, page = _page(synthetic_pool, limit=20)

    assert page == everyone
    assert scored == everyone_scored  # the 20th scores as low as the unread could: nothing may be skipped


@override_settings(RANKING_POOL_SIZE=5, RANKING_MAX_DEPTH=10_000)
def test_a_later_page_is_the_same_slice_of_scoring_everyone(synthetic_pool):
    _, everyone = _page(synthetic_pool, exhaustive=True)
    _, second = _page(synthetic_pool, limit=5, offset=5)

    assert second == everyone[5:10]


@override_settings(RANKING_POOL_SIZE=5, RANKING_MAX_DEPTH=5)
def test_the_depth_limit_bounds_the_work(synthetic_pool):
    scored, page = _page(synthetic_pool, limit=20)

    assert len(page) == 20
    assert scored < 60  # one pass: the 20 nearest by each embedding (the page's size), and no deeper
