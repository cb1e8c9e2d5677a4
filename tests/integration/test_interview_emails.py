"""Interview invitations by email, sent through the Celery task (run eagerly, in the test) to a real SMTP server on
loopback: scheduling, rescheduling and cancelling each email the calendar file of that version (same UID, higher
SEQUENCE, METHOD:CANCEL at the end), once per recipient and version."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from typing import Any

import pytest
from django.core.files.storage import default_storage
from django.utils import timezone
from fixtures.smtp_server import Delivered, RecordingHandler, smtp_server  # noqa: F401  (the fixture)
from icalendar import Calendar

from accounts.services import recruiter_create
from applications.models import Application
from applications.pipeline import Stage
from applications.services import move_to_stage
from candidates.models import Candidate
from candidates.self_service import candidate_register
from config.celery import app as celery_app
from interviews.invitation_emails import duration_label
from interviews.models import Interview
from interviews.services import interview_cancel, interview_reschedule, interview_schedule
from jobs.models import JobPosting
from notifications.models import EmailNotification
from notifications.tasks import send_email_notification_task

pytestmark = pytest.mark.django_db

NEW_YORK = "America/New_York"
YEAR = timezone.now().year + 1  # always in the future: scheduling in the past is refused
MEETING = "https://meet.example.org/pia-42"
RESUME_MARKER = "Confidential-resume-line-5c1e: rebuilt the billing ledger"
Status = EmailNotification.Status


@pytest.fixture
def eager_tasks() -> Iterator[None]:
    celery_app.conf.task_always_eager = True
    try:
        yield
    finally:
        celery_app.conf.task_always_eager = False


@pytest.fixture
def application(organization, recruiter) -> Application:  # type: ignore[no-untyped-def]
    """Already interviewing, so scheduling sends the invitation alone (no stage-change email)."""
    recruiter.first_name, recruiter.last_name, recruiter.email = "Rita", "Moreno", "rita@acme.example"
    recruiter.save()
    job = JobPosting.objects.create(organization=organization, title="Backend developer", description="Python")
    candidate = Candidate.objects.create(
        organization=organization, name="Pia Lang", email="pia@example.org", extracted_text=RESUME_MARKER
    )
    return Application.objects.create(candidate=candidate, job=job, status=Stage.INTERVIEWING)


def schedule(application: Application, people: list[Any], capture: Any, hour: int = 9) -> Interview:
    start = datetime(YEAR, 1, 12, hour, 0)
    with capture(execute=True):
        return interview_schedule(
            application=application,
            starts_at=start,
            ends_at=start + timedelta(minutes=90),
            timezone_name=NEW_YORK,
            interviewers=people,
            kind="video",
            meeting_url=MEETING,
            by=people[0],
        )


def calendar_of(delivered: Delivered) -> tuple[EmailMessage, Calendar]:
    [attached] = [part for part in delivered.message.iter_attachments() if part.get_content_type() == "text/calendar"]
    return attached, Calendar.from_ical(attached.get_content())  # type: ignore[arg-type]


def event_of(calendar: Calendar) -> Any:
    [event] = calendar.walk("VEVENT")
    return event


def attendees(event: Any) -> list[str]:
    """The event's attendee addresses (icalendar gives one attendee alone, several as a list)."""
    value = event.get("ATTENDEE", [])
    return [str(attendee) for attendee in (value if isinstance(value, list) else [value])]


def to(handler: RecordingHandler, address: str) -> list[Delivered]:
    return [delivered for delivered in handler.delivered if delivered.recipients == [address]]


def test_scheduling_emails_the_candidate_the_invitation_in_the_interviews_zone(
    smtp_server: RecordingHandler,  # noqa: F811
    eager_tasks,
    application,
    recruiter,
    django_capture_on_commit_callbacks,
) -> None:
    interview = schedule(application, [recruiter], django_capture_on_commit_callbacks)

    [delivered] = to(smtp_server, "pia@example.org")
    assert delivered.subject == f"Interview scheduled: Backend developer at Acme Talent, Tue 12 Jan {YEAR} 09:00 EST"
    text = delivered.text()
    assert text.startswith("Hello Pia Lang,\n")
    assert f"When: Tuesday 12 January {YEAR}, 09:00 to 10:30 (America/New_York, EST)\n" in text
    assert "Duration: 1 hour 30 minutes\n" in text
    assert f"Join: {MEETING}\n" in text
    assert "Interviewers: Rita Moreno\n" in text
    assert "The Acme Talent hiring team" in text
    assert "/portal/" not in text  # no portal account: no link to a page they cannot open
    assert RESUME_MARKER not in text
    html = delivered.html() or ""
    assert f'<a href="{MEETING}">' in html and "Rita Moreno" in html

    attached, calendar = calendar_of(delivered)
    assert attached.get_param("method") == "REQUEST"
    assert attached.get_filename() == f"interview-{interview.pk}.ics"
    assert calendar["METHOD"] == "REQUEST"
    event = event_of(calendar)
    start = event.decoded("DTSTART")
    assert (start.replace(tzinfo=None), str(start.tzinfo)) == (datetime(YEAR, 1, 12, 9, 0), NEW_YORK)
    assert event["DTSTART"].params["TZID"] == NEW_YORK
    assert start.astimezone(UTC) == datetime(YEAR, 1, 12, 14, 0, tzinfo=UTC)
    assert str(event["URL"]) == MEETING
    assert str(event["UID"]) == f"{interview.uid}@interviews.recruitment.invalid"
    assert int(event["SEQUENCE"]) == 0

    notification = EmailNotification.objects.get(idempotency_key=f"interview_invitation:{interview.pk}:0:candidate")
    assert (notification.status, notification.attempts, notification.kind) == (Status.SENT, 1, "interview_invitation")
    assert notification.application_id == application.pk
    assert RESUME_MARKER not in str(notification.context)
    assert default_storage.exists(notification.attachments[0]["storage_name"])


def test_the_interviewers_get_the_same_invitation_with_a_link_to_the_interview(
    smtp_server: RecordingHandler,  # noqa: F811
    eager_tasks,
    application,
    recruiter,
    django_capture_on_commit_callbacks,
) -> None:
    interview = schedule(application, [recruiter], django_capture_on_commit_callbacks)

    [candidate_copy] = to(smtp_server, "pia@example.org")
    [delivered] = to(smtp_server, "rita@acme.example")
    assert delivered.subject == f"Interview with Pia Lang for Backend developer, Tue 12 Jan {YEAR} 09:00 EST"
    assert "Candidate: Pia Lang\n" in delivered.text()
    link = f"https://hire.acme.example/admin/interviews/interview/{interview.pk}/change/"
    assert f"See the interview: {link}" in delivered.text()
    assert event_of(calendar_of(delivered)[1])["UID"] == event_of(calendar_of(candidate_copy)[1])["UID"]


def test_a_candidate_with_a_portal_account_gets_a_link_to_their_application(
    smtp_server: RecordingHandler,  # noqa: F811
    eager_tasks,
    organization,
    recruiter,
    django_capture_on_commit_callbacks,
) -> None:
    with django_capture_on_commit_callbacks(execute=False):
        candidate = candidate_register(organization=organization, email="ann@example.com", password="horse-battery-9")
    job = JobPosting.objects.create(organization=organization, title="Data engineer", description="SQL")
    application = Application.objects.create(candidate=candidate, job=job, status=Stage.INTERVIEWING)

    schedule(application, [recruiter], django_capture_on_commit_callbacks)

    [delivered] = to(smtp_server, "ann@example.com")
    link = f"https://hire.acme.example/portal/applications/{application.pk}/"
    assert f"Accept or decline the interview on your application page: {link}" in delivered.text()
    assert f'href="{link}"' in (delivered.html() or "")


def test_rescheduling_sends_an_update_and_cancelling_a_cancellation_with_the_same_uid(
    smtp_server: RecordingHandler,  # noqa: F811
    eager_tasks,
    application,
    recruiter,
    django_capture_on_commit_callbacks,
) -> None:
    interview = schedule(application, [recruiter], django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        interview_reschedule(interview=interview, by=recruiter, starts_at=datetime(YEAR, 7, 13, 15, 0))
    with django_capture_on_commit_callbacks(execute=True):
        interview_cancel(interview=interview, by=recruiter, reason="Internal: the budget was cut")

    invited, updated, cancelled = to(smtp_server, "pia@example.org")
    assert updated.subject == f"Interview updated: Backend developer at Acme Talent, now Tue 13 Jul {YEAR} 15:00 EDT"
    assert f"When: Tuesday 13 July {YEAR}, 15:00 to 16:30 (America/New_York, EDT)\n" in updated.text()
    assert cancelled.subject == f"Interview cancelled: Backend developer at Acme Talent, Tue 13 Jul {YEAR} 15:00 EDT"
    assert "has been cancelled" in cancelled.text() and "budget" not in cancelled.text()

    events = [event_of(calendar_of(delivered)[1]) for delivered in (invited, updated, cancelled)]
    assert len({str(event["UID"]) for event in events}) == 1
    assert [int(event["SEQUENCE"]) for event in events] == [0, 1, 2]
    assert events[1].decoded("DTSTART").astimezone(UTC) == datetime(YEAR, 7, 13, 19, 0, tzinfo=UTC)
    attached, calendar = calendar_of(cancelled)
    assert (attached.get_param("method"), calendar["METHOD"]) == ("CANCEL", "CANCEL")
    assert str(events[2]["STATUS"]) == "CANCELLED"
    assert "budget" not in str(events[2]["DESCRIPTION"])  # the reason is the recruiters' own
    kinds = EmailNotification.objects.filter(recipient="pia@example.org").order_by("pk").values_list("kind", flat=True)
    assert list(kinds) == ["interview_invitation", "interview_updated", "interview_cancelled"]


def test_running_the_send_task_twice_sends_once(
    smtp_server: RecordingHandler,  # noqa: F811
    eager_tasks,
    application,
    recruiter,
    django_capture_on_commit_callbacks,
) -> None:
    interview = schedule(application, [recruiter], django_capture_on_commit_callbacks)
    notification = EmailNotification.objects.get(idempotency_key=f"interview_invitation:{interview.pk}:0:candidate")

    assert send_email_notification_task.apply(args=(notification.pk,)).get() == Status.SENT
    assert send_email_notification_task.apply(args=(notification.pk,)).get() == Status.SENT

    assert len(to(smtp_server, "pia@example.org")) == 1
    notification.refresh_from_db()
    assert (notification.status, notification.attempts) == (Status.SENT, 1)


def test_a_reschedule_that_changes_nothing_sends_nothing(
    smtp_server: RecordingHandler,  # noqa: F811
    eager_tasks,
    application,
    recruiter,
    django_capture_on_commit_callbacks,
) -> None:
    interview = schedule(application, [recruiter], django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        interview_reschedule(interview=interview, by=recruiter, meeting_url=MEETING)

    assert len(to(smtp_server, "pia@example.org")) == 1
    assert EmailNotification.objects.filter(kind="interview_updated").count() == 0


def test_a_candidate_without_an_email_is_recorded_as_skipped(
    smtp_server: RecordingHandler,  # noqa: F811
    eager_tasks,
    application,
    recruiter,
    django_capture_on_commit_callbacks,
) -> None:
    Candidate.objects.filter(pk=application.candidate_id).update(email="")
    recruiter.email = ""
    recruiter.save()

    interview = schedule(application, [recruiter], django_capture_on_commit_callbacks)

    [notification] = EmailNotification.objects.all()
    assert notification.idempotency_key == f"interview_invitation:{interview.pk}:0:candidate"
    assert (notification.status, notification.recipient, notification.attempts) == (Status.SKIPPED, "", 0)
    assert (notification.last_error, notification.attachments) == ("NoAddress", [])
    assert smtp_server.delivered == []


@pytest.mark.parametrize(
    ("minutes", "label"),
    [(30, "30 minutes"), (60, "1 hour"), (61, "1 hour 1 minute"), (150, "2 hours 30 minutes"), (0, "0 minutes")],
)
def test_durations_read_naturally(minutes: int, label: str) -> None:
    assert duration_label(minutes) == label


def test_scheduling_from_an_earlier_stage_sends_the_invitation_alone(
    smtp_server: RecordingHandler,  # noqa: F811
    eager_tasks,
    application,
    recruiter,
    django_capture_on_commit_callbacks,
) -> None:
    Application.objects.filter(pk=application.pk).update(status=Stage.SHORTLISTED)
    application.refresh_from_db()

    schedule(application, [recruiter], django_capture_on_commit_callbacks)

    application.refresh_from_db()
    assert application.status == Stage.INTERVIEWING
    [delivered] = to(smtp_server, "pia@example.org")
    assert delivered.subject.startswith("Interview scheduled: Backend developer at Acme Talent")
    kinds = EmailNotification.objects.filter(recipient="pia@example.org").values_list("kind", flat=True)
    assert list(kinds) == ["interview_invitation"]
    assert application.stage_changes.get(to_stage=Stage.INTERVIEWING).note == "Interview scheduled."


def test_a_manual_move_to_interviewing_still_emails_the_stage_change(
    smtp_server: RecordingHandler,  # noqa: F811
    eager_tasks,
    application,
    recruiter,
    django_capture_on_commit_callbacks,
) -> None:
    Application.objects.filter(pk=application.pk).update(status=Stage.SHORTLISTED)

    with django_capture_on_commit_callbacks(execute=True):
        move_to_stage(application=application, stage=Stage.INTERVIEWING, by=recruiter)

    [delivered] = to(smtp_server, "pia@example.org")
    assert delivered.subject == "Interview invitation: Backend developer at Acme Talent"
    kinds = EmailNotification.objects.filter(recipient="pia@example.org").values_list("kind", flat=True)
    assert list(kinds) == ["stage_changed"]


def test_an_interviewer_removed_by_a_reschedule_gets_a_cancellation(
    smtp_server: RecordingHandler,  # noqa: F811
    eager_tasks,
    application,
    recruiter,
    organization,
    django_capture_on_commit_callbacks,
) -> None:
    bob = recruiter_create(username="bob", password="bob-password-1", organization=organization)
    bob.first_name, bob.last_name, bob.email = "Bob", "Stone", "bob@acme.example"
    bob.save()
    interview = schedule(application, [recruiter, bob], django_capture_on_commit_callbacks)

    with django_capture_on_commit_callbacks(execute=True):
        interview_reschedule(interview=interview, by=recruiter, interviewers=[recruiter])

    invited, removed = to(smtp_server, "bob@acme.example")
    assert removed.subject == f"Removed from the interview: Pia Lang for Backend developer, Tue 12 Jan {YEAR} 09:00 EST"
    assert "You are no longer an interviewer in the interview of Pia Lang" in removed.text()
    assert "it goes ahead without you" in (removed.html() or "")
    attached, calendar = calendar_of(removed)
    assert (attached.get_param("method"), calendar["METHOD"]) == ("CANCEL", "CANCEL")
    event = event_of(calendar)
    assert str(event["UID"]) == str(event_of(calendar_of(invited)[1])["UID"])
    assert (int(event["SEQUENCE"]), str(event["STATUS"])) == (1, "CANCELLED")
    assert attendees(event) == ["mailto:bob@acme.example"]  # only the one removed: not the candidate

    # Everyone still in the interview gets the update, which no longer lists the removed interviewer.
    for address in ("pia@example.org", "rita@acme.example"):
        _, updated = to(smtp_server, address)
        attached, calendar = calendar_of(updated)
        assert attached.get_param("method") == "REQUEST"
        assert attendees(event_of(calendar)) == ["mailto:rita@acme.example", "mailto:pia@example.org"]
    notification = EmailNotification.objects.get(idempotency_key=f"interview_removed:{interview.pk}:1:user-{bob.pk}")
    assert (notification.kind, notification.status) == ("interview_cancelled", Status.SENT)
    assert notification.attachments[0]["storage_name"] == f"notifications/interviews/{interview.pk}-1-removed.ics"
