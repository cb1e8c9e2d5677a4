from __future__ import annotations

from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.permissions import IsOrganizationMember, request_organization
from candidates.models import Candidate
from candidates.selectors import candidate_list_for_organization
from config.pagination import check_page_exists, page_parameters, page_window
from jobs.selectors import job_list_for_organization
from matching.pair_scores import jobs_for_candidate
from matching.ranking import RankedMatch, candidates_for_job, explain_pair
from matching.retrieval import CandidateFilters


def match_json(match: RankedMatch, *, candidate: Candidate | None = None, job: Any = None) -> dict[str, Any]:
    body: dict[str, Any] = {
        "score": match.score,
        "breakdown": match.breakdown,
        "explanation": match.explanation_json(),
        "signals": {"semantic_similarity": match.semantic_similarity, "lexical_score": match.lexical_score},
    }
    if candidate is not None:
        body["candidate"] = {
            "id": candidate.pk,
            "name": candidate.name,
            "current_title": candidate.current_title,
            "total_years_experience": candidate.total_years_experience,
            "location": candidate.location,
        }
    if job is not None:
        body["job"] = {"id": job.pk, "title": job.title, "location": job.location, "remote_policy": job.remote_policy}
    return body


class CandidatesForJobQuery(serializers.Serializer):
    skills = serializers.CharField(required=False, default="", help_text="Comma-separated skills every result has.")
    min_years = serializers.FloatField(required=False, min_value=0)
    location = serializers.CharField(required=False, default="")
    status = serializers.CharField(
        required=False, default="", help_text="Only candidates with this application status."
    )


CANDIDATES_PAGE_SIZE = 20


class CandidatesForJob(APIView):
    """The job's best candidates, scored 0-100 with a breakdown that adds up and an explanation."""

    permission_classes = [IsOrganizationMember]

    @extend_schema(
        parameters=[CandidatesForJobQuery, *page_parameters(default_size=CANDIDATES_PAGE_SIZE)],
        responses={200: OpenApiTypes.OBJECT},
    )
    def get(self, request: Request, pk: int) -> Response:
        job = generics.get_object_or_404(job_list_for_organization(organization=request_organization(request)), pk=pk)
        page, size = page_window(request, default_size=CANDIDATES_PAGE_SIZE)
        query = CandidatesForJobQuery(data=request.query_params)
        query.is_valid(raise_exception=True)
        options = query.validated_data
        filters = CandidateFilters(
            skills=tuple(skill.strip() for skill in options["skills"].split(",") if skill.strip()),
            min_years=options.get("min_years"),
            location=options["location"],
            status=options["status"],
        )
        considered, matches = candidates_for_job(job=job, limit=size, offset=(page - 1) * size, filters=filters)
        check_page_exists(page=page, size=size, count=considered)
        candidates = Candidate.objects.in_bulk([match.candidate_id for match in matches])
        return Response(
            {
                "count": considered,
                "page": page,
                "results": [match_json(match, candidate=candidates[match.candidate_id]) for match in matches],
            }
        )


class LimitQuery(serializers.Serializer):
    limit = serializers.IntegerField(required=False, default=20, min_value=1, max_value=100)


class JobsForCandidate(APIView):
    """The organization's jobs that fit a candidate best."""

    permission_classes = [IsOrganizationMember]

    @extend_schema(parameters=[LimitQuery], responses={200: OpenApiTypes.OBJECT})
    def get(self, request: Request, pk: int) -> Response:
        candidate = generics.get_object_or_404(
            candidate_list_for_organization(organization=request_organization(request)), pk=pk
        )
        query = LimitQuery(data=request.query_params)
        query.is_valid(raise_exception=True)
        limit = query.validated_data["limit"]
        matches = jobs_for_candidate(candidate=candidate, limit=limit)
        jobs = job_list_for_organization(organization=request_organization(request)).in_bulk(
            [match.job_id for match in matches]
        )
        return Response({"results": [match_json(match, job=jobs[match.job_id]) for match in matches]})


class MatchExplanation(APIView):
    """Why one candidate fits one job: matched requirements with the resume lines behind them, gaps, suggestions."""

    permission_classes = [IsOrganizationMember]

    @extend_schema(responses={200: OpenApiTypes.OBJECT})
    def get(self, request: Request, pk: int, candidate_pk: int) -> Response:
        organization = request_organization(request)
        job = generics.get_object_or_404(job_list_for_organization(organization=organization), pk=pk)
        candidate = generics.get_object_or_404(
            candidate_list_for_organization(organization=organization), pk=candidate_pk
        )
        return Response(match_json(explain_pair(job=job, candidate=candidate), candidate=candidate, job=job))
