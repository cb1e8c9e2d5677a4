"""Statement vectors written with the embeddings and read by every ranking path, against real PostgreSQL/pgvector
and the bundled embedding model."""

from __future__ import annotations

import pytest
from fixtures.matching_pool import ENGINEER, JOB, NURSE, parsed_candidate

from candidates.models import Candidate
from jobs.models import JobPosting
from jobs.services import job_create
from matching.models import CandidateStatements, JobStatements
from matching.pair_scores import jobs_for_candidate
from matching.ranking import candidates_for_job, explain_pair
from matching.services import candidate_embed, job_embed, text_sha256
from recruitment_core.coverage import job_statements, resume_statements, unpack

pytestmark = pytest.mark.django_db


@pytest.fixture
def pair(organization, django_capture_on_commit_callbacks):  # type: ignore[no-untyped-def]
    with django_capture_on_commit_callbacks(execute=False):
        engineer = parsed_candidate(organization, "engineer", ENGINEER)
        nurse = parsed_candidate(organization, "nurse", NURSE)
        job = job_create(organization=organization, title="Senior Backend Engineer", description=JOB, location="Berlin")
        job_embed(job_id=job.pk)
    return JobPosting.objects.get(pk=job.pk), engineer, nurse


def test_embedding_a_candidate_and_a_job_stores_their_statements(pair):
    job, engineer, _ = pair

    stored = CandidateStatements.objects.get(candidate_id=engineer.pk)
    vectors = unpack(stored.vectors)
    assert vectors is not None and stored.count == len(resume_statements(ENGINEER)) == len(vectors)
    assert stored.text_sha256 == text_sha256(Candidate.objects.get(pk=engineer.pk).extracted_text)
    job_rows = JobStatements.objects.get(job_id=job.pk)
    assert job_rows.count == len(job_statements(JOB)) > 0
    assert job_rows.text_sha256 == job.embedded_text_sha256


def test_missing_statements_make_a_candidate_stale_and_the_next_embedding_writes_them(pair):
    _, engineer, _ = pair
    CandidateStatements.objects.filter(candidate_id=engineer.pk).delete()

    assert candidate_embed(candidate_id=engineer.pk) is True
    assert CandidateStatements.objects.filter(candidate_id=engineer.pk).exists()
    assert candidate_embed(candidate_id=engineer.pk) is False  # current: nothing to do


def test_every_ranking_path_counts_coverage_the_same(pair):
    job, engineer, nurse = pair

    _, matches = candidates_for_job(job=job, limit=10)
    by_candidate = {match.candidate_id: match for match in matches}

    assert by_candidate[engineer.pk].breakdown["coverage"] > by_candidate[nurse.pk].breakdown["coverage"]
    for candidate in (engineer, nurse):
        single = explain_pair(job=job, candidate=Candidate.objects.get(pk=candidate.pk))
        assert single.score == by_candidate[candidate.pk].score
        assert single.breakdown == by_candidate[candidate.pk].breakdown
        (for_candidate,) = jobs_for_candidate(candidate=Candidate.objects.get(pk=candidate.pk))
        assert for_candidate.score == single.score


def test_a_job_without_statements_scores_without_the_part(pair):
    job, engineer, _ = pair
    JobStatements.objects.filter(job_id=job.pk).delete()

    match = explain_pair(job=job, candidate=Candidate.objects.get(pk=engineer.pk))

    assert match.breakdown["coverage"] == 0
    assert round(sum(match.breakdown.values()), 1) == match.score


HR_POSTING = """Our HR Generalist is the first point of contact for employees and supervisors.
- Advise supervisors and employees on policies, performance issues and corrective action.
- Investigate employee relations complaints and document findings and outcomes.
- Administer leaves of absence, accommodations and workers' compensation claims.
"""
PEOPLE_PARTNER = """Marcus Delgado
marcus@example.com | Louisville, KY
Experience
People Partner, Riverport Distribution, Sep 2022 - Present
- Coach supervisors through attendance, performance and discipline conversations.
- Look into workplace complaints, interview witnesses and write up what we found.
- Run family and medical leave, disability accommodations and injury claims.
"""


def test_the_explanation_names_the_duties_the_resume_describes_in_its_own_words(
    organization, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        partner = parsed_candidate(organization, "partner", PEOPLE_PARTNER)
        job = job_create(organization=organization, title="HR Generalist", description=HR_POSTING, location="")
        job_embed(job_id=job.pk)
    job = JobPosting.objects.get(pk=job.pk)

    _, (listed,) = candidates_for_job(job=job, limit=5)
    single = explain_pair(job=job, candidate=Candidate.objects.get(pk=partner.pk))
    (for_candidate,) = jobs_for_candidate(candidate=Candidate.objects.get(pk=partner.pk))

    assert "Duties of the posting the resume describes in its own words:" in listed.explanation
    assert '"Look into workplace complaints' in listed.explanation
    assert listed.explanation == single.explanation == for_candidate.explanation
