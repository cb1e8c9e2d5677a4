"""The AI screening as the platform keeps it: the reply parsed whatever its age, each run stored as a row
recruiters filter on (live runs against the real AI service, a fallback included), a re-run adding to the
history, the structured analysis of the REST API and the data migration of replies stored before runs were
recorded. The admin panel and the re-run action have their own module (test_application_analysis_admin)."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps
from fixtures.ai_server import API_KEY, running_ai_service
from fixtures.analysis_replies import (
    CHANGELIST,
    GROUNDED,
    HOSTILE_QUOTE,
    JOB,
    OLD_SHAPE,
    RESUME,
    change_page,
    listed,
    store_reply,
)

from ai_service.prompts import PROMPT_VERSION
from applications.ai_client import AIServiceRejected, feedback_analysis, parse_reply
from applications.models import Application, ApplicationAnalysis
from applications.services import application_analyze
from candidates.models import Candidate
from jobs.models import JobPosting

pytestmark = pytest.mark.django_db


@pytest.fixture
def make_application(organization, django_capture_on_commit_callbacks):  # type: ignore[no-untyped-def]
    def make(name: str = "Pia") -> Application:
        with django_capture_on_commit_callbacks(execute=False):
            candidate = Candidate.objects.create(organization=organization, name=name, extracted_text=RESUME)
            job = JobPosting.objects.create(organization=organization, title="Backend Developer", description=JOB)
            return Application.objects.create(candidate=candidate, job=job)

    return make


@pytest.fixture
def staff(client, recruiter):  # type: ignore[no-untyped-def]
    client.force_login(recruiter)
    return client


# --- Parsing --------------------------------------------------------------------------------------------------


def test_a_current_reply_parses_into_the_typed_structure():
    analysis = parse_reply({**GROUNDED, "match_score": 72.5})

    assert analysis.screening.strengths[0].quote == "6 years of Django"
    assert analysis.screening.concerns[0].quote == HOSTILE_QUOTE
    assert (analysis.screening.recommendation, analysis.screening.needs_human_review) == ("hold", True)
    assert (analysis.provider, analysis.model, analysis.prompt_version) == ("openai", "gpt-4o-mini", "screening_v1")
    assert (analysis.fallback, analysis.fallback_from, analysis.fallback_reason) == (False, "", "")
    assert (analysis.dropped_claims, analysis.flags) == (2, ["injection: text addressed to automated screeners"])
    assert feedback_analysis(analysis.as_feedback(), score=72.5) == analysis  # stored and read back unchanged


def test_an_older_reply_parses_with_empty_screening():
    analysis = parse_reply({**OLD_SHAPE, "match_score": 50})

    assert (analysis.summary, analysis.provider, analysis.missing_skills) == (
        OLD_SHAPE["summary"],
        "builtin",
        ["Kubernetes"],
    )
    assert (analysis.screening.strengths, analysis.screening.recommendation, analysis.fallback) == ([], "", False)
    assert (analysis.model, analysis.prompt_version, analysis.dropped_claims, analysis.flags) == ("", "", 0, [])


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"screening": {**GROUNDED["screening"], "recommendation": "hire"}}, "screening.recommendation: Input should"),
        ({"screening": {**GROUNDED["screening"], "strengths": [{"text": "no quote"}]}}, "strengths.0.quote: Field req"),
        ({"screening": {**GROUNDED["screening"], "needs_human_review": "yes"}}, "needs_human_review: Input should"),
        ({"dropped_claims": -1}, "dropped_claims: Input should be greater than or equal to 0"),
        ({"provider": "p" * 201}, "provider: longer than 200 characters"),
        ({"summary": None}, "summary: Input should be a valid string"),
        ({"match_score": 100.5}, "match_score: Input should be less than or equal to 100"),
    ],
)
def test_a_malformed_live_reply_is_rejected_naming_the_field(change, message):
    with pytest.raises(AIServiceRejected, match="The AI service answered an unexpected body") as raised:
        parse_reply({**GROUNDED, "match_score": 70, **change})

    assert message in str(raised.value)


def test_a_malformed_stored_reply_reads_with_defaults_instead_of_failing():
    stored = {**GROUNDED, "screening": {"strengths": "not a list", "recommendation": "hire"}, "flags": 3}

    analysis = feedback_analysis(stored, score=None)

    assert (analysis.screening.strengths, analysis.screening.recommendation, analysis.flags) == ([], "", [])
    assert (analysis.summary, analysis.match_score) == (GROUNDED["summary"], 0.0)
    assert feedback_analysis(None).summary == ""


# --- Live runs against the real AI service --------------------------------------------------------------------


def test_a_live_analysis_stores_its_run_with_provider_and_prompt_version(make_application, settings):
    application = make_application()

    with running_ai_service() as url:
        settings.AI_SERVICE_URL, settings.AI_SERVICE_API_KEY = url, API_KEY
        assert application_analyze(application_id=application.pk) == "done"

    application.refresh_from_db()
    [run] = ApplicationAnalysis.objects.filter(application=application)
    assert application.latest_analysis == run
    assert (run.provider, run.model, run.prompt_version) == ("builtin", "", PROMPT_VERSION)
    assert (run.fallback, run.fallback_from, run.fallback_reason) == (False, "", "")
    assert run.recommendation == application.ai_feedback["screening"]["recommendation"]
    assert run.recommendation in ("advance", "hold", "decline")
    assert run.match_score == application.ai_score
    assert run.result == application.ai_feedback
    assert application.ai_feedback["missing_skills"] == ["Kubernetes"]  # the earlier keys are still there


def test_a_fallback_is_stored_and_filterable(make_application, staff, settings):
    fell_back, direct = make_application("Pia"), make_application("Lou")
    store_reply(direct, GROUNDED)

    # The configured provider cannot be reached: the service answers with builtin and says why.
    with running_ai_service(ai_provider="ollama", ollama_url="http://127.0.0.1:9") as url:
        settings.AI_SERVICE_URL, settings.AI_SERVICE_API_KEY = url, API_KEY
        assert application_analyze(application_id=fell_back.pk) == "done"

    run = ApplicationAnalysis.objects.get(application=fell_back)
    assert (run.provider, run.fallback, run.fallback_from, run.fallback_reason) == (
        "builtin",
        True,
        "ollama",
        "connection_error",
    )
    assert listed(staff, "latest_analysis__fallback__exact=1") == {fell_back.pk}
    assert listed(staff, "latest_analysis__fallback__exact=0") == {direct.pk}
    assert listed(staff, "provider=builtin") == {fell_back.pk}
    assert listed(staff, "provider=openai") == {direct.pk}
    page = change_page(staff, fell_back)
    assert "ollama was not used (connection_error); builtin wrote the wording." in page


def test_a_rerun_then_the_task_adds_a_run_and_keeps_the_history(make_application, staff, settings):
    application = make_application()
    first = store_reply(application, GROUNDED)

    staff.post(CHANGELIST, {"action": "rerun_analysis", "_selected_action": [application.pk]})
    application.refresh_from_db()
    assert (application.analysis_status, application.latest_analysis) == ("pending", first)

    with running_ai_service() as url:
        settings.AI_SERVICE_URL, settings.AI_SERVICE_API_KEY = url, API_KEY
        assert application_analyze(application_id=application.pk) == "done"

    application.refresh_from_db()
    latest = application.latest_analysis
    assert latest is not None and latest != first
    assert list(application.analyses.all()) == [latest, first]
    assert (latest.provider, first.provider) == ("builtin", "openai")
    page = change_page(staff, application)
    assert page.count("<td>builtin</td>") == 1 and page.count("<td>openai</td>") == 1  # both runs listed


# --- The REST API ---------------------------------------------------------------------------------------------


def test_the_api_exposes_the_structured_analysis(make_application, api_client):
    grounded, old, pending = make_application("Pia"), make_application("Lou"), make_application("Max")
    store_reply(grounded, GROUNDED)
    store_reply(old, OLD_SHAPE, score=50.0)

    body = api_client.get(f"/api/applications/{grounded.pk}/").json()["analysis"]
    old_body = api_client.get(f"/api/applications/{old.pk}/").json()["analysis"]

    assert body == {
        "match_score": 72.5,
        "recommendation": "hold",
        "needs_human_review": True,
        "review_reason": "The resume addresses automated screeners.",
        "reasons": ["Solid backend work, no Kubernetes."],
        "summary": "Strong Python & Django background.",
        "strengths": [{"text": "Years of Django", "quote": "6 years of Django"}],
        "concerns": [{"text": "Addresses the screener", "quote": HOSTILE_QUOTE}],
        "missing_requirements": ["Kubernetes"],
        "missing_skills": ["Kubernetes"],
        "interview_questions": GROUNDED["interview_questions"],
        "provider": "openai",
        "model": "gpt-4o-mini",
        "prompt_version": "screening_v1",
        "fallback": False,
        "fallback_from": "",
        "fallback_reason": "",
        "flags": ["injection: text addressed to automated screeners"],
        "dropped_claims": 2,
        "input_truncated": False,
    }
    assert (old_body["recommendation"], old_body["strengths"], old_body["provider"]) == ("", [], "builtin")
    assert api_client.get(f"/api/applications/{pending.pk}/").json()["analysis"] is None
    listed = {row["id"]: row["analysis"] for row in api_client.get("/api/applications/").json()["results"]}
    assert listed[grounded.pk] == body


# --- The data migration ---------------------------------------------------------------------------------------


def test_the_data_migration_turns_stored_replies_into_runs(make_application):
    old, grounded, never = make_application("Pia"), make_application("Lou"), make_application("Max")
    Application.objects.filter(pk=old.pk).update(ai_feedback=OLD_SHAPE, ai_score=50.0)
    Application.objects.filter(pk=grounded.pk).update(
        ai_feedback={**GROUNDED, "fallback_from": "ollama"}, ai_score=70.0
    )
    migration = importlib.import_module("applications.migrations.0004_analysis_history")

    migration.forwards(apps, None)
    migration.forwards(apps, None)  # a second pass finds nothing left to do

    old.refresh_from_db()
    grounded.refresh_from_db()
    never.refresh_from_db()
    old_run, grounded_run = old.latest_analysis, grounded.latest_analysis
    assert old_run is not None and grounded_run is not None and never.latest_analysis is None
    assert ApplicationAnalysis.objects.count() == 2
    assert (old_run.provider, old_run.recommendation, old_run.match_score, old_run.fallback) == (
        "builtin",
        "",
        50.0,
        False,
    )
    assert (old_run.created_at, old_run.result) == (old.updated_at, OLD_SHAPE)
    assert (grounded_run.recommendation, grounded_run.needs_human_review, grounded_run.dropped_claims) == (
        "hold",
        True,
        2,
    )
    assert (grounded_run.fallback, grounded_run.fallback_from, grounded_run.model) == (True, "ollama", "gpt-4o-mini")
