"""The platform's metrics (config/metrics.py) counted by real tasks on a real worker and a real RabbitMQ: runs
started, succeeded, retried, failed and dead-lettered, run and queue wait times, resumes parsed and failed by reason,
OCR pages; every name the dashboards and alert rules use is exported with the labels they use, and no label carries
an id, a name or an organization."""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from celery.contrib.testing.worker import start_worker
from django.db import OperationalError
from fixtures.make_resumes import make_blank_pdf, make_scanned_pdf
from fixtures.rabbitmq import celery_app_on, throwaway_vhost
from prometheus_client import REGISTRY, generate_latest
from prometheus_client.parser import text_string_to_metric_families

from accounts.models import Organization
from applications.pipeline import Stage
from candidates.models import ResumeVersion
from config import metrics
from config.celery import app
from config.queues import QueueName, declare_all
from config.task_metrics import start_dead_letter_series
from config.tasks import MAINTENANCE_LIMITS, task_options
from ingestion.services import resume_intake

pytestmark = pytest.mark.django_db(transaction=True)

MONITORING = Path(__file__).resolve().parents[2] / "monitoring"
RULE_FILES = (MONITORING / "prometheus" / "alerts.yml", MONITORING / "prometheus" / "alerts.test.yml")
DASHBOARDS = sorted((MONITORING / "grafana" / "dashboards").glob("*.json"))
METRIC_NAME = re.compile(r"\brecruitment_[a-zA-Z0-9_]+")
SELECTOR = re.compile(r"\b(recruitment_[a-zA-Z0-9_]+)\s*\{([^}]*)\}")
LABEL_MATCHER = re.compile(r"([a-zA-Z_][a-zA-Z0-9_]*)\s*(?:=~|!~|!=|=)")
TARGET_LABELS = {"instance", "job", "service"}  # added by Prometheus at scrape time (prometheus.yml)
QUEUE = QueueName.LOW.value
OK, FLAKY, REJECTED = "tests.metrics_ok_task", "tests.metrics_flaky_task", "tests.metrics_rejected_task"

# The shared options (autoretry on transient errors, limits), one retry and no wait before it.
_options = {**task_options(MAINTENANCE_LIMITS, max_retries=1), "retry_backoff": False}
_options["default_retry_delay"] = 0


@app.task(name=OK, **_options)
def metrics_ok_task(value: int) -> int:
    return value * 2


@app.task(name=FLAKY, **_options)
def metrics_flaky_task() -> None:
    raise OperationalError("server closed the connection unexpectedly")


@app.task(name=REJECTED, **_options)
def metrics_rejected_task() -> None:
    raise ValueError("not a resume")


@pytest.fixture
def worker() -> Iterator[Any]:
    with throwaway_vhost() as virtual_host, celery_app_on(app, virtual_host):
        with app.connection_for_write() as connection:
            declare_all(connection)
        with start_worker(app, perform_ping_check=False, shutdown_timeout=30) as running:
            yield running


def value(name: str, **labels: str) -> float:
    return REGISTRY.get_sample_value(name, labels) or 0.0


def wait_for(condition: Callable[[], bool], what: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"{what}: not within {timeout} s")
        time.sleep(0.1)


class Counts:
    """Each counter's value now, to compare with its value later."""

    def __init__(self, *samples: tuple[str, dict[str, str]]) -> None:
        self.samples = samples
        self.before = [value(name, **labels) for name, labels in samples]

    def increments(self) -> list[float]:
        return [
            value(name, **labels) - before for (name, labels), before in zip(self.samples, self.before, strict=True)
        ]


def task_samples(task: str) -> list[tuple[str, dict[str, str]]]:
    labels = {"task": task, "queue": QUEUE}
    outcomes = ("started", "succeeded", "retried", "failed", "dead_lettered")
    return [
        *((f"recruitment_celery_tasks_{outcome}_total", labels) for outcome in outcomes),
        ("recruitment_celery_task_runtime_seconds_count", labels),
        ("recruitment_celery_task_queue_wait_seconds_count", labels),
    ]


def run_tasks() -> dict[str, list[float]]:
    """A task that succeeds, one retried then failed for good, one not retryable; their increments by task."""
    counts = {task: Counts(*task_samples(task)) for task in (OK, FLAKY, REJECTED)}
    metrics_ok_task.apply_async(args=(21,), queue=QUEUE)
    metrics_flaky_task.apply_async(queue=QUEUE)
    metrics_rejected_task.apply_async(queue=QUEUE)
    for task in (OK, FLAKY, REJECTED):
        wait_for(lambda task=task: value("recruitment_celery_task_runtime_seconds_count", task=task, queue=QUEUE)
                 - counts[task].before[5] >= (2 if task == FLAKY else 1), f"{task} to end")  # fmt: skip
    return {task: count.increments() for task, count in counts.items()}


def test_task_runs_are_counted_by_outcome(worker):
    increments = run_tasks()

    #                       started succeeded retried failed dead-lettered run times queue waits
    assert increments[OK] == [1, 1, 0, 0, 0, 1, 1]
    assert increments[FLAKY] == [2, 0, 1, 1, 1, 2, 2], "the retry is a second run"
    assert increments[REJECTED] == [1, 0, 0, 1, 1, 1, 1], "an error that is not retried fails at once"


def parse_through_the_worker(organization: Organization, filename: str, data: bytes) -> ResumeVersion:
    """Upload a resume as the API does: its parse task is published on commit and the worker runs it."""
    resume = resume_intake(organization=organization, filename=filename, data=data, kind="pdf", given_details={}).resume
    wait_for(
        lambda: ResumeVersion.objects.get(pk=resume.pk).parse_status not in ("pending", "parsing"),
        f"{filename} to be parsed",
    )
    return ResumeVersion.objects.get(pk=resume.pk)


def test_resumes_parsed_and_failed_are_counted_by_reason_with_ocr_pages(worker, organization):
    counts = Counts(
        ("recruitment_resumes_parsed_total", {}),
        ("recruitment_resume_parse_failures_total", {"reason": "no_text"}),
        ("recruitment_ocr_pages_total", {}),
    )

    scan = parse_through_the_worker(
        organization, "scan.pdf", make_scanned_pdf(["Jane Doe", "Senior Python Engineer", "Skills: Django"])
    )
    assert (scan.parse_status, scan.ocr_used) == ("parsed", True)
    # The worker counts the parse once its transaction has committed, a moment after the status is visible.
    wait_for(lambda: counts.increments()[0] >= 1, "the parse to be counted")
    assert counts.increments() == [1, 0, 1]
    blank = parse_through_the_worker(organization, "blank.pdf", make_blank_pdf())
    assert blank.parse_status == "no_text"
    assert counts.increments() == [1, 1, 1]


@pytest.mark.parametrize(
    ("reason", "label"), [("timeout", "timeout"), ("no_text", "no_text"), ("not-a-known-code", "other")]
)
def test_parse_failure_reasons_come_from_a_fixed_list(reason, label):
    before = value("recruitment_resume_parse_failures_total", reason=label)

    metrics.resume_parse_failed(reason)

    assert value("recruitment_resume_parse_failures_total", reason=label) == before + 1


def test_a_message_without_a_publish_time_has_no_queue_wait():
    class Request(dict):  # type: ignore[type-arg]
        eta = None

    from config.task_metrics import PUBLISHED_AT_HEADER, queue_wait

    assert queue_wait(Request(), now=100.0) is None
    assert queue_wait(Request({PUBLISHED_AT_HEADER: 90.0}), now=100.0) == 10.0
    countdown = Request({PUBLISHED_AT_HEADER: 90.0})
    countdown.eta = "1970-01-01T00:01:35+00:00"  # due at 95: the wait starts then
    assert queue_wait(countdown, now=100.0) == 5.0


def exported() -> dict[str, list[dict[str, str]]]:
    """Every recruitment_ sample on the page Django's /metrics serves (the worker's registry, in-process here)."""
    samples: dict[str, list[dict[str, str]]] = {}
    for family in text_string_to_metric_families(generate_latest(REGISTRY).decode()):
        for sample in family.samples:
            if sample.name.startswith(metrics.PREFIX):
                samples.setdefault(sample.name, []).append(sample.labels)
    return samples


def monitoring_queries() -> list[tuple[str, str]]:
    queries = []
    for rules in RULE_FILES:
        document = yaml.safe_load(rules.read_text())
        for group in document.get("groups", []):
            queries += [(f"{rules.name}: {rule['alert']}", rule["expr"]) for rule in group["rules"]]
        for case in document.get("tests", []):
            queries += [(rules.name, series["series"]) for series in case.get("input_series", [])]
    for dashboard in DASHBOARDS:
        panels = json.loads(dashboard.read_text())["panels"]
        for panel in [*panels, *(inner for row in panels for inner in row.get("panels", []))]:
            queries += [(f"{dashboard.name}: {panel['title']}", target["expr"]) for target in panel.get("targets", [])]
    return queries


def test_dashboards_and_alerts_use_only_exported_names_and_labels_and_no_label_is_an_id(worker, organization):
    run_tasks()
    parse_through_the_worker(organization, "blank.pdf", make_blank_pdf())
    samples = exported()
    label_names = {name: {label for labels in found for label in labels} for name, found in samples.items()}

    queries = monitoring_queries()
    problems = []
    for where, query in queries:
        problems += [f"{where}: {name} is not exported" for name in METRIC_NAME.findall(query) if name not in samples]
        for name, matchers in SELECTOR.findall(query):
            unknown = set(LABEL_MATCHER.findall(matchers)) - label_names.get(name, set()) - TARGET_LABELS
            problems += [f"{where}: {name} has no label {label}" for label in sorted(unknown)]
    assert problems == []
    assert {"queues-and-workers.json", "ingestion-matching-ai.json"} <= {
        where.split(":")[0] for where, query in queries if METRIC_NAME.search(query)
    }

    # Every label value comes from a fixed set: never a task id, a resume, a person or an organization.
    allowed = {
        "task": set(app.tasks),
        "queue": metrics.QUEUES,
        "reason": metrics.PARSE_FAILURE_REASONS,
        "stage": set(Stage.values),
        "state": set(metrics.IMPORT_STATES_IN_FLIGHT),
    }
    seen = {(label, item) for found in samples.values() for labels in found for label, item in labels.items()}
    assert {label for label, _ in seen} <= {*allowed, "le"}
    assert [(label, item) for label, item in seen if label != "le" and item not in allowed[label]] == []
    text = generate_latest(REGISTRY).decode()
    platform_lines = [line for line in text.splitlines() if line.startswith(metrics.PREFIX)]
    assert platform_lines and not [line for line in platform_lines if organization.name in line]
    # A task id is 32 hex digits (TaskRecord.task_id), a primary key a number.
    assert not [line for line in platform_lines if re.search(r'"[0-9a-f]{32}"|"\d+"', line)], "no id as a value"


def test_a_worker_starts_every_tasks_dead_letter_count_at_zero() -> None:
    """Prometheus sees no increase in a series born at 1: the count must be there, at 0, before the first one."""
    start_dead_letter_series({"jobs.tasks.rediscover_candidates_task", "tests.not_a_routed_task"})

    labels = {"task": "jobs.tasks.rediscover_candidates_task", "queue": QueueName.LOW.value}
    assert REGISTRY.get_sample_value("recruitment_celery_tasks_dead_lettered_total", labels) == 0.0
    assert {"task": "tests.not_a_routed_task", "queue": QueueName.LOW.value} not in exported().get(
        "recruitment_celery_tasks_dead_lettered_total", []
    )
