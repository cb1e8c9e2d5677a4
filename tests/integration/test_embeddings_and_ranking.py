"""Embeddings from the bundled all-MiniLM-L6-v2 stored in pgvector, and the admin's ranking by cosine similarity."""

from __future__ import annotations

import pytest

from candidates.models import Candidate
from jobs.models import JobPosting
from matching.selectors import candidates_ranked_for_job
from matching.services import candidate_embed, embed_text, job_embed, text_sha256
from realtime.models import TaskRecord

pytestmark = pytest.mark.django_db

BACKEND_RESUME = "Backend engineer. Python, Django and PostgreSQL services, Celery workers, REST APIs."
NURSE_RESUME = "Registered nurse. Patient care in intensive care units, medication administration, triage."


def make_candidate(organization, text: str, name: str) -> Candidate:  # type: ignore[no-untyped-def]
    return Candidate.objects.create(organization=organization, name=name, extracted_text=text)


def test_embedding_is_unit_length_and_deterministic():
    first = embed_text(BACKEND_RESUME)
    second = embed_text(BACKEND_RESUME)

    assert len(first) == 384
    assert sum(x * x for x in first) == pytest.approx(1.0, abs=1e-5)
    assert first == second


def test_candidate_embedding_is_written_once_per_text(organization, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        candidate = make_candidate(organization, BACKEND_RESUME, "Bea")

    assert candidate_embed(candidate_id=candidate.pk) is True
    assert candidate_embed(candidate_id=candidate.pk) is False  # a second delivery changes nothing

    candidate.refresh_from_db()
    assert candidate.embedded_text_sha256 == text_sha256(BACKEND_RESUME)
    assert len(candidate.embedding) == 384
    assert TaskRecord.objects.filter(kind="embed_candidate", target_id=candidate.pk).count() == 1


def test_saving_unchanged_text_does_not_queue_another_embedding(organization, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        candidate = make_candidate(organization, BACKEND_RESUME, "Bea")
    candidate_embed(candidate_id=candidate.pk)
    candidate.refresh_from_db()

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        candidate.location = "Berlin"
        candidate.save()

    assert callbacks == []


def test_changed_job_description_queues_a_new_embedding(organization, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        job = JobPosting.objects.create(organization=organization, title="Backend Engineer", description="Python")
    job_embed(job_id=job.pk)
    job.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=False) as more_callbacks:
        job.description = "Python and Django"
        job.save()

    assert len(callbacks) == 1
    assert len(more_callbacks) == 1
    assert TaskRecord.objects.filter(kind="embed_job", target_id=job.pk).count() == 2


def test_job_page_ranks_candidates_by_similarity(organization, recruiter, client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        nurse = make_candidate(organization, NURSE_RESUME, "Nora Nurse")
        engineer = make_candidate(organization, BACKEND_RESUME, "Ben Backend")
        job = JobPosting.objects.create(
            organization=organization,
            title="Python Backend Developer",
            description="Build Django services on PostgreSQL with Celery.",
        )
    for candidate in (nurse, engineer):
        candidate_embed(candidate_id=candidate.pk)
    job_embed(job_id=job.pk)
    job.refresh_from_db()

    ranked = candidates_ranked_for_job(job=job)
    assert [row.candidate.name for row in ranked] == ["Ben Backend", "Nora Nurse"]
    assert ranked[0].similarity > ranked[1].similarity

    client.force_login(recruiter)
    page = client.get(f"/admin/jobs/jobposting/{job.pk}/change/").content.decode()
    assert "Candidates ranked by similarity" in page
    assert page.index("Ben Backend") < page.index("Nora Nurse")


def test_recruiter_admin_shows_only_their_organization(organization, recruiter, client):
    from accounts.models import Organization

    make_candidate(organization, BACKEND_RESUME, "Mine")
    make_candidate(Organization.objects.create(name="Other Co"), NURSE_RESUME, "Theirs")
    client.force_login(recruiter)

    page = client.get("/admin/candidates/candidate/").content.decode()

    assert "Mine" in page
    assert "Theirs" not in page
