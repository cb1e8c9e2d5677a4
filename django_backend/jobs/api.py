from __future__ import annotations

from typing import Any

from rest_framework import generics, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from accounts.permissions import IsOrganizationMember, request_organization, request_user
from jobs.models import JobPosting
from jobs.selectors import job_list_for_organization
from jobs.services import job_create, job_update


class JobOutput(serializers.ModelSerializer):
    has_embedding = serializers.SerializerMethodField()

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


class JobListCreate(generics.ListCreateAPIView):
    """The organization's postings; a new one is read for its requirements and scored for quality."""

    permission_classes = [IsOrganizationMember]
    serializer_class = JobOutput

    def get_queryset(self) -> Any:
        return job_list_for_organization(organization=request_organization(self.request))

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        payload = JobInput(data=request.data)
        payload.is_valid(raise_exception=True)
        data = dict(payload.validated_data)
        remote = data.pop("remote")
        job = job_create(
            organization=request_organization(request),
            actor=request_user(request),
            remote={"true": True, "false": False}.get(remote, remote) if remote else None,
            **data,
        )
        return Response(JobOutput(job).data, status=status.HTTP_201_CREATED)


class JobDetail(generics.RetrieveUpdateAPIView):
    """A posting. PATCH its text (read again) or its requirements (kept as edited from then on)."""

    permission_classes = [IsOrganizationMember]
    serializer_class = JobOutput
    http_method_names = ["get", "patch", "head", "options"]

    def get_queryset(self) -> Any:
        return job_list_for_organization(organization=request_organization(self.request))

    def partial_update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        job = self.get_object()
        text = JobInput(data=request.data, partial=True)
        text.is_valid(raise_exception=True)
        requirements = RequirementsInput(data=request.data, partial=True)
        requirements.is_valid(raise_exception=True)
        changes = {key: value for key, value in text.validated_data.items() if key in request.data and key != "remote"}
        if requirements.validated_data:
            changes.update(requirements.validated_data, requirements_edited=True)
        job = job_update(job=job, actor=request_user(request), **changes)
        return Response(JobOutput(job).data)
