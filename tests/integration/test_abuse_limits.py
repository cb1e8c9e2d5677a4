"""Abuse limits against the real Redis cache and PostgreSQL: failed sign-ins per username and per address on every
login surface, the API's per-user and per-address rates, and paging that never reaches the database with a page
it cannot run."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from django.core.cache import cache
from django.test import Client
from rest_framework.test import APIClient
from rest_framework.throttling import SimpleRateThrottle

from accounts.services import recruiter_create
from candidates.models import Candidate
from jobs.models import JobPosting

pytestmark = pytest.mark.django_db

PASSWORD = "right-password-1"


@pytest.fixture
def limits(settings) -> None:  # type: ignore[no-untyped-def]
    """The production limits (the suite's own settings raise the per-address one)."""
    settings.LOGIN_FAILURE_LIMIT = 5
    settings.LOGIN_FAILURE_LIMIT_PER_ADDRESS = 20
    settings.LOGIN_FAILURE_WINDOW_SECONDS = 900


# Counters live in the shared Redis for the whole window: every test (and rerun) uses addresses and usernames of
# its own, so none inherits another's count.
def new_address() -> str:
    """The client address as our gateway reports it (the last X-Forwarded-For hop)."""
    return f"2001:db8::{uuid.uuid4().hex[:4]}:{uuid.uuid4().hex[:4]}"


def new_username() -> str:
    return f"guess-{uuid.uuid4().hex[:12]}"


@pytest.fixture
def member(organization):  # type: ignore[no-untyped-def]
    return recruiter_create(username=new_username(), password=PASSWORD, organization=organization)


def token_attempt(username: str, password: str, address: str):  # type: ignore[no-untyped-def]
    return APIClient().post(
        "/api/auth/token/", {"username": username, "password": password}, HTTP_X_FORWARDED_FOR=address
    )


def test_token_endpoint_refuses_the_sixth_attempt_even_with_the_right_password(limits, member):
    address = new_address()
    failures = [token_attempt(member.username, "wrong", address).status_code for _ in range(5)]

    refused = token_attempt(member.username, PASSWORD, address)

    assert failures == [400] * 5
    assert refused.status_code == 429
    assert refused.json()["code"] == "too_many_attempts"
    assert 1 <= int(refused["Retry-After"]) <= 900
    # The username is limited from any address; another username from this address is not (5 < 20).
    assert token_attempt(member.username, PASSWORD, new_address()).status_code == 429
    assert token_attempt(new_username(), "wrong", address).status_code == 400


def test_address_limit_spans_usernames_and_a_success_does_not_reset_it(limits, member):
    address = new_address()
    statuses = [token_attempt(new_username(), "wrong", address).status_code for _ in range(19)]
    assert token_attempt(member.username, PASSWORD, address).status_code == 200  # 19 < 20: still allowed
    statuses.append(token_attempt(new_username(), "wrong", address).status_code)

    refused = token_attempt(member.username, PASSWORD, address)

    assert statuses == [400] * 20
    assert (refused.status_code, refused.json()["code"]) == (429, "too_many_attempts")
    assert token_attempt(member.username, PASSWORD, new_address()).status_code == 200


def test_a_success_clears_the_usernames_count(limits, member):
    address = new_address()
    for _ in range(4):
        token_attempt(member.username, "wrong", address)
    assert token_attempt(member.username, PASSWORD, address).status_code == 200

    statuses = [token_attempt(member.username, "wrong", address).status_code for _ in range(5)]

    assert statuses == [400] * 5
    assert token_attempt(member.username, PASSWORD, address).status_code == 429


def test_a_forged_forwarded_for_does_not_change_the_address(limits, member):
    """Our gateway appends the peer's address; whatever the client put before it is not believed."""
    real = new_address()
    for n in range(20):
        APIClient().post(
            "/api/auth/token/",
            {"username": new_username(), "password": "wrong"},
            HTTP_X_FORWARDED_FOR=f"203.0.113.{n}, {real}",
        )

    refused = token_attempt(member.username, PASSWORD, f"203.0.113.99, {real}")

    assert refused.status_code == 429


def test_missing_fields_are_not_counted_as_guesses(limits, member):
    address = new_address()
    statuses = [
        APIClient().post("/api/auth/token/", {"username": member.username}, HTTP_X_FORWARDED_FOR=address).status_code
        for _ in range(8)
    ]

    assert statuses == [400] * 8
    assert token_attempt(member.username, PASSWORD, address).status_code == 200


def test_jwt_obtain_and_refresh_are_limited(limits, member):
    address = new_address()
    url = "/api/auth/jwt/"
    failures = [
        APIClient()
        .post(url, {"username": member.username, "password": "wrong"}, HTTP_X_FORWARDED_FOR=address)
        .status_code
        for _ in range(5)
    ]
    refused = APIClient().post(url, {"username": member.username, "password": PASSWORD}, HTTP_X_FORWARDED_FOR=address)

    refresh_address = new_address()
    bad_refreshes = [
        APIClient()
        .post("/api/auth/jwt/refresh/", {"refresh": "not-a-jwt"}, HTTP_X_FORWARDED_FOR=refresh_address)
        .status_code
        for _ in range(20)
    ]
    refresh_refused = APIClient().post(
        "/api/auth/jwt/refresh/", {"refresh": "not-a-jwt"}, HTTP_X_FORWARDED_FOR=refresh_address
    )

    assert failures == [401] * 5
    assert (refused.status_code, refused.json()["code"]) == (429, "too_many_attempts")
    assert "Retry-After" in refused
    assert bad_refreshes == [401] * 20
    assert (refresh_refused.status_code, refresh_refused.json()["code"]) == (429, "too_many_attempts")


def test_admin_login_is_limited(limits, member):
    address = new_address()
    client = Client()
    form = {"username": member.username, "password": "wrong", "next": "/admin/"}
    failures = [client.post("/admin/login/", form, HTTP_X_FORWARDED_FOR=address) for _ in range(5)]

    refused = client.post("/admin/login/", {**form, "password": PASSWORD}, HTTP_X_FORWARDED_FOR=address)

    assert [response.status_code for response in failures] == [200] * 5
    assert "Please enter the correct username and password" in failures[0].content.decode()
    assert refused.status_code == 429
    assert "Too many failed sign-in attempts" in refused.content.decode()
    assert 1 <= int(refused["Retry-After"]) <= 900
    assert "_auth_user_id" not in client.session
    elsewhere = Client()  # the username itself is limited, from any address
    right = {**form, "password": PASSWORD}
    assert elsewhere.post("/admin/login/", right, HTTP_X_FORWARDED_FOR=new_address()).status_code == 429
    assert "_auth_user_id" not in elsewhere.session


@pytest.fixture
def rates(monkeypatch) -> Iterator[None]:  # type: ignore[no-untyped-def]
    # DRF reads the rates once, at import; the suite's settings raise them for everyone else.
    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {"user": "3/min", "anon": "2/min"})
    yield


def test_api_calls_are_limited_per_user(rates, member):
    cache.delete(f"throttle_user_{member.pk}")
    client = APIClient()
    client.force_authenticate(member)

    statuses = [client.get("/api/jobs/").status_code for _ in range(4)]
    throttled = client.get("/api/jobs/")
    cache.delete(f"throttle_user_{member.pk}")

    assert statuses == [200, 200, 200, 429]
    assert throttled.json()["code"] == "throttled"
    assert 1 <= int(throttled["Retry-After"]) <= 60


def test_anonymous_calls_are_limited_per_address(rates):
    address = new_address()
    statuses = [APIClient().post("/api/auth/token/", {}, HTTP_X_FORWARDED_FOR=address).status_code for _ in range(3)]
    other = APIClient().post("/api/auth/token/", {}, HTTP_X_FORWARDED_FOR=new_address()).status_code
    cache.delete_many([f"throttle_anon_{address}"])

    assert statuses == [400, 400, 429]
    assert other == 400


# --- Paging ------------------------------------------------------------------------------------------------------


@pytest.fixture
def job_with_candidates(organization):  # type: ignore[no-untyped-def]
    job = JobPosting.objects.create(organization=organization, title="Backend Engineer", description="Python")
    Candidate.objects.bulk_create(
        Candidate(organization=organization, name=f"Candidate {n}", email=f"c{n}@example.com") for n in range(3)
    )
    return job


@pytest.mark.parametrize(
    "query",
    [
        "page=1000000000000000000000",
        "page=-1",
        "page=0",
        "page=abc",
        "page=1.5",
        "page=%EF%BC%91",  # a full-width digit one: int() would read it, we do not
        "page=2",  # past the last page (three candidates, twenty a page)
        "page_size=0",
        "page_size=101",
        "page_size=x",
        "page=1002&page_size=10",  # deeper than any ranking retrieves
    ],
)
def test_bad_pages_of_a_ranking_are_404(api_client, job_with_candidates, query):
    response = api_client.get(f"/api/jobs/{job_with_candidates.pk}/candidates/?{query}")

    assert response.status_code == 404
    assert response.json()["code"] == "invalid_page"


@pytest.mark.parametrize(
    "query",
    ["page=1000000000000000000000", "page=-1", "page=abc", "page=4&page_size=1", "page_size=0", "page_size=500"],
)
def test_bad_pages_of_a_list_are_404(api_client, job_with_candidates, query):
    response = api_client.get(f"/api/candidates/?{query}")

    assert response.status_code == 404
    assert response.json()["code"] == "invalid_page"


def test_good_pages_still_page(api_client, job_with_candidates):
    second = api_client.get("/api/candidates/?page=2&page_size=2").json()
    last = api_client.get("/api/candidates/?page=last&page_size=2").json()

    assert (second["count"], len(second["results"]), second["next"]) == (3, 1, None)
    assert last["results"] == second["results"]
    assert api_client.get("/api/candidates/?page=1&page_size=100").status_code == 200
