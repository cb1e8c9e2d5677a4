"""The structured AI screening of an application, as the REST API shows it (read-only).

Read from the stored reply (Application.ai_feedback) with applications.ai_client.feedback_analysis, so a reply
stored before the screening was grounded reads with empty lists and blank fields instead of failing.
"""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from applications.ai_client import RECOMMENDATIONS, feedback_analysis


class QuotedClaimOutput(serializers.Serializer):
    text = serializers.CharField(read_only=True)
    quote = serializers.CharField(read_only=True, help_text="The words of the resume the claim rests on.")


class AnalysisOutput(serializers.Serializer):
    """The latest screening; `recommendation` is blank for a reply stored before recommendations existed."""

    match_score = serializers.FloatField(read_only=True)
    recommendation = serializers.ChoiceField(choices=[*RECOMMENDATIONS, ""], read_only=True)
    needs_human_review = serializers.BooleanField(read_only=True)
    review_reason = serializers.CharField(read_only=True)
    reasons = serializers.ListField(child=serializers.CharField(), read_only=True)
    summary = serializers.CharField(read_only=True)
    strengths = QuotedClaimOutput(many=True, read_only=True)
    concerns = QuotedClaimOutput(many=True, read_only=True)
    missing_requirements = serializers.ListField(child=serializers.CharField(), read_only=True)
    missing_skills = serializers.ListField(child=serializers.CharField(), read_only=True)
    interview_questions = serializers.ListField(child=serializers.CharField(), read_only=True)
    provider = serializers.CharField(read_only=True)
    model = serializers.CharField(read_only=True)
    prompt_version = serializers.CharField(read_only=True)
    fallback = serializers.BooleanField(read_only=True)
    fallback_from = serializers.CharField(read_only=True)
    fallback_reason = serializers.CharField(read_only=True)
    flags = serializers.ListField(child=serializers.CharField(), read_only=True)
    dropped_claims = serializers.IntegerField(read_only=True)
    input_truncated = serializers.BooleanField(read_only=True)

    def to_representation(self, instance: Any) -> dict[str, Any]:
        analysis = feedback_analysis(instance.ai_feedback, score=instance.ai_score)
        values: dict[str, Any] = {**vars(analysis), **vars(analysis.screening), "fallback": analysis.fallback}
        return {name: field.to_representation(values[name]) for name, field in self.fields.items()}

    def get_attribute(self, instance: Any) -> Any:
        # null when there is no analysis yet (pending, or failed before a reply was stored)
        return instance if instance.ai_feedback else None
