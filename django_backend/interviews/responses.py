"""The candidate's answer to an interview invitation: accept or decline, from the portal's page or its API.

Only the candidate of the interview's application answers, and only while the interview is scheduled and still
ahead; the answer is stored on the interview, audited, and pushed live to the organization's recruiters like any
other interview change (interviews.services). A reschedule that moves the time asks again (back to pending).
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from audit.services import audit_record
from candidates.models import Candidate
from interviews.models import Interview
from interviews.services import InterviewErrorCode, InterviewRefused
from realtime.services import broadcast_organization

ANSWERS = (Interview.CandidateResponse.ACCEPTED, Interview.CandidateResponse.DECLINED)
RESPONDED_EVENT = "interview.responded"


class NotTheirInterview(Exception):
    """The interview is not of one of the candidate's applications: callers answer as if it did not exist."""


def interview_respond(*, interview: Interview, candidate: Candidate, answer: str, by: User | None) -> Interview:
    """Record `answer` (accepted or declined) of the application's candidate; InterviewRefused once the interview
    is cancelled, completed or past."""
    if answer not in ANSWERS:
        raise ValueError(f"Unknown answer {answer!r}; one of: {', '.join(ANSWERS)}.")
    with transaction.atomic():
        locked = (
            Interview.objects.select_for_update(of=("self",))
            .select_related("application__job__organization")
            .get(pk=interview.pk)
        )
        if locked.application.candidate_id != candidate.pk:
            raise NotTheirInterview()
        if locked.status != Interview.Status.SCHEDULED:
            label = Interview.Status(locked.status).label.lower()
            raise InterviewRefused(InterviewErrorCode.NOT_SCHEDULED, f"The interview is {label}: it takes no answer.")
        if locked.starts_at <= timezone.now():
            raise InterviewRefused(InterviewErrorCode.NOT_SCHEDULED, "The interview has started: it takes no answer.")
        previous = locked.candidate_response
        locked.candidate_response = answer
        locked.responded_at = timezone.now()
        locked.save(update_fields=["candidate_response", "responded_at", "updated_at"])
        organization = locked.application.job.organization
        audit_record(
            action="interview.candidate_responded",
            organization=organization,
            actor=by,
            target=locked,
            response=answer,
            previous=previous,
        )
        event = {
            "type": RESPONDED_EVENT,
            "interview_id": locked.pk,
            "application_id": locked.application_id,
            "status": locked.status,
            "candidate_response": answer,
            "starts_at": locked.starts_at.isoformat(),
            "ends_at": locked.ends_at.isoformat(),
            "sequence": locked.sequence,
        }
        transaction.on_commit(lambda: broadcast_organization(organization.pk, event))
    return locked


def may_answer(interview: Interview) -> bool:
    """Whether the portal offers the answer buttons: scheduled and still ahead."""
    return interview.status == Interview.Status.SCHEDULED and interview.starts_at > timezone.now()
