"""The workers' client of the AI service against the real service (HTTP, builtin provider): its API key, the
input limit both sides share, and how 401 and 429 answers reach the application."""

from __future__ import annotations

import logging

import httpx
import pytest
from fixtures.ai_server import API_KEY, running_ai_service
from fixtures.matching_pool import parsed_candidate

from applications.ai_client import AIServiceUnavailable, truncate_text
from applications.models import Application
from applications.services import application_analyze
from candidates.models import Candidate
from jobs.models import JobPosting
from jobs.services import job_create
from matching.ranking import explain_pair
from matching.services import job_embed
from recruitment_core.scoring import score_match

JOB = "Backend developer: Python, Django, PostgreSQL and Kubernetes. 5 years of experience."
RESUME = "Python developer with 6 years of Django and PostgreSQL. Docker in production."


@pytest.fixture
def make_application(organization, django_capture_on_commit_callbacks):  # type: ignore[no-untyped-def]
    def make(resume: str = RESUME) -> Application:
        with django_capture_on_commit_callbacks(execute=False):
            candidate = Candidate.objects.create(organization=organization, name="Pia", extracted_text=resume)
            job = JobPosting.objects.create(organization=organization, title="Backend Developer", description=JOB)
            return Application.objects.create(candidate=candidate, job=job)

    return make


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("short text", 20, ("short text", False)),
        ("exactly ten", 11, ("exactly ten", False)),
        ("Python Django PostgreSQL", 20, ("Python Django", True)),  # never half a word
        ("Python\nDjango  \tPostgreSQL", 16, ("Python\nDjango", True)),  # trailing whitespace dropped
        ("a " + "x" * 30, 20, ("a " + "x" * 18, True)),  # no boundary in the second half: cut at the limit
    ],
)
def test_truncate_text_cuts_at_whitespace(text, limit, expected):
    assert truncate_text(text, limit) == expected


@pytest.mark.django_db
def test_too_long_resume_is_sent_cut_to_the_shared_limit_and_analysed(make_application, settings, caplog):
    # Both sides on their defaults: the default AI_MAX_INPUT_CHARS of Django must be the AI service's.
    long_resume = RESUME + " Kubernetes operator." + " Managed on-call rotations." * 5000
    assert len(long_resume) > settings.AI_MAX_INPUT_CHARS == 100_000
    application = make_application(long_resume)
    sent_resume, _ = truncate_text(long_resume, 100_000)

    with running_ai_service() as url, caplog.at_level(logging.INFO, logger="ai_service"):
        settings.AI_SERVICE_URL, settings.AI_SERVICE_API_KEY = url, API_KEY
        assert application_analyze(application_id=application.pk) == "done"

    application.refresh_from_db()
    assert (application.analysis_status, application.analysis_error) == ("done", "")
    assert application.ai_feedback["input_truncated"] is True
    assert application.ai_feedback["missing_skills"] == []
    # The application's score is the ranking's for the pair (one score per pair), which the service echoes.
    ranking_score = explain_pair(job=application.job, candidate=application.candidate).score
    assert application.latest_analysis is not None
    assert application.ai_score == application.latest_analysis.match_score == ranking_score
    [finished] = [record for record in caplog.records if record.getMessage() == "analysis finished"]
    assert finished.resume_chars == len(sent_resume) == 99_998  # type: ignore[attr-defined]
    assert finished.caller == "key-0"  # type: ignore[attr-defined]


@pytest.mark.django_db
@pytest.mark.parametrize("worker_key", ["", "not-the-key-of-this-service"])
def test_refused_key_fails_the_analysis_naming_the_setting(make_application, settings, worker_key):
    application = make_application()

    with running_ai_service() as url:
        settings.AI_SERVICE_URL, settings.AI_SERVICE_API_KEY = url, worker_key
        assert application_analyze(application_id=application.pk) == "failed"

    application.refresh_from_db()
    assert application.analysis_error == (
        "The AI service refused the workers' API key (401): set AI_SERVICE_API_KEY to one of the keys the AI "
        "service accepts (its AI_SERVICE_API_KEY or AI_SERVICE_API_KEYS)."
    )


@pytest.mark.django_db
def test_rate_limit_is_a_retryable_error_with_the_wait(make_application, settings):
    first, second = make_application(), make_application(RESUME + " Kubernetes.")

    with running_ai_service(ai_rate_limit_per_minute=1, ai_rate_limit_burst=1) as url:
        settings.AI_SERVICE_URL, settings.AI_SERVICE_API_KEY = url, API_KEY
        assert application_analyze(application_id=first.pk) == "done"
        with pytest.raises(AIServiceUnavailable, match=r"rate-limiting the workers' key \(429\)") as raised:
            application_analyze(application_id=second.pk)

    assert raised.value.retry_after == 60
    second.refresh_from_db()
    assert (second.analysis_status, second.ai_feedback) == ("pending", None)


SENIOR = """Pia Novak
pia.novak@example.com | Berlin, Germany
Experience
Senior Backend Engineer, Finch Payments, Berlin, Jan 2017 - Present
Built Python and Django services on PostgreSQL; deployed them on Kubernetes.
Education
B.Sc. Computer Science, TU Berlin, 2016
"""


@pytest.mark.django_db
def test_one_score_per_pair_the_rankings_is_the_applications_and_the_screenings(
    organization, settings, django_capture_on_commit_callbacks, api_client, client, recruiter
):
    with django_capture_on_commit_callbacks(execute=False):
        candidate = parsed_candidate(organization, "pia", SENIOR)
        # Created as recruiters create jobs: its requirements are read from the text, as /analyze reads it.
        job = job_create(
            organization=organization, title="Backend Developer", description=JOB, location="Berlin, Germany"
        )
        job_embed(job_id=job.pk)
        application = Application.objects.create(candidate=candidate, job=job)

    with running_ai_service() as url:
        settings.AI_SERVICE_URL, settings.AI_SERVICE_API_KEY = url, API_KEY
        assert application_analyze(application_id=application.pk) == "done"
        # A caller with only the two raw texts (no score of its own) gets the same number from the same scorer.
        raw = httpx.post(
            f"{url}/analyze",
            json={
                "job_title": job.title,
                "job_description": job.description,
                "job_location": "Berlin, Germany",
                "resume_text": candidate.extracted_text,
            },
            headers={"X-API-Key": API_KEY},
            timeout=60,
        )

    application.refresh_from_db()
    job.refresh_from_db()  # with the embedding job_embed stored
    candidate.refresh_from_db()
    ranking = explain_pair(job=job, candidate=candidate)
    assert ranking.score > 0 and ranking.score != score_match(JOB, candidate.extracted_text).score
    assert raw.status_code == 200, raw.text
    assert abs(raw.json()["match_score"] - ranking.score) <= 0.1
    assert {"semantic", "coverage"} <= raw.json()["breakdown"].keys() and raw.json()["breakdown"]["semantic"] > 0
    assert application.ai_score == ranking.score
    assert application.latest_analysis is not None and application.latest_analysis.match_score == ranking.score
    assert application.ai_feedback["breakdown"] == {}  # the text scorer's parts do not add up to this score
    assert f"Match score {ranking.score:.1f}/100." in application.ai_feedback["summary"]
    # The same number on every surface a recruiter reads it from.
    detail = api_client.get(f"/api/applications/{application.pk}/").json()
    listed = api_client.get(f"/api/jobs/{job.pk}/candidates/").json()["results"]
    client.force_login(recruiter)
    admin_list = client.get("/admin/applications/application/")
    assert detail["ai_score"] == ranking.score
    assert [row["score"] for row in listed if row["candidate"]["id"] == candidate.pk] == [ranking.score]
    assert admin_list.status_code == 200
    assert [row.ai_score for row in admin_list.context["cl"].result_list] == [ranking.score]
    assert f'<td class="field-ai_score">{ranking.score}</td>' in admin_list.content.decode()
