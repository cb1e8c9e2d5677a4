"""Hybrid retrieval and explainable ranking against real PostgreSQL/pgvector and the bundled embedding model."""

from __future__ import annotations

import json

import pytest
from django.core.management import call_command
from fixtures.matching_pool import ENGINEER, JOB, NURSE, STUFFER, parsed_candidate

from candidates.models import Candidate
from jobs.models import JobPosting
from jobs.services import job_create
from matching.models import MatchScore
from matching.pair_scores import jobs_for_candidate
from matching.ranking import candidates_for_job
from matching.rerank import candidate_rerank
from matching.services import candidate_embed, job_embed, text_sha256
from realtime.models import TaskRecord

pytestmark = pytest.mark.django_db


@pytest.fixture
def pool(organization, django_capture_on_commit_callbacks):  # type: ignore[no-untyped-def]
    """Three parsed and embedded candidates and one embedded job, through the production services."""
    candidates = {}
    with django_capture_on_commit_callbacks(execute=False):
        for label, text in (("engineer", ENGINEER), ("stuffer", STUFFER), ("nurse", NURSE)):
            candidates[label] = parsed_candidate(organization, label, text)
        job = job_create(organization=organization, title="Senior Backend Engineer", description=JOB, location="Berlin")
        job_embed(job_id=job.pk)
    job.refresh_from_db()
    return job, candidates


def test_job_requirements_are_read_from_the_text(pool):
    job, _ = pool

    assert job.required_skills[:4] == ["Python", "Django", "PostgreSQL", "Kubernetes"]
    assert job.preferred_skills == ["Celery"]
    assert (job.min_years, job.seniority) == (5.0, "senior")
    assert 0 <= job.quality_score <= 100


def test_evidenced_candidate_ranks_first_and_stuffing_does_not_pay(pool):
    job, candidates = pool

    considered, matches = candidates_for_job(job=job, limit=10)

    order = [match.candidate_id for match in matches]
    assert considered == 3
    assert order[0] == candidates["engineer"].pk
    assert order.index(candidates["stuffer"].pk) > 0
    top = matches[0]
    assert round(sum(top.breakdown.values()), 1) == top.score
    assert 0 <= top.score <= 100
    assert "Python" in top.explanation and "Django" in top.explanation
    stuffer = next(match for match in matches if match.candidate_id == candidates["stuffer"].pk)
    assert stuffer.score < top.score - 15


def test_scoring_is_deterministic(pool):
    job, _ = pool

    first = candidates_for_job(job=job, limit=10)[1]
    second = candidates_for_job(job=job, limit=10)[1]

    assert [(m.candidate_id, m.score, m.breakdown) for m in first] == [
        (m.candidate_id, m.score, m.breakdown) for m in second
    ]


def test_api_candidates_for_job_with_filters_and_pages(pool, api_client):
    job, candidates = pool

    # Both list Kubernetes and Django; "Present" makes their years grow with the calendar, so the minimum sits
    # between the stuffer's years and the engineer's.
    min_years = candidates["stuffer"].total_years_experience + 0.5
    assert candidates["engineer"].total_years_experience > min_years
    everyone = api_client.get(f"/api/jobs/{job.pk}/candidates/").json()
    with_kubernetes = api_client.get(
        f"/api/jobs/{job.pk}/candidates/?skills=Kubernetes,Django&min_years={min_years}"
    ).json()
    second_page = api_client.get(f"/api/jobs/{job.pk}/candidates/?page=2&page_size=2").json()
    bad = api_client.get(f"/api/jobs/{job.pk}/candidates/?min_years=lots")

    assert everyone["count"] == 3
    first = everyone["results"][0]
    assert first["candidate"]["id"] == candidates["engineer"].pk
    assert round(sum(first["breakdown"].values()), 1) == first["score"]
    assert {item["skill"] for item in first["explanation"]["matched"] if item["required"]} >= {"Python", "Django"}
    assert [row["candidate"]["id"] for row in with_kubernetes["results"]] == [candidates["engineer"].pk]
    assert len(second_page["results"]) == 1
    assert bad.status_code == 400
    assert bad.json()["errors"] == {"min_years": ["A valid number is required."]}


def test_explanation_names_gaps_is_served_from_the_stored_score_and_stores_nothing(pool, api_client):
    job, candidates = pool
    nurse = candidates["nurse"]
    url = f"/api/jobs/{job.pk}/candidates/{nurse.pk}/explanation/"
    MatchScore.objects.filter(candidate=nurse).delete()

    first = api_client.get(url).json()
    stored_by_read = MatchScore.objects.filter(candidate=nurse).exists()
    assert candidate_rerank(candidate_id=nurse.pk) == 1  # the re-rank task stores the pair's score
    stored = MatchScore.objects.get(job=job, candidate=nurse)
    MatchScore.objects.filter(pk=stored.pk).update(breakdown={"served": 1.0})  # marks what is read from the row
    again = api_client.get(url).json()
    api_client.patch(f"/api/jobs/{job.pk}/", {"required_skills": ["Nursing"]}, format="json")
    changed = api_client.get(url).json()

    assert not stored_by_read
    assert any("Python" in gap for gap in first["explanation"]["gaps"])
    assert stored.score == first["score"]
    assert again == {**first, "breakdown": {"served": 1.0}}
    assert changed["score"] > first["score"]  # a stored score whose inputs changed is not served
    assert MatchScore.objects.get(pk=stored.pk).fingerprint == stored.fingerprint  # nor replaced by a read


def test_jobs_for_candidate(pool, api_client, organization, django_capture_on_commit_callbacks):
    _, candidates = pool
    with django_capture_on_commit_callbacks(execute=False):
        ward = job_create(
            organization=organization, title="ICU Nurse", description="Registered nurse for our ICU. Patient care."
        )
        job_embed(job_id=ward.pk)

    body = api_client.get(f"/api/candidates/{candidates['nurse'].pk}/jobs/").json()

    assert body["results"][0]["job"]["id"] == ward.pk


def test_jobs_for_candidate_scores_as_explain_pair_in_fixed_queries(pool, organization):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from matching.ranking import explain_pair

    _, candidates = pool
    for index in range(3):
        other = job_create(organization=organization, title=f"Nurse {index}", description=NURSE, location="Berlin")
        job_embed(job_id=other.pk)
    MatchScore.objects.all().delete()
    nurse = Candidate.objects.get(pk=candidates["nurse"].pk)

    with CaptureQueriesContext(connection) as queries:
        batched = jobs_for_candidate(candidate=nurse, limit=10)
    one_by_one = sorted(
        (explain_pair(job=job, candidate=nurse) for job in JobPosting.objects.filter(organization=organization)),
        key=lambda match: (-match.score, match.job_id),
    )

    assert batched == one_by_one
    # The jobs, their stored scores, every pair's signals, the candidate's statements, the jobs' statements.
    assert len(queries) == 5
    assert not MatchScore.objects.exists()


def test_another_organization_sees_nothing(pool, db):
    from rest_framework.test import APIClient

    from accounts.models import Organization
    from accounts.services import recruiter_create

    job, candidates = pool
    outsider = APIClient()
    outsider.force_authenticate(
        recruiter_create(username="oscar", password="oscar-pass-1", organization=Organization.objects.create(name="O"))
    )

    assert outsider.get(f"/api/jobs/{job.pk}/candidates/").status_code == 404
    assert outsider.get(f"/api/jobs/{job.pk}/candidates/{candidates['nurse'].pk}/explanation/").status_code == 404


def test_job_admin_page_shows_ranked_candidates_with_scores(pool, recruiter, client):
    job, _ = pool
    client.force_login(recruiter)

    page = client.get(f"/admin/jobs/jobposting/{job.pk}/change/").content.decode()

    assert "Best candidates" in page
    assert page.index("Ben Backend") < page.index("Kim Keywords")
    assert '<progress max="100"' in page


def test_embedding_is_written_once_per_text(pool):
    _, candidates = pool
    engineer = candidates["engineer"]

    assert candidate_embed(candidate_id=engineer.pk) is False
    assert engineer.embedded_text_sha256 == text_sha256(engineer.extracted_text)
    assert sum(x * x for x in engineer.embedding) == pytest.approx(1.0, abs=1e-4)


def test_changed_description_queues_a_new_embedding(organization, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        job = job_create(organization=organization, title="Backend Engineer", description="Python")
    job_embed(job_id=job.pk)
    job.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=False) as more:
        job.description = "Python and Django"
        job.save()

    assert len(callbacks) == 2  # the embedding and, the job being created open, the search for rediscovered candidates
    assert len(more) == 1
    assert TaskRecord.objects.filter(kind="embed_job", target_id=job.pk).count() == 2


def test_analyze_job_command(tmp_path, capsys):
    posting = tmp_path / "job.json"
    posting.write_text(json.dumps({"title": "Junior Developer", "description": JOB + "\n10 years of experience."}))

    call_command("analyze_job", str(posting))

    output = json.loads(capsys.readouterr().out)
    assert set(output) == {
        "quality_score",
        "red_flags",
        "required_skills",
        "preferred_skills",
        "min_years",
        "max_years",
    }
    assert "Python" in output["required_skills"]


@pytest.mark.django_db(transaction=True)
def test_rank_files_command_scores_every_pair(tmp_path):
    jobs, resumes = tmp_path / "jobs", tmp_path / "resumes"
    jobs.mkdir()
    resumes.mkdir()
    (jobs / "backend.json").write_text(json.dumps({"title": "Senior Backend Engineer", "description": JOB}))
    for label, text in (("engineer", ENGINEER), ("stuffer", STUFFER), ("nurse", NURSE)):
        (resumes / f"{label}.txt").write_text(text)
    out = tmp_path / "scores.tsv"

    call_command("rank_files", "--jobs", str(jobs), "--resumes", str(resumes), "--out", str(out))

    rows = [line.split("\t") for line in out.read_text().splitlines()]
    assert rows[0][:2] == ["backend", "engineer"]
    assert sorted(resume for _, resume, _ in rows) == ["engineer", "nurse", "stuffer"]
    assert all(0 <= float(score) <= 100 for _, _, score in rows)
    assert JobPosting.objects.get().embedding is not None


def test_candidate_admin_page_shows_best_jobs(pool, recruiter, client):
    job, candidates = pool
    client.force_login(recruiter)

    page = client.get(f"/admin/candidates/candidate/{candidates['engineer'].pk}/change/").content.decode()

    assert "Best jobs for this candidate" in page
    assert f"/admin/jobs/jobposting/{job.pk}/change/" in page


def test_admin_creates_a_job_through_the_service(recruiter, client, django_capture_on_commit_callbacks):
    from audit.models import AuditEvent

    client.force_login(recruiter)
    with django_capture_on_commit_callbacks(execute=False):
        response = client.post(
            "/admin/jobs/jobposting/add/",
            {
                "title": "Senior Backend Engineer",
                "company": "Acme",
                "description": JOB,
                "location": "Berlin",
                "remote_policy": "onsite",
                "employment_type": "full_time",
                "required_skills": "",
                "preferred_skills": "",
                "skill_weights": "{}",
                "education_level": "",
                "seniority": "",
            },
        )

    assert response.status_code == 302, response.content.decode()[:2000]
    job = JobPosting.objects.get()
    assert (job.organization_id, job.remote_policy) == (recruiter.organization_id, "onsite")
    assert job.required_skills[:2] == ["Python", "Django"]
    assert job.requirements_edited is False
    assert AuditEvent.objects.filter(action="job.created").count() == 1


def _postings(candidate_id: int) -> list[tuple[str, float]]:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT skill, strength FROM matching_skillposting WHERE candidate_id = %s ORDER BY skill", [candidate_id]
        )
        return [(skill, round(strength, 2)) for skill, strength in cursor.fetchall()]


def test_skill_index_follows_every_write_to_a_candidate(organization):
    from matching.models import SkillPosting

    features = {"skills": {"Python": {"strength": 0.9}, "SQL": {"strength": 0.35}}}
    candidate = Candidate.objects.create(
        organization=organization, name="Ivy Index", skills=["Python", "SQL"], match_features=features
    )
    assert _postings(candidate.pk) == [("Python", 0.9), ("SQL", 0.35)]

    candidate.skills = ["Python", "Go"]
    candidate.save()
    assert _postings(candidate.pk) == [("Go", 0.0), ("Python", 0.9)]

    Candidate.objects.filter(pk=candidate.pk).update(match_features={"skills": {"Go": {"strength": 0.8}}})
    assert _postings(candidate.pk) == [("Go", 0.8), ("Python", 0.0)]
    assert SkillPosting.objects.filter(organization_id=organization.pk).count() == 2

    candidate.delete()
    assert _postings(candidate.pk) == []


def test_lexical_pool_reads_the_best_evidenced_candidates_per_skill(pool):
    """With no embedding, only the skill index brings candidates: those with evidence of the job's skills,
    the one using them in a role first, and no one without any of them."""
    job, candidates = pool
    JobPosting.objects.filter(pk=job.pk).update(embedding=None)
    job.refresh_from_db()

    scored, page = candidates_for_job(job=job, limit=10)

    assert scored == 2
    assert [match.candidate_id for match in page] == [candidates["engineer"].pk, candidates["stuffer"].pk]
