"""Registering on the candidate portal is limited per client address (the `registration` rate, counted in the
real Redis cache like the API's throttles): past the rate the page answers 429 with a clear message and
Retry-After, creates no account, and other addresses still register."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from django.core.cache import cache
from django.test import Client
from rest_framework.throttling import SimpleRateThrottle

from accounts.models import User

pytestmark = pytest.mark.django_db
PASSWORD = "correct-horse-battery-9"


@pytest.fixture
def three_an_hour(monkeypatch) -> Iterator[None]:  # type: ignore[no-untyped-def]
    # DRF reads the rates once, at import; the suite's settings raise them for everyone else.
    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {"registration": "3/hour"})
    yield


def new_address() -> str:
    """Counters live in the shared Redis: every test run registers from an address of its own."""
    return f"2001:db8::{uuid.uuid4().hex[:4]}:{uuid.uuid4().hex[:4]}"


def _register(organization_id: int, email: str, address: str, password: str = PASSWORD):  # type: ignore[no-untyped-def]
    form = {"email": email, "password1": password, "password2": password, "notice_read": "on"}
    return Client().post(f"/portal/{organization_id}/register/", form, HTTP_X_FORWARDED_FOR=address)


def test_the_fourth_registration_from_an_address_is_refused(three_an_hour, organization) -> None:
    address, run = new_address(), uuid.uuid4().hex[:6]

    mistyped = _register(organization.pk, f"typo-{run}@example.com", address, password="123")
    made = [_register(organization.pk, f"r{n}-{run}@example.com", address).status_code for n in range(2)]
    refused = _register(organization.pk, f"late-{run}@example.com", address)
    elsewhere = _register(organization.pk, f"other-{run}@example.com", new_address())
    cache.delete(f"throttle_registration_{address}")

    assert mistyped.status_code == 200  # a refused form counts as an attempt too
    assert made == [302, 302]
    assert refused.status_code == 429
    assert 1 <= int(refused["Retry-After"]) <= 3600
    page = refused.content.decode()
    assert "Too many registrations from your network. Please try again in" in page and "minute(s)" in page
    assert not User.objects.filter(username=f"late-{run}@example.com").exists()
    assert elsewhere.status_code == 302


def test_looking_at_the_form_is_not_counted(three_an_hour, organization) -> None:
    address = new_address()

    pages = [
        Client().get(f"/portal/{organization.pk}/register/", HTTP_X_FORWARDED_FOR=address).status_code for _ in range(5)
    ]
    registered = _register(organization.pk, f"looker-{uuid.uuid4().hex[:6]}@example.com", address)
    cache.delete(f"throttle_registration_{address}")

    assert pages == [200] * 5
    assert registered.status_code == 302
