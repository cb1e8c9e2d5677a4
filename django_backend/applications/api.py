from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError as ModelValidationError
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import generics, serializers, status
from rest_framework.exceptions import APIException, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from accounts.permissions import IsOrganizationMember, request_organization, request_user
from applications.analysis_serializers import AnalysisOutput
from applications.filters import ApplicationListQuery, application_list_filter
from applications.models import Application
from applications.pipeline import PipelineErrorCode, Stage, StageChangeRefused
from applications.selectors import application_list_for_organization
from applications.services import MAX_TEXT, DuplicateApplication, application_create, move_to_stage
from candidates.selectors import candidate_list_for_organization
from jobs.lifecycle import JobNotOpen
from jobs.selectors import job_list_for_organization
from realtime.models import TaskRecord
from realtime.selectors import latest_task_id


class ApplicationOutput(serializers.ModelSerializer):
    stage_entered_at = serializers.SerializerMethodField()
    time_in_stage_seconds = serializers.SerializerMethodField()
    analysis = AnalysisOutput(source="*", read_only=True, allow_null=True)

    def get_stage_entered_at(self, application: Application) -> str | None:
        entered = getattr(application, "stage_entered_at", None)
        return entered.isoformat() if entered else None

    def get_time_in_stage_seconds(self, application: Application) -> int:
        return int(application.time_in_stage.total_seconds())

    class Meta:
        model = Application
        fields = [
            "id",
            "candidate",
            "job",
            "status",
            "stage_entered_at",
            "time_in_stage_seconds",
            "ai_score",
            "ai_feedback",
            "analysis",
            "analysis_status",
            "analysis_error",
            "created_at",
            "updated_at",
        ]


class ApplicationInput(serializers.Serializer):
    candidate = serializers.IntegerField(min_value=1)
    job = serializers.IntegerField(min_value=1)


class StageMoveInput(serializers.Serializer):
    stage = serializers.ChoiceField(choices=Stage.choices)
    reason = serializers.CharField(required=False, allow_blank=True, default="", max_length=MAX_TEXT)
    note = serializers.CharField(required=False, allow_blank=True, default="", max_length=MAX_TEXT)


class DuplicateApplicationConflict(APIException):
    status_code = status.HTTP_409_CONFLICT
    default_code = "duplicate_application"
    default_detail = "This candidate has already applied to this job."


class JobNotOpenConflict(APIException):
    status_code = status.HTTP_409_CONFLICT
    default_code = "job_not_open"
    default_detail = "This job does not take applications."


class StageMoveRefused(APIException):
    """A refused move: 409 when it conflicts with the application's current stage, 400 when input is missing."""

    def __init__(self, refused: StageChangeRefused) -> None:
        self.status_code = 400 if refused.code == PipelineErrorCode.REASON_REQUIRED else 409
        super().__init__(detail=refused.message, code=refused.code.value)


@extend_schema_view(get=extend_schema(parameters=[ApplicationListQuery]))
class ApplicationListCreate(generics.ListCreateAPIView):
    """List the organization's applications (by stage, job or candidate), or apply a candidate to an open job
    (queues the AI analysis; 409 `job_not_open` for a draft, closed or archived job)."""

    permission_classes = [IsOrganizationMember]
    serializer_class = ApplicationOutput

    def get_queryset(self) -> Any:
        return application_list_for_organization(organization=request_organization(self.request))

    def filter_queryset(self, queryset: Any) -> Any:
        return application_list_filter(queryset, self.request.query_params)

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
        except DuplicateApplication as error:
            raise DuplicateApplicationConflict() from error
        except JobNotOpen as refused:
            raise JobNotOpenConflict(refused.message) from refused
        except ModelValidationError as error:
            raise ValidationError({"non_field_errors": error.messages}) from error
        application = self.get_queryset().get(pk=application.pk)  # with its stage annotations
        body = {
            **ApplicationOutput(application).data,
            "analysis_task_id": latest_task_id(target=application, kind=TaskRecord.Kind.ANALYZE_APPLICATION),
        }
        return Response(body, status=status.HTTP_201_CREATED)


class ApplicationDetail(generics.RetrieveUpdateAPIView):
    """Read an application, or move it through the pipeline: PATCH `{"stage", "reason", "note"}`."""

    permission_classes = [IsOrganizationMember]
    serializer_class = ApplicationOutput
    http_method_names = ["get", "patch", "head", "options"]  # a move, not a replacement: no PUT

    def get_queryset(self) -> Any:
        return application_list_for_organization(organization=request_organization(self.request))

    @extend_schema(request=StageMoveInput, responses=ApplicationOutput)
    def partial_update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        application = self.get_object()
        payload = StageMoveInput(data=request.data)
        payload.is_valid(raise_exception=True)
        try:
            move_to_stage(application=application, by=request_user(request), **payload.validated_data)
        except StageChangeRefused as refused:
            raise StageMoveRefused(refused) from refused
        return Response(ApplicationOutput(self.get_queryset().get(pk=application.pk)).data)
