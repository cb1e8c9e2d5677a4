"""Redis (channel layer and Celery result backend) goes down: uploads still succeed and their tasks still run;
broadcasts fail, are logged and are skipped. WebSocket clients are disconnected, so they know to reconnect, and
reconnect once Redis is back, receiving live events again."""

from __future__ import annotations

import json
import time

import httpx
import pytest
from fixtures.private_services import AsgiServer, asgi_server, celery_worker, wait_for_worker, wait_until
from websockets.exceptions import ConnectionClosed, InvalidStatus
from websockets.sync.client import ClientConnection, connect

from config.queues import QueueName
from faults.support import publish_records, recruiter_token, scalar, upload_resume, wait_parsed

pytestmark = pytest.mark.faults

UPLOAD_BUDGET_SECONDS = 5.0


def stream(server: AsgiServer, token: str) -> ClientConnection:
    # A ticket lives in Redis: while Redis is down the API answers 503 and the stream cannot be opened.
    ticket = httpx.post(f"{server.base_url}/api/ws-tickets/", headers={"Authorization": f"Token {token}"}, timeout=10)
    if ticket.status_code != 201:
        raise ConnectionRefusedError(f"no WebSocket ticket: {ticket.status_code} {ticket.text}")
    url = f"{server.ws_url}/ws/tasks/?ticket={ticket.json()['ticket']}"
    socket = connect(url, open_timeout=5, close_timeout=2, legacy=True)
    assert json.loads(socket.recv(timeout=5))["type"] == "connection"
    return socket


def reconnect(server: AsgiServer, token: str, timeout: float = 30) -> tuple[ClientConnection, int]:
    """What the admin pages' script does: try again with exponential backoff until the stream is back."""
    deadline = time.monotonic() + timeout
    delay, attempts = 0.25, 0
    while True:
        attempts += 1
        try:
            return stream(server, token), attempts
        except (OSError, InvalidStatus, ConnectionClosed, TimeoutError):
            if time.monotonic() > deadline:
                raise
            time.sleep(delay)
            delay = min(delay * 2, 4)


def events_until(socket: ClientConnection, task_id: str, final: str, timeout: float = 60) -> list[str]:
    types: list[str] = []
    deadline = time.monotonic() + timeout
    while final not in types:
        message = json.loads(socket.recv(timeout=max(deadline - time.monotonic(), 0.1)))
        if message.get("task_id") == task_id:
            types.append(message["type"])
    return types


def test_redis_down_uploads_and_tasks_still_work_and_sockets_come_back(services, private_redis, processes, log_dir):
    worker = celery_worker(
        services, log_dir, queues=[QueueName.HIGH.value, QueueName.MEDIUM.value], concurrency=1, name="redis-down"
    )
    processes.append(worker.start())
    token = recruiter_token(services)
    with (
        asgi_server(services, log_dir) as server,
        httpx.Client(base_url=server.base_url, headers={"Authorization": f"Token {token}"}, timeout=60) as api,
    ):
        processes.append(server.process)  # its log is printed if the test fails
        wait_for_worker(worker)
        listener = stream(server, token)

        private_redis.stop()

        # The open stream is closed by the server (its channel layer is gone), so the client knows to reconnect.
        stopped = time.monotonic()
        with pytest.raises(ConnectionClosed):
            while True:
                listener.recv(timeout=20)
        closed_after = time.monotonic() - stopped
        assert httpx.get(f"{server.base_url}/healthz", timeout=10).json() == {"status": "ok"}  # not needed to serve

        started = time.monotonic()
        resume = upload_resume(api, "Dana Down")
        upload_seconds = time.monotonic() - started
        parsed = wait_parsed(api, resume)
        # The resume is saved as parsed before the task records its own end: wait for that record to settle.
        record = wait_until(
            lambda: (
                (body := api.get(f"/api/tasks/{resume['parse_task_id']}/").json())["state"]
                not in ("queued", "started", "progress")
                and body
            ),
            60,
            "the parse task to record its end",
            interval=0.3,
        )

        assert upload_seconds < UPLOAD_BUDGET_SECONDS, f"the upload took {upload_seconds:.1f}s with Redis down"
        assert parsed["candidate"] is not None
        assert record["state"] == "succeeded", record
        assert "could not broadcast task event" in worker.output()
        with pytest.raises((InvalidStatus, ConnectionClosed, OSError, TimeoutError)):
            stream(server, token)

        private_redis.start()
        socket, attempts = reconnect(server, token)
        resume = upload_resume(api, "Ravi Returned")
        types = events_until(socket, resume["parse_task_id"], "succeeded")
        socket.close()

        assert types[0] == "queued" and types[-1] == "succeeded", types
        assert "started" in types
        print(
            f"\nRedis down: open stream closed after {closed_after:.1f}s; upload answered in {upload_seconds:.2f}s; "
            f"stream back after {attempts} attempt(s) once Redis returned"
        )


def test_redis_down_untracked_tasks_still_run(services, private_redis, processes, log_dir):
    """Tasks nobody tracks with a TaskRecord (periodic maintenance, a dead letter sent again) still run: the
    result backend being down must not stop them."""
    worker = celery_worker(services, log_dir, queues=[QueueName.LOW.value], name="untracked")
    processes.append(worker.start())
    wait_for_worker(worker)
    private_redis.stop()

    started = time.monotonic()
    publish_records(services.broker_url, ["untracked-1", "untracked-2"], queue=QueueName.LOW.value, keep_result=True)
    wait_until(lambda: scalar(services.database_url, "SELECT count(*) FROM fault_effect") == 2, 90, "2 effects")
    took = time.monotonic() - started
    time.sleep(1)

    assert scalar(services.database_url, "SELECT count(*) FROM fault_run") == 2
    assert took < 10, f"two quick tasks took {took:.1f}s with Redis down"
