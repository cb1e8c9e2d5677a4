from __future__ import annotations

from typing import Any

from rest_framework import generics, serializers

from accounts.permissions import IsOrganizationMember, request_organization
from candidates.models import Candidate
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
        return candidate.embedding is not None


class CandidateDetailOutput(CandidateOutput):
    """With the structured profile: work history, education, and each skill with its evidence."""

    class Meta(CandidateOutput.Meta):
        fields = [*CandidateOutput.Meta.fields, "profile", "extracted_text"]


class CandidateList(generics.ListAPIView):
    """The organization's candidates. Candidates come from resumes: upload them at /api/resumes/."""

    permission_classes = [IsOrganizationMember]
    serializer_class = CandidateOutput

    def get_queryset(self) -> Any:
        return candidate_list_for_organization(organization=request_organization(self.request)).defer("embedding")


class CandidateDetail(generics.RetrieveAPIView):
    permission_classes = [IsOrganizationMember]
    serializer_class = CandidateDetailOutput

    def get_queryset(self) -> Any:
        return candidate_list_for_organization(organization=request_organization(self.request))
