"""Every changelist and change page of the admin site takes as many queries with 200 rows as with one, and
writes nothing but the intended (session, last_login, the audit log of views of candidate data).

Pages are found in the admin registry: a registered model without an entry here fails, naming itself. Each page
is read by the role that works with it (organization data by a recruiter of the organization), first with one
unit of data (fixtures.query_world), then with 200.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from fixtures.query_world import QueryWorld, measure, measured_then_grown
from security.matrix_support import registered_admins

GROWN = 200


def _group(world: QueryWorld) -> Any:
    from django.contrib.auth.models import Group

    from accounts.roles import RECRUITERS

    return Group.objects.get(name=RECRUITERS)


# The row each change page shows (the first unit's, whose children grow with the units; the portal's candidate
# gathers resumes and applications) and who reads it.
CHANGE_ROW: dict[str, Callable[[QueryWorld], Any]] = {
    "auth.group": _group,
    "authtoken.tokenproxy": lambda w: w.first["token"].user,  # the proxy is keyed by its user
    "accounts.organization": lambda w: w.organization,
    "accounts.user": lambda w: w.users["recruiter"],
    "candidates.candidate": lambda w: w.portal_candidate,
    "candidates.resumeversion": lambda w: w.first["resume"],
    "jobs.jobposting": lambda w: w.first["job"],
    "applications.application": lambda w: w.first["application"],
    "interviews.interview": lambda w: w.first["interview"],
    "ingestion.importbatch": lambda w: w.first["batch"],
    "realtime.taskrecord": lambda w: w.first["task"],
    "realtime.deadletter": lambda w: w.first["dead_letter"],
    "audit.auditevent": lambda w: w.first["event"],
    "notifications.emailnotification": lambda w: w.first["email"],
    "ops.alert": lambda w: w.first["alert"],
}
READER = {
    "auth.group": "superuser",
    "authtoken.tokenproxy": "superuser",
    "accounts.organization": "superuser",
    "accounts.user": "org_admin",
    "ops.alert": "operator",
}
PAGES = [f"{label}:{view}" for label in sorted(CHANGE_ROW) for view in ("changelist", "change")]


def _url(world: QueryWorld, page: str) -> str:
    label, view = page.split(":")
    name = f"admin:{label.replace('.', '_')}_{view}"
    if view == "changelist":
        return reverse(name)
    row = CHANGE_ROW[label](world)
    return reverse(name, args=[row.pk])


def _client(world: QueryWorld, page: str) -> Client:
    client = Client()
    client.force_login(world.users[READER.get(page.split(":")[0], "recruiter")])
    return client


@pytest.fixture(scope="module")
def counted(django_db_setup, django_db_blocker) -> Iterator[tuple[QueryWorld, dict[str, Any]]]:  # type: ignore[no-untyped-def]
    reads = {page: (lambda world, page=page: (_client(world, page), _url(world, page))) for page in PAGES}
    with measured_then_grown(django_db_blocker, reads, GROWN) as counted:
        yield counted


def test_every_registered_admin_is_counted() -> None:
    assert sorted(registered_admins()) == sorted(CHANGE_ROW)


@pytest.mark.parametrize("page", PAGES)
def test_queries_do_not_grow_with_rows(counted, page, db) -> None:  # type: ignore[no-untyped-def]
    world, at_one = counted
    status_one, queries_one, writes_one = at_one[page]
    status, queries, writes = measure(_client(world, page), _url(world, page))

    assert status_one == status == 200, (status_one, status)
    assert (queries_one, writes_one) == (queries, writes), f"{queries_one} queries with 1 unit, {queries} with {GROWN}"
    assert writes == []
