"""Django's log lines in a request carry the gateway's request id (or a new one, echoed on the response) and the
signed-in user's organization, through the handler settings.LOGGING configures; query strings are not kept."""

from __future__ import annotations

import io
import json
import logging
import re
from collections.abc import Iterator

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def log_lines() -> Iterator[io.StringIO]:
    """The configured stdout handler's formatter and filters, writing to a buffer."""
    configured = next(handler for handler in logging.getLogger().handlers if handler.get_name() == "stdout")
    buffer = io.StringIO()
    handler = logging.StreamHandler(buffer)
    handler.setFormatter(configured.formatter)
    for log_filter in configured.filters:
        handler.addFilter(log_filter)
    logging.getLogger().addHandler(handler)
    try:
        yield buffer
    finally:
        logging.getLogger().removeHandler(handler)


def _entries(buffer: io.StringIO) -> list[dict]:  # type: ignore[type-arg]
    return [json.loads(line) for line in buffer.getvalue().splitlines()]


def test_the_gateways_request_id_is_echoed_and_on_djangos_lines(client, recruiter, log_lines):  # type: ignore[no-untyped-def]
    client.force_login(recruiter)
    response = client.get("/api/jobs/999999/?token=abcdefgh12345678", HTTP_X_REQUEST_ID="gw-4f1c2a")
    assert response.status_code == 404
    assert response["X-Request-ID"] == "gw-4f1c2a"
    [not_found] = [entry for entry in _entries(log_lines) if entry["logger"] == "django.request"]
    assert (not_found["level"], not_found["request_id"]) == ("WARNING", "gw-4f1c2a")
    assert not_found["organization_id"] == recruiter.organization_id
    assert not_found["service"] == "django"
    assert "abcdefgh12345678" not in log_lines.getvalue(), "query strings are not logged"


@pytest.mark.parametrize("presented", [None, "", "two words", "x" * 129, "id\nforged: log line"])
def test_a_missing_or_odd_request_id_is_replaced(client, presented):  # type: ignore[no-untyped-def]
    headers = {} if presented is None else {"HTTP_X_REQUEST_ID": presented}
    response = client.get("/healthz", **headers)
    assert response.status_code == 200
    assert re.fullmatch(r"[0-9a-f]{32}", response["X-Request-ID"])
