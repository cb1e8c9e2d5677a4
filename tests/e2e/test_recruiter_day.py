"""A recruiter's day on the running platform (gateway, workers), in two browser contexts: the recruiter in the
admin and a candidate in the portal, each seeing the other's work arrive.

The recruiter creates jobs, imports resumes, shortlists, schedules the candidate's interview on the interview
admin's add page and writes to the candidate from the application's page; the candidate registers, uploads a
resume, applies twice, reads the recruiter's message as it arrives on the portal's conversation page, accepts the
interview (the recruiter's interview list shows the answer live) and withdraws the other application.
"""

from __future__ import annotations

import io
import json
import random
import time
import uuid
import zipfile
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from fixtures.make_resumes import make_docx, make_text_pdf
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

RECRUITER = ("e2e", "e2e-password-1")  # made by the `platform` fixture
WORKER_WAIT = 150  # seconds: parsing and embedding on a cold, shared worker
LIVE_WAIT = 30
CANDIDATE_PASSWORD = "Portal-password-42"
SKILLS = "Skills: Python, Django, PostgreSQL, Celery, Docker, REST APIs"
# No pay range and exclusionary wording: the posting-quality check must flag both on the job's page.
JOB_DESCRIPTION = (
    "We are looking for a rockstar backend engineer to build our hiring platform in Python and Django. "
    "Responsibilities: design REST APIs, own PostgreSQL schemas, run background work on Celery, "
    "review code and mentor colleagues. Requirements: 4+ years of Python, Django, PostgreSQL and Docker."
)
ORGANIZATION_AND_RECRUITER = (
    "from accounts.models import User; u = User.objects.get(username='e2e'); print('IDS', u.organization_id, u.pk)"
)


def resume_lines(name: str, email: str, employer: str) -> list[str]:
    return [
        name,
        f"{email} | Milan, Italy",
        "Experience",
        f"Backend Engineer, {employer}, 2018 - Present",
        "Built Python and Django services on PostgreSQL, with Celery workers and Docker deployments.",
        SKILLS,
    ]


def zip_of(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def reload_until(page: Any, ready: Callable[[], bool], timeout: float, what: str, shown: str = "#content") -> None:
    """Pages without a live stream (the job's ranking, the portal's resume list): reload until `ready`."""
    deadline = time.monotonic() + timeout
    while not ready():
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} did not show within {timeout}s; shown: {page.locator(shown).inner_text()}")
        time.sleep(2)
        page.reload()


def admin_create_job(page: Any, title: str) -> int:
    page.goto("/admin/jobs/jobposting/add/")
    page.fill("#id_title", title)
    page.fill("#id_company", "E2E Co")
    page.fill("#id_description", JOB_DESCRIPTION)
    page.fill("#id_location", "Milan, Italy")
    page.click("input[name=_continue]")
    page.wait_for_url("**/admin/jobs/jobposting/*/change/")
    expect(page.locator("ul.messagelist")).to_contain_text("was added successfully")
    return int(page.url.rstrip("/").split("/")[-2])


def select_autocomplete(page: Any, field: str, search: str) -> None:
    """The admin's autocomplete (select2) widget: open it, search, pick the one result."""
    page.click(f"#id_{field} + .select2 .select2-selection")
    page.fill(".select2-container--open .select2-search__field", search)
    option = page.locator(".select2-results__option", has_text=search)
    expect(option).to_have_count(1)
    option.click()
    expect(page.locator(f"#select2-id_{field}-container")).to_contain_text(search)


def test_a_recruiters_day_with_a_candidate_on_the_portal(platform: Any, browser: Any) -> None:
    run = uuid.uuid4().hex[:6]
    job_title, other_title = f"Backend Engineer {run}", f"Platform Engineer {run}"
    # People's names as a resume parser reads them (no digits); the other e2e tests use other names.
    imported = [("Aurora Bianchi", "Ledgerline"), ("Bruno Conti", "Tramway"), ("Carla Neri", "Finch")]
    candidate_name, candidate_email = "Giulia Ferrante", f"giulia.{run}@example.com"
    ids = next(
        line for line in platform.manage("shell", "-c", ORGANIZATION_AND_RECRUITER).splitlines() if "IDS" in line
    )
    organization_id, recruiter_id = (int(value) for value in ids.split()[1:])

    recruiter_context = browser.new_context(base_url=platform.base_url)
    candidate_context = browser.new_context(base_url=platform.base_url)
    for context in (recruiter_context, candidate_context):
        context.set_default_timeout(30_000)
    recruiter, candidate = recruiter_context.new_page(), candidate_context.new_page()
    page_errors: list[str] = []  # script errors, and anything the Content-Security-Policy refused

    def watch(page: Any) -> Any:
        page.on("pageerror", lambda error: page_errors.append(str(error)))
        page.on(
            "console",
            lambda message: page_errors.append(message.text) if "Content Security Policy" in message.text else None,
        )
        return page

    recruiter, candidate = watch(recruiter), watch(candidate)
    try:
        # --- Recruiter: signs in, creates the jobs, sees the posting's quality warnings.
        recruiter.goto("/admin/login/")
        recruiter.fill("#id_username", RECRUITER[0])
        recruiter.fill("#id_password", RECRUITER[1])
        recruiter.click("input[type=submit]")
        recruiter.wait_for_url("**/admin/")
        expect(recruiter.locator("#site-name")).to_be_visible()

        job_id = admin_create_job(recruiter, job_title)
        quality = recruiter.locator("fieldset", has_text="Posting quality")
        expect(quality.locator(".field-quality_notes .readonly")).to_contain_text("missing_pay_range")
        expect(quality.locator(".field-quality_notes .readonly")).to_contain_text("rockstar")
        assert int(quality.locator(".field-quality_score .readonly").inner_text()) < 100
        admin_create_job(recruiter, other_title)

        # --- Recruiter: imports a ZIP of three resumes (PDF, DOCX, text) through the import page, in a tab of its
        # own, left open while the candidate signs up.
        importing = watch(recruiter_context.new_page())
        importing.goto("/admin/ingestion/importbatch/")
        importing.click("text=Import resumes")
        (a_name, a_at), (b_name, b_at), (c_name, c_at) = imported
        archive = zip_of(
            {
                "resumes/aurora.pdf": make_text_pdf(resume_lines(a_name, f"aurora.{run}@example.com", a_at)),
                "resumes/bruno.docx": make_docx(resume_lines(b_name, f"bruno.{run}@example.com", b_at)),
                "resumes/carla.txt": "\n".join(resume_lines(c_name, f"carla.{run}@example.com", c_at)).encode(),
            }
        )
        importing.set_input_files(
            "#id_archive", files=[{"name": f"team-{run}.zip", "mimeType": "application/zip", "buffer": archive}]
        )
        importing.click("input[type=submit][value=Import]")
        expect(importing.locator("ul.messagelist")).to_contain_text(f"Importing team-{run}.zip")

        # --- Candidate (meanwhile): registers on the portal and uploads a resume.
        candidate.goto(f"/portal/{organization_id}/register/")
        expect(candidate.locator("h1")).to_have_text("Apply to E2E Co")
        candidate.fill("#id_email", candidate_email)
        candidate.fill("#id_password1", CANDIDATE_PASSWORD)
        candidate.fill("#id_password2", CANDIDATE_PASSWORD)
        candidate.check("#id_notice_read")
        candidate.click("button[type=submit]")
        candidate.wait_for_url("**/portal/resume/")
        expect(candidate.locator("ul.messages")).to_contain_text("Welcome")
        resume = "\n".join(resume_lines(candidate_name, candidate_email, "Quayside Labs")).encode()
        candidate.set_input_files(
            "#id_resume", files=[{"name": "giulia.txt", "mimeType": "text/plain", "buffer": resume}]
        )
        candidate.click("button[type=submit]:has-text('Upload')")
        expect(candidate.locator("ul.messages")).to_contain_text("Received")

        # --- Recruiter: the import finishes on its page (live progress, then the per-file list).
        expect(importing.locator("[data-import-count]")).to_have_text(
            "3/3 processed, 0 failed", timeout=WORKER_WAIT * 1000
        )
        expect(importing.locator("[data-import-state]")).to_have_text("Done", timeout=LIVE_WAIT * 1000)
        for filename in ("resumes/aurora.pdf", "resumes/bruno.docx", "resumes/carla.txt"):
            expect(importing.locator("#content")).to_contain_text(filename)
        # The finished page reloads once for its per-file list, then stays: a marker survives the next polls.
        expect(importing.locator('progress[data-import-state-at-load="done"]')).to_have_count(
            1, timeout=LIVE_WAIT * 1000
        )
        importing.evaluate("window.settledMarker = true")
        importing.wait_for_timeout(5000)
        assert importing.evaluate("window.settledMarker === true")
        importing.close()

        # --- Recruiter: the job's page ranks the imported candidates, each with a score and why.
        recruiter.goto(f"/admin/jobs/jobposting/{job_id}/change/")
        ranked = recruiter.locator("#ranked-candidates tbody tr")
        names = [name for name, _ in imported]
        reload_until(
            recruiter,
            lambda: all(ranked.filter(has_text=name).count() == 1 for name in names),
            WORKER_WAIT,
            "the imported candidates in the job's ranking",
            shown="#ranked-candidates",
        )
        for name in names:
            row = ranked.filter(has_text=name)
            assert 0 < float(row.locator("td:nth-child(3) strong").inner_text()) <= 100
            why = row.locator("td:nth-child(5)").inner_text().strip()
            assert len(why) > 20, why  # an explanation, not a blank cell
            expect(row.locator("td:nth-child(4)")).to_contain_text(":")  # the score's breakdown
        order = [text for text in ranked.all_inner_texts() if any(name in text for name in names)]
        assert len(order) == 3, order
        top_imported = next(name for name in names if name in order[0])

        # --- Candidate: the resume is read; applies to both jobs from "Jobs for me".
        reload_until(
            candidate,
            lambda: candidate.locator("tbody tr", has_text="giulia.txt").inner_text().count("Parsed") == 1,
            WORKER_WAIT,
            "the candidate's parsed resume",
            shown="main",
        )
        application_ids = {}
        for title in (job_title, other_title):
            candidate.goto("/portal/jobs/")
            offer = candidate.locator("section.job", has=candidate.locator("h2", has_text=title))
            expect(offer).to_have_count(1)
            expect(offer.locator(".score")).to_contain_text("/100")
            offer.locator("a", has_text="Apply").click()
            candidate.click("button:has-text('Apply with my profile')")
            candidate.wait_for_url("**/portal/applications/*/")
            expect(candidate.locator("ul.messages")).to_contain_text(f"You applied to {title}.")
            expect(candidate.locator("section").first).to_contain_text("Stage: Applied")
            application_ids[title] = int(candidate.url.rstrip("/").split("/")[-1])
        candidate.goto("/portal/")
        expect(candidate.locator("tbody tr", has_text=job_title)).to_contain_text("Applied")
        expect(candidate.locator("tbody tr", has_text=other_title)).to_contain_text("Applied")

        # --- Recruiter: adds the best imported candidate to the job (the ranking has no such button: the admin's
        # add form does it), then shortlists both of the job's applications with the bulk action.
        recruiter.goto("/admin/applications/application/add/")
        select_autocomplete(recruiter, "candidate", top_imported)
        select_autocomplete(recruiter, "job", job_title)
        recruiter.click("input[name=_save]")
        expect(recruiter.locator("ul.messagelist")).to_contain_text("was added successfully")
        recruiter.goto("/admin/applications/application/")
        rows = recruiter.locator("#result_list tbody tr", has=recruiter.locator("td.field-job", has_text=job_title))
        expect(rows).to_have_count(2, timeout=LIVE_WAIT * 1000)
        for row in rows.all():
            row.locator("input.action-select").check()
        recruiter.select_option("select[name=action]", "move_selected_to_stage")
        recruiter.click("button[name=index]")
        expect(recruiter.locator("#content")).to_contain_text("2 applications selected.")
        recruiter.select_option("#id_stage", "shortlisted")
        recruiter.fill("#id_reason", "Strong Python and Django")
        recruiter.click("input[type=submit][value=Move]")
        expect(recruiter.locator("ul.messagelist")).to_contain_text("2 application(s) moved to Shortlisted.")
        expect(rows.locator("td.field-status")).to_have_text(["Shortlisted", "Shortlisted"])

        # --- Recruiter: schedules the candidate's interview on the interview admin's add page (the service
        # behind it reads the time in Rome and checks conflicts).
        application_id = application_ids[job_title]
        day = date.today() + timedelta(days=random.randint(20, 300))
        recruiter.goto("/admin/interviews/interview/add/")
        recruiter.select_option("#id_application", str(application_id))
        recruiter.select_option("#id_interviewers", str(recruiter_id))
        recruiter.fill("#id_timezone", "Europe/Rome")
        recruiter.fill("#id_starts_at", f"{day.isoformat()}T10:00")
        recruiter.fill("#id_ends_at", f"{day.isoformat()}T11:00")
        recruiter.select_option("#id_kind", "video")
        recruiter.fill("#id_meeting_url", "https://meet.example.com/backend")
        recruiter.click("input[name=_save]")
        recruiter.wait_for_url("**/admin/interviews/interview/*/change/")
        expect(recruiter.locator("ul.messagelist")).to_contain_text("was scheduled")
        expect(recruiter.locator(".field-timezone .readonly")).to_have_text("Europe/Rome")
        recruiter.goto("/admin/interviews/interview/")
        interview_row = recruiter.locator("#result_list tbody tr", has_text=candidate_name)
        expect(interview_row.filter(has_text=job_title)).to_have_count(1)
        expect(interview_row.locator("td.field-status")).to_have_text("Scheduled")
        expect(interview_row.locator("td.field-candidate_response")).to_have_text("Pending")

        # --- Candidate: opens the application's conversation page, which follows the chat socket live.
        candidate.goto(f"/portal/applications/{application_id}/")
        expect(candidate.locator("section").first).to_contain_text("Stage: Interviewing")
        candidate.click("text=Messages with the recruiters")
        candidate.wait_for_url(f"**/portal/applications/{application_id}/messages/")
        expect(candidate.locator("[data-live-state]")).to_have_attribute("data-connected", "true")
        expect(candidate.locator("[data-thread]")).to_contain_text("No messages yet.")

        # --- Recruiter: messages the candidate from the application's page.
        body = f"Hello {candidate_name}, looking forward to our call on {day.isoformat()}."
        recruiter.goto(f"/admin/applications/application/{application_id}/change/")
        conversation = recruiter.locator(".inline-group", has_text="Messages with the candidate")
        conversation.locator("textarea[name=messages-0-body]").fill(body)
        recruiter.click("input[name=_continue]")
        expect(recruiter.locator("ul.messagelist")).to_contain_text("was changed successfully")
        expect(conversation).to_contain_text(body)

        # --- Candidate: the message arrives on the open page without a reload, and the page marks it read.
        arrived = candidate.locator("[data-thread] li.message.recruiter", has_text=body)
        expect(arrived).to_have_count(1, timeout=LIVE_WAIT * 1000)
        deadline = time.monotonic() + LIVE_WAIT
        while True:
            thread = candidate_context.request.get(f"/api/applications/{application_id}/messages/").json()
            listed = thread.get("results", thread) if isinstance(thread, dict) else thread
            if [(m["sender_side"], m["body"]) for m in listed] == [("recruiter", body)] and listed[0]["read_at"]:
                break
            assert time.monotonic() < deadline, f"the message was not marked read: {listed}"
            time.sleep(1)
        candidate.fill("#id_body", "Thank you, see you then.")
        candidate.click("button:has-text('Send')")
        expect(candidate.locator("[data-thread] li.message.candidate")).to_contain_text("Thank you, see you then.")

        # --- Recruiter: watches the interview list, which refreshes live.
        recruiter.goto("/admin/interviews/interview/")
        expect(recruiter.locator("#live-status")).to_have_attribute("data-state", "live", timeout=LIVE_WAIT * 1000)

        # --- Candidate: sees the interview on the application's page and accepts it.
        candidate.goto(f"/portal/applications/{application_id}/")
        card = candidate.locator("#interviews .interview")
        expect(card).to_have_count(1)
        expect(card).to_contain_text("Europe/Rome")
        expect(card).to_contain_text("your time")  # converted to the browser's zone by the page's script
        expect(card).to_contain_text("https://meet.example.com/backend")
        expect(card.locator("[data-interview-status]")).to_have_text("Scheduled")
        expect(card.locator("[data-interview-response]")).to_have_text("Pending")
        card.locator("button:has-text('Accept the interview')").click()
        expect(candidate.locator("ul.messages")).to_contain_text("You accepted the interview.")
        expect(card.locator("[data-interview-response]")).to_have_text("Accepted")
        [answered] = candidate_context.request.get("/api/portal/interviews/").json()["results"]
        assert (answered["application"], answered["candidate_response"]) == (application_id, "accepted")

        # --- Recruiter: the answer shows on the open interview list without a reload.
        interview_row = recruiter.locator("#result_list tbody tr", has_text=candidate_name)
        expect(interview_row.locator("td.field-candidate_response")).to_have_text("Accepted", timeout=LIVE_WAIT * 1000)

        # --- Candidate: withdraws the other application.
        candidate.goto(f"/portal/applications/{application_ids[other_title]}/")
        candidate.click("text=Withdraw my application")
        candidate.click("button:has-text('Withdraw')")
        expect(candidate.locator("ul.messages")).to_contain_text(f"You withdrew your application to {other_title}.")
        expect(candidate.locator("section").first).to_contain_text("Stage: Withdrawn")
        candidate.goto("/portal/")
        expect(candidate.locator("tbody tr", has_text=other_title)).to_contain_text("Withdrawn")
        expect(candidate.locator("tbody tr", has_text=job_title)).to_contain_text("Interviewing")

        # --- Recruiter: the withdrawal shows in the applications list; the analytics page draws the job's funnel.
        recruiter.goto("/admin/applications/application/")
        withdrawn = recruiter.locator(
            "#result_list tbody tr", has=recruiter.locator("td.field-job", has_text=other_title)
        )
        expect(withdrawn.locator("td.field-status")).to_have_text("Withdrawn")
        recruiter.goto(f"/admin/analytics/?job={job_id}")
        expect(recruiter.locator(".analytics-figure h2").first).to_contain_text("Funnel by stage")
        recruiter.wait_for_function("document.querySelector('.analytics-chart[data-figure=funnel] .main-svg')")
        assert recruiter.locator(".analytics-chart[data-figure=funnel] .bars path").count() > 0
        funnel = json.loads(recruiter.locator("#analytics-data").text_content())["funnel"]
        reached = {row["stage"]: row["reached"] for row in funnel if row["scope"] == "all"}
        assert (reached["applied"], reached["shortlisted"], reached["interviewing"]) == (2, 2, 1), reached
        assert page_errors == []
    finally:
        recruiter_context.close()
        candidate_context.close()
