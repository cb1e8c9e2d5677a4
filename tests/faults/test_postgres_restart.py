"""PostgreSQL restarts under a worker that keeps its database connection between tasks (CONN_MAX_AGE for
workers): the next task finds the connection dead in the health check at its start and reconnects, so it runs
at its first attempt instead of failing and being retried."""

from __future__ import annotations

import re

import httpx
import pytest
from fixtures.private_services import asgi_server, celery_worker, wait_for_worker, wait_until

from config.queues import QueueName
from faults.support import recruiter_token, upload_resume, wait_parsed

pytestmark = pytest.mark.faults


def test_worker_reconnects_after_a_postgres_restart_without_retrying(services, private_postgres, processes, log_dir):
    worker = celery_worker(
        services, log_dir, queues=[QueueName.HIGH.value, QueueName.MEDIUM.value], name="postgres-restart"
    )
    processes.append(worker.start())
    token = recruiter_token(services)
    with (
        asgi_server(services, log_dir) as server,
        httpx.Client(base_url=server.base_url, headers={"Authorization": f"Token {token}"}, timeout=60) as api,
    ):
        processes.append(server.process)
        wait_for_worker(worker)
        before = wait_parsed(api, upload_resume(api, "Penny Before"))  # the worker now holds a connection

        private_postgres.stop()
        private_postgres.start()

        resume = upload_resume(api, "Rory Restart")
        after = wait_parsed(api, resume)
        record = wait_until(
            lambda: (body := api.get(f"/api/tasks/{resume['parse_task_id']}/").json())["state"] == "succeeded" and body,
            60,
            "the parse task to record its end",
            interval=0.3,
        )

    assert before["candidate"] is not None and after["candidate"] is not None
    assert record["attempts"] == 1, record
    assert not re.search(r"parse_resume_task\[\w+\] retry:", worker.output())
    assert "Signal handler" not in worker.output()  # the task's record was written at its start, not skipped
