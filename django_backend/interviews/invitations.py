"""Calendar invitations (RFC 5545 / iTIP) for an interview, written with `icalendar`.

One UID per interview for its whole life and the interview's SEQUENCE, so a calendar client replaces the event it
has: METHOD:REQUEST while the interview stands (scheduled or rescheduled), METHOD:CANCEL once cancelled. Times are
written in the interview's zone (DTSTART/DTEND with TZID) with that zone's VTIMEZONE, so clients show the local
time the recruiter chose, daylight saving included.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event, Timezone, vCalAddress, vText

from accounts.models import User
from interviews.models import Interview
from interviews.timezones import utc_to_local, zone_named

PRODUCT_ID = "-//Recruitment platform//Interviews//EN"
UID_DOMAIN = "interviews.recruitment.invalid"  # a UID is globally unique: the interview's UUID at a fixed domain


def invitation_method(interview: Interview) -> str:
    return "CANCEL" if interview.status == Interview.Status.CANCELLED else "REQUEST"


def interview_invitation(interview: Interview, *, with_reason: bool = True, removed: Sequence[User] = ()) -> bytes:
    """The interview's invitation as an iCalendar file. Expects the application's job and candidate, the creator
    and the interviewers loaded (interviews.selectors.interview_list_for_organization). The copy emailed to the
    candidate leaves out the cancellation reason (`with_reason=False`): it is written for the recruiters.

    With `removed` (interviewers a reschedule took off the interview), the copy for them: METHOD:CANCEL naming
    only them as attendees, so their calendars drop the event while everyone else's keeps it (RFC 5546)."""
    method = "CANCEL" if removed else invitation_method(interview)
    zone = zone_named(interview.timezone)
    start, end = (
        utc_to_local(interview.starts_at, interview.timezone),
        utc_to_local(interview.ends_at, interview.timezone),
    )
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("method", method)
    # The zone's rules around the interview (a year either side), not since 1970: a short, exact VTIMEZONE.
    calendar.add_component(
        Timezone.from_tzinfo(
            zone,
            tzid=interview.timezone,
            first_date=date(start.year - 1, 1, 1),
            last_date=date(end.year + 1, 12, 31),
        )
    )
    event = Event()
    event.add("uid", f"{interview.uid}@{UID_DOMAIN}")
    event.add("sequence", interview.sequence)
    event.add("dtstamp", timezone.now())
    event.add("dtstart", start)
    event.add("dtend", end)
    application = interview.application
    event.add("summary", f"Interview: {application.job.title}")
    event.add("status", "CANCELLED" if method == "CANCEL" else "CONFIRMED")
    event.add("description", _description(interview, with_reason))
    if interview.location:
        event.add("location", interview.location)
    elif interview.meeting_url:
        event.add("location", interview.meeting_url)
    if interview.meeting_url:
        event.add("url", interview.meeting_url)
    event.add("organizer", _organizer(interview.created_by))
    for attendee in _attendees(interview, removed):
        event.add("attendee", attendee)
    calendar.add_component(event)
    return calendar.to_ical()


def _attendees(interview: Interview, removed: Sequence[User]) -> list[vCalAddress]:
    """Everyone invited; on a removal, only the interviewers removed (the candidate's address stays out)."""
    people = list(removed) or list(interview.interviewers.all())
    attendees = [
        _attendee(person.email, person.get_full_name() or person.get_username(), "REQ-PARTICIPANT")
        for person in people
        if person.email
    ]
    candidate = interview.application.candidate
    if not removed and candidate.email:
        attendees.append(_attendee(candidate.email, candidate.name or candidate.email, "REQ-PARTICIPANT"))
    return attendees


def _description(interview: Interview, with_reason: bool) -> str:
    lines = [f"{Interview.Kind(interview.kind).label} interview."]
    if interview.meeting_url:
        lines.append(f"Join: {interview.meeting_url}")
    if with_reason and interview.status == Interview.Status.CANCELLED and interview.cancellation_reason:
        lines.append(f"Cancelled: {interview.cancellation_reason}")
    return "\n".join(lines)


def _organizer(user: User | None) -> vCalAddress:
    email = (user.email if user else "") or settings.DEFAULT_FROM_EMAIL
    name = (user.get_full_name() or user.get_username()) if user else "Recruiting team"
    organizer = vCalAddress(f"mailto:{email}")
    organizer.params["cn"] = vText(name)
    return organizer


def _attendee(email: str, name: str, role: str) -> vCalAddress:
    attendee = vCalAddress(f"mailto:{email}")
    attendee.params["cn"] = vText(name)
    attendee.params["role"] = vText(role)
    attendee.params["partstat"] = vText("NEEDS-ACTION")
    attendee.params["rsvp"] = vText("TRUE")
    return attendee


def invitation_filename(interview: Interview) -> str:
    return f"interview-{interview.pk}.ics"
