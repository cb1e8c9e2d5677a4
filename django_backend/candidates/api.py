from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import FileResponse, HttpResponse
from django.http.response import HttpResponseBase
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers, status
from rest_framework.exceptions import APIException
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.permissions import IsOrganizationMember, request_organization, request_user
from candidates.models import Candidate
from candidates.selectors import candidate_list_for_organization
from candidates.services import candidate_create_from_upload
from recruitment_core.extraction import ExtractionError


class CandidateOutput(serializers.ModelSerializer):
    has_embedding = serializers.SerializerMethodField()

    class Meta:
        model = Candidate
        fields = [
            "id",
            "name",
            "email",
            "phone",
            "location",
            "resume_filename",
            "resume_kind",
            "resume_size",
            "parse_status",
            "parse_error",
            "extracted_text",
            "has_embedding",
            "created_at",
            "updated_at",
        ]

    def get_has_embedding(self, candidate: Candidate) -> bool:
        return candidate.embedding is not None


class CandidateUploadInput(serializers.Serializer):
    resume = serializers.FileField(allow_empty_file=True, help_text="PDF, DOCX or plain text, detected by content.")
    name = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    email = serializers.EmailField(required=False, allow_blank=True, default="")
    phone = serializers.CharField(max_length=40, required=False, allow_blank=True, default="")
    location = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")


class ResumeRejected(APIException):
    """A refused upload, with the HTTP status that fits its reason."""

    STATUS_BY_CODE = {
        "too_large": status.HTTP_413_REQUEST_ENTITY_TOO_LARGE,
        "unsupported_type": status.HTTP_415_UNSUPPORTED_MEDIA_TYPE,
    }
    status_code: int = status.HTTP_400_BAD_REQUEST
    default_code = "invalid_resume"

    def __init__(self, error: ExtractionError) -> None:
        super().__init__(detail=str(error), code=error.code)
        self.status_code = self.STATUS_BY_CODE.get(error.code, status.HTTP_400_BAD_REQUEST)


class CandidateListCreate(generics.ListCreateAPIView):
    """List the organization's candidates, or upload a resume (multipart) to create one."""

    permission_classes = [IsOrganizationMember]
    parser_classes = [MultiPartParser, FormParser]
    serializer_class = CandidateOutput

    def get_queryset(self) -> Any:
        return candidate_list_for_organization(organization=request_organization(self.request)).defer("embedding")

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        payload = CandidateUploadInput(data=request.data)
        payload.is_valid(raise_exception=True)
        try:
            candidate, record = candidate_create_from_upload(
                organization=request_organization(request), actor=request_user(request), **payload.validated_data
            )
        except ExtractionError as error:
            raise ResumeRejected(error) from error
        body = {**CandidateOutput(candidate).data, "parse_task_id": record.task_id}
        return Response(body, status=status.HTTP_201_CREATED)


class CandidateDetail(generics.RetrieveAPIView):
    permission_classes = [IsOrganizationMember]
    serializer_class = CandidateOutput

    def get_queryset(self) -> Any:
        return candidate_list_for_organization(organization=request_organization(self.request))


class CandidateResumeDownload(APIView):
    """The resume file, to members of the candidate's organization only; nginx sends the bytes."""

    permission_classes = [IsOrganizationMember]

    @extend_schema(responses={(200, "application/octet-stream"): OpenApiTypes.BINARY})
    def get(self, request: Request, pk: int) -> HttpResponseBase:
        candidate = generics.get_object_or_404(
            candidate_list_for_organization(organization=request_organization(request)), pk=pk
        )
        if not candidate.resume_file:
            return Response({"code": "not_found", "detail": "This candidate has no resume file."}, status=404)
        disposition = f'attachment; filename="{candidate.resume_filename.replace(chr(34), "")}"'
        if settings.USE_X_ACCEL_REDIRECT:
            response = HttpResponse()
            response["X-Accel-Redirect"] = f"{settings.PROTECTED_MEDIA_URL}{candidate.resume_file.name}"
            response["Content-Type"] = "application/octet-stream"
            response["Content-Disposition"] = disposition
            return response
        file_response = FileResponse(candidate.resume_file.open("rb"), as_attachment=True)
        file_response["Content-Disposition"] = disposition
        return file_response
