"""The candidate's REST API under /api/portal/: their own profile, resume, recommendations, applications, export
and erasure. Every view reads the signed-in candidate's own row (candidates.self_service.candidate_of); there is no
id of a candidate in any URL, and an application id is looked up among their own applications only.
Recruiters and every other role get 403 (accounts.permissions.IsCandidate)."""

from __future__ import annotations

from django.contrib.auth import logout
from django.core.exceptions import ValidationError as ModelValidationError
from django.http import FileResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import APIException, NotFound, ValidationError
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.models import User
from accounts.permissions import IsCandidate
from applications.api import DuplicateApplicationConflict, JobNotOpenConflict, StageMoveRefused
from applications.models import Application
from applications.pipeline import StageChangeRefused
from applications.selectors import applications_of_candidate
from applications.services import DuplicateApplication, ResumeMissing, application_withdraw, candidate_apply
from candidates.export import candidate_export
from candidates.models import Candidate
from candidates.self_service import NoCandidateProfile, candidate_of, candidate_profile_correct, candidate_self_erase
from ingestion.api import FileRejected
from ingestion.candidate_upload import ResumeOnFile, candidate_resume_upload
from jobs.lifecycle import JobNotOpen
from jobs.selectors import job_list_for_organization
from matching.api import LimitQuery
from matching.recommendations import open_jobs_for_candidate
from portal import serializers as s
from portal.notices import SCREENING_NOTICE
from recruitment_core.extraction import ExtractionError

ALREADY_APPLIED = "You have already applied to this job."


class Conflict(APIException):
    status_code = status.HTTP_409_CONFLICT
    default_code = "conflict"

    def __init__(self, code: str, message: str) -> None:
        super().__init__(detail=message, code=code)


class CandidateView(APIView):
    permission_classes = [IsCandidate]

    def user(self) -> User:
        user = self.request.user
        assert isinstance(user, User)  # IsCandidate let a signed-in candidate through
        return user

    def candidate(self) -> Candidate:
        try:
            return candidate_of(self.request.user)
        except NoCandidateProfile as missing:
            raise NotFound("Your account has no candidate profile.") from missing

    def application(self, pk: int) -> Application:
        return generics.get_object_or_404(applications_of_candidate(candidate=self.candidate()), pk=pk)


class Profile(CandidateView):
    """The profile read from your resume; PATCH corrects it (kept when the resume is parsed again)."""

    @extend_schema(responses=s.ProfileOutput)
    def get(self, request: Request) -> Response:
        return Response(s.ProfileOutput(self.candidate()).data)

    @extend_schema(request=s.ProfileInput, responses=s.ProfileOutput)
    def patch(self, request: Request) -> Response:
        payload = s.ProfileInput(data=request.data, partial=True)
        payload.is_valid(raise_exception=True)
        try:
            correction = candidate_profile_correct(
                candidate=self.candidate(), actor=self.user(), changes=dict(payload.validated_data)
            )
        except ModelValidationError as error:
            raise ValidationError(error.messages) from error
        return Response(s.ProfileOutput(candidate_of(request.user)).data | {"corrected": correction.fields})


class Resumes(CandidateView):
    """Your uploaded resumes with their parse status; POST (multipart `resume`) uploads a newer one, parsed in the
    background into your profile."""

    parser_classes = [MultiPartParser, FormParser]

    @extend_schema(responses=s.PortalResumeOutput(many=True))
    def get(self, request: Request) -> Response:
        resumes = self.candidate().resume_versions.order_by("-created_at")
        return Response({"results": s.PortalResumeOutput(resumes, many=True).data})

    @extend_schema(request=s.ResumeUploadInput, responses={202: s.PortalResumeOutput, 200: s.PortalResumeOutput})
    def post(self, request: Request) -> Response:
        payload = s.ResumeUploadInput(data=request.data)
        payload.is_valid(raise_exception=True)
        try:
            intake = candidate_resume_upload(
                candidate=self.candidate(), user=self.user(), uploaded=payload.validated_data["resume"]
            )
        except ExtractionError as error:
            raise FileRejected(error.code, str(error)) from error
        except ResumeOnFile as refused:
            raise Conflict(refused.code, str(refused)) from refused
        body = {**s.PortalResumeOutput(intake.resume).data, "duplicate": intake.duplicate}
        return Response(body, status=status.HTTP_200_OK if intake.duplicate else status.HTTP_202_ACCEPTED)


class Recommendations(CandidateView):
    """Your organization's open jobs, best fit first, each with why it fits and what is missing."""

    @extend_schema(parameters=[LimitQuery], responses={200: OpenApiTypes.OBJECT})
    def get(self, request: Request) -> Response:
        query = LimitQuery(data=request.query_params)
        query.is_valid(raise_exception=True)
        candidate = self.candidate()
        ranked = open_jobs_for_candidate(candidate=candidate, limit=query.validated_data["limit"])
        applied = set(candidate.applications.values_list("job_id", flat=True))
        results = [
            {
                "job": s.PortalJobOutput(job).data,
                "score": match.score,
                "explanation": match.explanation_json(),
                "applied": job.pk in applied,
            }
            for job, match in ranked
        ]
        return Response({"results": results, "screening_notice": SCREENING_NOTICE})


class Applications(CandidateView):
    """Your applications, newest first; POST `{"job"}` applies to an open job (409 when you have applied already)."""

    @extend_schema(responses=s.PortalApplicationOutput(many=True))
    def get(self, request: Request) -> Response:
        applications = applications_of_candidate(candidate=self.candidate())
        return Response({"results": s.PortalApplicationOutput(applications, many=True).data})

    @extend_schema(request=s.ApplyInput, responses={201: s.PortalApplicationDetailOutput})
    def post(self, request: Request) -> Response:
        payload = s.ApplyInput(data=request.data)
        payload.is_valid(raise_exception=True)
        candidate = self.candidate()
        job = (
            job_list_for_organization(organization=candidate.organization)
            .filter(pk=payload.validated_data["job"])
            .first()
        )
        if job is None:
            raise ValidationError({"job": ["Not found."]})
        try:
            application = candidate_apply(candidate=candidate, job=job, by=self.user())
        except DuplicateApplication as error:
            raise DuplicateApplicationConflict(ALREADY_APPLIED) from error
        except JobNotOpen as refused:
            raise JobNotOpenConflict(refused.message) from refused
        except ResumeMissing as missing:
            raise Conflict("resume_missing", str(missing.message)) from missing
        body = s.PortalApplicationDetailOutput(self.application(application.pk)).data
        return Response(body | {"screening_notice": SCREENING_NOTICE}, status=status.HTTP_201_CREATED)


class ApplicationDetail(CandidateView):
    """One of your applications: its stage, the stages it went through, and the gap feedback once released."""

    @extend_schema(responses=s.PortalApplicationDetailOutput)
    def get(self, request: Request, pk: int) -> Response:
        return Response(s.PortalApplicationDetailOutput(self.application(pk)).data)


class ApplicationWithdraw(CandidateView):
    """Withdraw one of your applications (409 once it is final: hired, rejected or withdrawn)."""

    @extend_schema(request=None, responses=s.PortalApplicationDetailOutput)
    def post(self, request: Request, pk: int) -> Response:
        application = self.application(pk)
        try:
            application_withdraw(application=application, by=self.user())
        except StageChangeRefused as refused:
            raise StageMoveRefused(refused) from refused
        return Response(s.PortalApplicationDetailOutput(self.application(pk)).data)


class Export(CandidateView):
    """Everything stored about you, as a ZIP (`candidate.json` and your resume files)."""

    @extend_schema(responses={(200, "application/zip"): OpenApiTypes.BINARY})
    def get(self, request: Request) -> FileResponse:
        candidate = self.candidate()
        archive = candidate_export(candidate=candidate, actor=self.user(), for_candidate=True)
        return FileResponse(archive, as_attachment=True, filename="my-data.zip", content_type="application/zip")


class Account(CandidateView):
    """DELETE `{"password"}`: erase everything stored about you and your account (204). It cannot be undone."""

    @extend_schema(request=s.EraseInput, responses={204: None})
    def delete(self, request: Request) -> Response:
        payload = s.EraseInput(data=request.data)
        payload.is_valid(raise_exception=True)
        user = self.user()
        if not user.check_password(payload.validated_data["password"]):
            raise ValidationError({"password": ["The password is wrong; nothing was deleted."]}, code="wrong_password")
        candidate_self_erase(candidate=self.candidate(), user=user)
        logout(request._request)
        return Response(status=status.HTTP_204_NO_CONTENT)
