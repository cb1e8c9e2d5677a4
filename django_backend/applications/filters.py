"""The filters of the application list (`GET /api/applications/`), applied to a queryset already scoped to the
organization: a job or candidate of another organization simply matches nothing."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import QueryDict
from rest_framework import serializers

from applications.models import Application
from applications.pipeline import Stage

MAX_ID = 2**63 - 1  # a bigint: larger ids are refused before they reach the database


class ApplicationListQuery(serializers.Serializer):
    stage = serializers.ChoiceField(
        choices=Stage.choices,
        required=False,
        help_text="Only applications in this pipeline stage.",
        error_messages={"invalid_choice": f'"{{input}}" is not a stage; use one of: {", ".join(Stage.values)}.'},
    )
    job = serializers.IntegerField(
        required=False, min_value=1, max_value=MAX_ID, help_text="Only applications to this job."
    )
    candidate = serializers.IntegerField(
        required=False, min_value=1, max_value=MAX_ID, help_text="Only this candidate's applications."
    )


def application_list_filter(queryset: QuerySet[Application], query: QueryDict) -> QuerySet[Application]:
    """`queryset` narrowed by the list's query parameters; raises a ValidationError (400) for a bad value."""
    params = ApplicationListQuery(data=query)
    params.is_valid(raise_exception=True)
    options = params.validated_data
    if "stage" in options:
        queryset = queryset.filter(status=options["stage"])
    if "job" in options:
        queryset = queryset.filter(job_id=options["job"])
    if "candidate" in options:
        queryset = queryset.filter(candidate_id=options["candidate"])
    return queryset
