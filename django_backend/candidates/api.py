from __future__ import annotations

from typing import Any

from django.db.models import BooleanField, ExpressionWrapper, Q
from django.http import FileResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_field, extend_schema_view
from rest_framework import generics, serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.permissions import IsOrganizationMember, request_organization, request_user
from audit.services import audit_record
from candidates.export import candidate_export
from candidates.filters import CandidateListQuery, candidate_list_filter
from candidates.models import Candidate
from candidates.previews import PREVIEW_FIELDS, ProfilePreviewFields
from candidates.privacy import candidate_delete
from candidates.selectors import candidate_list_for_organization


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
        # Lists annotate it (the vector itself is deferred there): reading the field would cost a query per row.
        embedded = getattr(candidate, "embedded", None)
        return embedded if embedded is not None else candidate.embedding is not None


class CandidateDetailOutput(ProfilePreviewFields, CandidateOutput):
    """With the structured profile (work history, education, each skill with its evidence), kept small whatever the
    resume (candidates.previews): `evidence_omitted` counts the evidence lines left out, `extracted_text_truncated`
    and `extracted_text_length` say how much text there is; the whole resume is the file download of
    `current_resume`."""

    profile = serializers.SerializerMethodField()

    class Meta(CandidateOutput.Meta):
        fields = [*CandidateOutput.Meta.fields, "profile", *PREVIEW_FIELDS]

    @extend_schema_field(serializers.JSONField())
    def get_profile(self, candidate: Candidate) -> dict[str, Any]:
        return self.profile_shown(candidate)


@extend_schema_view(get=extend_schema(parameters=[CandidateListQuery]))
class CandidateList(generics.ListAPIView):
    """The organization's candidates, filtered by skills (all of them), years, location and words of the resume.
    Candidates come from resumes: upload them at /api/resumes/."""

    permission_classes = [IsOrganizationMember]
    serializer_class = CandidateOutput

    def get_queryset(self) -> Any:
        candidates = candidate_list_for_organization(organization=request_organization(self.request))
        embedded = ExpressionWrapper(Q(embedding__isnull=False), output_field=BooleanField())
        return candidates.defer("embedding").annotate(embedded=embedded)

    def filter_queryset(self, queryset: Any) -> Any:
        return candidate_list_filter(queryset, self.request.query_params)


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
