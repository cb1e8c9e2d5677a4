"""Test-only tasks whose every run leaves a row in PostgreSQL, so loss, doubles and start order can be counted.

Registered only in the workers the fault tests start (`celery worker --include faults.fault_tasks`); the
platform itself never imports this module. Like every task of the platform, `record_task` is idempotent: its
effect (one `fault_effect` row per key) is written once however often the message is delivered, while
`fault_run` keeps one row per execution, so a redelivery is visible without doubling the effect.
"""

from __future__ import annotations

import os
import time
from typing import Any

from celery import shared_task
from django.db import connection

RECORD_TASK = "tests.faults.record"  # the "tests." prefix keeps it out of the project task checks

SCHEMA = """
CREATE TABLE IF NOT EXISTS fault_run (
    id bigserial PRIMARY KEY,
    key text NOT NULL,
    task_id text NOT NULL,
    queue text NOT NULL DEFAULT '',
    priority int,
    redelivered boolean NOT NULL DEFAULT false,
    pid int NOT NULL,
    started_at double precision NOT NULL
);
CREATE TABLE IF NOT EXISTS fault_effect (
    key text PRIMARY KEY,
    done_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
"""


@shared_task(name=RECORD_TASK, bind=True)
def record_task(self: Any, key: str, hold_seconds: float = 0.0) -> str:
    """Log this execution (with when it started, on the same clock as the test), hold, then write the effect."""
    started_at = time.time()
    delivery = self.request.delivery_info or {}
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO fault_run (key, task_id, queue, priority, redelivered, pid, started_at)"
            " VALUES (%s, %s, %s, %s, %s, %s, %s)",
            [
                key,
                self.request.id,
                delivery.get("routing_key") or "",
                delivery.get("priority"),
                bool(delivery.get("redelivered")),
                os.getpid(),
                started_at,
            ],
        )
    if hold_seconds:
        time.sleep(hold_seconds)
    with connection.cursor() as cursor:
        cursor.execute("INSERT INTO fault_effect (key) VALUES (%s) ON CONFLICT (key) DO NOTHING", [key])
    return key
