"""The platform's own Prometheus metrics, defined in one place; the code that does the work calls them in one line.

Where each is exported:
- Celery tasks, resume parsing, OCR, embedding and ranking time: by the process that does the work. Workers run
  tasks in prefork children, so a worker runs in prometheus_client's multiprocess mode (PROMETHEUS_MULTIPROC_DIR,
  one directory per worker) and its main process serves the sum of its processes on CELERY_METRICS_PORT
  (config.task_metrics), the `celery` scrape job. Ranking asked for by a request is on Django's /metrics.
- WebSocket connections: daphne's, on Django's /metrics.
- Applications per stage and imports in flight: counted in the database when Django's /metrics is scraped
  (config.database_counts, which reads the apps' models; this module imports no app).
Queue depth and consumers are RabbitMQ's own (rabbitmq_prometheus: rabbitmq_queue_messages_ready,
rabbitmq_queue_consumers), not repeated here.

Every label value comes from a fixed set: task names from the code, queues from config.queues, parse failure
reasons from PARSE_FAILURE_REASONS, stages and import states from their choices. Never an id, a file name, a
person or an organization.
"""

from __future__ import annotations

import logging
import os

from prometheus_client import Counter, Gauge, Histogram

from config.queues import QueueName
from config.task_declarations import declared_queue

logger = logging.getLogger(__name__)

# In multiprocess mode the first metric below writes its file there: the directory must exist before.
if multiprocess_dir := os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
    os.makedirs(multiprocess_dir, exist_ok=True)

PREFIX = "recruitment_"

# --- Celery tasks (worker processes) ---------------------------------------------------------------------------

TASK_LABELS = ("task", "queue")
TASKS_STARTED = Counter("recruitment_celery_tasks_started", "Task runs started (each retry is a run).", TASK_LABELS)
TASKS_SUCCEEDED = Counter("recruitment_celery_tasks_succeeded", "Task runs that returned.", TASK_LABELS)
TASKS_FAILED = Counter(
    "recruitment_celery_tasks_failed", "Tasks that failed for good (retries exhausted or not retryable).", TASK_LABELS
)
TASKS_RETRIED = Counter("recruitment_celery_tasks_retried", "Task runs that ended in a retry.", TASK_LABELS)
TASKS_DEAD_LETTERED = Counter(
    "recruitment_celery_tasks_dead_lettered", "Tasks kept as dead letters (DeadLetter and `dead_letter`).", TASK_LABELS
)
TASK_RUNTIME = Histogram(
    "recruitment_celery_task_runtime_seconds",
    "Time from a task run's start to its end, whatever the outcome.",
    TASK_LABELS,
    buckets=(0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600),
)
TASK_QUEUE_WAIT = Histogram(
    "recruitment_celery_task_queue_wait_seconds",
    "Time from a task's publication (or its countdown's end) to its start on a worker.",
    TASK_LABELS,
    buckets=(0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 1800),
)

# --- Ingestion, matching and live updates --------------------------------------------------------------------------

# ExtractionError codes (recruitment_core.extraction and .sandbox), then the outcomes resume_parse adds itself.
PARSE_FAILURE_REASONS = frozenset(
    {
        "empty_file", "too_large", "unsupported_type", "corrupt", "encrypted", "timeout", "too_complex",
        "ocr_failed", "ocr_unavailable", "doc_unavailable", "no_text", "unreadable", "other",
    }
)  # fmt: skip
RESUMES_PARSED = Counter("recruitment_resumes_parsed", "Resumes parsed into a candidate profile.")
RESUME_PARSE_FAILURES = Counter(
    "recruitment_resume_parse_failures", "Resumes that gave no profile, by reason.", ("reason",)
)  # fmt: skip
OCR_PAGES = Counter("recruitment_ocr_pages", "Resume pages whose text was recognised from images.")
EMBEDDING_SECONDS = Histogram(
    "recruitment_embedding_seconds",
    "Time to embed one document (chunked and aggregated).",
    buckets=(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300),
)
RANKING_QUERY_SECONDS = Histogram(
    "recruitment_ranking_query_seconds",
    "Time to retrieve and score a job's candidates (candidates_for_job).",
    buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
)
WEBSOCKET_CONNECTIONS = Gauge(
    "recruitment_websocket_connections", "Task WebSockets open now.", multiprocess_mode="livesum"
)  # fmt: skip


QUEUES = frozenset(queue.value for queue in QueueName)


def task_queue(task_name: str, routing_key: str | None) -> str:
    """The queue label of a task run: where it was delivered from, else where it is routed (bounded either way)."""
    if routing_key in QUEUES:
        return str(routing_key)
    return (declared_queue(task_name) or QueueName.MEDIUM).value  # MEDIUM: config.celery's default queue


def resume_parse_failed(reason: str) -> None:
    """Count a resume that gave no profile; a reason outside the fixed list counts as `other`."""
    RESUME_PARSE_FAILURES.labels(reason if reason in PARSE_FAILURE_REASONS else "other").inc()


# Counted on scrape by config.database_counts; the states of ingestion.models.ImportBatch.State.
IMPORT_STATES_IN_FLIGHT = ("queued", "expanding", "processing")
