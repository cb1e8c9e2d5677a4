"""Input and output serializers of the interview API (interviews.api)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from rest_framework import serializers

from interviews.models import Interview, InterviewFeedback
from interviews.services import MAX_INTERVIEWERS, MAX_TEXT
from interviews.timezones import utc_to_local

MAX_ID = 2**63 - 1  # a bigint: larger ids are refused before they reach the database
LOCAL_TIME_HELP = (
    "Wall-clock time in `timezone`, without an offset (e.g. 2027-01-12T09:00). A time the daylight-saving change "
    "skips or repeats is refused; send it with its UTC offset to say which of two repeated times is meant."
)


class LocalDateTimeField(serializers.DateTimeField):
    """An ISO date-time kept as given: naive stays naive (read in the interview's zone by the service)."""

    def enforce_timezone(self, value: datetime) -> datetime:
        return value


class InterviewListQuery(serializers.Serializer):
    application = serializers.IntegerField(required=False, min_value=1, max_value=MAX_ID)
    job = serializers.IntegerField(required=False, min_value=1, max_value=MAX_ID)
    status = serializers.ChoiceField(choices=Interview.Status.choices, required=False)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if "from" in attrs and "to" in attrs and attrs["from"] > attrs["to"]:
            raise serializers.ValidationError({"to": ["`to` is on or after `from`."]})
        return attrs


# `from` is a Python keyword: the two date filters are declared by name.
InterviewListQuery._declared_fields["from"] = serializers.DateField(
    required=False, help_text="Only interviews starting on or after this day (UTC)."
)
InterviewListQuery._declared_fields["to"] = serializers.DateField(
    required=False, help_text="Only interviews starting on or before this day (UTC)."
)


class InterviewInput(serializers.Serializer):
    application = serializers.IntegerField(min_value=1, max_value=MAX_ID)
    starts_at = LocalDateTimeField(help_text=LOCAL_TIME_HELP)
    ends_at = LocalDateTimeField(help_text=LOCAL_TIME_HELP)
    timezone = serializers.CharField(max_length=64, help_text="IANA time zone name, e.g. America/New_York.")
    interviewers = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=MAX_ID), min_length=1, max_length=MAX_INTERVIEWERS
    )
    kind = serializers.ChoiceField(choices=Interview.Kind.choices)
    location = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")
    meeting_url = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")


class RescheduleInput(serializers.Serializer):
    starts_at = LocalDateTimeField(required=False, help_text=LOCAL_TIME_HELP)
    ends_at = LocalDateTimeField(required=False, help_text=LOCAL_TIME_HELP)
    timezone = serializers.CharField(max_length=64, required=False)
    interviewers = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=MAX_ID),
        min_length=1,
        max_length=MAX_INTERVIEWERS,
        required=False,
    )
    kind = serializers.ChoiceField(choices=Interview.Kind.choices, required=False)
    location = serializers.CharField(max_length=300, required=False, allow_blank=True)
    meeting_url = serializers.CharField(max_length=500, required=False, allow_blank=True)


class CancelInput(serializers.Serializer):
    reason = serializers.CharField(max_length=MAX_TEXT, required=False, allow_blank=True, default="")


class FeedbackInput(serializers.Serializer):
    recommendation = serializers.ChoiceField(choices=InterviewFeedback.Recommendation.choices)
    scores = serializers.DictField(
        child=serializers.IntegerField(min_value=1, max_value=5),
        required=False,
        default=dict,
        help_text='A 1-5 score per required skill of the job, e.g. {"Python": 4}; skills not assessed are left out.',
    )
    notes = serializers.CharField(max_length=MAX_TEXT, required=False, allow_blank=True, default="")


class InterviewOutput(serializers.ModelSerializer):
    candidate = serializers.IntegerField(source="application.candidate_id", read_only=True)
    job = serializers.IntegerField(source="application.job_id", read_only=True)
    local_starts_at = serializers.SerializerMethodField()
    local_ends_at = serializers.SerializerMethodField()

    def get_local_starts_at(self, interview: Interview) -> str:
        return utc_to_local(interview.starts_at, interview.timezone).isoformat()

    def get_local_ends_at(self, interview: Interview) -> str:
        return utc_to_local(interview.ends_at, interview.timezone).isoformat()

    class Meta:
        model = Interview
        fields = [
            "id",
            "application",
            "candidate",
            "job",
            "starts_at",
            "ends_at",
            "timezone",
            "local_starts_at",
            "local_ends_at",
            "interviewers",
            "kind",
            "location",
            "meeting_url",
            "status",
            "cancellation_reason",
            "sequence",
            "uid",
            "created_by",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


class FeedbackOutput(serializers.ModelSerializer):
    class Meta:
        model = InterviewFeedback
        fields = ["id", "interview", "interviewer", "recommendation", "scores", "notes", "submitted_at"]
        read_only_fields = fields
