"""Email notifications, sent through the Celery task (run eagerly, in the test) to a real SMTP server on loopback."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

import pytest
from fixtures.analysis_replies import GROUNDED, store_reply
from fixtures.smtp_server import RecordingHandler, free_port, smtp_server  # noqa: F401  (the fixture)

from applications.models import Application
from candidates.models import Candidate
from config.celery import app as celery_app
from ingestion.models import ImportBatch
from ingestion.services import broadcast_import
from jobs.models import JobPosting
from notifications.models import EmailNotification
from notifications.services import NotificationContextError, notification_resend, notify
from notifications.tasks import MAX_RETRIES, send_email_notification_task

RESUME_MARKER = "Confidential-resume-line-7f3a: led the Zanzibar migration"
Status = EmailNotification.Status


@pytest.fixture
def eager_tasks() -> Iterator[None]:
    """Tasks published after commit run in the test's process, retries included (without their countdown)."""
    celery_app.conf.task_always_eager = True
    try:
        yield
    finally:
        celery_app.conf.task_always_eager = False


@pytest.fixture
def people(organization, recruiter) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    recruiter.email, recruiter.first_name, recruiter.last_name = "rita@acme.example", "Rita", "Moreno"
    recruiter.save()
    job = JobPosting.objects.create(
        organization=organization, title="Backend developer", description="Python, Django", created_by=recruiter
    )
    candidate = Candidate.objects.create(
        organization=organization, name="Maria Lopez", email="maria@example.org", extracted_text=RESUME_MARKER
    )
    application = Application.objects.create(candidate=candidate, job=job)
    return {"recruiter": recruiter, "job": job, "candidate": candidate, "application": application}


def move(application: Application, stage: str, by: Any, capture: Any) -> None:
    from applications.services import move_to_stage

    with capture(execute=True):
        move_to_stage(application=application, stage=stage, by=by, reason="Another candidate was a closer fit")


@pytest.mark.parametrize(
    ("stage", "subject"),
    [
        ("interviewing", "Interview invitation: Backend developer at Acme Talent"),
        ("offered", "An offer for Backend developer at Acme Talent"),
        ("hired", "Welcome to Acme Talent"),
        ("rejected", "Your application for Backend developer at Acme Talent"),
    ],
)
def test_a_stage_the_candidate_should_know_is_emailed_to_them(
    smtp_server: RecordingHandler,  # noqa: F811
    eager_tasks,
    people,
    django_capture_on_commit_callbacks,
    stage: str,
    subject: str,
) -> None:
    if stage == "hired":
        move(people["application"], "offered", people["recruiter"], django_capture_on_commit_callbacks)
        smtp_server.delivered.clear()
    move(people["application"], stage, people["recruiter"], django_capture_on_commit_callbacks)

    [delivered] = smtp_server.delivered
    assert delivered.recipients == ["maria@example.org"]
    assert delivered.subject == subject
    assert delivered.message["From"] == "Hiring <no-reply@acme.example>"
    assert delivered.text().startswith("Hello Maria Lopez,\n")
    assert "The Acme Talent hiring team" in delivered.text()
    assert "Maria Lopez" in (delivered.html() or "")
    notification = EmailNotification.objects.get(application=people["application"], context__stage=stage)
    assert (notification.status, notification.attempts, notification.subject) == (Status.SENT, 1, subject)
    assert notification.sent_at is not None


@pytest.mark.parametrize("stage", ["screening", "shortlisted"])
def test_early_stages_send_nothing(
    smtp_server: RecordingHandler,  # noqa: F811
    eager_tasks,
    people,
    django_capture_on_commit_callbacks,
    stage: str,
) -> None:
    move(people["application"], stage, people["recruiter"], django_capture_on_commit_callbacks)

    assert smtp_server.delivered == []
    assert not EmailNotification.objects.exists()


def test_a_candidate_without_an_email_is_skipped_and_nothing_is_sent(
    smtp_server: RecordingHandler,  # noqa: F811
    eager_tasks,
    people,
    django_capture_on_commit_callbacks,
) -> None:
    Candidate.objects.filter(pk=people["candidate"].pk).update(email="")

    move(people["application"], "interviewing", people["recruiter"], django_capture_on_commit_callbacks)

    [notification] = EmailNotification.objects.all()
    assert (notification.status, notification.recipient, notification.attempts) == (Status.SKIPPED, "", 0)
    assert notification.last_error == "NoAddress"
    assert smtp_server.delivered == []


def test_a_finished_analysis_is_emailed_to_the_jobs_recruiter_with_a_link(
    smtp_server: RecordingHandler,  # noqa: F811
    eager_tasks,
    people,
    django_capture_on_commit_callbacks,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        analysis = store_reply(people["application"], GROUNDED, score=72.5)

    [delivered] = smtp_server.delivered
    assert delivered.recipients == ["rita@acme.example"]
    assert delivered.subject == "Screening ready: Maria Lopez for Backend developer (72/100)"
    link = f"https://hire.acme.example/admin/applications/application/{people['application'].pk}/change/"
    assert f"Review the application: {link}" in delivered.text()
    assert "Recommendation: Hold" in delivered.text()
    assert EmailNotification.objects.get(idempotency_key=f"analysis_ready:{analysis.pk}").status == Status.SENT


@pytest.mark.parametrize(
    ("state", "subject", "line"),
    [
        ("done", "Import finished: resumes.zip", "2 of 3 resumes imported, 1 could not be read."),
        ("failed", "Import failed: resumes.zip", "Reason: The archive is not a ZIP file."),
    ],
)
def test_a_finished_import_is_emailed_to_who_started_it(
    smtp_server: RecordingHandler,  # noqa: F811
    eager_tasks,
    people,
    organization,
    django_capture_on_commit_callbacks,
    state: str,
    subject: str,
    line: str,
) -> None:
    batch = ImportBatch.objects.create(
        organization=organization,
        created_by=people["recruiter"],
        archive_name="resumes.zip",
        state=ImportBatch.State.PROCESSING,
        total=3,
        processed=2,
    )
    with django_capture_on_commit_callbacks(execute=True):
        broadcast_import(batch)  # still running: nothing
    assert smtp_server.delivered == []

    ImportBatch.objects.filter(pk=batch.pk).update(
        state=state, processed=3, failed=1, error="The archive is not a ZIP file." if state == "failed" else ""
    )
    batch.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        broadcast_import(batch)
        broadcast_import(batch)  # announced again: still one email

    [delivered] = smtp_server.delivered
    assert delivered.recipients == ["rita@acme.example"]
    assert delivered.subject == subject
    assert line in delivered.text()
    assert f"https://hire.acme.example/admin/ingestion/importbatch/{batch.pk}/change/" in delivered.text()


def test_a_temporary_smtp_refusal_is_retried_and_delivered_once(
    smtp_server: RecordingHandler,  # noqa: F811
    eager_tasks,
    people,
    django_capture_on_commit_callbacks,
) -> None:
    smtp_server.refuse_next = 1

    move(people["application"], "interviewing", people["recruiter"], django_capture_on_commit_callbacks)

    assert smtp_server.refused == 1
    assert len(smtp_server.delivered) == 1
    notification = EmailNotification.objects.get()
    assert (notification.status, notification.attempts) == (Status.SENT, 2)


def test_a_sent_notification_run_again_sends_nothing(
    smtp_server: RecordingHandler,  # noqa: F811
    eager_tasks,
    people,
    django_capture_on_commit_callbacks,
) -> None:
    move(people["application"], "interviewing", people["recruiter"], django_capture_on_commit_callbacks)
    notification = EmailNotification.objects.get()

    assert send_email_notification_task.apply(args=(notification.pk,)).get() == Status.SENT  # a redelivery

    assert len(smtp_server.delivered) == 1
    notification.refresh_from_db()
    assert notification.attempts == 1


def test_refused_on_every_attempt_it_is_marked_failed_with_the_error_class(
    smtp_server: RecordingHandler,  # noqa: F811
    eager_tasks,
    people,
    django_capture_on_commit_callbacks,
) -> None:
    smtp_server.refuse_next = MAX_RETRIES + 1

    move(people["application"], "interviewing", people["recruiter"], django_capture_on_commit_callbacks)

    notification = EmailNotification.objects.get()
    assert (notification.status, notification.attempts) == (Status.FAILED, MAX_RETRIES + 1)
    assert notification.last_error == "SMTPDataError 451"
    assert smtp_server.delivered == []

    # Resent from the admin's action: a new record, delivered; asking again for the same failure sends nothing.
    smtp_server.refuse_next = 0
    with django_capture_on_commit_callbacks(execute=True):
        resent = notification_resend(notification=notification)
        again = notification_resend(notification=notification)
    assert resent is not None and again == resent
    assert resent.idempotency_key == f"{notification.idempotency_key}:resend-{notification.pk}"
    assert len(smtp_server.delivered) == 1
    assert notification_resend(notification=EmailNotification.objects.get(pk=resent.pk)) is None  # sent: not resent


def test_the_same_idempotency_key_twice_sends_one_message(
    smtp_server: RecordingHandler,  # noqa: F811
    eager_tasks,
    organization,
    django_capture_on_commit_callbacks,
) -> None:
    context = {"recipient_name": "Rita", "archive_name": "a.zip", "succeeded": True, "total": 1, "imported": 1}
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        first, second = (
            notify("import_finished", "rita@acme.example", context, "import:manual-1", organization=organization)
            for _ in range(2)
        )

    assert first.pk == second.pk
    assert len(callbacks) == 1
    assert len(smtp_server.delivered) == 1
    assert EmailNotification.objects.count() == 1


@pytest.mark.parametrize(
    ("context", "message"),
    [
        ({"resume": "x" * 501}, "longer than 500 characters"),
        ({"skills": ["python"]}, "must be a string, number or boolean"),
        ({"not an identifier": "x"}, "Context names are identifiers"),
    ],
)
def test_a_context_holding_a_document_or_structure_is_refused(organization, context, message) -> None:
    with pytest.raises(NotificationContextError, match=message):
        notify("import_finished", "rita@acme.example", context, "refused", organization=organization)
    assert not EmailNotification.objects.exists()


def test_an_unknown_kind_is_refused(organization) -> None:
    with pytest.raises(ValueError, match="Unknown notification kind 'newsletter'"):
        notify("newsletter", "rita@acme.example", {}, "k", organization=organization)


def test_no_resume_text_reaches_the_logs_the_records_or_the_emails(
    smtp_server: RecordingHandler,  # noqa: F811
    eager_tasks,
    people,
    django_capture_on_commit_callbacks,
    caplog,
) -> None:
    caplog.set_level(logging.DEBUG)
    smtp_server.refuse_next = 1  # the retry path logs too

    move(people["application"], "interviewing", people["recruiter"], django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        store_reply(people["application"], GROUNDED)

    assert len(smtp_server.delivered) == 2
    assert "email notification sent" in caplog.text
    assert "Zanzibar" not in caplog.text
    assert all("Zanzibar" not in str(n.context) for n in EmailNotification.objects.all())
    assert all("Zanzibar" not in d.message.as_string() for d in smtp_server.delivered)


def test_an_unreachable_smtp_server_counts_each_attempt_and_ends_failed(
    smtp_server: RecordingHandler,  # noqa: F811
    eager_tasks,
    people,
    settings,
    django_capture_on_commit_callbacks,
) -> None:
    settings.EMAIL_PORT = free_port()  # nothing listens there: every connection is refused

    move(people["application"], "interviewing", people["recruiter"], django_capture_on_commit_callbacks)

    notification = EmailNotification.objects.get()
    assert (notification.status, notification.attempts) == (Status.FAILED, MAX_RETRIES + 1)
    assert notification.last_error == "ConnectionRefusedError"
    assert smtp_server.delivered == []


def test_a_stored_file_is_attached(
    smtp_server: RecordingHandler,  # noqa: F811
    eager_tasks,
    organization,
    django_capture_on_commit_callbacks,
) -> None:
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    from notifications.services import Attachment

    stored = default_storage.save("reports/import-report.csv", ContentFile(b"file,status\na.pdf,parsed\n"))
    context = {"recipient_name": "Rita", "archive_name": "a.zip", "succeeded": True, "total": 1, "imported": 1}
    with django_capture_on_commit_callbacks(execute=True):
        notify(
            "import_finished",
            "rita@acme.example",
            context,
            "import:with-report",
            [Attachment(filename="report.csv", storage_name=stored, mimetype="text/csv")],
            organization=organization,
        )

    [delivered] = smtp_server.delivered
    [attached] = list(delivered.message.iter_attachments())
    assert attached.get_filename() == "report.csv"
    assert attached.get_content().replace("\r\n", "\n") == "file,status\na.pdf,parsed\n"


def test_a_notification_whose_task_was_lost_is_queued_again_and_sent_once(
    smtp_server: RecordingHandler,  # noqa: F811
    eager_tasks,
    people,
    django_capture_on_commit_callbacks,
) -> None:
    from datetime import timedelta

    from django.utils import timezone

    from notifications.services import notifications_requeue

    # The row is committed but its task never reaches the broker (the on-commit publish does not run).
    with django_capture_on_commit_callbacks(execute=False):
        from applications.services import move_to_stage

        move_to_stage(application=people["application"], stage="interviewing", by=people["recruiter"])
    lost = EmailNotification.objects.get()
    assert (lost.status, lost.attempts) == (Status.QUEUED, 0)

    assert notifications_requeue() == []  # too young: its task may still be on its way
    EmailNotification.objects.filter(pk=lost.pk).update(created_at=timezone.now() - timedelta(hours=1))

    assert notifications_requeue() == [lost.pk]
    assert notifications_requeue() == []  # sent now: nothing left to queue again
    assert len(smtp_server.delivered) == 1
    lost.refresh_from_db()
    assert (lost.status, lost.attempts) == (Status.SENT, 1)
