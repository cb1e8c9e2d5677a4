"""The admin changelists that refresh live carry the script, its status badge and what each one listens for
(the behaviour itself is exercised in a browser by tests/e2e/test_live_admin.py)."""

from __future__ import annotations

import re

import pytest

LIVE_LISTS = {
    "/admin/applications/application/": ("queued succeeded failed application.stage", "analyze_application"),
    "/admin/candidates/candidate/": ("succeeded failed import.progress", "parse_resume embed_candidate"),
    "/admin/realtime/taskrecord/": ("queued started progress succeeded failed", "*"),
    "/admin/interviews/interview/": (
        "interview.scheduled interview.rescheduled interview.cancelled interview.responded",
        "none",
    ),
}


@pytest.mark.parametrize("path", LIVE_LISTS)
def test_live_changelists_carry_the_script_and_what_they_follow(recruiter, client, path):
    client.force_login(recruiter)

    page = client.get(path).content.decode()

    types, kinds = LIVE_LISTS[path]
    badge = re.search(r'<span id="live-status"[^>]*>', page, re.S)
    assert badge, page
    assert f'data-live-types="{types}"' in badge.group(0)
    assert f'data-live-kinds="{kinds}"' in badge.group(0)
    assert 'src="/static/realtime/live_changelist.js"' in page
    assert 'href="/static/realtime/live_changelist.css"' in page
    assert 'id="changelist-form"' in page  # what the script swaps


def test_other_changelists_stay_static(recruiter, client):
    client.force_login(recruiter)

    page = client.get("/admin/jobs/jobposting/").content.decode()

    assert "live-status" not in page
