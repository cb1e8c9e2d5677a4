"""Fairness between organizations: does one organization's bulk import starve another's uploads?

Organization A imports an archive of small resumes (PDF, DOCX and plain text in turn, 1,000 by default); as soon as
its archive is opened and the parses it queues are published (A's backlog, which another organization could starve
behind, exists by then), organization B uploads one resume and then a 3-file archive. Printed: the seconds from B's
upload until its single resume is parsed (target < 10 s), until its import is done (target < 30 s), and until its
4 candidates are embedded, with how many of A's files were parsed by then. Three runs, each with fresh workers:

- B alone: B's work on an idle system, the baseline;
- fair: A's import and B's work with the platform's settings (IMPORT_PARSE_CONCURRENCY, default 4);
- fairness off: the same with IMPORT_PARSE_CONCURRENCY=0, every file of A's import queued at once (B's single upload
  still has its higher message priority; B's import waits behind A's backlog). Waiting stops after --timeout.

Workers are `celery worker` processes started like the slow worker of `make up` (medium_priority and embeddings,
-c 2, prefetch 1, acks late), on throwaway infrastructure shared with `make bench-tasks` (scripts/bench_tasks.py): an
embedded PostgreSQL (or BENCH_DATABASE_URL), a RabbitMQ virtual host and an unused Redis database. Each run first
parses and embeds one resume (imports, connections, the embedding model loaded). Uploads go through the product's
services (`resume_intake`, `import_create`), as the API calls them.

Usage: .venv/bin/python scripts/bench_fair.py [--a-files 1000] [--timeout 120] [--json]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import logging
import os
import shutil
import signal
import socket
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
for _path in (str(REPO / "django_backend"), str(REPO), str(REPO / "tests")):
    if _path not in sys.path:
        sys.path.insert(0, _path)

from fixtures.make_resumes import make_docx, make_text_pdf  # noqa: E402

from scripts.bench_common import (  # noqa: E402
    VENV_BIN,
    BenchError,
    child_process,
    django_for_bench,
    postgres_database,
    rabbitmq_vhost,
    redis_database,
    wait_for_worker,
)

WORKER_QUEUES = ("medium_priority", "embeddings")  # as the slow worker of scripts/supervisord.conf
B_IMPORT_FILES = 3
TARGETS = {"single_parsed": 10.0, "import_done": 30.0}
POLL_SECONDS = 0.1


def resume_lines(owner: str, number: int) -> list[str]:
    return [
        f"{owner} Person{number:04d}",
        f"{owner.lower()}.person{number:04d}@example.com | +1 415 555 {number:04d}",
        "Experience",
        f"Accountant, Ledger {number} LLC, 2016 - 2022",
        "Prepared financial statements and reconciliations in Excel and QuickBooks.",
    ]


def resume_file(owner: str, number: int) -> tuple[str, bytes]:
    """A small resume as PDF, DOCX or plain text in turn."""
    lines = resume_lines(owner, number)
    if number % 3 == 0:
        return f"{number:04d}.pdf", make_text_pdf(lines)
    if number % 3 == 1:
        return f"{number:04d}.docx", make_docx(lines)
    return f"{number:04d}.txt", "\n".join(lines).encode()


def archive(owner: str, numbers: range) -> Any:
    from django.core.files.uploadedfile import SimpleUploadedFile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zipped:
        for number in numbers:
            name, data = resume_file(owner, number)
            zipped.writestr(f"{owner}/{name}", data)
    return SimpleUploadedFile(f"{owner}.zip", buffer.getvalue())


def wait_for(check: Callable[[], datetime | None], timeout: float) -> datetime | None:
    """Poll until `check` gives the time something happened; None after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        happened = check()
        if happened is not None:
            return happened
        time.sleep(POLL_SECONDS)
    return None


def single_parsed(resume_id: int) -> Callable[[], datetime | None]:
    from candidates.models import ResumeVersion

    def check() -> datetime | None:
        resume = ResumeVersion.objects.get(pk=resume_id)
        if resume.parse_status not in ("pending", "parsing", "parsed"):
            raise BenchError(f"resume {resume_id} ended {resume.parse_status}: {resume.parse_error}")
        return resume.parsed_at if resume.parse_status == "parsed" else None

    return check


def import_done(batch_id: int) -> Callable[[], datetime | None]:
    from ingestion.models import ImportBatch

    def check() -> datetime | None:
        batch = ImportBatch.objects.get(pk=batch_id)
        if batch.state == ImportBatch.State.FAILED or batch.failed:
            raise BenchError(f"import {batch_id}: state {batch.state}, {batch.failed} failed; {batch.error}")
        return batch.finished_at if batch.state == ImportBatch.State.DONE else None

    return check


def import_expanded(batch_id: int) -> Callable[[], datetime | None]:
    """When the import's expansion task ended: its archive opened and the parses it queues published."""
    from realtime.models import TaskRecord

    def check() -> datetime | None:
        record = TaskRecord.objects.filter(kind=TaskRecord.Kind.IMPORT_ARCHIVE, target_id=batch_id).first()
        if record is not None and record.state == TaskRecord.State.FAILED:
            raise BenchError(f"import {batch_id} could not be expanded: {record.error}")
        return record.finished_at if record is not None and record.state == TaskRecord.State.SUCCEEDED else None

    return check


def all_embedded(organization_id: int, count: int) -> Callable[[], datetime | None]:
    """When the last of the organization's `count` candidates was embedded (its task record's end)."""
    from django.db.models import Max

    from candidates.models import Candidate
    from realtime.models import TaskRecord

    def check() -> datetime | None:
        if Candidate.objects.filter(organization_id=organization_id, embedding__isnull=False).count() < count:
            return None
        return TaskRecord.objects.filter(
            organization_id=organization_id, kind=TaskRecord.Kind.EMBED_CANDIDATE, state=TaskRecord.State.SUCCEEDED
        ).aggregate(last=Max("finished_at"))["last"]

    return check


def purge_work_queues() -> None:
    from config.celery import app

    with app.connection_for_write() as connection:
        for queue in WORKER_QUEUES:
            connection.default_channel.queue_purge(queue)


@contextlib.contextmanager
def slow_worker(name: str, env: dict[str, str], work: Path, concurrency: str) -> Iterator[None]:
    from config.celery import app

    command = [
        str(VENV_BIN / "celery"), "-A", "config", "worker", "-Q", ",".join(WORKER_QUEUES), "-n", name, "-c", "2",
        "--prefetch-multiplier=1", "--without-gossip", "--without-mingle",
    ]  # fmt: skip
    try:
        with child_process(name, command, {**env, "IMPORT_PARSE_CONCURRENCY": concurrency}, work) as worker:
            wait_for_worker(app, worker)
            yield
    finally:
        # What is left of this run's imports (A's backlog, the parses its last tasks queued while the worker
        # shut down) is dropped, so the next run starts on empty queues.
        purge_work_queues()


def scenario(label: str, *, a_files: int, timeout: float) -> dict[str, Any]:
    """A imports `a_files` resumes (none: B alone), then B uploads one and imports three; seconds until each is done."""
    from accounts.models import Organization
    from ingestion.models import ImportBatch
    from ingestion.services import import_create, resume_intake

    warm = Organization.objects.create(name=f"Warm-up {label}")
    resumes = [  # two at once: one for each pool process
        resume_intake(organization=warm, filename="warm.txt", data=resume_file("W", number)[1], kind="txt").resume
        for number in (2, 5)
    ]
    for resume in resumes:
        if wait_for(single_parsed(resume.pk), 120) is None:
            raise BenchError(f"{label}: a warm-up resume was not parsed in 120 s")
    if wait_for(all_embedded(warm.pk, len(resumes)), 120) is None:
        raise BenchError(f"{label}: the warm-up resumes were not embedded in 120 s")

    batch_a, expansion = None, None
    if a_files:
        first = Organization.objects.create(name=f"A {label}")
        uploaded = archive("A", range(a_files))
        submitted = time.time()
        batch_a = import_create(organization=first, uploaded=uploaded, created_by=None)
        expanded = wait_for(import_expanded(batch_a.pk), 600)
        if expanded is None:
            raise BenchError(f"{label}: A's archive was not expanded in 600 s")
        expansion = expanded.timestamp() - submitted
    second = Organization.objects.create(name=f"B {label}")
    started = time.time()
    name, data = resume_file("B", 5000)
    single = resume_intake(organization=second, filename=name, data=data, kind="txt").resume
    batch_b = import_create(
        organization=second, uploaded=archive("B", range(5001, 5001 + B_IMPORT_FILES)), created_by=None
    )

    def seconds(happened: datetime | None) -> float | None:
        return None if happened is None else happened.timestamp() - started

    result: dict[str, Any] = {"label": label, "a_files": a_files, "a_expansion_seconds": expansion}
    result["single_parsed"] = seconds(wait_for(single_parsed(single.pk), timeout))
    result["import_done"] = seconds(wait_for(import_done(batch_b.pk), max(1.0, started + timeout - time.time())))
    if batch_a is not None:
        result["a_parsed_at_b_import_end"] = ImportBatch.objects.get(pk=batch_a.pk).processed
    left = max(1.0, started + timeout - time.time())
    result["embedded"] = seconds(wait_for(all_embedded(second.pk, 1 + B_IMPORT_FILES), left))
    return result


def run(args: argparse.Namespace) -> dict[str, Any]:
    load_before, began = os.getloadavg()[0], time.perf_counter()
    broker_base = os.environ.get("CELERY_BROKER_URL", "amqp://guest:guest@127.0.0.1:5672//")
    redis_base = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
    result: dict[str, Any] = {"runs": []}
    with contextlib.ExitStack() as stack:
        work = Path(tempfile.mkdtemp(prefix="bench-fair-"))
        stack.callback(shutil.rmtree, work, True)
        database_url, _ = stack.enter_context(postgres_database(work))
        vhost, broker_url = stack.enter_context(rabbitmq_vhost(broker_base))
        redis_url, _ = stack.enter_context(redis_database(redis_base))
        env = django_for_bench(
            stack,
            DATABASE_URL=database_url,
            CELERY_BROKER_URL=broker_url,
            CELERY_RESULT_BACKEND=redis_url,
            REDIS_URL=redis_url,
            MEDIA_ROOT=str(work / "media"),
        )
        from django.conf import settings

        from config.celery import app
        from config.queues import declare_all

        stack.callback(app.close)
        with app.connection_for_write() as connection:
            declare_all(connection)
        fair = str(settings.IMPORT_PARSE_CONCURRENCY)
        result.update(vhost=vhost, cap=settings.IMPORT_PARSE_CONCURRENCY)
        hostname = socket.gethostname()
        runs = [
            ("B alone (idle)", 0, fair),
            (f"fair (cap {fair})", args.a_files, fair),
            ("fairness off", args.a_files, "0"),
        ]
        for number, (label, a_files, concurrency) in enumerate(runs):
            with slow_worker(f"bench_fair{number}@{hostname}", env, work, concurrency):
                result["runs"].append(scenario(label, a_files=a_files, timeout=args.timeout))
    result.update(
        timeout=args.timeout,
        seconds=time.perf_counter() - began,
        cpus=len(os.sched_getaffinity(0)),
        load_average_1min={"before": load_before, "after": os.getloadavg()[0]},
    )
    return result


def report(result: dict[str, Any]) -> str:
    def cell(value: float | None) -> str:
        return f"> {result['timeout']:g} s" if value is None else f"{value:.1f} s"

    load = result["load_average_1min"]
    lines = [
        f"{result['cpus']} CPUs, 1-minute load average {load['before']:.1f} before, {load['after']:.1f} after, "
        f"{result['seconds']:.0f} s in all; one worker on medium_priority and embeddings, -c 2",
        f"A imports {result['runs'][1]['a_files']} resumes (PDF/DOCX/TXT); once its archive is opened and its "
        f"parses queued, B uploads 1 resume, then a {B_IMPORT_FILES}-file import; seconds from B's upload",
        f"  {'run':<16}  {'A queued in':>11}  {'B single parsed':>15}  {'B import done':>13}  {'B embedded':>10}  "
        f"{'A parsed by then':>16}",
    ]
    for run_ in result["runs"]:
        a_parsed = f"{run_['a_parsed_at_b_import_end']}/{run_['a_files']}" if run_["a_files"] else "-"
        expansion = "-" if run_["a_expansion_seconds"] is None else f"{run_['a_expansion_seconds']:.1f} s"
        lines.append(
            f"  {run_['label']:<16}  {expansion:>11}  {cell(run_['single_parsed']):>15}  "
            f"{cell(run_['import_done']):>13}  {cell(run_['embedded']):>10}  {a_parsed:>16}"
        )
    fair = result["runs"][1]
    verdicts = [
        f"{name.replace('_', ' ')} {cell(fair[name])} (target < {target:g} s: "
        f"{'met' if fair[name] is not None and fair[name] < target else 'missed'})"
        for name, target in TARGETS.items()
    ]
    lines.append("  fair run: " + "; ".join(verdicts))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--a-files", type=int, default=1000, help="resumes in organization A's import")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds to wait for B's work in each run")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if args.a_files < 1:
        parser.error("A imports at least one file")
    logging.getLogger("httpx").setLevel(logging.WARNING)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # a plain `kill` still removes what was made
    try:
        result = run(args)
    except BenchError as error:
        print(f"bench_fair: {error}", file=sys.stderr)
        return 1
    print(json.dumps(result, indent=2) if args.json else report(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
