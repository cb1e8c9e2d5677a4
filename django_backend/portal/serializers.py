"""What the candidate's API reads and answers: their own profile, resumes, recommendations and applications, never
a recruiter's notes, who moved an application, or a screening a recruiter has not released."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from applications.models import Application
from applications.pipeline import allowed_moves
from applications.selectors import released_gap_feedback, stage_history_for_candidate
from candidates.models import Candidate, ResumeVersion
from candidates.self_service import MAX_SKILLS
from jobs.models import JobPosting


class PortalResumeOutput(serializers.ModelSerializer):
    class Meta:
        model = ResumeVersion
        fields = ["id", "filename", "kind", "size", "parse_status", "parse_error", "created_at", "parsed_at"]


class ProfileOutput(serializers.ModelSerializer):
    organization = serializers.CharField(source="organization.name", read_only=True)
    current_resume = PortalResumeOutput(read_only=True, allow_null=True)

    class Meta:
        model = Candidate
        fields = [
            "id",
            "organization",
            "name",
            "email",
            "phone",
            "location",
            "links",
            "current_title",
            "total_years_experience",
            "skills",
            "current_resume",
            "updated_at",
        ]


class ProfileInput(serializers.Serializer):
    """Corrections of the profile read from the resume; each field is optional (PATCH)."""

    name = serializers.CharField(max_length=200, required=False, allow_blank=True)
    phone = serializers.CharField(
        max_length=40, required=False, allow_blank=True, help_text="With the country code, e.g. +14155550100."
    )
    location = serializers.CharField(max_length=200, required=False, allow_blank=True)
    current_title = serializers.CharField(max_length=200, required=False, allow_blank=True)
    skills = serializers.ListField(
        child=serializers.CharField(max_length=100), required=False, max_length=MAX_SKILLS, allow_empty=True
    )
    total_years_experience = serializers.FloatField(required=False, allow_null=True, min_value=0, max_value=70)


class ResumeUploadInput(serializers.Serializer):
    resume = serializers.FileField(
        allow_empty_file=True, help_text="PDF, DOCX, RTF, ODT, plain text or a PNG/JPEG scan, detected by content."
    )


class PortalJobOutput(serializers.ModelSerializer):
    class Meta:
        model = JobPosting
        fields = ["id", "title", "location", "remote_policy", "description", "closes_at"]


class GapFeedbackOutput(serializers.Serializer):
    missing_requirements = serializers.ListField(child=serializers.CharField(), read_only=True)
    missing_skills = serializers.ListField(child=serializers.CharField(), read_only=True)
    released_at = serializers.DateTimeField(read_only=True)


class StageOutput(serializers.Serializer):
    from_stage = serializers.CharField(read_only=True)
    to_stage = serializers.CharField(read_only=True)
    changed_at = serializers.DateTimeField(read_only=True)


class PortalApplicationOutput(serializers.ModelSerializer):
    """An application as its candidate sees it: the stage, and the gap feedback once a recruiter released it."""

    job = PortalJobOutput(read_only=True)
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    stage_entered_at = serializers.SerializerMethodField()
    can_withdraw = serializers.SerializerMethodField()
    gap_feedback = serializers.SerializerMethodField()

    class Meta:
        model = Application
        fields = [
            "id",
            "job",
            "status",
            "status_label",
            "stage_entered_at",
            "can_withdraw",
            "gap_feedback",
            "created_at",
        ]

    def get_stage_entered_at(self, application: Application) -> str | None:
        entered = getattr(application, "stage_entered_at", None)
        return entered.isoformat() if entered else None

    def get_can_withdraw(self, application: Application) -> bool:
        return Application.Status.WITHDRAWN in allowed_moves(application.status)

    def get_gap_feedback(self, application: Application) -> dict[str, Any] | None:
        feedback = released_gap_feedback(application=application)
        return GapFeedbackOutput(feedback).data if feedback else None


class PortalApplicationDetailOutput(PortalApplicationOutput):
    history = serializers.SerializerMethodField()

    class Meta(PortalApplicationOutput.Meta):
        fields = [*PortalApplicationOutput.Meta.fields, "history"]

    def get_history(self, application: Application) -> Any:
        return StageOutput(stage_history_for_candidate(application=application), many=True).data


class ApplyInput(serializers.Serializer):
    job = serializers.IntegerField(min_value=1)


class EraseInput(serializers.Serializer):
    password = serializers.CharField(help_text="Your password, to confirm that everything is to be deleted.")
