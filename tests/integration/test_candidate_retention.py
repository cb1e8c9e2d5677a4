"""Retention against real PostgreSQL: candidates untouched for longer than CANDIDATE_RETENTION_DAYS are erased
by the low-priority maintenance task, in bounded batches, and everyone touched within it is kept."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from fixtures.storage import stored_files

from applications.models import Application
from audit.models import AuditEvent
from audit.services import audit_record
from candidates.models import Candidate, ResumeVersion
from candidates.privacy import (
    candidates_retention_delete,
    candidates_untouched_since,
    unattached_resumes_retention_delete,
)
from candidates.tasks import delete_expired_candidates_task
from config.celery import app
from config.queues import QueueName
from config.task_declarations import declaration_of
from jobs.models import JobPosting
from realtime.models import TaskRecord
from realtime.services import task_enqueue

pytestmark = pytest.mark.django_db

DAYS = 30


@pytest.fixture(autouse=True)
def retention(settings):  # type: ignore[no-untyped-def]
    settings.CANDIDATE_RETENTION_DAYS = DAYS
    settings.MAINTENANCE_BATCH_SIZE = 200


def _ago(days: float):  # type: ignore[no-untyped-def]
    return timezone.now() - timedelta(days=days)


def _candidate(organization, name: str, *, days_untouched: float, resume_days: float | None = None) -> Candidate:  # type: ignore[no-untyped-def]
    candidate = Candidate.objects.create(organization=organization, name=name, email=f"{name.lower()}@example.com")
    if resume_days is not None:
        resume = ResumeVersion(
            organization=organization,
            candidate=candidate,
            filename=f"{name}.txt",
            kind="txt",
            sha256=name.ljust(64, "0")[:64],
            size=len(name),
            parse_status=ResumeVersion.ParseStatus.PARSED,
            extracted_text=name,
        )
        resume.file.save(f"{name}.txt", ContentFile(name.encode()), save=True)
        ResumeVersion.objects.filter(pk=resume.pk).update(created_at=_ago(resume_days), parsed_at=_ago(resume_days))
        candidate.current_resume = resume
        candidate.save()
    Candidate.objects.filter(pk=candidate.pk).update(updated_at=_ago(days_untouched))
    return candidate


def test_untouched_candidates_are_deleted_and_touched_ones_kept(
    organization, recruiter, private_media_root, django_capture_on_commit_callbacks
):
    expired = _candidate(organization, "Old", days_untouched=400, resume_days=400)
    recent = _candidate(organization, "Recent", days_untouched=2, resume_days=2)
    new_resume = _candidate(organization, "Resumed", days_untouched=40, resume_days=40)
    ResumeVersion.objects.filter(candidate=new_resume).update(parsed_at=_ago(1))  # parsed again yesterday
    applied = _candidate(organization, "Applied", days_untouched=90)
    job = JobPosting.objects.create(organization=organization, title="Analyst", description="Numbers")
    with django_capture_on_commit_callbacks(execute=False):
        Application.objects.create(candidate=applied, job=job)
    viewed = _candidate(organization, "Viewed", days_untouched=90)
    audit_record(action="candidate.viewed", organization=organization, actor=recruiter, target=viewed)
    just_inside = _candidate(organization, "Edge", days_untouched=DAYS - 0.01)
    expired_resume_file = expired.current_resume.file.name

    assert list(candidates_untouched_since(_ago(DAYS)).values_list("pk", flat=True)) == [expired.pk]
    with django_capture_on_commit_callbacks(execute=True):
        assert candidates_retention_delete() == [expired.pk]

    assert sorted(Candidate.objects.values_list("pk", flat=True)) == sorted(
        [recent.pk, new_resume.pk, applied.pk, viewed.pk, just_inside.pk]
    )
    assert not ResumeVersion.objects.filter(filename="Old.txt").exists()
    assert expired_resume_file not in stored_files(private_media_root)
    assert len(stored_files(private_media_root)) == 2  # the resumes of "Recent" and "Resumed"
    event = AuditEvent.objects.get(action="candidate.deleted")
    assert (event.actor_id, event.organization_id, event.target_id, event.data) == (
        None,
        organization.pk,
        expired.pk,
        {"reason": "retention", "resume_versions": 1, "applications": 0},
    )
    assert candidates_retention_delete() == [], "a second run finds nothing more"


def test_a_candidate_with_an_interview_to_come_is_kept(organization, django_capture_on_commit_callbacks):
    from interviews.models import Interview

    waiting = _candidate(organization, "Waiting", days_untouched=90)
    forgotten = _candidate(organization, "Forgotten", days_untouched=90)
    job = JobPosting.objects.create(organization=organization, title="Analyst", description="Numbers")
    with django_capture_on_commit_callbacks(execute=False):
        applications = {
            candidate.pk: Application.objects.create(candidate=candidate, job=job) for candidate in (waiting, forgotten)
        }
    Application.objects.update(created_at=_ago(90), updated_at=_ago(90))
    Interview.objects.create(
        application=applications[waiting.pk], starts_at=_ago(-2.9), ends_at=_ago(-3), timezone="Europe/Berlin"
    )
    Interview.objects.create(
        application=applications[forgotten.pk], starts_at=_ago(80), ends_at=_ago(79.9), timezone="Europe/Berlin"
    )

    assert list(candidates_untouched_since(_ago(DAYS)).values_list("pk", flat=True)) == [forgotten.pk]


def test_retention_runs_in_bounded_batches_oldest_first(organization, settings):
    settings.MAINTENANCE_BATCH_SIZE = 2
    ages = [100, 300, 200]
    candidates = [_candidate(organization, f"C{age}", days_untouched=age) for age in ages]

    assert candidates_retention_delete() == [candidates[1].pk, candidates[2].pk]
    assert candidates_retention_delete() == [candidates[0].pk]
    assert candidates_retention_delete() == []


def test_zero_days_disables_retention(organization, settings):
    settings.CANDIDATE_RETENTION_DAYS = 0
    ancient = _candidate(organization, "Ancient", days_untouched=10_000)

    assert candidates_retention_delete() == []
    assert Candidate.objects.filter(pk=ancient.pk).exists()


def test_a_candidate_touched_after_the_sweep_chose_it_is_kept(organization, django_capture_on_commit_callbacks):
    """The sweep re-checks each candidate under its lock: a resume that arrives in between keeps them."""
    from candidates.privacy import candidate_delete

    candidate = _candidate(organization, "Late", days_untouched=400)
    cutoff = _ago(DAYS)
    chosen = list(candidates_untouched_since(cutoff))
    Candidate.objects.filter(pk=candidate.pk).update(updated_at=timezone.now())  # a new resume was parsed

    assert candidate_delete(candidate=chosen[0], actor=None, reason="retention", unless_touched_since=cutoff) is None
    assert Candidate.objects.filter(pk=candidate.pk).exists()
    assert not AuditEvent.objects.filter(action="candidate.deleted").exists()


def test_retention_task_is_periodic_maintenance_on_the_low_priority_queue(organization):
    expired = _candidate(organization, "Expired", days_untouched=400)
    name = "candidates.tasks.delete_expired_candidates_task"

    assert declaration_of(name) == delete_expired_candidates_task.declaration
    assert delete_expired_candidates_task.declaration.queue == QueueName.LOW
    [entry] = [entry for entry in app.conf.beat_schedule.values() if entry["task"] == name]
    assert entry["options"]["expires"] == entry["schedule"] == 3600
    assert delete_expired_candidates_task.apply().get() == {"candidates": 1, "resumes": 0}
    assert not Candidate.objects.filter(pk=expired.pk).exists()


def _unattached_resume(organization, name: str, *, days: float) -> ResumeVersion:  # type: ignore[no-untyped-def]
    resume = ResumeVersion(
        organization=organization,
        filename=f"{name}.pdf",
        kind="pdf",
        sha256=name.ljust(64, "1")[:64],
        size=len(name),
        parse_status=ResumeVersion.ParseStatus.FAILED,
        parse_error="The PDF is damaged.",
    )
    resume.file.save(f"{name}.pdf", ContentFile(name.encode()), save=True)
    ResumeVersion.objects.filter(pk=resume.pk).update(created_at=_ago(days))
    return resume


def test_resumes_that_never_became_a_candidate_are_deleted_after_retention(
    organization, private_media_root, django_capture_on_commit_callbacks
):
    from ingestion.tasks import parse_resume_task

    old = _unattached_resume(organization, "Broken", days=400)
    young = _unattached_resume(organization, "Fresh", days=2)
    attached = _candidate(organization, "Kept", days_untouched=2, resume_days=400)  # old resume, recent candidate
    with django_capture_on_commit_callbacks(execute=False):
        task_enqueue(parse_resume_task, kind="parse_resume", target=old, organization=organization, args=(old.pk,))
    old_file = old.file.name

    with django_capture_on_commit_callbacks(execute=True):
        assert unattached_resumes_retention_delete() == [old.pk]

    assert sorted(ResumeVersion.objects.values_list("pk", flat=True)) == sorted([young.pk, attached.current_resume_id])
    assert old_file not in stored_files(private_media_root)
    assert len(stored_files(private_media_root)) == 2
    assert not TaskRecord.objects.filter(target_id=old.pk, kind="parse_resume").exists()
    event = AuditEvent.objects.get(action="resume.deleted")
    assert (event.target_type, event.target_id, event.data) == (
        "candidates.resumeversion",
        old.pk,
        {"reason": "retention"},
    )
    assert unattached_resumes_retention_delete() == []
