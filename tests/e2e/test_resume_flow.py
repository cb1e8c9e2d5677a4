"""One resume through every service, through the nginx gateway: upload, embedding in pgvector, application,
AI analysis, and the task seen live over WebSocket."""

from __future__ import annotations

import json
import threading
import time
from typing import Any

import httpx
import psycopg
import pytest
from fixtures.make_resumes import make_text_pdf
from websockets.exceptions import InvalidStatus
from websockets.sync.client import connect

pytestmark = pytest.mark.e2e

RESUME_LINES = [
    "Maria Garcia",
    "maria.garcia@example.com | +1 415 555 0100 | San Francisco, CA",
    "Experience",
    "Senior Backend Engineer, Finch Payments, 2018 - Present",
    "Built Python and Django services on PostgreSQL, with Celery and RabbitMQ for background work.",
    "Skills: Python, Django, PostgreSQL, Docker, Kubernetes, REST APIs",
]
JOB_DESCRIPTION = (
    "We are hiring a backend engineer with 5+ years of Python and Django, PostgreSQL, Docker and Kubernetes. "
    "Experience with Celery, RabbitMQ and AWS is a plus."
)
EMBEDDING_WAIT = 180
ANALYSIS_WAIT = 120


def wait_until(fetch: Any, done: Any, timeout: float, what: str) -> Any:
    deadline = time.monotonic() + timeout
    value = fetch()
    while not done(value):
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} did not happen within {timeout}s; last value: {value}")
        time.sleep(0.5)
        value = fetch()
    return value


def socket_url(platform: Any, path: str) -> str:
    """A task-stream URL with a fresh single-use ticket, asked for with the API token in a header."""
    response = httpx.post(
        f"{platform.base_url}/api/ws-tickets/", headers={"Authorization": f"Token {platform.token}"}, timeout=30
    )
    assert response.status_code == 201, response.text
    return f"{platform.ws_url}{path}?ticket={response.json()['ticket']}"


class SocketRecorder(threading.Thread):
    """Reads a WebSocket in the background and keeps every JSON message."""

    def __init__(self, url: str) -> None:
        super().__init__(daemon=True)
        self.socket = connect(url, open_timeout=10)
        self.messages: list[dict[str, Any]] = []
        self.error: Exception | None = None
        self.start()

    def run(self) -> None:
        try:
            for raw in self.socket:
                self.messages.append(json.loads(raw))
        except Exception as error:  # the socket was closed by the test
            self.error = error

    def types_for(self, task_id: str) -> list[str]:
        return [m["type"] for m in self.messages if m.get("task_id") == task_id]

    def close(self) -> None:
        self.socket.close()
        self.join(timeout=5)


def test_gateway_serves_admin_ai_health_and_websocket(platform):
    assert httpx.get(f"{platform.base_url}/admin/login/").status_code == 200
    health = httpx.get(f"{platform.base_url}/api/ai/health")
    assert health.status_code == 200
    assert health.json()["status"] == "ok"
    assert httpx.get(f"{platform.base_url}/static/admin/css/base.css").status_code == 200
    with connect(socket_url(platform, "/ws/tasks/"), open_timeout=10) as socket:
        assert json.loads(socket.recv(timeout=10))["type"] == "connection"
    # An API token in the URL (it would sit in access logs) is refused before the handshake completes.
    with pytest.raises(InvalidStatus) as refused:
        connect(f"{platform.ws_url}/ws/tasks/?token={platform.token}", open_timeout=10)
    assert refused.value.response.status_code == 403


def test_resume_to_embedding_to_analysis_seen_live(platform, api):
    organization_stream = SocketRecorder(socket_url(platform, "/ws/tasks/"))
    assert wait_until(lambda: organization_stream.messages, bool, 10, "the connection message")

    pdf = make_text_pdf(RESUME_LINES)
    upload = api.post("/api/resumes/", files={"resume": ("maria.pdf", pdf, "application/pdf")})
    assert upload.status_code == 202, upload.text
    assert upload.json()["kind"] == "pdf"

    resume = wait_until(
        lambda: api.get(f"/api/resumes/{upload.json()['id']}/").json(),
        lambda body: body["parse_status"] != "pending" and body["parse_status"] != "parsing",
        EMBEDDING_WAIT,
        "the resume's parsing",
    )
    assert resume["parse_status"] == "parsed", resume
    candidate_id = resume["candidate"]
    candidate = wait_until(
        lambda: api.get(f"/api/candidates/{candidate_id}/").json(),
        lambda body: body["has_embedding"],
        EMBEDDING_WAIT,
        "the candidate's embedding",
    )
    assert candidate["name"] == "Maria Garcia"
    assert candidate["phone"] == "+14155550100"
    assert "Senior Backend Engineer" in candidate["extracted_text"]
    with psycopg.connect(platform.database_url) as conn:
        dims, norm = conn.execute(
            "SELECT vector_dims(embedding), vector_norm(embedding) FROM candidates_candidate WHERE id = %s",
            [candidate_id],
        ).fetchone()
    assert dims == 384
    assert norm == pytest.approx(1.0, abs=1e-3)

    job = api.post("/api/jobs/", json={"title": "Backend Engineer", "description": JOB_DESCRIPTION})
    assert job.status_code == 201, job.text
    assert {"Python", "Django", "PostgreSQL"} <= set(job.json()["required_skills"])

    application = api.post("/api/applications/", json={"candidate": candidate_id, "job": job.json()["id"]})
    assert application.status_code == 201, application.text
    task_id = application.json()["analysis_task_id"]
    task_stream = SocketRecorder(socket_url(platform, f"/ws/tasks/{task_id}/"))

    analysed = wait_until(
        lambda: api.get(f"/api/applications/{application.json()['id']}/").json(),
        lambda body: body["analysis_status"] != "pending",
        ANALYSIS_WAIT,
        "the AI analysis",
    )
    assert analysed["analysis_status"] == "done", analysed
    assert 0 < analysed["ai_score"] <= 100
    assert len(analysed["ai_feedback"]["interview_questions"]) == 3
    assert analysed["ai_feedback"]["provider"] == "builtin"

    wait_until(lambda: task_stream.types_for(task_id), lambda seen: "succeeded" in seen, 30, "succeeded on the socket")
    wait_until(
        lambda: (organization_stream.types_for(task_id), organization_stream.messages, organization_stream.error),
        lambda seen: "succeeded" in seen[0],
        30,
        "succeeded on the org stream",
    )
    task_stream.close()
    organization_stream.close()
    for seen in (task_stream.types_for(task_id), organization_stream.types_for(task_id)):
        assert "started" in seen
        assert "succeeded" in seen
        assert seen.index("started") < seen.index("succeeded")
    # The organization stream was open before the task existed, so it saw every step live.
    live = [m["type"] for m in organization_stream.messages if m.get("task_id") == task_id and not m["replayed"]]
    assert live == ["queued", "started", "succeeded"]

    record = api.get(f"/api/tasks/{task_id}/").json()
    assert (record["state"], record["progress"], record["kind"]) == ("succeeded", 100, "analyze_application")


def test_resume_download_goes_through_django_and_never_public(platform, api):
    body = b"Ada Lovelace\nAnalytical engines\n"
    resume_id = api.post("/api/resumes/", files={"resume": ("ada.txt", body, "text/plain")}).json()["id"]

    download = api.get(f"/api/resumes/{resume_id}/file/")
    assert download.status_code == 200
    assert download.content == body
    assert "X-Accel-Redirect" not in download.headers

    anonymous = httpx.get(f"{platform.base_url}/api/resumes/{resume_id}/file/")
    assert anonymous.status_code == 401
    media_path = httpx.get(f"{platform.base_url}/protected-media/")
    assert media_path.status_code == 404


def test_oversized_upload_is_refused_by_the_gateway(platform, api):
    too_big = b"a" * (10 * 1024 * 1024 + 1)
    response = api.post("/api/resumes/", files={"resume": ("big.txt", too_big, "text/plain")})

    assert response.status_code == 413
    assert response.json()["code"] == "too_large"


def test_operator_uis_need_a_staff_session(platform):
    response = httpx.get(f"{platform.base_url}/flower/", follow_redirects=False)

    assert response.status_code == 302
    assert response.headers["location"] == "/admin/login/?next=/flower/"


def test_recruiter_session_signs_in_but_is_refused_flower_through_the_gateway(platform):
    """Recruiters are staff (the admin) but not operators: Flower is for operators (tests/e2e/test_operator_uis.py)."""
    with httpx.Client(base_url=platform.base_url, timeout=30) as browser:
        browser.get("/admin/login/")
        login = browser.post(
            "/admin/login/?next=/admin/",
            data={
                "username": "e2e",
                "password": "e2e-password-1",
                "csrfmiddlewaretoken": browser.cookies["csrftoken"],
                "next": "/admin/",
            },
            headers={"Referer": f"{platform.base_url}/admin/login/"},
        )
        assert login.status_code == 302
        assert login.headers["location"] == "/admin/"

        flower = browser.get("/flower/")
        assert flower.status_code == 403
        assert "Flower" not in flower.text
