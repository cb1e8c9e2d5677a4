"""An interview as its candidate sees it in the portal (page and API): times in the interview's zone (the page's
script shows them in the candidate's own zone too), link, interviewers, status and their answer; no feedback."""

from __future__ import annotations

from dataclasses import dataclass

from applications.models import Application
from candidates.models import Candidate
from interviews.models import Interview
from interviews.responses import may_answer
from interviews.selectors import interviews_of_candidate
from interviews.timezones import utc_to_local


@dataclass(frozen=True)
class InterviewShown:
    interview: Interview
    starts_local: str
    ends_local: str
    interviewer_names: list[str]
    can_answer: bool


def interview_shown(interview: Interview) -> InterviewShown:
    start = utc_to_local(interview.starts_at, interview.timezone)
    end = utc_to_local(interview.ends_at, interview.timezone)
    names = [person.get_full_name() or person.get_username() for person in interview.interviewers.all()]
    return InterviewShown(
        interview=interview,
        starts_local=f"{start:%Y-%m-%d %H:%M}",
        ends_local=f"{end:%H:%M}" if end.date() == start.date() else f"{end:%Y-%m-%d %H:%M}",
        interviewer_names=names,
        can_answer=may_answer(interview),
    )


def interviews_shown(*, candidate: Candidate, application: Application | None = None) -> list[InterviewShown]:
    interviews = interviews_of_candidate(candidate=candidate)
    if application is not None:
        interviews = interviews.filter(application=application)
    return [interview_shown(interview) for interview in interviews]
