"""Talent rediscovery: a job that opens lists the organization's existing candidates whose ranking score reaches
the threshold, kept on the job, shown by the API and the admin, told to recruiters once (audit, live event), and
queued on the low-priority queue when the job opens. Real PostgreSQL/pgvector, the bundled embedding model,
Redis for the live event and a throwaway RabbitMQ virtual host for the queue."""

from __future__ import annotations

import json

import pytest
from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from fixtures.matching_pool import ENGINEER, JOB, NURSE, parsed_candidate
from fixtures.rabbitmq import celery_app_on, throwaway_vhost

from accounts.models import Organization
from audit.models import AuditEvent
from config.celery import app
from config.queues import QueueName, declare_all
from jobs.lifecycle import job_close, job_open
from jobs.models import JobPosting, RediscoveredCandidate
from jobs.rediscovery import rediscover_candidates
from jobs.services import job_create
from matching.ranking import candidates_for_job
from matching.services import job_embed
from realtime.services import organization_group

pytestmark = pytest.mark.django_db


@pytest.fixture
def pool(organization, django_capture_on_commit_callbacks):  # type: ignore[no-untyped-def]
    """An engineer and a nurse in the organization, the same engineer in another one, and a draft backend job
    (not embedded yet: rediscovery embeds it first)."""
    other = Organization.objects.create(name="Other Co")
    with django_capture_on_commit_callbacks(execute=False):
        people = {
            "engineer": parsed_candidate(organization, "engineer", ENGINEER),
            "nurse": parsed_candidate(organization, "nurse", NURSE),
            "elsewhere": parsed_candidate(other, "elsewhere", ENGINEER),
        }
        job = job_create(
            organization=organization,
            title="Senior Backend Engineer",
            description=JOB,
            location="Berlin",
            status="draft",
        )
    return job, people


@pytest.fixture
def threshold(settings):  # type: ignore[no-untyped-def]
    settings.JOB_REDISCOVERY_MIN_SCORE = 60.0
    return settings.JOB_REDISCOVERY_MIN_SCORE


def test_rediscovery_keeps_the_organizations_candidates_at_or_above_the_threshold(pool, threshold, recruiter):
    job, people = pool
    job_open(job=job, actor=recruiter)

    outcome = rediscover_candidates(job_id=job.pk)

    job.refresh_from_db()
    assert job.embedding is not None  # embedded on the way: the ranking needs it
    _, ranked = candidates_for_job(job=job, limit=50)
    scores = {match.candidate_id: match.score for match in ranked}
    # The ranking's own numbers decide: the engineer fits, the nurse does not, the other organization is not asked.
    assert scores[people["engineer"].pk] >= threshold > scores[people["nurse"].pk]
    assert people["elsewhere"].pk not in scores
    assert outcome.found == [people["engineer"].pk]
    rows = list(RediscoveredCandidate.objects.filter(job=job).values_list("candidate_id", "score"))
    assert rows == [(people["engineer"].pk, scores[people["engineer"].pk])]


def test_a_second_run_adds_nothing_and_tells_no_one_again(
    pool, threshold, recruiter, django_capture_on_commit_callbacks
):
    job, people = pool
    job_embed(job_id=job.pk)  # embedded already: the runs below queue no re-ranking
    job_open(job=job, actor=recruiter)
    layer = get_channel_layer()
    channel = async_to_sync(layer.new_channel)()
    async_to_sync(layer.group_add)(organization_group(job.organization_id), channel)

    with django_capture_on_commit_callbacks(execute=True):
        first = rediscover_candidates(job_id=job.pk)
    message = async_to_sync(layer.receive)(channel)
    with django_capture_on_commit_callbacks(execute=True) as again:
        second = rediscover_candidates(job_id=job.pk)

    assert (first.found, first.kept) == ([people["engineer"].pk], 1)
    assert (second.found, second.kept) == ([], 1)
    assert again == []  # no second event
    assert message["event"] == {"type": "job.rediscovered", "job_id": job.pk, "found": 1, "total": 1}
    [event] = AuditEvent.objects.filter(action="job.candidates_rediscovered", target_id=job.pk)
    assert (event.organization_id, event.data) == (
        job.organization_id,
        {"candidate_ids": [people["engineer"].pk], "min_score": threshold},
    )
    assert RediscoveredCandidate.objects.filter(job=job).count() == 1


def test_a_job_that_is_not_open_is_left_alone(pool, threshold) -> None:
    job, _ = pool  # still a draft

    outcome = rediscover_candidates(job_id=job.pk)

    assert (outcome.found, outcome.kept) == ([], 0)
    assert not RediscoveredCandidate.objects.exists()


def test_the_api_lists_the_rediscovered_candidates_of_its_organizations_jobs_only(
    pool, threshold, recruiter, api_client
):
    job, people = pool
    job_open(job=job, actor=recruiter)
    rediscover_candidates(job_id=job.pk)
    other_job = JobPosting.objects.create(
        organization=people["elsewhere"].organization, title="Backend", description="x"
    )

    mine = api_client.get(f"/api/jobs/{job.pk}/rediscovered/")
    theirs = api_client.get(f"/api/jobs/{other_job.pk}/rediscovered/")

    assert mine.status_code == 200
    [row] = mine.json()["results"]
    engineer = people["engineer"]
    assert row["candidate"] == {
        "id": engineer.pk,
        "name": engineer.name,
        "current_title": engineer.current_title,
        "location": engineer.location,
        "total_years_experience": engineer.total_years_experience,
    }
    assert row["score"] >= threshold
    assert theirs.status_code == 404


def test_the_admin_page_of_the_job_shows_them(pool, threshold, recruiter, client) -> None:
    job, people = pool
    job_open(job=job, actor=recruiter)
    rediscover_candidates(job_id=job.pk)
    client.force_login(recruiter)

    response = client.get(f"/admin/jobs/jobposting/{job.pk}/change/")

    [formset] = [f for f in response.context["inline_admin_formsets"] if f.opts.model is RediscoveredCandidate]
    assert [form.instance.candidate_id for form in formset.formset.initial_forms] == [people["engineer"].pk]
    assert "Rediscovered candidates" in response.content.decode()


def test_opening_a_job_queues_the_search_on_the_low_priority_queue(
    organization, recruiter, django_capture_on_commit_callbacks
) -> None:
    with throwaway_vhost() as vhost, celery_app_on(app, vhost):
        with app.connection_for_write(vhost.broker_url) as connection:
            declare_all(connection)
        with django_capture_on_commit_callbacks(execute=False):
            draft = job_create(
                organization=organization, title="Payroll", description="Payroll and ADP.", status="draft"
            )
        with django_capture_on_commit_callbacks(execute=True):
            job_open(job=draft, actor=recruiter)  # draft -> open: queued
            job_close(job=draft, actor=recruiter)  # open -> closed: nothing to search
        with app.connection_for_write(vhost.broker_url) as connection:
            message = connection.default_channel.basic_get(QueueName.LOW.value, no_ack=True)
            after = connection.default_channel.basic_get(QueueName.LOW.value, no_ack=True)

    assert message is not None and after is None
    assert message.headers["task"] == "jobs.tasks.rediscover_candidates_task"
    assert json.loads(message.body)[0] == [draft.pk]
