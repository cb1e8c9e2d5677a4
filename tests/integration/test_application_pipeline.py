"""The hiring pipeline: the transition rules, the service that applies them (history, audit, live broadcast) and
time in stage, against the real test PostgreSQL and Redis channel layer."""

from __future__ import annotations

import importlib
from datetime import timedelta

import pytest
from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.apps import apps
from django.core.exceptions import ValidationError
from django.utils import timezone

from applications.models import Application, ApplicationNote, StageChange
from applications.pipeline import PipelineErrorCode, Stage, StageChangeRefused, allowed_moves, check_move
from applications.selectors import application_list_for_organization
from applications.services import (
    DuplicateApplication,
    application_create,
    application_note_add,
    bulk_move_to_stage,
    move_to_stage,
)
from audit.models import AuditEvent
from candidates.models import Candidate
from jobs.models import JobPosting
from realtime.services import organization_group

pytestmark = pytest.mark.django_db


@pytest.fixture
def application(organization, recruiter, django_capture_on_commit_callbacks) -> Application:  # type: ignore[no-untyped-def]
    with django_capture_on_commit_callbacks(execute=False):  # the analysis task is not queued here
        candidate = Candidate.objects.create(organization=organization, name="Pia")
        job = JobPosting.objects.create(organization=organization, title="Backend Developer", description="Python")
        return application_create(candidate=candidate, job=job, actor=recruiter)


def _walk(application: Application, recruiter, *stages: str) -> None:  # type: ignore[no-untyped-def]
    for stage in stages:
        move_to_stage(application=application, stage=stage, by=recruiter, reason="a reason")


# --- The rules ---------------------------------------------------------------------------------------------------


def test_forward_moves_may_skip_stages_and_hired_only_follows_an_offer() -> None:
    assert allowed_moves("applied") == ["screening", "shortlisted", "interviewing", "offered", "rejected", "withdrawn"]
    assert allowed_moves("interviewing") == ["offered", "rejected", "withdrawn"]
    assert allowed_moves("offered") == ["hired", "rejected", "withdrawn"]


def test_final_stages_allow_nothing_but_reopening_a_rejection() -> None:
    assert allowed_moves("hired") == []
    assert allowed_moves("withdrawn") == []
    assert allowed_moves("rejected") == ["screening"]


@pytest.mark.parametrize(
    ("current", "target", "reason", "code"),
    [
        ("screening", "applied", "", PipelineErrorCode.TRANSITION_NOT_ALLOWED),
        ("applied", "hired", "", PipelineErrorCode.TRANSITION_NOT_ALLOWED),
        ("rejected", "offered", "", PipelineErrorCode.TRANSITION_NOT_ALLOWED),
        ("hired", "rejected", "no budget", PipelineErrorCode.FINAL_STAGE),
        ("withdrawn", "screening", "", PipelineErrorCode.FINAL_STAGE),
        ("screening", "screening", "", PipelineErrorCode.SAME_STAGE),
        ("applied", "interviewed", "", PipelineErrorCode.UNKNOWN_STAGE),
        ("applied", "rejected", "   ", PipelineErrorCode.REASON_REQUIRED),
    ],
)
def test_refused_moves_say_why(current: str, target: str, reason: str, code: PipelineErrorCode) -> None:
    with pytest.raises(StageChangeRefused) as refused:
        check_move(current, target, reason)

    assert refused.value.code == code


def test_refusal_messages_name_the_allowed_moves() -> None:
    with pytest.raises(
        StageChangeRefused,
        match=r"^An application cannot move from Offered to Screening; allowed: "
        r"hired, rejected, withdrawn\.$",
    ):
        check_move("offered", "screening")
    with pytest.raises(StageChangeRefused, match=r"^Hired is final: the application cannot move\.$"):
        check_move("hired", "offered")


# --- The service -------------------------------------------------------------------------------------------------


def test_a_new_application_enters_the_pipeline_with_a_history_row(application, recruiter) -> None:
    [entry] = StageChange.objects.filter(application=application)

    assert (entry.from_stage, entry.to_stage, entry.changed_by) == ("", "applied", recruiter)


def test_a_move_writes_stage_history_and_audit_together(application, recruiter, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        move = move_to_stage(application=application, stage="screening", by=recruiter, note="Strong Django")
        move_to_stage(application=application, stage="rejected", by=recruiter, reason="Salary expectations")

    application.refresh_from_db()
    assert application.status == "rejected"
    history = list(
        StageChange.objects.filter(application=application).values_list("from_stage", "to_stage", "reason", "note")
    )
    assert history == [
        ("", "applied", "", ""),
        ("applied", "screening", "", "Strong Django"),
        ("screening", "rejected", "Salary expectations", ""),
    ]
    assert move.change.changed_by == recruiter
    events = AuditEvent.objects.filter(action="application.stage_changed", target_id=application.pk).order_by("pk")
    assert [(e.data, e.actor_id, e.target_type) for e in events] == [
        ({"from_stage": "applied", "to_stage": "screening"}, recruiter.pk, "applications.application"),
        ({"from_stage": "screening", "to_stage": "rejected"}, recruiter.pk, "applications.application"),
    ]


def test_a_refused_move_changes_nothing(application, recruiter) -> None:
    with pytest.raises(StageChangeRefused) as refused:
        move_to_stage(application=application, stage="rejected", by=recruiter, reason="")

    assert refused.value.code == PipelineErrorCode.REASON_REQUIRED
    application.refresh_from_db()
    assert application.status == "applied"
    assert StageChange.objects.filter(application=application).count() == 1
    assert not AuditEvent.objects.filter(action="application.stage_changed").exists()


def test_a_rejected_application_can_be_reopened_to_screening(application, recruiter) -> None:
    _walk(application, recruiter, "rejected", "screening", "shortlisted", "interviewing", "offered", "hired")

    application.refresh_from_db()
    assert application.status == "hired"
    with pytest.raises(StageChangeRefused, match="Hired is final"):
        move_to_stage(application=application, stage="withdrawn", by=recruiter)


def test_the_service_rereads_the_stage_it_moves_from(application, recruiter) -> None:
    stale = Application.objects.get(pk=application.pk)
    move_to_stage(application=application, stage="withdrawn", by=recruiter)

    with pytest.raises(StageChangeRefused, match="Withdrawn is final"):
        move_to_stage(application=stale, stage="screening", by=recruiter)


def test_a_move_is_announced_to_the_organization_after_commit(
    application, recruiter, organization, django_capture_on_commit_callbacks
) -> None:
    layer = get_channel_layer()
    channel = async_to_sync(layer.new_channel)()
    async_to_sync(layer.group_add)(organization_group(organization.pk), channel)

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        move_to_stage(application=application, stage="shortlisted", by=recruiter)

    assert len(callbacks) == 1
    message = async_to_sync(layer.receive)(channel)
    assert message["event"] == {"type": "application.stage", "application_id": application.pk, "stage": "shortlisted"}


def test_time_in_stage_counts_from_the_latest_move(application, recruiter) -> None:
    move_to_stage(application=application, stage="screening", by=recruiter)
    now = timezone.now()
    entered = now - timedelta(days=3)
    applied, screening = StageChange.objects.filter(application=application).order_by("pk")
    StageChange.objects.filter(pk=applied.pk).update(changed_at=now - timedelta(days=5))
    StageChange.objects.filter(pk=screening.pk).update(changed_at=entered)

    listed = application_list_for_organization(organization=application.job.organization).get(pk=application.pk)
    fresh = Application.objects.get(pk=application.pk)  # no annotation: read from the history

    assert listed.stage_entered_at == entered
    assert timedelta(days=3) <= listed.time_in_stage < timedelta(days=4)
    assert timedelta(days=3) <= fresh.time_in_stage < timedelta(days=4)


def test_an_application_without_history_counts_from_its_creation(organization) -> None:
    candidate = Candidate.objects.create(organization=organization, name="Old")
    job = JobPosting.objects.create(organization=organization, title="Old job", description="Go")
    application = Application.objects.create(candidate=candidate, job=job)  # as rows created before the pipeline

    listed = application_list_for_organization(organization=organization).get(pk=application.pk)

    assert listed.stage_entered_at == application.created_at


def test_bulk_moves_each_application_on_its_own(application, recruiter, organization) -> None:
    other = Application.objects.create(
        candidate=Candidate.objects.create(organization=organization, name="Lou"), job=application.job
    )
    move_to_stage(application=other, stage="withdrawn", by=recruiter)

    outcomes = bulk_move_to_stage(
        applications=Application.objects.filter(job__organization=organization),
        ids=[application.pk, other.pk, 999_999, application.pk],
        stage="screening",
        by=recruiter,
    )

    assert [(o.id, o.outcome, o.code) for o in outcomes] == [
        (application.pk, "moved", ""),
        (other.pk, "not_allowed", "final_stage"),
        (999_999, "not_found", ""),
    ]
    application.refresh_from_db()
    other.refresh_from_db()
    assert (application.status, other.status) == ("screening", "withdrawn")


def test_a_second_application_to_the_same_job_is_a_duplicate(application) -> None:
    with pytest.raises(DuplicateApplication):
        application_create(candidate=application.candidate, job=application.job)

    assert Application.objects.filter(candidate=application.candidate, job=application.job).count() == 1


def test_notes_need_text(application, recruiter) -> None:
    with pytest.raises(ValidationError) as empty:
        application_note_add(application=application, author=recruiter, text="  ")
    assert empty.value.messages == ["A note needs some text."]
    note = application_note_add(application=application, author=recruiter, text=" Call back Monday ")

    assert list(ApplicationNote.objects.values_list("text", "author")) == [("Call back Monday", recruiter.pk)]
    assert AuditEvent.objects.get(action="application.note_added").data == {"note_id": note.pk}


def test_stage_choices_are_the_pipeline() -> None:
    assert Application.Status is Stage
    assert [value for value, _ in Application._meta.get_field("status").choices] == [
        "applied",
        "screening",
        "shortlisted",
        "interviewing",
        "offered",
        "hired",
        "rejected",
        "withdrawn",
    ]


def test_the_data_migration_maps_the_earlier_statuses(organization) -> None:
    migration = importlib.import_module("applications.migrations.0003_map_old_statuses")
    job = JobPosting.objects.create(organization=organization, title="Old job", description="Go")
    earlier = ["applied", "screening", "shortlisted", "interviewed", "offered", "rejected"]
    rows = [
        Application.objects.create(candidate=Candidate.objects.create(organization=organization, name=s), job=job)
        for s in earlier
    ]
    for row, status in zip(rows, earlier, strict=True):
        Application.objects.filter(pk=row.pk).update(status=status)  # as stored before the pipeline

    migration.forwards(apps, None)

    stored = dict(Application.objects.values_list("pk", "status"))
    assert [stored[row.pk] for row in rows] == [
        "applied",
        "screening",
        "shortlisted",
        "interviewing",
        "offered",
        "rejected",
    ]
    migration.backwards(apps, None)
    assert Application.objects.get(pk=rows[3].pk).status == "interviewed"
