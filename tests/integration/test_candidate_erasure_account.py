"""A candidate who erases their data loses their account with it, whichever way they ask (the portal's delete page
or `DELETE /api/portal/account/`): the account row is gone, the session and token stop working, and signing in
again with the same email and password is refused, on the portal and on the API."""

from __future__ import annotations

import pytest
from django.test import Client
from rest_framework.test import APIClient

from accounts.models import User
from candidates.models import Candidate
from candidates.self_service import candidate_register

pytestmark = pytest.mark.django_db
PASSWORD = "correct-horse-battery-9"


def _portal_sign_in(email: str) -> Client:
    client = Client()
    response = client.post("/portal/login/", {"username": email, "password": PASSWORD})
    assert response.status_code == 302, response.content
    return client


def _cannot_sign_in_anymore(email: str) -> None:
    page = Client().post("/portal/login/", {"username": email, "password": PASSWORD})
    assert page.status_code == 200 and "Please enter a correct email and password" in page.content.decode()
    token = APIClient().post("/api/auth/token/", {"username": email, "password": PASSWORD})
    assert token.status_code == 400


def test_erasing_from_the_portal_removes_the_account(organization) -> None:
    candidate = candidate_register(organization=organization, email="gone@example.com", password=PASSWORD)
    account_id = candidate.account_id
    client = _portal_sign_in("gone@example.com")

    wrong = client.post("/portal/delete/", {"password": "wrong", "confirm": "on"})
    assert wrong.status_code == 200 and User.objects.filter(pk=account_id).exists()
    erased = client.post("/portal/delete/", {"password": PASSWORD, "confirm": "on"})

    assert erased.status_code == 200 and "portal/erased.html" in [t.name for t in erased.templates]
    assert not User.objects.filter(pk=account_id).exists()
    assert not Candidate.objects.filter(pk=candidate.pk).exists()
    assert client.get("/portal/")["Location"].startswith("/portal/login/")  # the session went too
    _cannot_sign_in_anymore("gone@example.com")


def test_erasing_through_the_api_removes_the_account(organization) -> None:
    candidate = candidate_register(organization=organization, email="api-gone@example.com", password=PASSWORD)
    client = APIClient()
    token = client.post("/api/auth/token/", {"username": "api-gone@example.com", "password": PASSWORD}).json()["token"]
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")

    assert client.delete("/api/portal/account/", {"password": PASSWORD}, format="json").status_code == 204

    assert not User.objects.filter(pk=candidate.account_id).exists()
    assert client.get("/api/portal/profile/").status_code == 401
    _cannot_sign_in_anymore("api-gone@example.com")


def test_the_email_may_register_afresh_after_erasure(organization) -> None:
    candidate = candidate_register(organization=organization, email="again@example.com", password=PASSWORD)
    _portal_sign_in("again@example.com").post("/portal/delete/", {"password": PASSWORD, "confirm": "on"})

    again = candidate_register(organization=organization, email="again@example.com", password=PASSWORD)

    assert again.account_id != candidate.account_id and again.pk != candidate.pk
