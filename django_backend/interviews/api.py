"""The interview REST endpoints: list and schedule, read and reschedule, cancel, feedback and the invitation file.

Every route reads interviews through the organization-scoped selector, so another organization's interview answers
404 like one that does not exist; applications and interviewers named in a request are looked up in the user's
organization only. Writes go through interviews.services.
"""

from __future__ import annotations

import json
from typing import Any

from django.core.exceptions import ValidationError as ModelValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import generics, status
from rest_framework.exceptions import APIException, ValidationError
from rest_framework.renderers import BaseRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import APIView

from accounts.models import Organization, User
from accounts.permissions import IsOrganizationMember, request_organization, request_user
from applications.selectors import application_list_for_organization
from interviews.invitations import interview_invitation, invitation_filename
from interviews.models import Interview, InterviewFeedback
from interviews.selectors import interview_feedback, interview_list_filter, interview_list_for_organization
from interviews.serializers import (
    CancelInput,
    FeedbackInput,
    FeedbackOutput,
    InterviewInput,
    InterviewListQuery,
    InterviewOutput,
    RescheduleInput,
)
from interviews.services import (
    InterviewErrorCode,
    InterviewRefused,
    interview_cancel,
    interview_feedback_submit,
    interview_reschedule,
    interview_schedule,
)


class InvalidInterview(APIException):
    """Input the service refused (a time zone, a local time, a place, a score): 400 with the service's code."""

    status_code = status.HTTP_400_BAD_REQUEST

    def __init__(self, error: ModelValidationError) -> None:
        super().__init__(detail=" ".join(error.messages), code=getattr(error, "code", None) or "invalid")


class InterviewRefusedError(APIException):
    """409 for a conflict with another interview or the interview's state; 403 for feedback by a non-interviewer."""

    def __init__(self, refused: InterviewRefused) -> None:
        forbidden = refused.code == InterviewErrorCode.NOT_AN_INTERVIEWER
        self.status_code = status.HTTP_403_FORBIDDEN if forbidden else status.HTTP_409_CONFLICT
        super().__init__(detail=refused.message, code=refused.code.value)


def _interviewers(organization: Organization, ids: list[int]) -> list[User]:
    """The users named, in the organization; an id of anyone else reads as unknown."""
    found = {user.pk: user for user in User.objects.filter(pk__in=ids, organization=organization)}
    missing = [pk for pk in dict.fromkeys(ids) if pk not in found]
    if missing:
        raise ValidationError({"interviewers": [f"No such user in your organization: {', '.join(map(str, missing))}."]})
    return list(found.values())


class _OfOneInterview:
    request: Any
    kwargs: dict[str, Any]

    def interview(self) -> Interview:
        scoped = interview_list_for_organization(organization=request_organization(self.request))
        return get_object_or_404(scoped, pk=self.kwargs["pk"])

    def output(self, interview: Interview) -> dict[str, Any]:
        scoped = interview_list_for_organization(organization=request_organization(self.request))
        return dict(InterviewOutput(scoped.get(pk=interview.pk)).data)


@extend_schema_view(get=extend_schema(parameters=[InterviewListQuery]))
class InterviewListCreate(_OfOneInterview, generics.ListCreateAPIView):
    """The organization's interviews, soonest first (by application, job, status, start day); POST schedules one
    (times in `timezone`; 409 naming an interviewer's or the candidate's overlapping interview)."""

    permission_classes = [IsOrganizationMember]
    serializer_class = InterviewOutput

    def get_queryset(self) -> Any:
        return interview_list_for_organization(organization=request_organization(self.request))

    def filter_queryset(self, queryset: Any) -> Any:
        params = InterviewListQuery(data=self.request.query_params)
        params.is_valid(raise_exception=True)
        return interview_list_filter(queryset, params.validated_data)

    @extend_schema(request=InterviewInput, responses={201: InterviewOutput})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        payload = InterviewInput(data=request.data)
        payload.is_valid(raise_exception=True)
        data = payload.validated_data
        organization = request_organization(request)
        application = (
            application_list_for_organization(organization=organization).filter(pk=data["application"]).first()
        )
        if application is None:
            raise ValidationError({"application": ["No such application in your organization."]})
        try:
            interview = interview_schedule(
                application=application,
                starts_at=data["starts_at"],
                ends_at=data["ends_at"],
                timezone_name=data["timezone"],
                interviewers=_interviewers(organization, data["interviewers"]),
                kind=data["kind"],
                location=data["location"],
                meeting_url=data["meeting_url"],
                by=request_user(request),
            )
        except ModelValidationError as error:
            raise InvalidInterview(error) from error
        except InterviewRefused as refused:
            raise InterviewRefusedError(refused) from refused
        return Response(self.output(interview), status=status.HTTP_201_CREATED)


class InterviewDetail(_OfOneInterview, generics.RetrieveUpdateAPIView):
    """Read an interview, or reschedule it: PATCH any of the times, zone, interviewers, kind and place."""

    permission_classes = [IsOrganizationMember]
    serializer_class = InterviewOutput
    http_method_names = ["get", "patch", "head", "options"]

    def get_queryset(self) -> Any:
        return interview_list_for_organization(organization=request_organization(self.request))

    @extend_schema(request=RescheduleInput, responses=InterviewOutput)
    def partial_update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        interview = self.get_object()
        payload = RescheduleInput(data=request.data)
        payload.is_valid(raise_exception=True)
        data = dict(payload.validated_data)
        if "interviewers" in data:
            data["interviewers"] = _interviewers(request_organization(request), data["interviewers"])
        if "timezone" in data:
            data["timezone_name"] = data.pop("timezone")
        try:
            interview_reschedule(interview=interview, by=request_user(request), **data)
        except ModelValidationError as error:
            raise InvalidInterview(error) from error
        except InterviewRefused as refused:
            raise InterviewRefusedError(refused) from refused
        return Response(self.output(interview))


class InterviewCancel(_OfOneInterview, generics.GenericAPIView):
    """Cancel a scheduled interview (`{"reason"}` optional); its invitation becomes a cancellation."""

    permission_classes = [IsOrganizationMember]
    serializer_class = CancelInput

    @extend_schema(request=CancelInput, responses=InterviewOutput)
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        interview = self.interview()
        payload = CancelInput(data=request.data)
        payload.is_valid(raise_exception=True)
        try:
            interview_cancel(interview=interview, by=request_user(request), reason=payload.validated_data["reason"])
        except ModelValidationError as error:
            raise InvalidInterview(error) from error
        except InterviewRefused as refused:
            raise InterviewRefusedError(refused) from refused
        return Response(self.output(interview))


class InterviewFeedbackList(_OfOneInterview, generics.ListCreateAPIView):
    """The interview's scorecards; POST submits (or replaces) the signed-in interviewer's own."""

    permission_classes = [IsOrganizationMember]
    serializer_class = FeedbackOutput

    def get_queryset(self) -> Any:
        if getattr(self, "swagger_fake_view", False):  # the schema generator has no request user
            return InterviewFeedback.objects.none()
        return interview_feedback(interview=self.interview())

    @extend_schema(request=FeedbackInput, responses={200: FeedbackOutput, 201: FeedbackOutput})
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        interview = self.interview()
        payload = FeedbackInput(data=request.data)
        payload.is_valid(raise_exception=True)
        user = request_user(request)
        existed = InterviewFeedback.objects.filter(interview=interview, interviewer=user).exists()
        try:
            feedback = interview_feedback_submit(interview=interview, interviewer=user, **payload.validated_data)
        except ModelValidationError as error:
            raise InvalidInterview(error) from error
        except InterviewRefused as refused:
            raise InterviewRefusedError(refused) from refused
        return Response(
            FeedbackOutput(feedback).data, status=status.HTTP_200_OK if existed else status.HTTP_201_CREATED
        )


class CalendarRenderer(BaseRenderer):
    """Lets a client ask for `Accept: text/calendar`; the view answers the file itself, errors stay JSON text."""

    media_type = "text/calendar"
    format = "ics"
    charset = "utf-8"

    def render(self, data: Any, accepted_media_type: str | None = None, renderer_context: Any = None) -> bytes:
        return data if isinstance(data, bytes) else json.dumps(data).encode()


class InterviewCalendarFile(_OfOneInterview, APIView):
    """The interview's invitation (iCalendar): METHOD:REQUEST while it stands, METHOD:CANCEL once cancelled."""

    permission_classes = [IsOrganizationMember]
    renderer_classes = [*api_settings.DEFAULT_RENDERER_CLASSES, CalendarRenderer]  # type: ignore[list-item]

    @extend_schema(responses={(200, "text/calendar"): OpenApiTypes.BINARY})
    def get(self, request: Request, *args: Any, **kwargs: Any) -> HttpResponse:
        interview = self.interview()
        response = HttpResponse(interview_invitation(interview), content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{invitation_filename(interview)}"'
        return response
