"""What a detail response shows of a profile, small whatever the resume: the first API_TEXT_PREVIEW_CHARS
characters of the text and at most API_EVIDENCE_PER_SKILL evidence lines per skill (the whole resume is its file
download). Shared by the candidate and the resume detail responses."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from rest_framework import serializers

from recruitment_core.limits import profile_preview

PREVIEW_FIELDS = ["evidence_omitted", "extracted_text", "extracted_text_truncated", "extracted_text_length"]


class ProfilePreviewFields(serializers.Serializer):
    """Mix in before a ModelSerializer whose model has `extracted_text` and a profile-shaped JSON field named by
    `profile_field`; the subclass lists PREVIEW_FIELDS (and its own profile field) in Meta.fields."""

    profile_field = "profile"

    evidence_omitted = serializers.SerializerMethodField()
    extracted_text = serializers.SerializerMethodField()
    extracted_text_truncated = serializers.SerializerMethodField()
    extracted_text_length = serializers.SerializerMethodField()

    def profile_shown(self, row: Any) -> dict[str, Any]:
        return profile_preview(getattr(row, self.profile_field) or {}, settings.API_EVIDENCE_PER_SKILL)[0]

    def get_evidence_omitted(self, row: Any) -> int:
        return profile_preview(getattr(row, self.profile_field) or {}, settings.API_EVIDENCE_PER_SKILL)[1]

    def get_extracted_text(self, row: Any) -> str:
        return str(row.extracted_text[: settings.API_TEXT_PREVIEW_CHARS])

    def get_extracted_text_truncated(self, row: Any) -> bool:
        return len(row.extracted_text) > settings.API_TEXT_PREVIEW_CHARS

    def get_extracted_text_length(self, row: Any) -> int:
        return len(row.extracted_text)
