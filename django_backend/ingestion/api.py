from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import transaction
from django.http import FileResponse, HttpResponse
from django.http.response import HttpResponseBase
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import generics, serializers, status
from rest_framework.exceptions import APIException
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.permissions import IsOrganizationMember, request_organization, request_user
from audit.services import audit_record
from candidates.models import ResumeVersion
from candidates.previews import PREVIEW_FIELDS, ProfilePreviewFields
from candidates.selectors import resume_list_for_organization
from ingestion.models import ImportBatch, ImportItem
from ingestion.services import import_create, resume_intake, resume_reparse, resume_upload_read
from recruitment_core.archive import ArchiveRejected
from recruitment_core.extraction import ExtractionError


class FileRejected(APIException):
    """A refused upload, with the HTTP status that fits its reason."""

    STATUS_BY_CODE = {
        "too_large": status.HTTP_413_REQUEST_ENTITY_TOO_LARGE,
        "unsupported_type": status.HTTP_415_UNSUPPORTED_MEDIA_TYPE,
        "not_a_zip": status.HTTP_415_UNSUPPORTED_MEDIA_TYPE,
    }
    status_code: int = status.HTTP_400_BAD_REQUEST
    default_code = "invalid_file"

    def __init__(self, code: str, message: str) -> None:
        super().__init__(detail=message, code=code)
        self.status_code = self.STATUS_BY_CODE.get(code, status.HTTP_400_BAD_REQUEST)


class ResumeOutput(serializers.ModelSerializer):
    class Meta:
        model = ResumeVersion
        fields = [
            "id",
            "candidate",
            "filename",
            "kind",
            "size",
            "sha256",
            "parse_status",
            "parse_error",
            "red_flags",
            "ocr_used",
            "created_at",
            "parsed_at",
        ]


class ResumeDetailOutput(ProfilePreviewFields, ResumeOutput):
    """With the parsed profile and the text, kept small as in the candidate detail (candidates.previews)."""

    profile_field = "parsed"
    parsed = serializers.SerializerMethodField()

    class Meta(ResumeOutput.Meta):
        fields = [*ResumeOutput.Meta.fields, "parsed", *PREVIEW_FIELDS]

    @extend_schema_field(serializers.JSONField())
    def get_parsed(self, resume: ResumeVersion) -> dict[str, Any]:
        return self.profile_shown(resume)


class ResumeUploadInput(serializers.Serializer):
    resume = serializers.FileField(
        allow_empty_file=True, help_text="PDF, DOCX, RTF, ODT, plain text or a PNG/JPEG scan, detected by content."
    )
    name = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    email = serializers.EmailField(required=False, allow_blank=True, default="")
    phone = serializers.CharField(max_length=40, required=False, allow_blank=True, default="")
    location = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")


class ResumeListCreate(generics.ListCreateAPIView):
    """Upload a resume (multipart). It is parsed in the background; the candidate is the person it names
    (same email or phone as an existing candidate: a new version of them). The same file twice is recognised."""

    permission_classes = [IsOrganizationMember]
    parser_classes = [MultiPartParser, FormParser]
    serializer_class = ResumeOutput

    def get_queryset(self) -> Any:
        queryset = resume_list_for_organization(organization=request_organization(self.request))
        parse_status = self.request.query_params.get("parse_status")
        return queryset.filter(parse_status=parse_status) if parse_status else queryset

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        payload = ResumeUploadInput(data=request.data)
        payload.is_valid(raise_exception=True)
        details = dict(payload.validated_data)
        uploaded = details.pop("resume")
        try:
            data, kind = resume_upload_read(uploaded)
        except ExtractionError as error:
            raise FileRejected(error.code, str(error)) from error
        intake = resume_intake(
            organization=request_organization(request),
            filename=uploaded.name or "resume",
            data=data,
            kind=kind,
            uploaded_by=request_user(request),
            given_details=details,
        )
        body = {
            **ResumeOutput(intake.resume).data,
            "duplicate": intake.duplicate,
            "parse_task_id": intake.task.task_id if intake.task else None,
        }
        return Response(body, status=status.HTTP_200_OK if intake.duplicate else status.HTTP_202_ACCEPTED)


class ResumeDetail(generics.RetrieveAPIView):
    permission_classes = [IsOrganizationMember]
    serializer_class = ResumeDetailOutput

    def get_queryset(self) -> Any:
        return resume_list_for_organization(organization=request_organization(self.request))


class ResumeReparse(APIView):
    """Parse the stored file again (after a parser improvement, or a failure that has been fixed)."""

    permission_classes = [IsOrganizationMember]

    @extend_schema(request=None, responses={202: OpenApiTypes.OBJECT})
    def post(self, request: Request, pk: int) -> Response:
        resume = generics.get_object_or_404(
            resume_list_for_organization(organization=request_organization(request)), pk=pk
        )
        with transaction.atomic():
            record = resume_reparse(resume=resume)
        return Response({"resume": resume.pk, "parse_task_id": record.task_id}, status=status.HTTP_202_ACCEPTED)


class ResumeFileDownload(APIView):
    """The resume file, to members of its organization only; behind the gateway nginx sends the bytes."""

    permission_classes = [IsOrganizationMember]

    @extend_schema(responses={(200, "application/octet-stream"): OpenApiTypes.BINARY})
    def get(self, request: Request, pk: int) -> HttpResponseBase:
        resume = generics.get_object_or_404(
            resume_list_for_organization(organization=request_organization(request)), pk=pk
        )
        # Downloads are logged (one INSERT, ids only): the access log is the write a read may make.
        audit_record(
            action="resume.downloaded",
            organization=request_organization(request),
            actor=request_user(request),
            target=resume,
            candidate=resume.candidate_id,
        )
        disposition = f'attachment; filename="{resume.filename.replace(chr(34), "")}"'
        if settings.USE_X_ACCEL_REDIRECT:
            response = HttpResponse()
            response["X-Accel-Redirect"] = f"{settings.PROTECTED_MEDIA_URL}{resume.file.name}"
            response["Content-Type"] = "application/octet-stream"
            response["Content-Disposition"] = disposition
            return response
        file_response = FileResponse(resume.file.open("rb"), as_attachment=True)
        file_response["Content-Disposition"] = disposition
        return file_response


class ImportItemOutput(serializers.ModelSerializer):
    candidate = serializers.SerializerMethodField()

    class Meta:
        model = ImportItem
        fields = ["id", "filename", "status", "error", "resume", "candidate"]

    def get_candidate(self, item: ImportItem) -> int | None:
        return item.resume.candidate_id if item.resume else None


class ImportOutput(serializers.ModelSerializer):
    percent = serializers.IntegerField(read_only=True)
    state_label = serializers.CharField(source="get_state_display", read_only=True)

    class Meta:
        model = ImportBatch
        fields = [
            "id",
            "archive_name",
            "state",
            "state_label",
            "error",
            "total",
            "processed",
            "failed",
            "percent",
            "created_at",
            "finished_at",
        ]


class ImportDetailOutput(ImportOutput):
    items = ImportItemOutput(many=True, read_only=True)

    class Meta(ImportOutput.Meta):
        fields = [*ImportOutput.Meta.fields, "items"]


class ImportUploadInput(serializers.Serializer):
    archive = serializers.FileField(help_text="A ZIP of resumes.")


class ImportListCreate(generics.ListCreateAPIView):
    """Import a ZIP of resumes: one parse per file, progress here and on the organization's WebSocket."""

    permission_classes = [IsOrganizationMember]
    parser_classes = [MultiPartParser, FormParser]
    serializer_class = ImportOutput

    def get_queryset(self) -> Any:
        return ImportBatch.objects.filter(organization=request_organization(self.request))

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        payload = ImportUploadInput(data=request.data)
        payload.is_valid(raise_exception=True)
        try:
            batch = import_create(
                organization=request_organization(request),
                uploaded=payload.validated_data["archive"],
                created_by=request_user(request),
            )
        except ArchiveRejected as error:
            raise FileRejected(error.code, error.message) from error
        return Response(ImportOutput(batch).data, status=status.HTTP_202_ACCEPTED)


class ImportDetail(generics.RetrieveAPIView):
    permission_classes = [IsOrganizationMember]
    serializer_class = ImportDetailOutput

    def get_queryset(self) -> Any:
        return ImportBatch.objects.filter(organization=request_organization(self.request)).prefetch_related(
            "items__resume"
        )
