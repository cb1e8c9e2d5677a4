"""Task log lines on a real worker and a real RabbitMQ: a parse task writes JSON lines carrying its id, name and
organization to the log file; the TaskRecord admin page shows that task's lines and no other task's; no line
holds the resume's text."""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from celery.contrib.testing.worker import start_worker
from django.db import OperationalError
from django.urls import reverse
from fixtures.make_resumes import make_text_pdf
from fixtures.rabbitmq import celery_app_on, throwaway_vhost

from accounts.models import Organization
from accounts.services import recruiter_create
from candidates.models import ResumeVersion
from config.celery import app
from config.queues import QueueName, declare_all
from config.tasks import MAINTENANCE_LIMITS, task_options
from ingestion.services import resume_intake
from realtime.models import TaskRecord
from realtime.task_logs import TaskLogError, task_log_lines

pytestmark = pytest.mark.django_db(transaction=True)

# Words that appear only in the resumes: none of them may reach a log line.
RESUME_LINES = ["Quillon Marveaux", "quillon.marveaux@example.org", "Zephyrine Orchard Analytics 2019-2024"]
OTHER_RESUME_LINES = ["Ottoline Brackwater", "Senior Python Engineer", "Skills: Django, PostgreSQL"]


FLAKY = "tests.log_flaky_task"
_options = {**task_options(MAINTENANCE_LIMITS, max_retries=1), "retry_backoff": False}
_options["default_retry_delay"] = 0


@app.task(name=FLAKY, **_options)
def log_flaky_task(note: str) -> None:
    raise OperationalError("server closed the connection unexpectedly")


def _stdout_handler() -> logging.Handler:
    return next(handler for handler in logging.getLogger().handlers if handler.get_name() == "stdout")


@pytest.fixture
def log_dir(settings: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The worker's output as supervisord keeps it: LOG_DIR/worker_slow.log, through the configured handler's
    formatter and filters (settings.LOGGING, applied by the worker's setup_logging)."""
    monkeypatch.setenv("LOG_NAME", "worker_slow")
    directory = tmp_path / "logs"
    directory.mkdir()
    settings.LOG_DIR = directory
    yield directory


@pytest.fixture
def worker(log_dir: Path) -> Iterator[Any]:
    with throwaway_vhost() as virtual_host, celery_app_on(app, virtual_host):
        with app.connection_for_write() as connection:
            declare_all(connection)
        with start_worker(app, perform_ping_check=False, shutdown_timeout=30) as running:
            # Added once the worker has configured logging (its setup_logging replaces the root's handlers).
            configured = _stdout_handler()
            assert logging.getLogger().getEffectiveLevel() == logging.INFO, "the worker keeps LOG_LEVEL"
            to_file = logging.FileHandler(log_dir / "worker_slow.log")
            to_file.setFormatter(configured.formatter)
            for log_filter in configured.filters:
                to_file.addFilter(log_filter)
            logging.getLogger().addHandler(to_file)
            try:
                yield running
            finally:
                logging.getLogger().removeHandler(to_file)
                to_file.close()


@pytest.fixture
def staff(client: Any, organization: Organization) -> Any:
    user = recruiter_create(username="lena", password="lena-password-1", organization=organization)
    client.force_login(user)
    return client


def worker_lines(log_dir: Path) -> list[str]:
    path = log_dir / "worker_slow.log"
    return path.read_text().splitlines() if path.exists() else []


def parse(organization: Organization, filename: str, lines: list[str], log_dir: Path) -> TaskRecord:
    resume = resume_intake(
        organization=organization, filename=filename, data=make_text_pdf(lines), kind="pdf", given_details={}
    ).resume
    deadline = time.monotonic() + 120
    while ResumeVersion.objects.get(pk=resume.pk).parse_status in ("pending", "parsing"):
        assert time.monotonic() < deadline, f"{filename} was not parsed"
        time.sleep(0.2)
    record = TaskRecord.objects.get(kind=TaskRecord.Kind.PARSE_RESUME, target_id=resume.pk)
    while not any('"task finished"' in line and record.task_id in line for line in worker_lines(log_dir)):
        assert time.monotonic() < deadline, f"{record.task_id} wrote no 'task finished' line"
        time.sleep(0.1)
    return record


def test_a_task_writes_json_lines_with_its_id_and_the_admin_shows_only_its_own(worker, log_dir, organization, staff):
    record = parse(organization, "quillon.pdf", RESUME_LINES, log_dir)
    other = parse(organization, "ottoline.pdf", OTHER_RESUME_LINES, log_dir)

    entries = [json.loads(line) for line in worker_lines(log_dir)]
    own = [entry for entry in entries if entry.get("task_id") == record.task_id]
    started = next(entry for entry in own if entry["message"] == "task started")
    assert {key: started[key] for key in ("level", "service", "logger", "task_name", "organization_id", "attempt")} == {
        "level": "INFO",
        "service": "worker_slow",
        "logger": "realtime.task_logging",
        "task_name": "ingestion.tasks.parse_resume_task",
        "organization_id": organization.pk,
        "attempt": 1,
    }
    assert set(started) >= {"time", "level", "service", "logger", "message", "task_id", "task_name"}
    finished = next(entry for entry in own if entry["message"] == "task finished")
    assert finished["state"] == "SUCCESS"

    shown = task_log_lines(task_id=record.task_id)
    assert [line.message for line in shown if line.logger == "realtime.task_logging"] == [
        "task started",
        "task finished",
    ]
    assert len(shown) == len(own)
    loggers = {line.logger for line in shown}
    assert {"celery.worker.strategy", "celery.app.trace"} <= loggers, "celery's received and succeeded lines too"

    page = staff.get(reverse("admin:realtime_taskrecord_change", args=[record.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Log lines (newest last)" in html
    assert html.count("task started") == 1, "this task's line, not the other task's"
    assert "ingestion.tasks.parse_resume_task" in html
    assert other.task_id not in html

    celery_values = [value for entry in entries for key, value in entry.get("data", {}).items()
                     if key in ("args", "kwargs", "return_value")]  # fmt: skip
    assert celery_values and set(celery_values) == {"[hidden]"}, "celery's task lines keep no argument or result"
    text = "\n".join(path.read_text() for path in log_dir.glob("*.log"))
    for secret in [*RESUME_LINES, *OTHER_RESUME_LINES]:
        assert secret not in text, "resume text in the logs"


def test_another_organizations_task_record_and_its_lines_are_not_shown(worker, log_dir, organization, staff):
    elsewhere = Organization.objects.create(name="Elsewhere Staffing")
    record = parse(elsewhere, "quillon.pdf", RESUME_LINES, log_dir)
    assert task_log_lines(task_id=record.task_id), "the task did write lines"

    page = staff.get(reverse("admin:realtime_taskrecord_change", args=[record.pk]))
    assert page.status_code == 302, "another organization's record is not found for this recruiter"
    assert record.task_id not in staff.get(reverse("admin:realtime_taskrecord_changelist")).content.decode()


def test_a_retry_a_failure_and_the_dead_letter_are_logged_with_the_task_id(worker, log_dir):
    task_id = log_flaky_task.apply_async(args=("Quillon Marveaux",), queue=QueueName.LOW.value).id
    deadline = time.monotonic() + 60
    while not any('"task dead-lettered"' in line and task_id in line for line in worker_lines(log_dir)):
        assert time.monotonic() < deadline, "no dead-letter line"
        time.sleep(0.1)

    lines = [
        (line.level, line.message) for line in task_log_lines(task_id=task_id) if line.logger.startswith("realtime")
    ]
    assert lines == [
        ("INFO", "task started"),
        ("WARNING", "task will be retried"),
        ("INFO", "task finished"),
        ("INFO", "task started"),
        ("WARNING", "task dead-lettered"),
        ("ERROR", "task failed"),
        ("INFO", "task finished"),
    ]
    entries = [json.loads(line) for line in worker_lines(log_dir) if task_id in line]
    assert {entry.get("task_name") for entry in entries if entry["logger"] == "realtime.task_logging"} == {FLAKY}
    assert not any("Quillon" in line for line in worker_lines(log_dir)), "the task's arguments are not logged"


def test_the_reader_is_bounded_and_refuses_what_is_not_a_task_id(tmp_path):
    task_id = "0b7c5a52-1111-4a2b-9c3d-000000000001"
    lines = [json.dumps({"time": f"2026-01-01 00:00:{i:02d},000", "message": f"step {i}", "task_id": task_id})
             for i in range(50)]  # fmt: skip
    lines.insert(10, json.dumps({"time": "2026-01-01 00:00:10,500", "message": f"retry of {task_id}",
                                 "task_id": "another"}))  # fmt: skip
    lines.insert(5, f"plain text naming {task_id}")
    (tmp_path / "worker_slow.log").write_text("\n".join(lines) + "\n")
    (tmp_path / "notes.txt").write_text(lines[0])

    everything = task_log_lines(task_id=task_id, log_dir=tmp_path)
    assert [line.message for line in everything] == [f"step {i}" for i in range(50)]
    assert [line.message for line in task_log_lines(task_id=task_id, log_dir=tmp_path, max_lines=3)] == [
        "step 47",
        "step 48",
        "step 49",
    ]
    tail = task_log_lines(task_id=task_id, log_dir=tmp_path, max_bytes_per_file=len(lines[-1]) * 3 + 10)
    assert [line.message for line in tail] == ["step 47", "step 48", "step 49"], "only whole lines of the tail"
    with pytest.raises(TaskLogError):
        task_log_lines(task_id="../../etc/passwd", log_dir=tmp_path)
