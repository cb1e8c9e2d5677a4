"""The HTML pages beside the API and the admin's model pages (the portal's pages for its candidate, the recruiters'
home, the task monitor, the admin's index and analytics page): read with GET, each takes as many queries with 200
units of data as with one and writes nothing but the intended (session, last_login, the audit log).

Routes are found by walking the URL conf: a page outside /api/ and the admin's model pages without an entry here
fails, naming itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from fixtures.query_world import QueryWorld, measure, measured_then_grown
from security.matrix_support import other_routes

GROWN = 200


def _portal_application(name: str) -> Callable[[QueryWorld], str]:
    return lambda w: reverse(name, args=[w.first["portal_application"].pk])


CANDIDATE_PAGES: dict[str, Callable[[QueryWorld], str]] = {
    "portal:home": lambda w: reverse("portal:home"),
    "portal:profile": lambda w: reverse("portal:profile"),
    "portal:resume": lambda w: reverse("portal:resume"),
    "portal:jobs": lambda w: reverse("portal:jobs"),
    "portal:apply": lambda w: reverse("portal:apply", args=[w.first["job"].pk]),
    "portal:application": _portal_application("portal:application"),
    "portal:withdraw": _portal_application("portal:withdraw"),
    "portal:messages": _portal_application("portal:messages"),
    "portal:export": lambda w: reverse("portal:export"),
    "portal:delete": lambda w: reverse("portal:delete"),
}
RECRUITER_PAGES: dict[str, Callable[[QueryWorld], str]] = {
    "home": lambda w: reverse("home"),
    "task-monitor": lambda w: reverse("task-monitor"),
    "admin:index": lambda w: reverse("admin:index"),
    "admin-analytics": lambda w: reverse("admin-analytics"),
}
PAGES = {**CANDIDATE_PAGES, **RECRUITER_PAGES}
# Pages of no organization's rows, for visitors not signed in, or answering POST only.
NOT_ROWS = {"portal:register", "portal:login", "portal:logout", "portal:interview-respond", "healthz"}
NOT_ROWS |= {"prometheus-django-metrics"}  # the metrics export, behind its bearer token


def _read(name: str) -> Callable[[QueryWorld], tuple[Client, str]]:
    def read(world: QueryWorld) -> tuple[Client, str]:
        client = Client()
        client.force_login(world.users["candidate" if name in CANDIDATE_PAGES else "recruiter"])
        return client, PAGES[name](world)

    return read


@pytest.fixture(scope="module")
def counted(django_db_setup, django_db_blocker) -> Iterator[tuple[QueryWorld, dict[str, Any]]]:  # type: ignore[no-untyped-def]
    with measured_then_grown(django_db_blocker, {name: _read(name) for name in PAGES}, GROWN) as counted:
        yield counted


def test_every_page_is_counted() -> None:
    pages = {route.key for route in other_routes() if not route.pattern.startswith("api/")} - NOT_ROWS
    assert sorted(pages - set(PAGES)) == []
    assert sorted(set(PAGES) - pages - {"admin:index", "admin-analytics"}) == []


# Reads that still write, each with where: the test fails once one stops, so it leaves this list.
STILL_WRITING: dict[str, str] = {}


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(name, marks=pytest.mark.xfail(strict=True, reason=STILL_WRITING[name]))
        if name in STILL_WRITING
        else name
        for name in sorted(PAGES)
    ],
)
def test_queries_do_not_grow_with_rows(counted, name, db) -> None:  # type: ignore[no-untyped-def]
    world, at_one = counted
    status_one, queries_one, writes_one = at_one[name]
    client, url = _read(name)(world)
    status, queries, writes = measure(client, url)

    assert status_one == status == 200, (status_one, status)
    assert (queries_one, writes_one) == (queries, writes), f"{queries_one} queries with 1 unit, {queries} with {GROWN}"
    assert writes == []
