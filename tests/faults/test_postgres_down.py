"""PostgreSQL goes down: the API answers 503 with a stable JSON error (and /healthz says so), workers retry their
tasks with backoff instead of acknowledging and dropping them, and every task completes once it is back."""

from __future__ import annotations

import re
import time

import httpx
import pytest
from fixtures.private_services import asgi_server, celery_worker, wait_until

from config.queues import QueueName
from faults.support import recruiter_token, scalar, upload_resume, wait_parsed

pytestmark = pytest.mark.faults

RESUMES = 4


def assert_database_unavailable(response: httpx.Response) -> None:
    assert response.status_code == 503, response.text[:500]
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert body["code"] == "database_unavailable"
    assert body["detail"]


def test_postgres_down_api_answers_503_and_workers_retry_until_it_returns(
    services, private_postgres, private_rabbitmq, processes, log_dir
):
    token = recruiter_token(services)
    with (
        asgi_server(services, log_dir) as server,
        httpx.Client(base_url=server.base_url, headers={"Authorization": f"Token {token}"}, timeout=60) as api,
    ):
        processes.append(server.process)
        resumes = [upload_resume(api, f"Pat Postgres{n}") for n in range(RESUMES)]
        assert private_rabbitmq.queue_counts()[QueueName.MEDIUM.value] == (RESUMES, 0)

        private_postgres.stop()

        assert_database_unavailable(httpx.get(f"{server.base_url}/healthz", timeout=10))
        assert_database_unavailable(api.get("/api/resumes/"))
        upload = api.post("/api/resumes/", files={"resume": ("x.txt", b"Someone\nsomeone@example.com\n", "text/plain")})
        assert_database_unavailable(upload)
        assert "Retry-After" in api.get("/api/jobs/").headers
        # Outside the API too: the admin reads the session from the database.
        admin = httpx.get(f"{server.base_url}/admin/", cookies={"sessionid": "s" * 32}, timeout=10)
        assert_database_unavailable(admin)

        # A worker (re)started during the outage: each task fails on the database and is retried later.
        worker = celery_worker(
            services, log_dir, queues=[QueueName.HIGH.value, QueueName.MEDIUM.value], name="postgres-down"
        )
        processes.append(worker.start())
        retries = wait_until(
            lambda: (
                len(re.findall(r"parse_resume_task\[\w+\] retry: Retry in", worker.output())) >= RESUMES
                and worker.output()
            ),
            90,
            f"{RESUMES} retries",
            interval=0.5,
        )
        # Retried, not dropped: every message is still in the broker (a retry is queued before the attempt is acked).
        ready, unacked = private_rabbitmq.queue_counts()[QueueName.MEDIUM.value]
        assert ready + unacked == RESUMES
        assert "OperationalError" in retries

        private_postgres.start()
        back = time.monotonic()
        parsed = [wait_parsed(api, resume, timeout=150) for resume in resumes]
        recovered_in = time.monotonic() - back
        records = [api.get(f"/api/tasks/{resume['parse_task_id']}/").json() for resume in resumes]

    assert len({resume["candidate"] for resume in parsed}) == RESUMES  # one candidate each, none twice
    assert [record["state"] for record in records] == ["succeeded"] * RESUMES
    assert scalar(services.database_url, "SELECT count(*) FROM candidates_candidate") == RESUMES
    if scalar(services.database_url, "SELECT to_regclass('realtime_deadletter') IS NOT NULL"):
        assert scalar(services.database_url, "SELECT count(*) FROM realtime_deadletter") == 0  # none gave up
    delays = [int(seconds) for seconds in re.findall(r"parse_resume_task\[\w+\] retry: Retry in (\d+)s", retries)]
    print(
        f"\nPostgreSQL down: first retries after {delays} s; all {RESUMES} parsed {recovered_in:.1f}s after it returned"
    )
