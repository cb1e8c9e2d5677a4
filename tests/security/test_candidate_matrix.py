"""The candidate's column of the authorization matrix: a candidate account of organization A against every route of
the URL conf (test_rest_matrix's table lists the routes and methods) and the admin.

Their own routes (the portal's pages and /api/portal/) have an explicit table here; an application id in a URL is
another candidate's (A's world application), which reads as missing. Every other route is refused (403, 404, 401
where a bearer token is needed, or sent to a sign-in page) unless the matrix opens it to every signed-in role,
operators and staff of no organization included (sign-in, socket tickets, the schema, health); the front door sends
the candidate to the portal. No write of a refused request lands anywhere.
"""

from __future__ import annotations

import hashlib
import uuid
from typing import Any

import pytest
from django.test import Client
from django.test.utils import override_settings
from django.urls import reverse

from security import test_rest_matrix as rest
from security.matrix_support import FAST_HASHERS, ROLES, World, registered_admins

pytestmark = pytest.mark.usefixtures("matrix_settings")
ROLE = "candidate_a"

# The candidate's own routes: status by method.
OWN: dict[str, dict[str, int]] = {
    "api/portal/profile/": {"GET": 200, "PATCH": 200},
    "api/portal/resumes/": {"GET": 200, "POST": 202},
    "api/portal/recommendations/": {"GET": 200},
    "api/portal/applications/": {"GET": 200, "POST": 201},
    "api/portal/applications/<int:pk>/": {"GET": 404},  # another candidate's application
    "api/portal/applications/<int:pk>/withdraw/": {"POST": 404},
    "api/portal/interviews/": {"GET": 200},  # their own: none
    "api/portal/interviews/<int:pk>/respond/": {"POST": 404},  # another candidate's interview
    "api/portal/export/": {"GET": 200},
    "api/portal/account/": {"DELETE": 400},  # no password given: nothing is erased
    "portal/": {"GET": 200},
    "portal/<int:organization_id>/register/": {"GET": 302, "POST": 302},  # signed in already: home
    "portal/login/": {"GET": 200, "POST": 200, "PUT": 200},
    "portal/logout/": {"POST": 302},
    "portal/profile/": {"GET": 200, "POST": 302},
    "portal/resume/": {"GET": 200, "POST": 302},
    "portal/jobs/": {"GET": 200},
    "portal/jobs/<int:pk>/apply/": {"GET": 200, "POST": 302},
    "portal/applications/<int:pk>/": {"GET": 404},
    "portal/applications/<int:pk>/withdraw/": {"GET": 404, "POST": 404},
    "portal/applications/<int:pk>/messages/": {"GET": 404, "POST": 404},
    "portal/interviews/<int:pk>/respond/": {"POST": 404},
    "portal/export/": {"GET": 200},
    "portal/delete/": {"GET": 200, "POST": 200},  # not confirmed: the form again, nothing erased
}
# Routes of other domains that serve candidates their own data as well (their messages).
SHARED_WITH_CANDIDATES: dict[str, dict[str, int]] = {"api/messages/unread/": {"GET": 200}}
FRONT_DOOR = ""
CELLS = [(pattern, method) for pattern in rest.ROUTES for method in rest._methods(pattern)]


@pytest.fixture(scope="module")
def candidate_accounts(world: World, django_db_blocker: Any) -> dict[str, Any]:
    """A candidate of A with a resume on file, and one of B; made inside the module's world transaction."""
    from candidates.models import Candidate, ResumeVersion
    from candidates.self_service import candidate_register

    accounts = {}
    with django_db_blocker.unblock(), override_settings(PASSWORD_HASHERS=FAST_HASHERS):
        for key in ("A", "B"):
            organization = world.orgs[key]
            candidate = candidate_register(
                organization=organization, email=f"candidate-{key.lower()}@ex.org", password="candidate-password-9"
            )
            resume = ResumeVersion.objects.create(
                organization=organization,
                candidate=candidate,
                file=f"resumes/{organization.pk}/{uuid.uuid4().hex}.txt",
                filename="mine.txt",
                kind="txt",
                sha256=hashlib.sha256(f"own-{key}".encode()).hexdigest(),
                size=10,
            )
            Candidate.objects.filter(pk=candidate.pk).update(current_resume=resume)
            accounts[key] = candidate
    return accounts


def _client(candidate: Any) -> Client:
    client = Client()
    client.force_login(candidate.account)
    return client


def _request(client: Client, world: World, pattern: str, method: str) -> Any:
    call = rest.REST[pattern][method]
    # The candidate's own routes get a body meant for them; every other write the body a recruiter of A would send.
    body = call.body(world, ROLE if pattern in OWN else "recruiter_a") if call.body else None
    url = rest._url(world, pattern)
    if method == "PATCH":
        return client.patch(url, body, content_type="application/json")
    if method in ("POST", "PUT") and body is not None:
        return getattr(client, method.lower())(url, body)
    return getattr(client, method.lower())(url)


def _open_to_every_signed_in_role(pattern: str, method: str) -> bool:
    row = rest.REST[pattern][method].row
    return all(200 <= row[ROLES.index(role)] < 300 for role in ("operator", "staff_no_org"))


@pytest.mark.parametrize(("pattern", "method"), CELLS, ids=["|".join(cell) for cell in CELLS])
def test_candidate_route(db, world: World, candidate_accounts: dict[str, Any], pattern: str, method: str) -> None:
    if pattern not in rest.REST or method not in rest.REST[pattern]:
        pytest.fail(f"{method} {pattern} has no entry in test_rest_matrix.REST")
    call = rest.REST[pattern][method]
    creates = call.creates and registered_admins()[call.creates].model
    before = set(creates._default_manager.values_list("pk", flat=True)) if creates else set()

    response = _request(_client(candidate_accounts["A"]), world, pattern, method)

    status = response.status_code
    if pattern.startswith(("portal/", "api/portal/")):
        assert pattern in OWN and method in OWN[pattern], f"{method} {pattern} has no entry in OWN"
        assert status == OWN[pattern][method], f"{method} {pattern}: {status}, expected {OWN[pattern][method]}"
    elif pattern in SHARED_WITH_CANDIDATES:
        assert status == SHARED_WITH_CANDIDATES[pattern][method], f"{method} {pattern}: {status}"
    elif pattern == FRONT_DOOR:
        assert (status, response["Location"]) == (302, reverse("portal:home"))
    elif not _open_to_every_signed_in_role(pattern, method):
        login = status == 302 and "/login/" in response["Location"]
        assert status in (401, 403, 404) or login, f"a candidate got {status} from {method} {pattern}"
    if creates:
        added = set(creates._default_manager.values_list("pk", flat=True)) - before
        if not 200 <= status < 400 or pattern not in OWN:
            assert not added, f"a candidate's refused {method} {pattern} still created {added}"
        else:
            owners = {row.candidate_id for row in creates._default_manager.filter(pk__in=added)}
            assert owners <= {candidate_accounts["A"].pk}, f"{method} {pattern} wrote for someone else: {owners}"
    _nothing_of_others_changed(world)


def _nothing_of_others_changed(world: World) -> None:
    from candidates.models import Candidate

    application = world.a("application")
    application.refresh_from_db()
    assert application.status == "applied"
    assert Candidate.objects.filter(pk=world.a("candidate").pk).exists()


def test_every_own_route_is_a_route() -> None:
    stale = [
        f"{m} {p}" for p, methods in OWN.items() for m in methods if p not in rest.ROUTES or m not in rest._methods(p)
    ]
    assert not stale


def test_the_admin_is_closed_to_candidates(db, world: World, candidate_accounts: dict[str, Any]) -> None:
    client = _client(candidate_accounts["A"])
    urls = [reverse("admin:index")] + [
        reverse(f"admin:{label.replace('.', '_')}_changelist") for label in registered_admins()
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/admin/login/"), url
    refused = client.post("/admin/login/", {"username": "candidate-a@ex.org", "password": "candidate-password-9"})
    assert refused.status_code == 200 and "staff account" in refused.content.decode()


def test_a_candidate_reads_only_their_own_profile(db, world: World, candidate_accounts: dict[str, Any]) -> None:
    own, other = candidate_accounts["A"], candidate_accounts["B"]

    profile = _client(own).get("/api/portal/profile/").json()
    exported = _client(other).get("/api/portal/applications/").json()

    assert (profile["id"], profile["email"], profile["organization"]) == (
        own.pk,
        "candidate-a@ex.org",
        "Organization A",
    )
    assert exported == {"results": []}


def test_the_applications_own_candidate_reads_and_writes_its_interview_and_conversation(db, world: World) -> None:
    """The other side of the 404s above: A's application's own candidate, signed in, reads and answers."""
    from accounts.models import User
    from candidates.models import Candidate

    application, interview = world.a("application"), world.a("interview")
    account = User.objects.create_user(
        username="own-candidate-a@ex.org",
        password="own-password-9",
        role=User.Role.CANDIDATE,
        organization=world.orgs["A"],
    )
    Candidate.objects.filter(pk=world.a("candidate").pk).update(account=account)
    client = _client(Candidate.objects.get(pk=world.a("candidate").pk))
    conversation = f"/portal/applications/{application.pk}/messages/"

    page = client.get(conversation)
    listed = client.get("/api/portal/interviews/").json()["results"]
    sent = client.post(conversation, {"body": "From the candidate of A"})
    on_page = client.post(f"/portal/interviews/{interview.pk}/respond/", {"answer": "declined"})
    answered = client.post(
        f"/api/portal/interviews/{interview.pk}/respond/", {"answer": "accepted"}, content_type="application/json"
    )

    assert page.status_code == 200 and "Hello from A" in page.content.decode()
    assert [row["id"] for row in listed] == [interview.pk]
    assert sent.status_code == 302
    assert application.messages.filter(body="From the candidate of A", sender=account, sender_side="candidate").exists()
    assert on_page.status_code == 302
    assert (answered.status_code, answered.json()["candidate_response"]) == (200, "accepted")
    interview.refresh_from_db()
    assert interview.candidate_response == "accepted"
