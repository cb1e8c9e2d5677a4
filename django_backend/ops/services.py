"""Alerts from Alertmanager's webhook (version 4 of its JSON), stored one row per alert and kept up to date.

Alertmanager sends a group's alerts again at every group interval and once more when they resolve, so receiving is
an upsert by fingerprint. A notification about an earlier episode of the same alert (an older startsAt) arriving
late changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import transaction

from ops.models import Alert

WEBHOOK_VERSION = "4"
# Go's zero time: what Alertmanager sends as endsAt while an alert fires.
_ZERO_TIME_YEAR = 1


class AlertPayloadError(ValueError):
    """The body is not an Alertmanager webhook notification we can store; `code` is stable for the API."""

    def __init__(self, message: str, code: str = "invalid_alert_payload") -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class ReceivedAlert:
    fingerprint: str
    name: str
    severity: str
    status: str
    labels: dict[str, str]
    annotations: dict[str, str]
    starts_at: datetime
    ends_at: datetime | None
    generator_url: str


def _timestamp(value: Any, field: str) -> datetime | None:
    if not isinstance(value, str):
        raise AlertPayloadError(f"{field} must be an RFC 3339 timestamp.")
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError as error:
        raise AlertPayloadError(f"{field} is not an RFC 3339 timestamp: {value!r}.") from error
    if parsed.tzinfo is None:
        raise AlertPayloadError(f"{field} has no time zone: {value!r}.")
    return None if parsed.year == _ZERO_TIME_YEAR else parsed


def _strings(value: Any, field: str) -> dict[str, str]:
    if not isinstance(value, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        raise AlertPayloadError(f"{field} must be an object of strings.")
    return value


def _alert(item: Any, index: int) -> ReceivedAlert:
    where = f"alerts[{index}]"
    if not isinstance(item, dict):
        raise AlertPayloadError(f"{where} must be an object.")
    labels = _strings(item.get("labels"), f"{where}.labels")
    annotations = _strings(item.get("annotations", {}), f"{where}.annotations")
    fingerprint, status = item.get("fingerprint"), item.get("status")
    if not isinstance(fingerprint, str) or not 0 < len(fingerprint) <= 64:
        raise AlertPayloadError(f"{where}.fingerprint must be a string of 1 to 64 characters.")
    if status not in Alert.Status.values:
        raise AlertPayloadError(f"{where}.status must be one of {', '.join(Alert.Status.values)}.")
    if not labels.get("alertname"):
        raise AlertPayloadError(f"{where}.labels has no alertname.")
    starts_at = _timestamp(item.get("startsAt"), f"{where}.startsAt")
    if starts_at is None:
        raise AlertPayloadError(f"{where}.startsAt is not set.")
    ends_at = _timestamp(item.get("endsAt", "0001-01-01T00:00:00Z"), f"{where}.endsAt")
    generator_url = item.get("generatorURL", "")
    return ReceivedAlert(
        fingerprint=fingerprint,
        name=labels["alertname"][:200],
        severity=labels.get("severity", "")[:20],
        status=status,
        labels=labels,
        annotations=annotations,
        starts_at=starts_at,
        ends_at=ends_at if status == Alert.Status.RESOLVED else None,
        generator_url=generator_url[:2000] if isinstance(generator_url, str) else "",
    )


def webhook_alerts(payload: Any) -> list[ReceivedAlert]:
    """The alerts of one notification, validated; AlertPayloadError says what is wrong with it."""
    if not isinstance(payload, dict):
        raise AlertPayloadError("The body must be a JSON object.")
    if payload.get("version") != WEBHOOK_VERSION:
        raise AlertPayloadError(
            f"Only version {WEBHOOK_VERSION} of Alertmanager's webhook is understood, not {payload.get('version')!r}.",
            code="unsupported_alert_payload_version",
        )
    alerts = payload.get("alerts")
    if not isinstance(alerts, list):
        raise AlertPayloadError("alerts must be a list.")
    return [_alert(item, index) for index, item in enumerate(alerts)]


def alerts_receive(*, payload: Any) -> list[Alert]:
    """Store every alert of an Alertmanager notification (insert or update by fingerprint); the rows written."""
    received = webhook_alerts(payload)
    written = []
    with transaction.atomic():
        stored = Alert.objects.select_for_update().in_bulk(
            [alert.fingerprint for alert in received], field_name="fingerprint"
        )
        for alert in received:
            row = stored.get(alert.fingerprint)
            if row is not None and alert.starts_at < row.starts_at:
                continue  # a late word about an earlier episode
            fields = {
                "name": alert.name,
                "severity": alert.severity,
                "status": alert.status,
                "labels": alert.labels,
                "annotations": alert.annotations,
                "starts_at": alert.starts_at,
                "ends_at": alert.ends_at,
                "generator_url": alert.generator_url,
            }
            row, _ = Alert.objects.update_or_create(fingerprint=alert.fingerprint, defaults=fields)
            stored[alert.fingerprint] = row
            written.append(row)
    return written
