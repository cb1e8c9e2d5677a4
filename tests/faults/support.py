"""Helpers shared by the fault tests: queue test-only tasks, purge queues, read counts from PostgreSQL."""

from __future__ import annotations

import secrets
from typing import Any

import httpx
import psycopg
from fixtures.private_services import Services, wait_until

from faults.fault_tasks import RECORD_TASK


def purge_queues(broker_url: str) -> None:
    from config.celery import app
    from config.queues import declare_all, declared_queues

    with app.connection_for_write(broker_url) as connection:
        declare_all(connection)
        for queue in declared_queues():
            queue(connection.default_channel).purge()


def publish_records(
    broker_url: str,
    keys: list[str],
    *,
    queue: str,
    priority: int | None = None,
    hold_seconds: float = 0.0,
    keep_result: bool = False,
) -> None:
    """Queue one `tests.faults.record` task per key, through the platform's Celery app and its broker settings
    (persistent messages, publisher confirms).

    `keep_result` sends them as Celery does for a task nobody tracks (periodic maintenance, a dead letter sent
    again): the worker then stores its state in the result backend. The message is built and sent directly,
    because `send_task` would first subscribe this process to the result in the (shared) default Redis.
    """
    import uuid

    from config.celery import app

    with app.connection_for_write(broker_url) as connection:
        producer = app.amqp.Producer(connection, auto_declare=False)
        for key in keys:
            if not keep_result:
                app.send_task(
                    RECORD_TASK,
                    args=(key, hold_seconds),
                    queue=queue,
                    priority=priority,
                    producer=producer,
                    ignore_result=True,
                )
                continue
            # ignore_result None, as `send_task` sends it: the worker decides from the task and app settings.
            message = app.amqp.create_task_message(
                uuid.uuid4().hex, RECORD_TASK, (key, hold_seconds), {}, ignore_result=None
            )
            app.amqp.send_task_message(producer, RECORD_TASK, message, queue=queue, priority=priority)


def fetch(database_url: str, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    with psycopg.connect(database_url, autocommit=True) as conn:
        return conn.execute(sql, params).fetchall()


def scalar(database_url: str, sql: str, params: tuple[Any, ...] = ()) -> Any:
    return fetch(database_url, sql, params)[0][0]


# --- Through the API ---


def recruiter_token(services: Services) -> str:
    """A recruiter in an organization of their own; their API token."""
    username = f"faults-{secrets.token_hex(4)}"
    return services.manage(
        "create_recruiter", "--organization", f"Org {username}", "--username", username, "--password", "pw-faults-1"
    ).strip()


def upload_resume(api: httpx.Client, name: str) -> dict[str, Any]:
    text = f"{name}\n{name.lower().replace(' ', '.')}@example.com\nExperience\nAccountant, Ledger LLC, 2016 - 2022\n"
    response = api.post("/api/resumes/", files={"resume": (f"{name}.txt", text.encode(), "text/plain")})
    assert response.status_code == 202, response.text
    return dict(response.json())


def wait_parsed(api: httpx.Client, resume: dict[str, Any], timeout: float = 90) -> dict[str, Any]:
    return dict(
        wait_until(
            lambda: (body := api.get(f"/api/resumes/{resume['id']}/").json())["parse_status"] == "parsed" and body,
            timeout,
            f"resume {resume['id']} to be parsed",
            interval=0.3,
        )
    )
