"""Interviews through the service, against the real test PostgreSQL and Redis channel layer: time zones and
daylight saving, conflicts, the pipeline move, audit entries, live events and the scorecard."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.core.exceptions import ValidationError
from django.utils import timezone

from accounts.services import recruiter_create
from applications.models import Application, StageChange
from applications.services import application_create, move_to_stage
from audit.models import AuditEvent
from candidates.models import Candidate
from interviews.models import Interview, InterviewFeedback
from interviews.services import (
    InterviewErrorCode,
    InterviewRefused,
    clean_scores,
    interview_cancel,
    interview_feedback_submit,
    interview_reschedule,
    interview_schedule,
)
from interviews.timezones import local_to_utc
from jobs.models import JobPosting
from realtime.services import organization_group

pytestmark = pytest.mark.django_db

NEW_YORK = "America/New_York"
YEAR = timezone.now().year + 1  # always in the future: scheduling in the past is refused


def sunday(year: int, month: int, nth: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(6 - first.weekday()) % 7 + 7 * (nth - 1))


SPRING_FORWARD = sunday(YEAR, 3, 2)  # United States: second Sunday of March, 02:00 -> 03:00
FALL_BACK = sunday(YEAR, 11, 1)  # first Sunday of November, 02:00 -> 01:00


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute)


WINTER, SUMMER = date(YEAR, 1, 12), date(YEAR, 7, 13)


@pytest.fixture
def application(organization, recruiter, django_capture_on_commit_callbacks) -> Application:  # type: ignore[no-untyped-def]
    with django_capture_on_commit_callbacks(execute=False):
        candidate = Candidate.objects.create(organization=organization, name="Pia", email="pia@example.org")
        job = JobPosting.objects.create(organization=organization, title="Backend Developer", description="Python")
        JobPosting.objects.filter(pk=job.pk).update(required_skills=["Python", "Django", "PostgreSQL"])
        return application_create(candidate=candidate, job=job, actor=recruiter)


@pytest.fixture
def colleague(organization):  # type: ignore[no-untyped-def]
    return recruiter_create(username="cole", password="cole-password-1", organization=organization)


def schedule(application, people, day=WINTER, hour=9, minutes=60, zone=NEW_YORK, by=None) -> Interview:  # type: ignore[no-untyped-def]
    start = at(day, hour)
    return interview_schedule(
        application=application,
        starts_at=start,
        ends_at=start + timedelta(minutes=minutes),
        timezone_name=zone,
        interviewers=people,
        kind="video",
        meeting_url="https://meet.example.org/abc",
        by=by,
    )


def test_new_york_nine_oclock_is_stored_in_utc_by_the_season(application, recruiter) -> None:
    winter = schedule(application, [recruiter], day=WINTER)
    summer = schedule(application, [recruiter], day=SUMMER)

    assert winter.starts_at == datetime(YEAR, 1, 12, 14, 0, tzinfo=UTC)
    assert winter.ends_at == datetime(YEAR, 1, 12, 15, 0, tzinfo=UTC)
    assert summer.starts_at == datetime(YEAR, 7, 13, 13, 0, tzinfo=UTC)
    stored = Interview.objects.get(pk=winter.pk)
    assert (stored.starts_at, stored.timezone) == (datetime(YEAR, 1, 12, 14, 0, tzinfo=UTC), NEW_YORK)


def test_a_time_the_clocks_skip_is_refused(application, recruiter) -> None:
    with pytest.raises(ValidationError) as refused:
        schedule(application, [recruiter], day=SPRING_FORWARD, hour=2)

    assert refused.value.code == "nonexistent_local_time"
    assert refused.value.messages == [
        f"{SPRING_FORWARD:%Y-%m-%d} 02:00 does not exist in {NEW_YORK}: the clocks skip that hour for daylight "
        "saving time. Choose a time outside the change."
    ]
    assert not Interview.objects.exists()


def test_a_repeated_time_is_refused_unless_its_offset_says_which(application) -> None:
    with pytest.raises(ValidationError) as refused:
        local_to_utc(at(FALL_BACK, 1, 30), NEW_YORK)
    assert refused.value.code == "ambiguous_local_time"

    from datetime import timezone as fixed

    second = at(FALL_BACK, 1, 30).replace(tzinfo=fixed(timedelta(hours=-5)))
    assert local_to_utc(second, NEW_YORK) == datetime(FALL_BACK.year, FALL_BACK.month, FALL_BACK.day, 6, 30, tzinfo=UTC)


@pytest.mark.parametrize("name", ["Mars/Olympus_Mons", "", "../../etc/passwd", "America/New_York "])
def test_an_unknown_time_zone_is_refused(application, recruiter, name: str) -> None:
    with pytest.raises(ValidationError) as refused:
        schedule(application, [recruiter], zone=name)
    assert refused.value.code == "unknown_timezone"


def test_an_interviewer_booked_elsewhere_is_a_conflict_naming_the_interview(
    application, recruiter, organization, colleague
) -> None:
    other_candidate = Candidate.objects.create(organization=organization, name="Ola")
    other = Application.objects.create(candidate=other_candidate, job=application.job)
    first = schedule(other, [recruiter, colleague])

    with pytest.raises(InterviewRefused) as refused:
        interview_schedule(
            application=application,
            starts_at=at(WINTER, 9, 30),
            ends_at=at(WINTER, 10, 30),
            timezone_name=NEW_YORK,
            interviewers=[colleague],
            kind="phone",
            by=recruiter,
        )

    assert refused.value.code == InterviewErrorCode.INTERVIEWER_CONFLICT
    assert refused.value.message == (
        f"Interviewer cole is already booked from {YEAR}-01-12 09:00 to {YEAR}-01-12 10:00 ({NEW_YORK}) "
        f"in interview {first.pk}."
    )
    assert Interview.objects.count() == 1
    # Back to back is no overlap.
    assert schedule(application, [colleague], hour=10).starts_at == datetime(YEAR, 1, 12, 15, 0, tzinfo=UTC)


def test_the_candidate_booked_elsewhere_is_a_conflict(application, recruiter, colleague) -> None:
    first = schedule(application, [recruiter])

    with pytest.raises(InterviewRefused) as refused:
        schedule(application, [colleague], hour=9, minutes=30, zone=NEW_YORK)

    assert refused.value.code == InterviewErrorCode.CANDIDATE_CONFLICT
    assert refused.value.message == (
        f"The candidate is already booked from {YEAR}-01-12 09:00 to {YEAR}-01-12 10:00 ({NEW_YORK}) "
        f"in interview {first.pk}."
    )
    interview_cancel(interview=first, by=recruiter)
    assert schedule(application, [colleague]).status == "scheduled"  # a cancelled interview books nobody


def test_scheduling_moves_an_earlier_application_to_interviewing_once(application, recruiter) -> None:
    schedule(application, [recruiter], by=recruiter)
    schedule(application, [recruiter], day=SUMMER, by=recruiter)

    application.refresh_from_db()
    assert application.status == "interviewing"
    moves = list(StageChange.objects.filter(application=application).values_list("from_stage", "to_stage", "note"))
    assert moves == [("", "applied", ""), ("applied", "interviewing", "Interview scheduled.")]


def test_an_offered_application_stays_offered_and_a_rejected_one_takes_no_interview(application, recruiter) -> None:
    move_to_stage(application=application, stage="offered", by=recruiter)
    schedule(application, [recruiter])
    application.refresh_from_db()
    assert application.status == "offered"

    move_to_stage(application=application, stage="rejected", by=recruiter, reason="Declined the offer")
    with pytest.raises(InterviewRefused) as refused:
        schedule(application, [recruiter], day=SUMMER)
    assert (refused.value.code, refused.value.message) == (
        InterviewErrorCode.APPLICATION_CLOSED,
        "The application is Rejected: no interview can be scheduled.",
    )


def test_interviewers_come_from_the_applications_organization(application, recruiter) -> None:
    from accounts.models import Organization

    stranger = recruiter_create(
        username="otto", password="otto-password-1", organization=Organization.objects.create(name="Other Co")
    )
    with pytest.raises(ValidationError) as refused:
        schedule(application, [recruiter, stranger])
    assert refused.value.code == "interviewer_not_in_organization"
    assert not Interview.objects.exists()


def test_reschedule_increments_the_sequence_and_keeps_the_duration(application, recruiter, colleague) -> None:
    interview = schedule(application, [recruiter])

    moved = interview_reschedule(interview=interview, by=recruiter, starts_at=at(SUMMER, 9))
    same = interview_reschedule(interview=moved, by=recruiter, starts_at=at(SUMMER, 9))
    again = interview_reschedule(interview=interview, by=recruiter, interviewers=[colleague], timezone_name="UTC")

    assert (moved.starts_at, moved.ends_at, moved.sequence) == (
        datetime(YEAR, 7, 13, 13, 0, tzinfo=UTC),
        datetime(YEAR, 7, 13, 14, 0, tzinfo=UTC),
        1,
    )
    assert same.sequence == 1  # nothing changed: no new invitation
    assert (again.sequence, again.timezone, again.starts_at) == (2, "UTC", moved.starts_at)
    assert list(again.interviewers.all()) == [colleague]
    events = AuditEvent.objects.filter(action="interview.rescheduled", target_id=interview.pk).order_by("pk")
    assert [event.data for event in events] == [
        {"changed": ["ends_at", "starts_at"], "sequence": 1},
        {"changed": ["interviewers", "timezone"], "sequence": 2},
    ]


def test_a_cancelled_interview_is_neither_rescheduled_nor_cancelled_again(application, recruiter) -> None:
    interview = interview_cancel(interview=schedule(application, [recruiter]), by=recruiter, reason="Filled")

    assert (interview.status, interview.sequence, interview.cancellation_reason) == ("cancelled", 1, "Filled")
    for attempt in (
        lambda: interview_cancel(interview=interview, by=recruiter),
        lambda: interview_reschedule(interview=interview, by=recruiter, starts_at=at(SUMMER, 9)),
    ):
        with pytest.raises(InterviewRefused) as refused:
            attempt()
        assert refused.value.code == InterviewErrorCode.NOT_SCHEDULED


def test_each_change_is_audited_by_id(application, recruiter) -> None:
    interview = schedule(application, [recruiter], by=recruiter)
    interview_cancel(interview=interview, by=recruiter)

    events = AuditEvent.objects.filter(target_type="interviews.interview").order_by("pk")
    assert [(e.action, e.actor_id, e.target_id, e.target_label) for e in events] == [
        ("interview.scheduled", recruiter.pk, interview.pk, f"interviews.interview #{interview.pk}"),
        ("interview.cancelled", recruiter.pk, interview.pk, f"interviews.interview #{interview.pk}"),
    ]
    assert events[0].data == {"application": application.pk, "interviewers": [recruiter.pk]}


def test_changes_are_announced_to_the_organization_after_commit(
    application, recruiter, organization, django_capture_on_commit_callbacks
) -> None:
    layer = get_channel_layer()
    channel = async_to_sync(layer.new_channel)()
    async_to_sync(layer.group_add)(organization_group(organization.pk), channel)

    with django_capture_on_commit_callbacks(execute=True):
        interview = schedule(application, [recruiter], by=recruiter)
    with django_capture_on_commit_callbacks(execute=True):
        interview_reschedule(interview=interview, by=recruiter, starts_at=at(SUMMER, 9))
    with django_capture_on_commit_callbacks(execute=True):
        interview_cancel(interview=interview, by=recruiter)

    received = [async_to_sync(layer.receive)(channel)["event"] for _ in range(4)]
    assert received[0] == {"type": "application.stage", "application_id": application.pk, "stage": "interviewing"}
    assert [event["type"] for event in received[1:]] == [
        "interview.scheduled",
        "interview.rescheduled",
        "interview.cancelled",
    ]
    assert received[1] == {
        "type": "interview.scheduled",
        "interview_id": interview.pk,
        "application_id": application.pk,
        "status": "scheduled",
        "starts_at": f"{YEAR}-01-12T14:00:00+00:00",
        "ends_at": f"{YEAR}-01-12T15:00:00+00:00",
        "sequence": 0,
    }
    assert (received[2]["starts_at"], received[2]["sequence"]) == (f"{YEAR}-07-13T13:00:00+00:00", 1)
    assert (received[3]["status"], received[3]["sequence"]) == ("cancelled", 2)


def test_feedback_is_one_scorecard_per_interviewer_and_completes_the_interview(
    application, recruiter, colleague
) -> None:
    interview = schedule(application, [recruiter, colleague])

    first = interview_feedback_submit(
        interview=interview, interviewer=recruiter, recommendation="yes", scores={"python": 4}, notes="Solid"
    )
    replaced = interview_feedback_submit(
        interview=interview, interviewer=recruiter, recommendation="strong_yes", scores={"Python": 5, "Django": 4}
    )
    interview.refresh_from_db()
    assert interview.status == "scheduled"  # the colleague has not submitted yet
    interview_feedback_submit(interview=interview, interviewer=colleague, recommendation="no")

    interview.refresh_from_db()
    assert interview.status == "completed"
    assert replaced.pk == first.pk
    rows = InterviewFeedback.objects.order_by("interviewer_id").values_list("interviewer", "recommendation", "scores")
    assert list(rows) == [(recruiter.pk, "strong_yes", {"Python": 5, "Django": 4}), (colleague.pk, "no", {})]


def test_only_interviewers_of_a_standing_interview_give_feedback(application, recruiter, colleague) -> None:
    interview = schedule(application, [recruiter])

    with pytest.raises(InterviewRefused) as outsider:
        interview_feedback_submit(interview=interview, interviewer=colleague, recommendation="yes")
    interview_cancel(interview=interview, by=recruiter)
    with pytest.raises(InterviewRefused) as cancelled:
        interview_feedback_submit(interview=interview, interviewer=recruiter, recommendation="yes")

    assert outsider.value.code == InterviewErrorCode.NOT_AN_INTERVIEWER
    assert cancelled.value.code == InterviewErrorCode.NOT_SCHEDULED
    assert not InterviewFeedback.objects.exists()


@pytest.mark.parametrize(
    ("scores", "code", "message"),
    [
        (
            {"Kotlin": 3},
            "unknown_requirement",
            "'Kotlin' is not a required skill of this job; score one of: Python, Django.",
        ),
        ({"Python": 6}, "invalid_score", "The score for Python is a whole number from 1 to 5, not 6."),
        ({"Python": True}, "invalid_score", "The score for Python is a whole number from 1 to 5, not True."),
        ({"Python": 3, "python": 4}, "duplicate_requirement", "Python is scored twice."),
        (["Python"], "invalid_scores", "Scores are an object: {required skill: 1-5}."),
    ],
)
def test_scorecards_are_checked_against_the_jobs_required_skills(scores, code: str, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as refused:
        clean_scores(scores, ["Python", "Django"])
    assert (refused.value.code, refused.value.messages) == (code, [message])


@pytest.mark.parametrize(
    ("value", "zone"), [(datetime(1, 1, 1, 0, 0), "Asia/Tokyo"), (datetime(9999, 12, 31, 23), NEW_YORK)]
)
def test_a_time_at_the_calendars_ends_is_refused_not_an_error(value: datetime, zone: str) -> None:
    with pytest.raises(ValidationError) as refused:
        local_to_utc(value, zone)
    assert refused.value.code == "out_of_range"
