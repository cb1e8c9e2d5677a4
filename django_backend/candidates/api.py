from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import FileResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import generics, serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.permissions import IsOrganizationMember, request_organization, request_user
from audit.services import audit_record
from candidates.export import candidate_export
from candidates.models import Candidate
from candidates.privacy import candidate_delete
from candidates.selectors import candidate_list_for_organization
from recruitment_core.limits import profile_preview


class CandidateOutput(serializers.ModelSerializer):
    has_embedding = serializers.SerializerMethodField()

    class Meta:
        model = Candidate
        fields = [
            "id",
            "name",
            "email",
            "emails",
            "phone",
            "location",
            "links",
            "current_title",
            "total_years_experience",
            "skills",
            "current_resume",
            "has_embedding",
            "created_at",
            "updated_at",
        ]

    def get_has_embedding(self, candidate: Candidate) -> bool:
        return candidate.embedding is not None


class CandidateDetailOutput(CandidateOutput):
    """With the structured profile: work history, education, and each skill with its evidence.

    Small whatever the resume: at most API_EVIDENCE_PER_SKILL evidence lines per skill (`evidence_omitted`
    counts the others) and the first API_TEXT_PREVIEW_CHARS characters of the text (`extracted_text_truncated`,
    `extracted_text_length`); the whole resume is the file download of `current_resume`.
    """

    profile = serializers.SerializerMethodField()
    evidence_omitted = serializers.SerializerMethodField()
    extracted_text = serializers.SerializerMethodField()
    extracted_text_truncated = serializers.SerializerMethodField()
    extracted_text_length = serializers.SerializerMethodField()

    class Meta(CandidateOutput.Meta):
        fields = [
            *CandidateOutput.Meta.fields,
            "profile",
            "evidence_omitted",
            "extracted_text",
            "extracted_text_truncated",
            "extracted_text_length",
        ]

    @extend_schema_field(serializers.JSONField())
    def get_profile(self, candidate: Candidate) -> dict[str, Any]:
        return profile_preview(candidate.profile or {}, settings.API_EVIDENCE_PER_SKILL)[0]

    def get_evidence_omitted(self, candidate: Candidate) -> int:
        return profile_preview(candidate.profile or {}, settings.API_EVIDENCE_PER_SKILL)[1]

    def get_extracted_text(self, candidate: Candidate) -> str:
        return candidate.extracted_text[: settings.API_TEXT_PREVIEW_CHARS]

    def get_extracted_text_truncated(self, candidate: Candidate) -> bool:
        return len(candidate.extracted_text) > settings.API_TEXT_PREVIEW_CHARS

    def get_extracted_text_length(self, candidate: Candidate) -> int:
        return len(candidate.extracted_text)


class CandidateList(generics.ListAPIView):
    """The organization's candidates. Candidates come from resumes: upload them at /api/resumes/."""

    permission_classes = [IsOrganizationMember]
    serializer_class = CandidateOutput

    def get_queryset(self) -> Any:
        return candidate_list_for_organization(organization=request_organization(self.request)).defer("embedding")


class CandidateDetail(generics.RetrieveDestroyAPIView):
    """A candidate's profile; DELETE erases the candidate and everything stored about them (204)."""

    permission_classes = [IsOrganizationMember]
    serializer_class = CandidateDetailOutput

    def get_queryset(self) -> Any:
        return candidate_list_for_organization(organization=request_organization(self.request))

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        candidate = self.get_object()
        # The access log is the one write a read makes (a single INSERT): who opened whose profile.
        audit_record(
            action="candidate.viewed",
            organization=request_organization(request),
            actor=request_user(request),
            target=candidate,
        )
        return Response(self.get_serializer(candidate).data)

    def perform_destroy(self, instance: Candidate) -> None:
        candidate_delete(candidate=instance, actor=request_user(self.request))


class CandidateExport(APIView):
    """Everything stored about a candidate, as a ZIP: `candidate.json` (every stored field) and `files/`."""

    permission_classes = [IsOrganizationMember]

    @extend_schema(responses={(200, "application/zip"): OpenApiTypes.BINARY})
    def get(self, request: Request, pk: int) -> FileResponse:
        candidate = generics.get_object_or_404(
            candidate_list_for_organization(organization=request_organization(request)).defer("embedding"), pk=pk
        )
        archive = candidate_export(candidate=candidate, actor=request_user(request))
        return FileResponse(
            archive, as_attachment=True, filename=f"candidate-{candidate.pk}.zip", content_type="application/zip"
        )
