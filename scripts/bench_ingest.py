"""Bulk ingest end to end: resumes/min from one ZIP upload to every candidate parsed, embedded and ranked.

A recruiter opens 10 jobs and uploads one ZIP of --resumes text resumes (PDF written with reportlab and DOCX with
python-docx, in turn; 1,000 by default) through the gateway's API, as a browser or client would. The benchmark
then waits until every candidate is parsed (the import is done), embedded (both vectors of its current text) and
ranked (its scores for the open jobs computed), and prints resumes/min end to end, the seconds to parsed and to
embedded, and the peak memory (RSS) of every process of the platform, workers' pool processes included.

Two runs, each on a freshly started platform: the platform's settings (EMBEDDING_BATCH_CANDIDATES, default 16)
and the baseline, embedding one candidate per task (EMBEDDING_BATCH_CANDIDATES=1). The platform is started the way
`make up` starts it (scripts/supervisord.conf: daphne, the three workers, nginx in front; the AI service, beat
and Flower are stopped, as no ingest needs them) on throwaway infrastructure shared with `make bench-tasks`: an
embedded PostgreSQL (or BENCH_DATABASE_URL), a RabbitMQ virtual host and an unused Redis database.
Target: 600 resumes/min end to end with the platform's settings; PASS or FAIL is printed, nothing is asserted.

Usage: .venv/bin/python scripts/bench_ingest.py [--resumes 1000] [--timeout 1800] [--json]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import psutil

REPO = Path(__file__).resolve().parents[1]
for _path in (str(REPO / "django_backend"), str(REPO)):
    if _path not in sys.path:
        sys.path.insert(0, _path)

from scripts import embedded_pg  # noqa: E402
from scripts.bench_common import (  # noqa: E402
    BACKEND,
    VENV_BIN,
    BenchError,
    postgres_database,
    rabbitmq_vhost,
    redis_database,
)
from scripts.bench_ingest_resumes import ROLES, job_description, resume_archive  # noqa: E402

SUPERVISOR_CONF = REPO / "scripts" / "supervisord.conf"
TARGET_PER_MINUTE = 600.0
JOBS = 10
BASELINE_BATCH = 1
POLL_SECONDS = 0.5
STARTUP_TIMEOUT = 180.0
NOT_NEEDED = ("ai_service", "beat", "flower")


# --- The platform --------------------------------------------------------------------------------------------


def run_command(command: list[str], env: dict[str, str], cwd: Path = REPO) -> str:
    completed = subprocess.run(command, env=env, cwd=cwd, capture_output=True, text=True, timeout=300)
    if completed.returncode != 0:
        raise BenchError(f"{' '.join(command)} failed:\n{completed.stdout}\n{completed.stderr}")
    return completed.stdout


@contextlib.contextmanager
def platform(base_env: dict[str, str], work: Path, label: str, batch: int | None) -> Iterator[dict[str, str]]:
    """The platform under supervisord, as `make up` runs it, with EMBEDDING_BATCH_CANDIDATES=`batch` if given."""
    env = {
        **base_env,
        "GATEWAY_PORT": str(embedded_pg.free_port()),
        "DJANGO_PORT": str(embedded_pg.free_port()),
        "AI_SERVICE_PORT": str(embedded_pg.free_port()),
        "FLOWER_PORT": str(embedded_pg.free_port()),
        "GRAFANA_PORT": str(embedded_pg.free_port()),
        "WORKER_FAST_METRICS_PORT": str(embedded_pg.free_port()),
        "WORKER_SLOW_METRICS_PORT": str(embedded_pg.free_port()),
        "WORKER_MAINTENANCE_METRICS_PORT": str(embedded_pg.free_port()),
        "RUN_DIR": str(work / label / "run"),
        "LOG_DIR": str(work / label / "logs"),
    }
    if batch is not None:
        env["EMBEDDING_BATCH_CANDIDATES"] = str(batch)
    env["AI_SERVICE_URL"] = f"http://127.0.0.1:{env['AI_SERVICE_PORT']}"
    for folder in (env["RUN_DIR"], env["LOG_DIR"]):
        Path(folder).mkdir(parents=True, exist_ok=True)
    run_command([sys.executable, "scripts/render_nginx.py", "--out", f"{env['RUN_DIR']}/nginx.conf"], env)
    run_command([str(VENV_BIN / "supervisord"), "-c", str(SUPERVISOR_CONF)], env)
    try:
        run_command([str(VENV_BIN / "supervisorctl"), "-c", str(SUPERVISOR_CONF), "stop", *NOT_NEEDED], env)
        wait_for_gateway(f"http://127.0.0.1:{env['GATEWAY_PORT']}/healthz", Path(env["LOG_DIR"]))
        yield env
    finally:
        subprocess.run(
            [str(VENV_BIN / "supervisorctl"), "-c", str(SUPERVISOR_CONF), "shutdown"],
            env=env,
            capture_output=True,
            timeout=120,
        )


def wait_for_gateway(url: str, log_dir: Path) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while time.monotonic() < deadline:
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(url, timeout=5).status_code == 200:
                return
        time.sleep(1)
    logs = "\n".join(f"--- {log.name}\n{log.read_text(errors='replace')[-2000:]}" for log in log_dir.glob("*.log"))
    raise BenchError(f"the gateway did not answer {url} in {STARTUP_TIMEOUT:g} s:\n{logs}")


class MemoryWatch:
    """Peak RSS of every process under supervisord, sampled every POLL_SECONDS, by program and role."""

    def __init__(self, pidfile: Path) -> None:
        self.root = psutil.Process(int(pidfile.read_text().strip()))
        self.peaks: dict[str, int] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def __enter__(self) -> MemoryWatch:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()

    def _sample(self) -> None:
        while not self._stop.is_set():
            for process in self.root.children(recursive=True):
                with contextlib.suppress(psutil.Error):
                    rss = process.memory_info().rss  # 0: a child that has just exited
                    if rss:
                        label = process_label(process)
                        self.peaks[label] = max(self.peaks.get(label, 0), rss)
            self._stop.wait(POLL_SECONDS)


def process_label(process: psutil.Process) -> str:
    """The supervisord program and the process's place in it: "worker_slow pool", "nginx worker"."""
    command = " ".join(process.cmdline())
    depth, parent = 0, process.parent()
    while parent is not None and " ".join(parent.cmdline()) == command:
        depth, parent = depth + 1, parent.parent()
    if "celery" in command and " worker " in command:
        name = next((part.split("@")[0] for part in command.split() if "@" in part), "worker")
        return f"worker_{name} " + ("main", "pool", "parse child")[min(depth, 2)]
    if "daphne" in command:
        return "django (daphne)"
    if "nginx" in command:
        return "nginx " + ("master" if "master" in command else "worker")
    return process.name()


# --- One run -------------------------------------------------------------------------------------------------


def recruiter_token(env: dict[str, str], label: str) -> str:
    username = f"bench_{label}"
    command = [sys.executable, "manage.py", "create_recruiter", "--organization", f"Bench {label}"]
    command += ["--username", username, "--password", secrets.token_urlsafe(16)]
    return run_command(command, env, cwd=BACKEND).strip()


def open_jobs(api: httpx.Client) -> list[int]:
    jobs = []
    for number in range(JOBS):
        title, skills = ROLES[number % len(ROLES)]
        response = api.post(
            "/api/jobs/",
            json={"title": f"{title} {number}", "description": job_description(title, skills), "location": "Berlin"},
        )
        if response.status_code != 201:
            raise BenchError(f"POST /api/jobs/ answered {response.status_code}: {response.text[:500]}")
        jobs.append(int(response.json()["id"]))
    return jobs


def progress(organization_id: int) -> dict[str, int]:
    """How many of the organization's candidates are parsed, embedded and ranked, and what is still in flight."""
    from django.db.models import F

    from candidates.models import Candidate
    from matching.models import ExperienceEmbedding
    from realtime.models import TaskRecord

    candidates = Candidate.objects.filter(organization_id=organization_id).exclude(extracted_text="")
    records = TaskRecord.objects.filter(organization_id=organization_id)
    active = (TaskRecord.State.QUEUED, TaskRecord.State.STARTED, TaskRecord.State.PROGRESS)
    return {
        "parsed": candidates.count(),
        "embedded": ExperienceEmbedding.objects.filter(
            candidate__in=candidates.filter(embedding__isnull=False), text_sha256=F("candidate__embedded_text_sha256")
        ).count(),
        "ranked": records.filter(kind=TaskRecord.Kind.RERANK_CANDIDATE, state=TaskRecord.State.SUCCEEDED)
        .values("target_id")
        .distinct()
        .count(),
        "in_flight": records.filter(state__in=active).count(),
        "failed": records.filter(state=TaskRecord.State.FAILED).count(),
    }


def wait_until(done: Callable[[], bool], timeout: float, what: str) -> float:
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if done():
            return time.monotonic()
        time.sleep(POLL_SECONDS)
    raise BenchError(f"{what} did not happen in {timeout:g} s")


def ingest_run(base_env: dict[str, str], work: Path, label: str, batch: int | None, args: Any) -> dict[str, Any]:
    from accounts.models import Organization
    from ingestion.models import ImportBatch
    from matching.models import MatchScore

    with platform(base_env, work, label, batch) as env:
        token = recruiter_token(env, label)
        organization = Organization.objects.get(name=f"Bench {label}")
        gateway = f"http://127.0.0.1:{env['GATEWAY_PORT']}"
        with httpx.Client(base_url=gateway, headers={"Authorization": f"Token {token}"}, timeout=120) as api:
            jobs = open_jobs(api)
            wait_until(lambda: progress(organization.pk)["in_flight"] == 0, 300, "the jobs' embedding")
            with MemoryWatch(Path(env["RUN_DIR"]) / "supervisord.pid") as memory:
                started = time.monotonic()
                response = api.post(
                    "/api/imports/", files={"archive": ("resumes.zip", args.archive, "application/zip")}
                )
                if response.status_code != 202:
                    raise BenchError(f"POST /api/imports/ answered {response.status_code}: {response.text[:500]}")
                batch_id = int(response.json()["id"])
                count = args.resumes
                parsed = wait_until(
                    lambda: ImportBatch.objects.get(pk=batch_id).state in ("done", "failed"), args.timeout, "parsing"
                )
                left = args.timeout - (parsed - started)
                embedded = wait_until(lambda: progress(organization.pk)["embedded"] >= count, left, "embedding")
                ranked = wait_until(
                    lambda: (state := progress(organization.pk))["ranked"] >= count and state["in_flight"] == 0,
                    args.timeout - (embedded - started),
                    "ranking",
                )
        final = progress(organization.pk)
        seconds = ranked - started
        return {
            "label": label,
            "batch": batch,
            "resumes": count,
            "imported": ImportBatch.objects.get(pk=batch_id).processed,
            "import_failed": ImportBatch.objects.get(pk=batch_id).failed,
            "task_failures": final["failed"],
            "scores": MatchScore.objects.filter(job_id__in=jobs).count(),
            "parsed_seconds": parsed - started,
            "embedded_seconds": embedded - started,
            "ranked_seconds": seconds,
            "per_minute": count / seconds * 60,
            "peak_rss_mb": {name: rss / 2**20 for name, rss in sorted(memory.peaks.items())},
        }


def run(args: argparse.Namespace) -> dict[str, Any]:
    load_before, began = os.getloadavg()[0], time.perf_counter()
    args.archive = resume_archive(args.resumes)
    broker_base = os.environ.get("CELERY_BROKER_URL", "amqp://guest:guest@127.0.0.1:5672//")
    redis_base = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
    result: dict[str, Any] = {"archive_mb": len(args.archive) / 2**20, "runs": []}
    with contextlib.ExitStack() as stack:
        work = Path(tempfile.mkdtemp(prefix="bench-ingest-"))
        stack.callback(shutil.rmtree, work, True)
        database_url, _ = stack.enter_context(postgres_database(work))
        _, broker_url = stack.enter_context(rabbitmq_vhost(broker_base))
        redis_url, _ = stack.enter_context(redis_database(redis_base))
        hidden = {"PYTHONPATH", "HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "EMBEDDING_BATCH_CANDIDATES"}
        env = {
            **{name: value for name, value in os.environ.items() if name not in hidden},
            "DJANGO_DEBUG": "false",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DJANGO_SECURE_COOKIES": "false",
            "DJANGO_SECURE_SSL_REDIRECT": "false",
            "DJANGO_ALLOWED_HOSTS": "localhost,127.0.0.1",
            "DATABASE_URL": database_url,
            "CELERY_BROKER_URL": broker_url,
            "CELERY_RESULT_BACKEND": redis_url,
            "REDIS_URL": redis_url,
            "MEDIA_ROOT": str(work / "media"),
            "STATIC_ROOT": str(work / "static"),
            "USE_X_ACCEL_REDIRECT": "true",
            "AI_SERVICE_API_KEY": secrets.token_urlsafe(24),
            "METRICS_BEARER_TOKEN": secrets.token_urlsafe(24),
            "REPO_DIR": str(REPO),
            "VENV": str(VENV_BIN.parent),
            "NGINX_BIN": shutil.which("nginx") or "/usr/sbin/nginx",
        }
        run_command([sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"], env, cwd=BACKEND)
        run_command([sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"], env, cwd=BACKEND)
        os.environ.update({**env, "PYTHONPATH": f"{REPO}:{BACKEND}", "DJANGO_SETTINGS_MODULE": "config.settings"})
        import django

        django.setup()
        logging.getLogger("httpx").setLevel(logging.WARNING)  # not a line per poll of the gateway
        from django.conf import settings
        from django.db import connections

        stack.callback(connections.close_all)  # before the database is dropped
        result["batch"] = settings.EMBEDDING_BATCH_CANDIDATES
        for label, batch in (("batched", None), ("baseline", BASELINE_BATCH)):
            result["runs"].append(ingest_run(env, work, label, batch, args))
    result.update(
        seconds=time.perf_counter() - began,
        cpus=len(os.sched_getaffinity(0)),
        load_average_1min={"before": load_before, "after": os.getloadavg()[0]},
    )
    return result


def report(result: dict[str, Any]) -> str:
    load = result["load_average_1min"]
    runs = result["runs"]
    lines = [
        f"{result['cpus']} CPUs, 1-minute load average {load['before']:.1f} before, {load['after']:.1f} after, "
        f"{result['seconds']:.0f} s in all; one ZIP of {runs[0]['resumes']} resumes (PDF/DOCX, "
        f"{result['archive_mb']:.1f} MB) through the gateway, {JOBS} open jobs",
        f"  {'run':<28}  {'resumes/min':>11}  {'parsed':>8}  {'embedded':>8}  {'ranked':>8}  {'scores':>7}  "
        f"{'failed':>6}",
    ]
    for run_ in runs:
        name = f"{run_['label']} (batch {run_['batch'] or result['batch']})"
        lines.append(
            f"  {name:<28}  {run_['per_minute']:>11.0f}  {run_['parsed_seconds']:>7.1f}s  "
            f"{run_['embedded_seconds']:>7.1f}s  {run_['ranked_seconds']:>7.1f}s  {run_['scores']:>7}  "
            f"{run_['import_failed'] + run_['task_failures']:>6}"
        )
    lines.append("  peak RSS (MB)                 " + "  ".join(f"{run_['label']:>9}" for run_ in runs))
    for name in sorted({name for run_ in runs for name in run_["peak_rss_mb"]}):
        cells = "  ".join(f"{run_['peak_rss_mb'].get(name, 0):>9.0f}" for run_ in runs)
        lines.append(f"    {name:<28}{cells}")
    speed = runs[0]["per_minute"]
    verdict = "PASS" if speed >= TARGET_PER_MINUTE else "FAIL"
    lines.append(
        f"  {verdict}: {speed:.0f} resumes/min end to end (target >= {TARGET_PER_MINUTE:g}); baseline "
        f"{runs[1]['per_minute']:.0f}, x{speed / runs[1]['per_minute']:.2f}"
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--resumes", type=int, default=1000, help="resumes in the ZIP (default 1000)")
    parser.add_argument("--timeout", type=float, default=1800.0, help="seconds each run may take (default 1800)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON too")
    args = parser.parse_args(argv)
    try:
        result = run(args)
    except BenchError as error:
        print(f"bench-ingest failed: {error}", file=sys.stderr)
        return 1
    print(report(result))
    if args.json:
        print(json.dumps(result, indent=2, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
