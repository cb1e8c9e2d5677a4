from __future__ import annotations

from typing import Any

from rest_framework import generics, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from accounts.permissions import IsOrganizationMember, request_organization, request_user
from jobs.models import JobPosting
from jobs.selectors import job_list_for_organization
from jobs.services import job_create


class JobOutput(serializers.ModelSerializer):
    has_embedding = serializers.SerializerMethodField()

    class Meta:
        model = JobPosting
        fields = ["id", "title", "description", "skills", "location", "has_embedding", "created_at", "updated_at"]

    def get_has_embedding(self, job: JobPosting) -> bool:
        return job.embedding is not None


class JobInput(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    description = serializers.CharField(max_length=50_000)
    skills = serializers.ListField(child=serializers.CharField(max_length=100), required=False, default=list)
    location = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")


class JobListCreate(generics.ListCreateAPIView):
    permission_classes = [IsOrganizationMember]
    serializer_class = JobOutput

    def get_queryset(self) -> Any:
        return job_list_for_organization(organization=request_organization(self.request))

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        payload = JobInput(data=request.data)
        payload.is_valid(raise_exception=True)
        job = job_create(
            organization=request_organization(request), actor=request_user(request), **payload.validated_data
        )
        return Response(JobOutput(job).data, status=status.HTTP_201_CREATED)


class JobDetail(generics.RetrieveUpdateAPIView):
    permission_classes = [IsOrganizationMember]
    serializer_class = JobOutput
    http_method_names = ["get", "patch", "head", "options"]

    def get_queryset(self) -> Any:
        return job_list_for_organization(organization=request_organization(self.request))

    def partial_update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        job = self.get_object()
        payload = JobInput(job, data=request.data, partial=True)
        payload.is_valid(raise_exception=True)
        for field, value in payload.validated_data.items():
            setattr(job, field, value)
        job.save()
        return Response(JobOutput(job).data)
