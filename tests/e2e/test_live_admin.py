"""The admin's changelists follow background work live, in a real browser: rows appear and change in place,
without a reload, over the organization's WebSocket stream or, when the socket is down, by polling. All of it
under the pages' Content-Security-Policy, which the browser must never have to enforce against our own code."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import expect
from test_resume_flow import wait_until

pytestmark = pytest.mark.e2e

PARSE_WAIT = 180  # seconds: parsing, and the embedding after it, on a cold worker
ANALYSIS_WAIT = 120
LIVE_WAIT = 30  # from the work's end to the row on screen: one event plus one fetch, or one poll
RECONNECT_WAIT = 45  # the reconnect backoff tops out at 30 s
MARKER = "set before the work started"


@pytest.fixture(autouse=True)
def no_csp_violations(staff_page: Any) -> Iterator[None]:
    """Chromium reports every script, style or connection the policy refused on the console."""
    violations: list[str] = []
    staff_page.on(
        "console",
        lambda message: violations.append(message.text) if "Content Security Policy" in message.text else None,
    )
    yield
    assert violations == []


def resume_text(email: str) -> bytes:
    lines = [
        "Livia Marchetti",
        f"{email} | Turin, Italy",
        "Experience",
        "Backend Engineer, Tramway Logistics, 2017 - Present",
        "Built Python and Django services on PostgreSQL with Celery workers on RabbitMQ.",
        "Skills: Python, Django, PostgreSQL, Celery, Docker",
    ]
    return "\n".join(lines).encode()


def upload_resume(api: Any, email: str) -> dict[str, Any]:
    response = api.post("/api/resumes/", files={"resume": ("livia.txt", resume_text(email), "text/plain")})
    assert response.status_code == 202, response.text
    return response.json()


def open_live(page: Any, path: str) -> None:
    """Open a changelist, leave a marker a reload would wipe, and wait until it follows the stream."""
    response = page.goto(path)
    assert "script-src 'self'" in response.headers["content-security-policy"]
    page.evaluate(f"window.liveMarker = {MARKER!r}")
    expect(page.locator("#live-status")).to_have_attribute("data-state", "live")


def assert_not_reloaded(page: Any) -> None:
    assert page.evaluate("window.liveMarker") == MARKER


def total_count(page: Any, noun: str) -> int:
    """The count under the table ("12 task records"), which counts every page."""
    found = re.search(rf"(\d+) {noun}", page.locator("p.paginator").inner_text())
    assert found, page.locator("p.paginator").inner_text()
    return int(found.group(1))


def test_candidates_and_applications_update_in_place(platform, api, staff_page):
    page = staff_page
    search = f"livia.{uuid.uuid4().hex[:8]}"
    email, second_email = f"{search}.a@example.com", f"{search}.b@example.com"
    job_title = f"Live Backend Engineer {uuid.uuid4().hex[:6]}"

    # Searching keeps the list to this test's candidates (earlier tests fill pages), and shows that the
    # refresh keeps the user's search: the empty result gains its rows.
    open_live(page, f"/admin/candidates/candidate/?q={search}")
    expect(page.locator("p.paginator")).to_contain_text("0 candidates")
    resume = upload_resume(api, email)
    candidate_row = page.locator("#result_list tbody tr", has=page.locator("td.field-email", has_text=email))
    expect(candidate_row).to_have_count(1, timeout=PARSE_WAIT * 1000)
    expect(candidate_row.locator("th.field-__str__")).to_have_text("Livia Marchetti")
    # The embedding is a second task; its end flips the row's "Embedded" icon in place.
    expect(candidate_row.locator("td.field-has_embedding img")).to_have_attribute(
        "alt", "True", timeout=PARSE_WAIT * 1000
    )
    assert_not_reloaded(page)

    # A row the user selected stays selected when another row arrives, and the admin's actions still count.
    candidate_row.locator("input.action-select").check()
    expect(page.locator("span.action-counter")).to_have_text("1 of 1 selected")
    upload_resume(api, second_email)
    second_row = page.locator("#result_list tbody tr", has=page.locator("td.field-email", has_text=second_email))
    expect(second_row).to_have_count(1, timeout=PARSE_WAIT * 1000)
    expect(candidate_row.locator("input.action-select")).to_be_checked()
    expect(second_row.locator("input.action-select")).not_to_be_checked()
    expect(page.locator("span.action-counter")).to_have_text("1 of 2 selected")
    expect(page.locator("p.paginator")).to_contain_text("2 candidates")
    second_row.locator("input.action-select").check()
    expect(page.locator("span.action-counter")).to_have_text("2 of 2 selected")
    assert_not_reloaded(page)

    candidate_id = wait_until(
        lambda: api.get(f"/api/resumes/{resume['id']}/").json(),
        lambda body: body["parse_status"] == "parsed",
        PARSE_WAIT,
        "the resume's parsing",
    )["candidate"]
    job = api.post("/api/jobs/", json={"title": job_title, "description": "Python and Django, PostgreSQL, Celery."})
    assert job.status_code == 201, job.text

    open_live(page, "/admin/applications/application/?o=-6")  # newest first (created_at), kept on refresh
    application = api.post("/api/applications/", json={"candidate": candidate_id, "job": job.json()["id"]})
    assert application.status_code == 201, application.text
    row = page.locator("#result_list tbody tr", has=page.locator("td.field-job", has_text=job_title))
    # The row appears when the analysis is queued, then takes the analysis' status and score when it ends.
    expect(row).to_have_count(1, timeout=LIVE_WAIT * 1000)
    expect(row.locator("td.field-analysis_status")).to_have_text("Done", timeout=ANALYSIS_WAIT * 1000)
    analysed = api.get(f"/api/applications/{application.json()['id']}/").json()
    assert analysed["analysis_status"] == "done"
    assert float(row.locator("td.field-ai_score").inner_text()) == pytest.approx(analysed["ai_score"], abs=0.05)
    expect(row).to_have_class(re.compile(r"\blive-changed\b"))  # highlighted as changed
    assert page.url.endswith("?o=-6")
    assert_not_reloaded(page)

    # A stage move is no task, yet it announces itself: the row takes its new stage in place.
    moved = api.patch(f"/api/applications/{application.json()['id']}/", json={"stage": "shortlisted"})
    assert moved.status_code == 200, moved.text
    expect(row.locator("td.field-status")).to_have_text("Shortlisted", timeout=LIVE_WAIT * 1000)
    assert_not_reloaded(page)


def test_task_list_receives_new_rows_live(platform, api, staff_page):
    page = staff_page
    open_live(page, "/admin/realtime/taskrecord/")
    count_before = total_count(page, "task record")

    task_id = upload_resume(api, f"livia.{uuid.uuid4().hex[:8]}@example.com")["parse_task_id"]
    row = page.locator("#result_list tbody tr", has=page.locator("th.field-task_id", has_text=task_id))
    expect(row).to_have_count(1, timeout=LIVE_WAIT * 1000)
    expect(row.locator("td.field-kind_label")).to_have_text("Parse resume")
    expect(row.locator("td.field-state")).to_have_text("Succeeded", timeout=PARSE_WAIT * 1000)
    # The count under the table follows (the parse's embedding task may have joined it by now).
    assert total_count(page, "task record") > count_before
    assert_not_reloaded(page)


def test_without_a_socket_the_list_polls_and_still_updates(platform, api, staff_page):
    page = staff_page
    socket_down = True

    def task_stream(socket: Any) -> None:
        if socket_down:
            socket.close(code=1011, reason="down for the test")
        else:
            socket.connect_to_server()

    # Every WebSocket to the task stream is refused: the page must fall back to polling the changelist.
    page.route_web_socket("**/ws/tasks/", task_stream)
    page.goto("/admin/realtime/taskrecord/")
    page.evaluate(f"window.liveMarker = {MARKER!r}")
    expect(page.locator("#live-status")).to_have_attribute("data-state", "polling")

    task_id = upload_resume(api, f"livia.{uuid.uuid4().hex[:8]}@example.com")["parse_task_id"]
    row = page.locator("#result_list tbody tr", has=page.locator("th.field-task_id", has_text=task_id))
    expect(row).to_have_count(1, timeout=LIVE_WAIT * 1000)
    expect(row.locator("td.field-state")).to_have_text("Succeeded", timeout=PARSE_WAIT * 1000)
    expect(page.locator("#live-status")).to_have_attribute("data-state", "polling")
    assert_not_reloaded(page)

    # The socket comes back: the page reconnects by itself (backoff) and says so.
    socket_down = False
    expect(page.locator("#live-status")).to_have_attribute("data-state", "live", timeout=RECONNECT_WAIT * 1000)
    assert_not_reloaded(page)


def test_task_monitor_page_follows_a_task(platform, api, staff_page):
    page = staff_page
    response = page.goto("/realtime/tasks/")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    expect(page.locator("#status")).to_have_text("connected")

    task_id = upload_resume(api, f"livia.{uuid.uuid4().hex[:8]}@example.com")["parse_task_id"]

    expect(page.locator("#log")).to_contain_text(f"succeeded {task_id} parse_resume 100%", timeout=PARSE_WAIT * 1000)
