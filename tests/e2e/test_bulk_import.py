"""Bulk import through the gateway: 200 resumes with live progress, and a worker killed mid-parse."""

from __future__ import annotations

import contextlib
import io
import json
import os
import signal
import subprocess
import sys
import zipfile
from pathlib import Path

import httpx
import psutil
import pytest
from fixtures.make_resumes import make_docx, make_scanned_pdf, make_text_pdf
from test_resume_flow import SocketRecorder, socket_url, wait_until

pytestmark = pytest.mark.e2e

IMPORT_WAIT = 420
SUPERVISOR_CONF = Path(__file__).resolve().parents[2] / "scripts" / "supervisord.conf"


def resume_lines(number: int) -> list[str]:
    return [
        f"Person Number{number:03d}",
        f"person{number:03d}@example.com | +1 415 555 {1000 + number:04d}",
        "Experience",
        f"Accountant, Ledger {number} LLC, 2016 - 2022",
        "Prepared financial statements and reconciliations in Excel and QuickBooks.",
    ]


def make_zip(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def upload_archive(api: httpx.Client, name: str, archive: bytes) -> int:
    response = api.post("/api/imports/", files={"archive": (name, archive, "application/zip")})
    assert response.status_code == 202, response.text
    return int(response.json()["id"])


def wait_for_import(api: httpx.Client, batch_id: int) -> dict:
    return wait_until(
        lambda: api.get(f"/api/imports/{batch_id}/").json(),
        lambda batch: batch["state"] in ("done", "failed"),
        IMPORT_WAIT,
        f"import {batch_id}",
    )


def test_two_hundred_resumes_with_progress_and_failures_per_file(platform, api):
    files: dict[str, bytes] = {}
    for number in range(190):
        lines = resume_lines(number)
        if number % 3 == 0:
            files[f"pdf/{number:03d}.pdf"] = make_text_pdf(lines)
        elif number % 3 == 1:
            files[f"docx/{number:03d}.docx"] = make_docx(lines)
        else:
            files[f"txt/{number:03d}.txt"] = "\n".join(lines).encode()
    for number in range(5):
        files[f"broken/{number}.pdf"] = b"%PDF-1.4\n%truncated " + str(number).encode() + b"\n1 0 obj\n<< /Type"
        files[f"images/logo{number}.gif"] = b"GIF89a" + bytes(40)
    stream = SocketRecorder(socket_url(platform, "/ws/tasks/"))

    batch_id = upload_archive(api, "two-hundred.zip", make_zip(files))
    batch = wait_for_import(api, batch_id)

    assert (batch["state"], batch["total"], batch["processed"], batch["failed"]) == ("done", 200, 200, 10)
    failures = {item["filename"]: (item["status"], item["error"]) for item in batch["items"] if item["error"]}
    assert sorted(failures) == sorted([f"broken/{n}.pdf" for n in range(5)] + [f"images/logo{n}.gif" for n in range(5)])
    assert all(status in ("failed", "skipped") and error for status, error in failures.values())
    assert sum(1 for item in batch["items"] if item["status"] == "parsed") == 190
    assert len({item["candidate"] for item in batch["items"] if item["status"] == "parsed"}) == 190

    progress = [m for m in stream.messages if m.get("type") == "import.progress" and m["batch_id"] == batch_id]
    stream.close()
    # Workers finish concurrently, so messages may arrive slightly out of order: clients keep the highest count.
    assert len(progress) >= 10
    assert len({m["processed"] for m in progress}) >= 10
    assert max(m["processed"] for m in progress) == 200
    assert {"processed": 200, "state": "done", "percent": 100}.items() <= max(
        progress, key=lambda m: (m["processed"], m["state"] == "done")
    ).items()

    with httpx.Client(base_url=platform.base_url, timeout=30) as browser:
        browser.get("/admin/login/")
        browser.post(
            "/admin/login/",
            data={"username": "e2e", "password": "e2e-password-1", "csrfmiddlewaretoken": browser.cookies["csrftoken"]},
            headers={"Referer": f"{platform.base_url}/admin/login/"},
        )
        page = browser.get(f"/admin/ingestion/importbatch/{batch_id}/change/").text
    assert f'data-import-batch="{batch_id}"' in page
    assert "200/200 processed, 10 failed" in page
    assert "broken/0.pdf" in page


def supervised_pid(platform, program: str) -> int:  # type: ignore[no-untyped-def]
    output = subprocess.run(
        [str(Path(sys.prefix) / "bin" / "supervisorctl"), "-c", str(SUPERVISOR_CONF), "pid", program],
        env=platform.env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return int(output.strip())


def test_worker_killed_mid_parse_loses_nothing_and_duplicates_nothing(platform, api):
    count = 16
    # Scanned pages need OCR: slow enough, and reliably so, to kill the worker in the middle of the batch.
    files = {f"scan-{n:02d}.pdf": make_scanned_pdf(resume_lines(500 + n)) for n in range(count)}
    batch_id = upload_archive(api, "scans.zip", make_zip(files))
    wait_until(
        lambda: api.get(f"/api/imports/{batch_id}/").json(),
        lambda batch: batch["state"] == "processing" and batch["processed"] >= 1,
        IMPORT_WAIT,
        "the first parsed scan",
    )
    worker = psutil.Process(supervised_pid(platform, "worker_slow"))
    processes = [worker, *worker.children(recursive=True)]
    processed_at_kill = api.get(f"/api/imports/{batch_id}/").json()["processed"]
    os.kill(worker.pid, signal.SIGKILL)
    for process in processes[1:]:
        # A child (a pool process, or the sandbox a parse runs in) may end on its own between listing and kill.
        with contextlib.suppress(ProcessLookupError):
            os.kill(process.pid, signal.SIGKILL)
    assert processed_at_kill < count, "the batch finished before the worker could be killed"

    batch = wait_for_import(api, batch_id)

    assert (batch["state"], batch["processed"], batch["failed"]) == ("done", count, 0), json.dumps(batch)[:2000]
    candidates = [item["candidate"] for item in batch["items"]]
    assert None not in candidates
    assert len(set(candidates)) == count  # one candidate per person, none twice
    assert supervised_pid(platform, "worker_slow") != worker.pid  # supervisord started a new worker
