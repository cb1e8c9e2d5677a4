"""The platform's Alertmanager receiver (`POST /api/ops/alerts/webhook/`) and the operators' alert list: only the
monitoring stack's bearer token posts, each alert is one row upserted by fingerprint, and the admin list shows what
fires and what resolved lately to operators only."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from accounts.services import operator_create, recruiter_create
from ops.models import Alert

TOKEN = "ops-alerts-bearer-token-0123456789"
URL = "/api/ops/alerts/webhook/"
ALERTS_PAGE = "/admin/ops/alert/"
STARTS = "2026-12-07T10:00:00.123456789Z"  # Alertmanager's nanoseconds
GO_ZERO_TIME = "0001-01-01T00:00:00Z"


@pytest.fixture(autouse=True)
def token(settings):  # type: ignore[no-untyped-def]
    settings.METRICS_BEARER_TOKEN = TOKEN
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def notification(*alerts: dict[str, Any], status: str = "firing") -> dict[str, Any]:
    """A notification as Alertmanager 0.25 sends it to a webhook_config."""
    return {
        "version": "4",
        "groupKey": '{}:{alertname="TasksDeadLettered"}',
        "truncatedAlerts": 0,
        "status": status,
        "receiver": "platform",
        "groupLabels": {"alertname": "TasksDeadLettered"},
        "commonLabels": {},
        "commonAnnotations": {},
        "externalURL": "http://localhost:8080/alertmanager",
        "alerts": list(alerts),
    }


def dead_letter_alert(status: str = "firing", ends: str = GO_ZERO_TIME, starts: str = STARTS) -> dict[str, Any]:
    return {
        "status": status,
        "labels": {"alertname": "TasksDeadLettered", "severity": "warning", "task": "jobs.tasks.x", "queue": "low"},
        "annotations": {"summary": "x was dead-lettered", "runbook_url": "monitoring/runbooks.md#tasksdeadlettered"},
        "startsAt": starts,
        "endsAt": ends,
        "generatorURL": "http://localhost:8080/prometheus/graph?g0.expr=up",
        "fingerprint": "5f1e2a3b4c5d6e7f",
    }


def post(body: Any, token: str | None = TOKEN) -> Any:
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
    data = body if isinstance(body, str | bytes) else json.dumps(body)
    return Client().post(URL, data, content_type="application/json", **headers)


def test_a_firing_alert_is_stored_with_its_labels_annotations_and_times(db) -> None:
    response = post(notification(dead_letter_alert()))

    assert (response.status_code, response.json()) == (200, {"stored": 1})
    alert = Alert.objects.get()
    assert (alert.fingerprint, alert.name, alert.severity, alert.status) == (
        "5f1e2a3b4c5d6e7f", "TasksDeadLettered", "warning", "firing",
    )  # fmt: skip
    assert alert.labels["queue"] == "low"
    assert alert.runbook_url == "monitoring/runbooks.md#tasksdeadlettered"
    assert alert.starts_at == datetime(2026, 12, 7, 10, 0, 0, 123456, tzinfo=UTC)
    assert alert.ends_at is None
    assert alert.generator_url.endswith("g0.expr=up")


def test_the_same_fingerprint_resolving_updates_the_row_and_a_late_older_episode_changes_nothing(db) -> None:
    post(notification(dead_letter_alert()))
    resolved = post(notification(dead_letter_alert("resolved", ends="2026-12-07T10:20:00Z"), status="resolved"))
    late = post(notification(dead_letter_alert(starts="2026-12-07T09:00:00Z")))

    assert resolved.json() == {"stored": 1} and late.json() == {"stored": 0}
    alert = Alert.objects.get()
    assert (alert.status, alert.ends_at) == ("resolved", datetime(2026, 12, 7, 10, 20, tzinfo=UTC))


@pytest.mark.parametrize(
    ("token", "status"), [(None, 401), ("wrong-token", 401), (TOKEN.upper(), 401)], ids=["none", "wrong", "case"]
)
def test_without_the_bearer_token_nothing_is_stored(db, token: str | None, status: int) -> None:
    response = post(notification(dead_letter_alert()), token=token)

    assert (response.status_code, response.json()["code"]) == (status, "not_authenticated")
    assert response["WWW-Authenticate"] == 'Bearer realm="alerts"'
    assert not Alert.objects.exists()


def test_no_token_configured_means_no_alert_is_accepted(db, settings) -> None:
    settings.METRICS_BEARER_TOKEN = ""

    assert post(notification(dead_letter_alert()), token="").status_code == 401
    assert not Alert.objects.exists()


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ("{not json", "invalid_json"),
        (b"\xff\xfe", "invalid_json"),
        ([], "invalid_alert_payload"),
        ({**notification(dead_letter_alert()), "version": "3"}, "unsupported_alert_payload_version"),
        (notification({**dead_letter_alert(), "status": "pending"}), "invalid_alert_payload"),
        (notification({**dead_letter_alert(), "fingerprint": ""}), "invalid_alert_payload"),
        (notification({**dead_letter_alert(), "startsAt": "yesterday"}), "invalid_alert_payload"),
        (notification({**dead_letter_alert(), "labels": {"severity": "warning"}}), "invalid_alert_payload"),
    ],
    ids=["broken", "not-utf8", "not-an-object", "version", "status", "fingerprint", "time", "no-alertname"],
)
def test_a_bad_body_is_refused_with_400_and_a_code(db, body: Any, code: str) -> None:
    response = post(body)

    assert (response.status_code, response.json()["code"]) == (400, code)
    assert not Alert.objects.exists()


def test_only_post_is_answered(db) -> None:
    assert Client().get(URL, HTTP_AUTHORIZATION=f"Bearer {TOKEN}").status_code == 405


def _alert(name: str, status: str, ends_at: datetime | None) -> Alert:
    return Alert.objects.create(
        fingerprint=name.lower(), name=name, status=status, starts_at=timezone.now() - timedelta(days=3),
        ends_at=ends_at, labels={"alertname": name}, annotations={"summary": f"{name} summary"},
    )  # fmt: skip


def test_operators_see_what_fires_and_what_resolved_lately_and_recruiters_see_nothing(db, organization) -> None:
    now = timezone.now()
    firing = _alert("QueueWithoutConsumers", "firing", None)
    lately = _alert("TargetDown", "resolved", now - timedelta(hours=2))
    _alert("DiskSpaceLow", "resolved", now - timedelta(days=2))
    operator, recruiter = Client(), Client()
    operator.force_login(operator_create(username="ops", password="ops-password-1"))
    recruiter.force_login(recruiter_create(username="rec", password="rec-password-1", organization=organization))

    page = operator.get(ALERTS_PAGE)

    assert page.status_code == 200
    assert list(page.context["cl"].result_list) == [firing, lately]
    assert "QueueWithoutConsumers summary" in page.content.decode()
    assert "DiskSpaceLow" not in page.content.decode()
    assert recruiter.get(ALERTS_PAGE).status_code == 403
    assert recruiter.get(f"{ALERTS_PAGE}{firing.pk}/change/").status_code == 403
    assert operator.post(f"{ALERTS_PAGE}{firing.pk}/delete/", {"post": "yes"}).status_code == 403
    assert Alert.objects.count() == 3
