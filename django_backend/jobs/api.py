from __future__ import annotations

from typing import Any

from django.db import transaction
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import generics, serializers, status
from rest_framework.exceptions import APIException
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.permissions import IsOrganizationMember, request_organization, request_user
from jobs.filters import JobListQuery, job_list_filter
from jobs.lifecycle import (
    UNCHANGED,
    JobLifecycleError,
    ensure_not_archived,
    job_archive,
    job_change,
    job_restore,
)
from jobs.models import JobPosting, RediscoveredCandidate
from jobs.selectors import job_list_for_organization, rediscovered_for_job
from jobs.services import job_create, job_update


class JobLifecycleRefused(APIException):
    """A change the lifecycle does not allow: 409 when it conflicts with the job's state, 400 for bad input."""

    def __init__(self, refused: JobLifecycleError) -> None:
        self.status_code = 400 if refused.is_input_error else 409
        super().__init__(detail=refused.message, code=refused.code.value)


class JobOutput(serializers.ModelSerializer):
    has_embedding = serializers.SerializerMethodField()
    status = serializers.ChoiceField(
        choices=JobPosting.Status.choices,
        source="current_status",
        read_only=True,
        help_text="As it reads now: an open job past `closes_at` is closed.",
    )
    archived = serializers.BooleanField(read_only=True)

    class Meta:
        model = JobPosting
        fields = [
            "id",
            "title",
            "company",
            "description",
            "location",
            "remote_policy",
            "employment_type",
            "status",
            "closes_at",
            "archived",
            "archived_at",
            "required_skills",
            "preferred_skills",
            "skill_weights",
            "min_years",
            "max_years",
            "education_level",
            "seniority",
            "requirements_edited",
            "quality_score",
            "quality",
            "has_embedding",
            "created_at",
            "updated_at",
        ]

    def get_has_embedding(self, job: JobPosting) -> bool:
        return job.embedding is not None


class RemoteInput(serializers.ChoiceField):
    """remote, hybrid or onsite; or a JSON boolean as many clients send it (true: remote, false: not remote)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(choices=["remote", "hybrid", "onsite", "true", "false"], **kwargs)

    def to_internal_value(self, data: Any) -> Any:
        if isinstance(data, bool):
            data = "true" if data else "false"
        return super().to_internal_value(data)


class JobInput(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    description = serializers.CharField(max_length=50_000)
    company = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    location = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    remote = RemoteInput(required=False, allow_null=True, default=None)
    employment_type = serializers.CharField(max_length=20, required=False, allow_blank=True, default="")


class JobCreateInput(JobInput):
    status = serializers.ChoiceField(
        choices=[JobPosting.Status.DRAFT, JobPosting.Status.OPEN], required=False, default=JobPosting.Status.OPEN
    )
    closes_at = serializers.DateTimeField(required=False, allow_null=True, default=None)


class LifecycleInput(serializers.Serializer):
    """A move of the job's status (draft -> open -> closed -> open) and/or a new closing date (null: none)."""

    status = serializers.ChoiceField(choices=JobPosting.Status.choices, required=False)
    closes_at = serializers.DateTimeField(required=False, allow_null=True)


class RequirementsInput(serializers.Serializer):
    """What a recruiter may correct in the requirements read from the text."""

    required_skills = serializers.ListField(child=serializers.CharField(max_length=100), required=False, max_length=50)
    preferred_skills = serializers.ListField(child=serializers.CharField(max_length=100), required=False, max_length=50)
    skill_weights = serializers.DictField(child=serializers.FloatField(min_value=0, max_value=10), required=False)
    min_years = serializers.FloatField(required=False, allow_null=True, min_value=0, max_value=60)
    max_years = serializers.FloatField(required=False, allow_null=True, min_value=0, max_value=60)
    education_level = serializers.ChoiceField(
        choices=["", "diploma", "associate", "bachelor", "master", "phd"], required=False
    )


class JobPatchInput(JobInput, RequirementsInput, LifecycleInput):
    """Any of a job's text, requirements and lifecycle fields (what PATCH accepts)."""


@extend_schema_view(get=extend_schema(parameters=[JobListQuery]), post=extend_schema(request=JobCreateInput))
class JobListCreate(generics.ListCreateAPIView):
    """The organization's postings (archived ones only on request); a new one, open unless created as a draft,
    is read for its requirements, scored for quality and, once open, searched for rediscovered candidates."""

    permission_classes = [IsOrganizationMember]
    serializer_class = JobOutput

    def get_queryset(self) -> Any:
        return job_list_for_organization(organization=request_organization(self.request))

    def filter_queryset(self, queryset: Any) -> Any:
        return job_list_filter(queryset, self.request.query_params)

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        payload = JobCreateInput(data=request.data)
        payload.is_valid(raise_exception=True)
        data = dict(payload.validated_data)
        remote = data.pop("remote")
        try:
            job = job_create(
                organization=request_organization(request),
                actor=request_user(request),
                remote={"true": True, "false": False}.get(remote, remote) if remote else None,
                **data,
            )
        except JobLifecycleError as refused:
            raise JobLifecycleRefused(refused) from refused
        return Response(JobOutput(job).data, status=status.HTTP_201_CREATED)


class JobDetail(generics.RetrieveUpdateDestroyAPIView):
    """A posting. PATCH its text (read again), its requirements (kept as edited from then on), its `status` or
    `closes_at` (as the lifecycle allows: 409 otherwise); DELETE archives it (204), POST .../restore/ undoes that."""

    permission_classes = [IsOrganizationMember]
    serializer_class = JobOutput
    http_method_names = ["get", "patch", "delete", "head", "options"]

    def get_queryset(self) -> Any:
        return job_list_for_organization(organization=request_organization(self.request))

    @extend_schema(request=JobPatchInput, responses=JobOutput)
    def partial_update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        job = self.get_object()
        text = JobInput(data=request.data, partial=True)
        text.is_valid(raise_exception=True)
        requirements = RequirementsInput(data=request.data, partial=True)
        requirements.is_valid(raise_exception=True)
        lifecycle = LifecycleInput(data=request.data, partial=True)
        lifecycle.is_valid(raise_exception=True)
        changes = {key: value for key, value in text.validated_data.items() if key in request.data and key != "remote"}
        if requirements.validated_data:
            changes.update(requirements.validated_data, requirements_edited=True)
        moves = lifecycle.validated_data
        actor = request_user(request)
        try:
            with transaction.atomic():  # a refused move leaves the text as it was, too
                ensure_not_archived(job)
                if moves:
                    closes_at = moves.get("closes_at", UNCHANGED)
                    job_change(job=job, actor=actor, status=moves.get("status"), closes_at=closes_at)
                if changes or not moves:
                    job = job_update(job=job, actor=actor, **changes)
        except JobLifecycleError as refused:
            raise JobLifecycleRefused(refused) from refused
        return Response(JobOutput(job).data)

    def perform_destroy(self, instance: JobPosting) -> None:
        job_archive(job=instance, actor=request_user(self.request))


class JobRestore(APIView):
    """Bring an archived job back to the lists, with the status it had (409 when it is not archived)."""

    permission_classes = [IsOrganizationMember]

    @extend_schema(request=None, responses=JobOutput)
    def post(self, request: Request, pk: int) -> Response:
        job = generics.get_object_or_404(job_list_for_organization(organization=request_organization(request)), pk=pk)
        try:
            job_restore(job=job, actor=request_user(request))
        except JobLifecycleError as refused:
            raise JobLifecycleRefused(refused) from refused
        return Response(JobOutput(job).data)


class RediscoveredCandidateBrief(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    current_title = serializers.CharField()
    location = serializers.CharField()
    total_years_experience = serializers.FloatField(allow_null=True)


class RediscoveredOutput(serializers.ModelSerializer):
    candidate = RediscoveredCandidateBrief(read_only=True)

    class Meta:
        model = RediscoveredCandidate
        fields = ["candidate", "score", "found_at"]


class JobRediscovered(generics.ListAPIView):
    """The organization's existing candidates who fit the job when it opened (score at least
    JOB_REDISCOVERY_MIN_SCORE), best first."""

    permission_classes = [IsOrganizationMember]
    serializer_class = RediscoveredOutput

    def get_queryset(self) -> Any:
        job = generics.get_object_or_404(
            job_list_for_organization(organization=request_organization(self.request)), pk=self.kwargs["pk"]
        )
        return rediscovered_for_job(job=job)
