"""The candidate's interviews in the portal: what each shows (times in the interview's zone, converted to the
candidate's own zone by the page's script), the answer form on the application page, and its API
(`/api/portal/interviews/`, `/api/portal/interviews/<pk>/respond/`).

Interviews are read among the signed-in candidate's own applications only: anyone else's reads as missing (404).
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import APIException, NotFound
from rest_framework.request import Request
from rest_framework.response import Response

from candidates.models import Candidate
from interviews.models import Interview
from interviews.responses import ANSWERS, NotTheirInterview, interview_respond
from interviews.selectors import interviews_of_candidate
from interviews.services import InterviewRefused
from portal.api import CandidateView
from portal.interview_display import interview_shown, interviews_shown
from portal.views import candidate_required

ANSWER_SAID: dict[str, str] = {
    Interview.CandidateResponse.ACCEPTED: "You accepted the interview.",
    Interview.CandidateResponse.DECLINED: "You declined the interview.",
}


def _own_interview(candidate: Candidate, pk: int) -> Interview:
    interview = interviews_of_candidate(candidate=candidate).filter(pk=pk).first()
    if interview is None:
        raise Http404("No such interview.")
    return interview


# --- Page -------------------------------------------------------------------------------------------------------


@require_http_methods(["POST"])
@candidate_required
def respond(request: HttpRequest, candidate: Candidate, pk: int) -> HttpResponse:
    """The application page's Accept / Decline buttons; back to the application with what happened."""
    interview = _own_interview(candidate, pk)
    answer = request.POST.get("answer", "")
    if answer not in ANSWERS:
        messages.error(request, "Choose to accept or to decline the interview.")
        return redirect("portal:application", pk=interview.application_id)
    try:
        interview_respond(interview=interview, candidate=candidate, answer=answer, by=request.user)  # type: ignore[arg-type]
    except NotTheirInterview as missing:
        raise Http404("No such interview.") from missing
    except InterviewRefused as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, ANSWER_SAID[answer])
    return redirect("portal:application", pk=interview.application_id)


# --- API --------------------------------------------------------------------------------------------------------


class PortalInterviewOutput(serializers.Serializer):
    id = serializers.IntegerField(source="interview.pk")
    application = serializers.IntegerField(source="interview.application_id")
    job_title = serializers.CharField(source="interview.application.job.title")
    starts_at = serializers.DateTimeField(source="interview.starts_at", help_text="UTC.")
    ends_at = serializers.DateTimeField(source="interview.ends_at", help_text="UTC.")
    timezone = serializers.CharField(source="interview.timezone", help_text="The IANA zone the times are given in.")
    starts_local = serializers.CharField(help_text="The start in `timezone`, as YYYY-MM-DD HH:MM.")
    ends_local = serializers.CharField()
    kind = serializers.CharField(source="interview.kind")
    location = serializers.CharField(source="interview.location")
    meeting_url = serializers.CharField(source="interview.meeting_url")
    interviewers = serializers.ListField(source="interviewer_names", child=serializers.CharField())
    status = serializers.CharField(source="interview.status")
    candidate_response = serializers.CharField(source="interview.candidate_response")
    responded_at = serializers.DateTimeField(source="interview.responded_at", allow_null=True)
    can_answer = serializers.BooleanField()


class RespondInput(serializers.Serializer):
    answer = serializers.ChoiceField(choices=list(ANSWERS))


class AnswerRefused(APIException):
    status_code = status.HTTP_409_CONFLICT

    def __init__(self, refused: InterviewRefused) -> None:
        super().__init__(detail=refused.message, code=refused.code.value)


class PortalInterviews(CandidateView):
    """Your interviews, soonest first: times (UTC, and local to the interview's zone), link, interviewers, status
    and your answer."""

    @extend_schema(responses=PortalInterviewOutput(many=True))
    def get(self, request: Request) -> Response:
        shown = interviews_shown(candidate=self.candidate())
        return Response({"results": PortalInterviewOutput(shown, many=True).data})


class PortalInterviewRespond(CandidateView):
    """POST `{"answer": "accepted" | "declined"}` to one of your interviews (409 once it is cancelled or past)."""

    @extend_schema(request=RespondInput, responses=PortalInterviewOutput)
    def post(self, request: Request, pk: int) -> Response:
        candidate = self.candidate()
        interview = interviews_of_candidate(candidate=candidate).filter(pk=pk).first()
        if interview is None:
            raise NotFound("No such interview.")
        payload = RespondInput(data=request.data)
        payload.is_valid(raise_exception=True)
        try:
            interview_respond(
                interview=interview, candidate=candidate, answer=payload.validated_data["answer"], by=self.user()
            )
        except NotTheirInterview as missing:
            raise NotFound("No such interview.") from missing
        except InterviewRefused as refused:
            raise AnswerRefused(refused) from refused
        fresh: Any = interviews_of_candidate(candidate=candidate).get(pk=pk)
        return Response(PortalInterviewOutput(interview_shown(fresh)).data)
