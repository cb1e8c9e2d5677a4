"""The interview's invitation by email: scheduling, rescheduling and cancelling each email the candidate (and the
interviewers with an address) the calendar file of that version of the interview.

Called with one line from interviews.services inside its transaction, after the change is saved: the emails are
recorded there and sent once it commits (notifications.services). One email per recipient and SEQUENCE, so a
retried task or a repeated call sends nothing twice, and every version keeps the interview's UID, so a calendar
client replaces the event it has (METHOD:REQUEST) or removes it (METHOD:CANCEL). Interviewers a reschedule takes
off the interview get the cancellation of that version instead.

The calendar files name the candidate and the interviewers: each version's file is named after the interview and its
SEQUENCE, so deleting an interview (alone, or with its application or candidate) deletes them all by name.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.urls import reverse

from accounts.models import User
from interviews.invitations import interview_invitation, invitation_filename, invitation_method
from interviews.models import Interview
from interviews.timezones import utc_to_local
from notifications.models import EmailNotification
from notifications.services import Attachment, notify

logger = logging.getLogger(__name__)

STORAGE_FOLDER = "notifications/interviews"


def interview_invitation_emails(interview: Interview, removed: Sequence[User] = ()) -> list[EmailNotification]:
    """Record the emails of the interview's current version (its SEQUENCE) and queue them for after commit;
    `removed` are the interviewers this version took off the interview."""
    interview = (
        Interview.objects.select_related(
            "application__job__organization", "application__candidate__account", "created_by"
        )
        .prefetch_related("interviewers")
        .get(pk=interview.pk)
    )
    application = interview.application
    candidate = application.candidate
    candidate_address = candidate.email or (candidate.account.email if candidate.account else "")
    interviewers = [person for person in interview.interviewers.all() if person.email]
    attachments = [_stored_invitation(interview)] if candidate_address or interviewers else []
    kind = _kind(interview)
    shared = _shared_context(interview)
    key = f"{kind}:{interview.pk}:{interview.sequence}"
    portal_path = reverse("portal:application", args=[application.pk]) if candidate.account_id else ""
    candidate_context = {**shared, "to_candidate": True, "recipient_name": candidate.name, "link_path": portal_path}
    sent = [
        notify(
            kind,
            candidate_address,
            candidate_context,
            f"{key}:candidate",
            attachments,
            organization=application.job.organization,
            application=application,
        )
    ]
    admin_path = reverse("admin:interviews_interview_change", args=[interview.pk])
    for person in interviewers:
        context = {**shared, "to_candidate": False, "recipient_name": _name(person), "link_path": admin_path}
        sent.append(
            notify(
                kind,
                person.email,
                context,
                f"{key}:user-{person.pk}",
                attachments,
                organization=application.job.organization,
                application=application,
            )
        )
    return sent + _removal_emails(interview, [person for person in removed if person.email], shared)


def _removal_emails(
    interview: Interview, removed: list[User], shared: dict[str, str | int | bool]
) -> list[EmailNotification]:
    """The cancellation of this version for the interviewers it took off the interview (the others get the update)."""
    if not removed:
        return []
    attachments = [_stored_invitation(interview, removed)]
    sent = []
    for person in removed:
        context = {**shared, "to_candidate": False, "removed": True, "recipient_name": _name(person), "link_path": ""}
        sent.append(
            notify(
                EmailNotification.Kind.INTERVIEW_CANCELLED,
                person.email,
                context,
                f"interview_removed:{interview.pk}:{interview.sequence}:user-{person.pk}",
                attachments,
                organization=interview.application.job.organization,
                application=interview.application,
            )
        )
    return sent


def _kind(interview: Interview) -> str:
    if interview.status == Interview.Status.CANCELLED:
        return EmailNotification.Kind.INTERVIEW_CANCELLED
    if interview.sequence == 0:
        return EmailNotification.Kind.INTERVIEW_INVITATION
    return EmailNotification.Kind.INTERVIEW_UPDATED


def _stored_invitation(interview: Interview, removed: Sequence[User] = ()) -> Attachment:
    """The calendar file of this version, kept in the default storage for the worker (and a resend) to attach.
    The cancellation reason stays out: it is written for the recruiters."""
    method = "CANCEL" if removed else invitation_method(interview)
    content = ContentFile(interview_invitation(interview, with_reason=False, removed=removed))
    name = invitation_storage_name(interview.pk, interview.sequence, removal=bool(removed))
    # Replaced, never saved beside under another name: a file left by a rolled-back attempt would escape deletion.
    default_storage.delete(name)
    name = default_storage.save(name, content)
    return Attachment(
        filename=invitation_filename(interview), storage_name=name, mimetype=f"text/calendar; method={method}"
    )


def invitation_storage_name(interview_id: int, sequence: int, *, removal: bool = False) -> str:
    return f"{STORAGE_FOLDER}/{interview_id}-{sequence}{'-removed' if removal else ''}.ics"


def invitation_files_delete(interview: Interview) -> None:
    """Every version's calendar files of a deleted interview, deleted once the deletion commits (not on rollback)."""
    names = [
        invitation_storage_name(interview.pk, sequence, removal=removal)
        for sequence in range(interview.sequence + 1)
        for removal in (False, True)
    ]
    transaction.on_commit(lambda: _files_delete(names))


def _files_delete(names: list[str]) -> None:
    for name in names:
        try:
            default_storage.delete(name)  # a version without a file (no recipient, no removal) is no error
        except OSError:
            logger.warning("could not delete an interview's calendar file", extra={"storage_name": name}, exc_info=True)


def _shared_context(interview: Interview) -> dict[str, str | int | bool]:
    """Short facts only: the times as shown in the interview's own zone, the place, who interviews."""
    start = utc_to_local(interview.starts_at, interview.timezone)
    end = utc_to_local(interview.ends_at, interview.timezone)
    job = interview.application.job
    return {
        "candidate_name": interview.application.candidate.name or f"Candidate {interview.application.candidate_id}",
        "job_title": job.title,
        "organization_name": job.organization.name,
        "day": f"{start:%A} {start.day} {start:%B %Y}",
        "short_day": f"{start:%a} {start.day} {start:%b %Y}",
        "start_time": f"{start:%H:%M}",
        "end_time": f"{end:%H:%M}" if end.date() == start.date() else f"{end:%H:%M} on {end:%a} {end.day} {end:%b}",
        "timezone_name": interview.timezone,
        "timezone_abbreviation": _abbreviation(start),
        "duration": duration_label(int((interview.ends_at - interview.starts_at).total_seconds() // 60)),
        "kind_label": Interview.Kind(interview.kind).label,
        "meeting_url": interview.meeting_url,
        "location": interview.location,
        "interviewer_names": ", ".join(_name(person) for person in interview.interviewers.all()),
    }


def _abbreviation(local: datetime) -> str:
    """EST, CET...; zones without a letter abbreviation name their offset (+04), which the zone name already says."""
    name = local.tzname() or ""
    return name if name.isalpha() else ""


def duration_label(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    parts = [f"{hours} hour{'s' if hours != 1 else ''}"] if hours else []
    if rest or not hours:
        parts.append(f"{rest} minute{'s' if rest != 1 else ''}")
    return " ".join(parts)


def _name(person: User) -> str:
    return person.get_full_name() or person.get_username()
