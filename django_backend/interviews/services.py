"""Scheduling interviews: schedule, reschedule, cancel and feedback, each atomic with its audit entry and a live
event to the organization after commit.

Times arrive as wall-clock times in the interview's IANA zone and are stored in UTC (interviews.timezones refuses
nonexistent and ambiguous local times). Nobody is double-booked: an interviewer or the candidate already in an
overlapping scheduled interview makes the request fail with InterviewRefused naming that interview; the candidate's
and the interviewers' rows are locked first, so two concurrent requests are checked one after the other.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone

from accounts.models import User
from applications.models import Application
from applications.pipeline import FINAL_STAGES, Stage
from applications.services import move_to_stage
from audit.services import audit_record
from candidates.models import Candidate
from interviews.invitation_emails import interview_invitation_emails
from interviews.models import Interview, InterviewFeedback
from interviews.timezones import local_to_utc, utc_to_local, zone_named
from realtime.services import broadcast_organization

MAX_DURATION = timedelta(hours=8)
MAX_INTERVIEWERS = 10
MAX_TEXT = 5000
# Stages before interviewing: scheduling an interview moves the application on to interviewing.
EARLIER_STAGES = frozenset({Stage.APPLIED, Stage.SCREENING, Stage.SHORTLISTED})


class InterviewErrorCode(StrEnum):
    INTERVIEWER_CONFLICT = "interviewer_conflict"
    CANDIDATE_CONFLICT = "candidate_conflict"
    APPLICATION_CLOSED = "application_closed"
    NOT_SCHEDULED = "interview_not_scheduled"
    NOT_AN_INTERVIEWER = "not_an_interviewer"


class InterviewRefused(Exception):
    """A request the interview's state refuses; `code` is an InterviewErrorCode, the message says why."""

    def __init__(self, code: InterviewErrorCode, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def interview_schedule(
    *,
    application: Application,
    starts_at: datetime,
    ends_at: datetime,
    timezone_name: str,
    interviewers: Sequence[User],
    kind: str,
    location: str = "",
    meeting_url: str = "",
    by: User | None,
) -> Interview:
    """Book an interview; moves an application in an earlier stage to interviewing (applications.services)."""
    start, end = _times(starts_at, ends_at, timezone_name)
    location, meeting_url = _place(kind, location, meeting_url)
    with transaction.atomic():
        locked = (
            Application.objects.select_for_update(of=("self",))
            .select_related("job__organization")
            .get(pk=application.pk)
        )
        if locked.status in FINAL_STAGES:
            label = Stage(locked.status).label
            raise InterviewRefused(
                InterviewErrorCode.APPLICATION_CLOSED, f"The application is {label}: no interview can be scheduled."
            )
        people = _interviewers(locked, interviewers)
        _lock_people(locked.candidate_id, people)
        _refuse_conflicts(locked, start, end, people, timezone_name, exclude=None)
        interview = Interview.objects.create(
            application=locked,
            starts_at=start,
            ends_at=end,
            timezone=timezone_name,
            kind=kind,
            location=location,
            meeting_url=meeting_url,
            created_by=by,
        )
        interview.interviewers.set(people)
        if locked.status in EARLIER_STAGES:
            move_to_stage(
                application=locked, stage=Stage.INTERVIEWING, by=by, note="Interview scheduled.", notify_candidate=False
            )
        audit_record(
            action="interview.scheduled",
            organization=locked.job.organization,
            actor=by,
            target=interview,
            application=locked.pk,
            interviewers=[person.pk for person in people],
        )
        _announce("interview.scheduled", interview, locked.job.organization_id)
        interview_invitation_emails(interview)
    return interview


def interview_reschedule(
    *,
    interview: Interview,
    by: User | None,
    starts_at: datetime | None = None,
    ends_at: datetime | None = None,
    timezone_name: str | None = None,
    interviewers: Sequence[User] | None = None,
    kind: str | None = None,
    location: str | None = None,
    meeting_url: str | None = None,
) -> Interview:
    """Change a scheduled interview. A new start without an end keeps the duration; a new zone alone keeps the
    instants and changes how they are shown. Any change increments the invitation's SEQUENCE."""
    with transaction.atomic():
        locked = _locked(interview)
        _refuse_unless_scheduled(locked, "rescheduled")
        zone, start, end = _rescheduled_times(locked, starts_at, ends_at, timezone_name)
        current = list(locked.interviewers.order_by("pk"))
        people = _interviewers(locked.application, interviewers) if interviewers is not None else current
        new_kind = kind or locked.kind
        new_location, new_url = _place(
            new_kind,
            locked.location if location is None else location,
            locked.meeting_url if meeting_url is None else meeting_url,
        )
        changes = {
            "starts_at": start != locked.starts_at,
            "ends_at": end != locked.ends_at,
            "timezone": zone != locked.timezone,
            "interviewers": {p.pk for p in people} != {p.pk for p in current},
            "kind": new_kind != locked.kind,
            "location": new_location != locked.location,
            "meeting_url": new_url != locked.meeting_url,
        }
        changed = sorted(name for name, differs in changes.items() if differs)
        if not changed:
            return locked
        _lock_people(locked.application.candidate_id, people)
        _refuse_conflicts(locked.application, start, end, people, zone, exclude=locked.pk)
        locked.starts_at, locked.ends_at, locked.timezone, locked.kind = start, end, zone, new_kind
        locked.location, locked.meeting_url = new_location, new_url
        if changes["starts_at"] or changes["ends_at"]:  # a new time: the candidate is asked again
            locked.candidate_response, locked.responded_at = Interview.CandidateResponse.PENDING, None
        locked.sequence += 1
        locked.save()
        if changes["interviewers"]:
            locked.interviewers.set(people)
        organization = locked.application.job.organization
        audit_record(
            action="interview.rescheduled",
            organization=organization,
            actor=by,
            target=locked,
            changed=changed,
            sequence=locked.sequence,
        )
        _announce("interview.rescheduled", locked, organization.pk)
        interview_invitation_emails(locked, removed=[person for person in current if person not in people])
    return locked


def _rescheduled_times(
    interview: Interview, starts_at: datetime | None, ends_at: datetime | None, timezone_name: str | None
) -> tuple[str, datetime, datetime]:
    """(zone, start, end) after a reschedule: a new start without an end keeps the duration."""
    zone = timezone_name or interview.timezone
    zone_named(zone)
    start = local_to_utc(starts_at, zone) if starts_at is not None else interview.starts_at
    duration = interview.ends_at - interview.starts_at
    end = local_to_utc(ends_at, zone) if ends_at is not None else start + duration
    if (start, end) != (interview.starts_at, interview.ends_at):
        _check_span(start, end)
    return zone, start, end


def interview_cancel(*, interview: Interview, by: User | None, reason: str = "") -> Interview:
    """Cancel a scheduled interview; its invitation becomes METHOD:CANCEL with the next SEQUENCE."""
    reason = _text(reason, "reason")
    with transaction.atomic():
        locked = _locked(interview)
        _refuse_unless_scheduled(locked, "cancelled")
        locked.status = Interview.Status.CANCELLED
        locked.cancellation_reason = reason
        locked.sequence += 1
        locked.save(update_fields=["status", "cancellation_reason", "sequence", "updated_at"])
        organization = locked.application.job.organization
        audit_record(
            action="interview.cancelled", organization=organization, actor=by, target=locked, sequence=locked.sequence
        )
        _announce("interview.cancelled", locked, organization.pk)
        interview_invitation_emails(locked)
    return locked


def interview_feedback_submit(
    *, interview: Interview, interviewer: User, recommendation: str, scores: Any = None, notes: str = ""
) -> InterviewFeedback:
    """Record (or replace) an interviewer's scorecard. Scores are {required skill of the job: 1-5}; a skill not
    assessed is left out. The interview is completed once every interviewer has submitted."""
    if recommendation not in InterviewFeedback.Recommendation.values:
        choices = ", ".join(InterviewFeedback.Recommendation.values)
        raise ValidationError(f"Unknown recommendation {recommendation!r}; one of: {choices}.", code="invalid_choice")
    notes = _text(notes, "note")
    with transaction.atomic():
        locked = _locked(interview)
        if locked.status == Interview.Status.CANCELLED:
            raise InterviewRefused(InterviewErrorCode.NOT_SCHEDULED, "A cancelled interview takes no feedback.")
        if not locked.interviewers.filter(pk=interviewer.pk).exists():
            raise InterviewRefused(
                InterviewErrorCode.NOT_AN_INTERVIEWER, "Only the interview's interviewers submit feedback on it."
            )
        cleaned = clean_scores(scores or {}, locked.application.job.required_skills)
        feedback, created = InterviewFeedback.objects.update_or_create(
            interview=locked,
            interviewer=interviewer,
            defaults={
                "recommendation": recommendation,
                "scores": cleaned,
                "notes": notes,
                "submitted_at": timezone.now(),
            },
        )
        pending = locked.interviewers.exclude(interview_feedback__interview=locked).exists()
        if not pending and locked.status == Interview.Status.SCHEDULED:
            locked.status = Interview.Status.COMPLETED
            locked.save(update_fields=["status", "updated_at"])
        audit_record(
            action="interview.feedback_submitted",
            organization=locked.application.job.organization,
            actor=interviewer,
            target=locked,
            feedback=feedback.pk,
            recommendation=recommendation,
            replaced=not created,
        )
    return feedback


def clean_scores(scores: Any, required_skills: Sequence[str]) -> dict[str, int]:
    """The scorecard keyed by the job's spelling of each required skill; a ValidationError naming what is wrong."""
    if not isinstance(scores, dict):
        raise ValidationError("Scores are an object: {required skill: 1-5}.", code="invalid_scores")
    by_key = {skill.strip().casefold(): skill for skill in required_skills}
    offered = ", ".join(required_skills) or "none (the job lists no required skills)"
    cleaned: dict[str, int] = {}
    for key, value in scores.items():
        skill = by_key.get(str(key).strip().casefold())
        if skill is None:
            raise ValidationError(
                f"{key!r} is not a required skill of this job; score one of: {offered}.", code="unknown_requirement"
            )
        if skill in cleaned:
            raise ValidationError(f"{skill} is scored twice.", code="duplicate_requirement")
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
            raise ValidationError(
                f"The score for {skill} is a whole number from 1 to 5, not {value!r}.", code="invalid_score"
            )
        cleaned[skill] = value
    return cleaned


# --- Checks -----------------------------------------------------------------------------------------------------


def _times(starts_at: datetime, ends_at: datetime, timezone_name: str) -> tuple[datetime, datetime]:
    start, end = local_to_utc(starts_at, timezone_name), local_to_utc(ends_at, timezone_name)
    _check_span(start, end)
    return start, end


def _check_span(start: datetime, end: datetime) -> None:
    if end <= start:
        raise ValidationError("An interview ends after it starts.", code="ends_before_start")
    if end - start > MAX_DURATION:
        hours = int(MAX_DURATION.total_seconds() // 3600)
        raise ValidationError(f"An interview lasts at most {hours} hours.", code="too_long")
    if start <= timezone.now():
        raise ValidationError("An interview is scheduled in the future.", code="in_the_past")


def _place(kind: str, location: str, meeting_url: str) -> tuple[str, str]:
    if kind not in Interview.Kind.values:
        raise ValidationError(f"Unknown kind {kind!r}; one of: {', '.join(Interview.Kind.values)}.", code="kind")
    location, meeting_url = (location or "").strip(), (meeting_url or "").strip()
    if len(location) > 300:
        raise ValidationError("A location holds at most 300 characters.", code="too_long")
    if meeting_url:
        URLValidator(schemes=["https", "http"], message="The meeting link is an http(s) URL.")(meeting_url)
    if kind == Interview.Kind.VIDEO and not meeting_url:
        raise ValidationError("A video interview needs a meeting link.", code="meeting_url_required")
    if kind == Interview.Kind.ONSITE and not location:
        raise ValidationError("An on-site interview needs a location.", code="location_required")
    return location, meeting_url


def _interviewers(application: Application, interviewers: Sequence[User]) -> list[User]:
    people = sorted({person.pk: person for person in interviewers}.values(), key=lambda person: person.pk)
    if not people:
        raise ValidationError("An interview needs at least one interviewer.", code="no_interviewers")
    if len(people) > MAX_INTERVIEWERS:
        raise ValidationError(f"An interview has at most {MAX_INTERVIEWERS} interviewers.", code="too_many")
    organization_id = application.job.organization_id
    for person in people:
        if not person.is_active or person.organization_id != organization_id or person.role == User.Role.CANDIDATE:
            raise ValidationError(
                f"User {person.pk} is not a recruiter of this organization.", code="interviewer_not_in_organization"
            )
    return people


def _lock_people(candidate_id: int, people: list[User]) -> None:
    """The candidate, then the interviewers by id: every booking takes the locks in the same order."""
    list(Candidate.objects.select_for_update().filter(pk=candidate_id).values_list("pk", flat=True))
    list(User.objects.select_for_update().filter(pk__in=[p.pk for p in people]).order_by("pk").values_list("pk"))


def _refuse_conflicts(
    application: Application, start: datetime, end: datetime, people: list[User], zone: str, exclude: int | None
) -> None:
    overlapping = Interview.objects.filter(
        status=Interview.Status.SCHEDULED,
        starts_at__lt=end,
        ends_at__gt=start,
        application__job__organization_id=application.job.organization_id,
    )
    if exclude is not None:  # a reschedule: the interview does not conflict with itself
        overlapping = overlapping.exclude(pk=exclude)
    through = Interview.interviewers.through
    busy = (
        through.objects.filter(interview__in=overlapping, user__in=[p.pk for p in people])
        .select_related("interview", "user")
        .order_by("interview__starts_at", "user_id")
        .first()
    )
    if busy is not None:
        raise InterviewRefused(
            InterviewErrorCode.INTERVIEWER_CONFLICT,
            f"Interviewer {busy.user.get_username()} is already booked {_span(busy.interview, zone)}.",
        )
    other = overlapping.filter(application__candidate_id=application.candidate_id).order_by("starts_at").first()
    if other is not None:
        raise InterviewRefused(
            InterviewErrorCode.CANDIDATE_CONFLICT, f"The candidate is already booked {_span(other, zone)}."
        )


def _span(interview: Interview, zone: str) -> str:
    start, end = utc_to_local(interview.starts_at, zone), utc_to_local(interview.ends_at, zone)
    return f"from {start:%Y-%m-%d %H:%M} to {end:%Y-%m-%d %H:%M} ({zone}) in interview {interview.pk}"


def _locked(interview: Interview) -> Interview:
    return (
        Interview.objects.select_for_update(of=("self",))
        .select_related("application__job__organization")
        .get(pk=interview.pk)
    )


def _refuse_unless_scheduled(interview: Interview, what: str) -> None:
    if interview.status != Interview.Status.SCHEDULED:
        label = Interview.Status(interview.status).label.lower()
        raise InterviewRefused(InterviewErrorCode.NOT_SCHEDULED, f"The interview is {label}: it cannot be {what}.")


def _text(value: str | None, what: str) -> str:
    value = (value or "").strip()
    if len(value) > MAX_TEXT:
        raise ValidationError(f"A {what} holds at most {MAX_TEXT} characters.", code="too_long")
    return value


def _announce(event_type: str, interview: Interview, organization_id: int) -> None:
    """Ids, status and UTC times only: the organization's live pages re-read what they show."""
    event = {
        "type": event_type,
        "interview_id": interview.pk,
        "application_id": interview.application_id,
        "status": interview.status,
        "starts_at": interview.starts_at.isoformat(),
        "ends_at": interview.ends_at.isoformat(),
        "sequence": interview.sequence,
    }
    transaction.on_commit(lambda: broadcast_organization(organization_id, event))
