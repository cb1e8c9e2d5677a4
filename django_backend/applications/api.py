from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError as ModelValidationError
from rest_framework import generics, serializers, status
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from accounts.permissions import IsOrganizationMember, request_organization, request_user
from applications.models import Application
from applications.selectors import application_list_for_organization
from applications.services import application_create
from candidates.selectors import candidate_list_for_organization
from jobs.selectors import job_list_for_organization
from realtime.models import TaskRecord
from realtime.selectors import latest_task_id


class ApplicationOutput(serializers.ModelSerializer):
    class Meta:
        model = Application
        fields = [
            "id",
            "candidate",
            "job",
            "status",
            "ai_score",
            "ai_feedback",
            "analysis_status",
            "analysis_error",
            "created_at",
            "updated_at",
        ]


class ApplicationInput(serializers.Serializer):
    candidate = serializers.IntegerField(min_value=1)
    job = serializers.IntegerField(min_value=1)


class ApplicationListCreate(generics.ListCreateAPIView):
    """List the organization's applications, or apply a candidate to a job (queues the AI analysis)."""

    permission_classes = [IsOrganizationMember]
    serializer_class = ApplicationOutput

    def get_queryset(self) -> Any:
        return application_list_for_organization(organization=request_organization(self.request))

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        payload = ApplicationInput(data=request.data)
        payload.is_valid(raise_exception=True)
        # Looked up inside the user's organization: another organization's ids read as unknown.
        candidate = (
            candidate_list_for_organization(organization=request_organization(request))
            .filter(pk=payload.validated_data["candidate"])
            .first()
        )
        job = (
            job_list_for_organization(organization=request_organization(request))
            .filter(pk=payload.validated_data["job"])
            .first()
        )
        if candidate is None or job is None:
            raise ValidationError({"candidate" if candidate is None else "job": ["Not found."]})
        try:
            application = application_create(candidate=candidate, job=job, actor=request_user(request))
        except ModelValidationError as error:
            raise ValidationError({"non_field_errors": error.messages}) from error
        body = {
            **ApplicationOutput(application).data,
            "analysis_task_id": latest_task_id(target=application, kind=TaskRecord.Kind.ANALYZE_APPLICATION),
        }
        return Response(body, status=status.HTTP_201_CREATED)


class ApplicationDetail(generics.RetrieveAPIView):
    permission_classes = [IsOrganizationMember]
    serializer_class = ApplicationOutput

    def get_queryset(self) -> Any:
        return application_list_for_organization(organization=request_organization(self.request))
