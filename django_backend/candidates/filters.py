"""The filters of the candidate list (`GET /api/candidates/`): parsed by a serializer (a clear 400 for a bad value,
and the OpenAPI description of each parameter), applied to a queryset already scoped to the organization."""

from __future__ import annotations

from typing import Any

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.search import SearchQuery
from django.db.models import Func, QuerySet, TextField
from django.http import QueryDict
from rest_framework import serializers

from candidates.models import Candidate

MAX_SKILLS = 20


class LowerArray(Func):
    """Each element of a text array in lower case: lets `contains` compare skills case-insensitively."""

    template = "ARRAY(SELECT lower(element) FROM unnest(%(expressions)s) AS element)"
    output_field = ArrayField(TextField())


class SkillList(serializers.CharField):
    """Comma-separated skills (or the parameter repeated), as a list of distinct lower-case names."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("help_text", "Comma-separated skills, every one required; case does not matter.")
        super().__init__(required=False, allow_blank=True, max_length=2000, **kwargs)

    def get_value(self, dictionary: Any) -> Any:
        name = self.field_name or ""
        if isinstance(dictionary, QueryDict) and name in dictionary:
            return ",".join(dictionary.getlist(name))
        return super().get_value(dictionary)

    def to_internal_value(self, data: Any) -> list[str]:  # type: ignore[override]
        text = super().to_internal_value(data)
        skills = list(dict.fromkeys(skill.strip().lower() for skill in text.split(",") if skill.strip()))
        if len(skills) > MAX_SKILLS:
            raise serializers.ValidationError(f"At most {MAX_SKILLS} skills at once.")
        return skills


def with_all_skills(queryset: QuerySet[Any], skills_of_row: LowerArray, skills: list[str]) -> QuerySet[Any]:
    """The rows whose lower-cased skills (`skills_of_row`) hold every one of `skills` (lower-case)."""
    if not skills:
        return queryset
    return queryset.alias(skills_lower=skills_of_row).filter(skills_lower__contains=skills)


class CandidateListQuery(serializers.Serializer):
    skills = SkillList()
    min_years = serializers.FloatField(
        required=False, min_value=0, max_value=100, help_text="At least this many years of experience."
    )
    location = serializers.CharField(
        required=False, allow_blank=True, max_length=200, help_text="Part of the candidate's location."
    )
    q = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=500,
        help_text='Words in the current title or the resume (web search syntax: "exact phrase", -excluded, or).',
    )


def candidate_list_filter(queryset: QuerySet[Candidate], query: QueryDict) -> QuerySet[Candidate]:
    """`queryset` narrowed by the list's query parameters; raises a ValidationError (400) for a bad value."""
    params = CandidateListQuery(data=query)
    params.is_valid(raise_exception=True)
    options = params.validated_data
    queryset = with_all_skills(queryset, LowerArray("skills"), options.get("skills", []))
    if options.get("min_years") is not None:
        queryset = queryset.filter(total_years_experience__gte=options["min_years"])
    if options.get("location", "").strip():
        queryset = queryset.filter(location__icontains=options["location"].strip())
    if options.get("q", "").strip():
        words = SearchQuery(options["q"].strip(), search_type="websearch", config="english")
        queryset = queryset.filter(search_vector=words)
    return queryset
