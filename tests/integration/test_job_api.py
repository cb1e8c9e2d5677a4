"""`POST /api/jobs/`: the remote policy as a word or as the JSON boolean many clients send."""

from __future__ import annotations

import pytest

DESCRIPTION = "We are hiring a payroll specialist. Requirements: 3+ years of payroll processing, ADP, Excel."


@pytest.mark.parametrize(
    ("remote", "policy"),
    [(False, "onsite"), (True, "remote"), ("hybrid", "hybrid"), ("onsite", "onsite"), (None, "unknown")],
)
def test_remote_accepts_words_and_json_booleans(api_client, remote, policy):
    response = api_client.post(
        "/api/jobs/", {"title": "Payroll Specialist", "description": DESCRIPTION, "remote": remote}, format="json"
    )

    assert response.status_code == 201, response.content
    assert response.json()["remote_policy"] == policy


def test_remote_refuses_anything_else_with_a_clear_error(api_client):
    response = api_client.post(
        "/api/jobs/", {"title": "Payroll Specialist", "description": DESCRIPTION, "remote": "sometimes"}, format="json"
    )

    assert response.status_code == 400
    body = response.json()
    assert (body["code"], list(body["errors"])) == ("invalid", ["remote"])
    assert "sometimes" in body["errors"]["remote"][0]
