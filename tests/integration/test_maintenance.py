"""Periodic maintenance against real PostgreSQL, Redis (the channel layer) and RabbitMQ: each sweep does its job
exactly, and leaves alone what is live."""

from __future__ import annotations

import json
import os
from datetime import timedelta

import pytest
from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.core.files.base import ContentFile
from django.utils import timezone
from fixtures.rabbitmq import celery_app_on, throwaway_vhost

from candidates.models import Candidate, ResumeVersion
from config.celery import app
from config.queues import declare_all
from ingestion.maintenance import resume_orphans_delete
from jobs.models import JobPosting
from matching.maintenance import EmbeddingRefresh, embeddings_refresh
from matching.services import text_sha256
from matching.tasks import candidate_embed_enqueue, job_embed_enqueue
from realtime.maintenance import stale_tasks_reap
from realtime.models import TaskRecord
from realtime.services import organization_group

VECTOR = [1.0] + [0.0] * 383


# --- stale task records ----------------------------------------------------------------------------------


def _record(organization, task_id: str, state: str, minutes_silent: int) -> TaskRecord:  # type: ignore[no-untyped-def]
    record = TaskRecord.objects.create(
        task_id=task_id, kind=TaskRecord.Kind.PARSE_RESUME, organization=organization, state=state
    )
    TaskRecord.objects.filter(pk=record.pk).update(updated_at=timezone.now() - timedelta(minutes=minutes_silent))
    return record


@pytest.mark.django_db(transaction=True)
def test_stale_task_records_are_reaped_and_announced(organization, settings):
    settings.TASK_STALE_MARGIN_SECONDS = 300  # with the 20-minute hard-limit ceiling: 25 minutes
    settings.TASK_QUEUED_STALE_SECONDS = 6 * 3600
    _record(organization, "started-stale", "started", 26)
    _record(organization, "progress-stale", "progress", 40)
    _record(organization, "started-fresh", "started", 24)  # may still be running under its hard limit
    _record(organization, "queued-in-backlog", "queued", 5 * 60)  # waits behind a long import: kept
    _record(organization, "queued-lost", "queued", 7 * 60)
    _record(organization, "succeeded-old", "succeeded", 600)
    layer = get_channel_layer()
    channel = async_to_sync(layer.new_channel)()
    async_to_sync(layer.group_add)(organization_group(organization.pk), channel)

    reaped = stale_tasks_reap()

    assert reaped == ["queued-lost", "progress-stale", "started-stale"]  # the longest silent first
    states = dict(TaskRecord.objects.values_list("task_id", "state"))
    assert states == {
        "started-stale": "failed",
        "progress-stale": "failed",
        "started-fresh": "started",
        "queued-in-backlog": "queued",
        "queued-lost": "failed",
        "succeeded-old": "succeeded",
    }
    record = TaskRecord.objects.get(task_id="started-stale")
    assert record.error == (
        "No news from this task for 26 minutes while it was started: its worker stopped or its message was lost. "
        "Marked failed by maintenance; start the work again if it is still needed."
    )
    assert record.message == "Stopped: no progress"
    assert record.finished_at is not None
    announced = [async_to_sync(layer.receive)(channel)["event"] for _ in reaped]
    assert [(event["task_id"], event["type"], event["state"]) for event in announced] == [
        ("queued-lost", "failed", "failed"),
        ("progress-stale", "failed", "failed"),
        ("started-stale", "failed", "failed"),
    ]
    assert stale_tasks_reap() == [], "a second sweep finds nothing more"


# --- embeddings ------------------------------------------------------------------------------------------


def _candidate(organization, text: str, *, embedded_text: str | None = None, vector=VECTOR) -> Candidate:  # type: ignore[no-untyped-def]
    candidate = Candidate.objects.create(organization=organization, name=text[:20], extracted_text=text)
    if embedded_text is not None:
        Candidate.objects.filter(pk=candidate.pk).update(
            embedding=vector, embedded_text_sha256=text_sha256(embedded_text)
        )
    return candidate


def _job(organization, title: str, description: str, *, embedded: bool) -> JobPosting:  # type: ignore[no-untyped-def]
    job = JobPosting.objects.create(organization=organization, title=title, description=description)
    if embedded:
        JobPosting.objects.filter(pk=job.pk).update(
            embedding=VECTOR, embedded_text_sha256=text_sha256(job.embedding_text())
        )
    return job


def _refresh(batch_size: int | None = None) -> EmbeddingRefresh:
    """The sweep as matching.tasks.refresh_embeddings_task runs it, with the ids it queued."""
    return embeddings_refresh(
        candidate_enqueue=candidate_embed_enqueue, job_enqueue=job_embed_enqueue, batch_size=batch_size
    )


def _embedding_records(kind: str) -> list[int]:
    return sorted(TaskRecord.objects.filter(kind=kind).values_list("target_id", flat=True))


@pytest.mark.django_db
def test_missing_and_stale_embeddings_are_queued(organization):
    never = _candidate(organization, "Ada Lovelace, analyst")
    current = _candidate(organization, "Grace Hopper, compilers", embedded_text="Grace Hopper, compilers")
    stale = _candidate(organization, "Alan Turing, now at Bletchley", embedded_text="Alan Turing")
    _candidate(organization, "")
    _candidate(organization, " \n\t ")  # nothing to embed
    vector_lost = _candidate(organization, "Katherine Johnson", embedded_text="Katherine Johnson", vector=None)
    pending = _candidate(organization, "Edsger Dijkstra")
    unembedded_job = _job(organization, "Data engineer", "Pipelines in Python", embedded=False)
    # Python strips the no-break space that PostgreSQL keeps: the SQL suspects it, the digest clears it.
    _job(organization, "Backend engineer", "Builds APIs\u00a0", embedded=True)
    stale_job = _job(organization, "SRE", "Keeps things up", embedded=True)
    JobPosting.objects.filter(pk=stale_job.pk).update(description="Keeps things up, on call")
    # The save signals queued embeddings; all were lost but the one still pending.
    TaskRecord.objects.exclude(target_id=pending.pk, kind="embed_candidate").delete()

    queued = _refresh()

    assert queued.candidate_ids == [never.pk, stale.pk, vector_lost.pk]
    assert queued.job_ids == [unembedded_job.pk, stale_job.pk]
    assert _embedding_records("embed_candidate") == sorted([never.pk, stale.pk, vector_lost.pk, pending.pk])
    assert _embedding_records("embed_job") == [unembedded_job.pk, stale_job.pk]
    # A vector-less row's digest is forgotten, or its embedding task would skip it as up to date.
    assert Candidate.objects.get(pk=vector_lost.pk).embedded_text_sha256 == ""
    assert Candidate.objects.get(pk=current.pk).embedded_text_sha256 == text_sha256("Grace Hopper, compilers")
    again = _refresh()
    assert (again.candidate_ids, again.job_ids) == ([], []), "queued ones are not queued twice"


@pytest.mark.django_db
def test_embedding_refresh_is_bounded_and_publishes_to_the_embeddings_queue(
    organization, django_capture_on_commit_callbacks
):
    first = _candidate(organization, "Ada Lovelace")
    second = _candidate(organization, "Grace Hopper")
    TaskRecord.objects.all().delete()

    with throwaway_vhost() as vhost, celery_app_on(app, vhost):
        with app.connection_for_write() as connection:
            declare_all(connection)
        with django_capture_on_commit_callbacks(execute=True):
            queued = _refresh(batch_size=1)
        with app.connection_for_write() as connection:
            message = connection.default_channel.basic_get("embeddings", no_ack=True)
            leftover = connection.default_channel.basic_get("embeddings", no_ack=True)

    assert (queued.candidate_ids, queued.job_ids) == ([first.pk], [])
    assert message.headers["task"] == "matching.tasks.embed_candidate_task"
    assert message.headers["id"] == TaskRecord.objects.get(target_id=first.pk).task_id
    assert json.loads(message.body)[0] == [first.pk]
    assert leftover is None
    assert second.pk not in _embedding_records("embed_candidate")


# --- orphaned resume files -------------------------------------------------------------------------------


def _age(path, hours: float) -> None:  # type: ignore[no-untyped-def]
    then = (timezone.now() - timedelta(hours=hours)).timestamp()
    os.utime(path, (then, then))


@pytest.mark.django_db
def test_orphaned_resume_files_are_deleted_after_the_grace_period(organization, private_media_root, settings):
    settings.RESUME_ORPHAN_GRACE_SECONDS = 24 * 3600
    resume = ResumeVersion(organization=organization, filename="cv.txt", kind="txt", sha256="a" * 64, size=3)
    resume.file.save("cv.txt", ContentFile(b"Ada"), save=True)
    storage = resume.file.storage
    orphan = storage.save(f"resumes/{organization.pk}/orphan.pdf", ContentFile(b"left over"))
    deep_orphan = storage.save("resumes/999/old.docx", ContentFile(b"organization gone"))
    in_flight = storage.save(f"resumes/{organization.pk}/uploading.pdf", ContentFile(b"being uploaded"))
    archive = storage.save(f"imports/{organization.pk}/batch.zip", ContentFile(b"not a resume"))
    for name in (resume.file.name, orphan, deep_orphan, archive):
        _age(private_media_root / name, hours=48)
    _age(private_media_root / in_flight, hours=23)

    deleted = resume_orphans_delete()

    assert sorted(deleted) == sorted([orphan, deep_orphan])
    remaining = sorted(str(path.relative_to(private_media_root)) for path in private_media_root.rglob("*.*"))
    assert remaining == sorted([resume.file.name, in_flight, archive])
    assert resume_orphans_delete() == []
