"""The admin's authorization matrix: every registered admin (its five views, each action, each inline) and every
other admin URL, for every role, enumerated from `admin.site._registry` and the URL conf.

A surface found there without an entry in the tables below fails, naming what to add. Each cell checks the
status and the data: which organization's rows a list shows, whether a delete or an action touched A's row.
"""

from __future__ import annotations

import functools
from collections import namedtuple
from typing import Any

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.test import RequestFactory
from django.urls import reverse

from accounts.roles import RECRUITERS
from security.matrix_support import (
    MODEL_VIEWS,
    ROLES,
    World,
    admin_actions,
    admin_inlines,
    admin_object_id,
    admin_outcome,
    admin_site_routes,
    autocomplete_sources,
    expectation,
    pk_of,
    registered_admins,
    row_exists,
    rows_for,
)

pytestmark = pytest.mark.usefixtures("matrix_settings")

L, G, R = "login", "gone", "redirect"  # to the login page; away, the row not in the user's scope; elsewhere
RAN, NO = "ran", "refused"

# Columns: anonymous, recruiter_a, recruiter_b, org_admin_a, operator, platform_admin, staff_no_org.
# The change, delete and history cells are about organization A's row (OBJECT_OF_A); a changelist cell says
# whose rows it shows: "A", "B", "all", "none" (200 and empty), or a status.
SUPERUSERS_ONLY = {
    "changelist": (L, 403, 403, 403, 403, "all", 403),
    "add": (L, 403, 403, 403, 403, 200, 403),
    "change": (L, 403, 403, 403, 403, 200, 403),
    "delete": (L, 403, 403, 403, 403, 200, 403),
    "history": (L, G, G, G, G, 200, G),
}
RECRUITER_DATA = {  # recruiters add, change and delete; operators have no permission on it
    "changelist": (L, "A", "B", "A", 403, "all", "none"),
    "add": (L, 200, 200, 200, 403, 200, 403),
    "change": (L, 200, G, 200, 403, 200, G),
    "delete": (L, 200, G, 200, 403, 200, G),
    "history": (L, 200, G, 200, G, 200, G),
}
NO_ADD = {"add": (L, 403, 403, 403, 403, 403, 403)}  # rows that arrive by upload, import or the workers
NO_DELETE = {"delete": (L, 403, 403, 403, 403, 200, 403)}  # recruiters may not delete them
ADMIN: dict[str, dict[str, tuple[Any, ...]]] = {
    "auth.group": SUPERUSERS_ONLY,
    "authtoken.tokenproxy": SUPERUSERS_ONLY,
    "accounts.organization": SUPERUSERS_ONLY,
    "accounts.user": {  # organization admins manage their organization's users; recruiters see none
        "changelist": (L, 403, 403, "A", 403, "all", 403),
        "add": (L, 403, 403, 200, 403, 200, 403),
        "change": (L, 403, 403, 200, 403, 200, 403),
        "delete": (L, 403, 403, 200, 403, 200, 403),
        "history": (L, 403, G, 200, G, 200, G),
    },
    "candidates.candidate": RECRUITER_DATA,
    "candidates.resumeversion": {**RECRUITER_DATA, **NO_ADD},
    "jobs.jobposting": {**RECRUITER_DATA, **NO_DELETE},  # archived instead (jobs.lifecycle)
    "applications.application": {**RECRUITER_DATA, **NO_DELETE},
    "interviews.interview": {**RECRUITER_DATA, **NO_DELETE},  # scheduled through interviews.services
    "ingestion.importbatch": {**RECRUITER_DATA, **NO_ADD, **NO_DELETE},
    "realtime.taskrecord": {**RECRUITER_DATA, **NO_ADD, **NO_DELETE},
    "realtime.deadletter": {  # operators see every organization's dead letters
        **RECRUITER_DATA,
        **NO_ADD,
        **NO_DELETE,
        "changelist": (L, "A", "B", "A", "all", "all", "none"),
        "change": (L, 200, G, 200, 200, 200, G),
        "history": (L, 200, G, 200, 200, 200, G),
    },
    "audit.auditevent": {  # read-only for everyone
        **RECRUITER_DATA,
        **NO_ADD,
        "delete": (L, 403, 403, 403, 403, 403, 403),
    },
    "notifications.emailnotification": {**RECRUITER_DATA, **NO_ADD, **NO_DELETE},  # read-only; failed ones resent
    "ops.alert": {  # platform data for operators, read-only; recruiters see no alert
        "changelist": (L, 403, 403, 403, "all", "all", 403),
        "add": (L, 403, 403, 403, 403, 403, 403),
        "change": (L, 403, 403, 403, 200, 200, 403),
        "delete": (L, 403, 403, 403, 403, 200, 403),
        "history": (L, G, G, G, 200, 200, G),
    },
}
OBJECT_OF_A = {
    "auth.group": lambda w: Group.objects.get(name=RECRUITERS),
    "authtoken.tokenproxy": lambda w: _model("authtoken.tokenproxy").objects.get(user=w.users["recruiter_a"]),
    "accounts.organization": lambda w: w.orgs["A"],
    "accounts.user": lambda w: w.users["recruiter_a"],
    "candidates.candidate": lambda w: w.a("candidate"),
    "candidates.resumeversion": lambda w: w.a("resume"),
    "jobs.jobposting": lambda w: w.a("job"),
    "applications.application": lambda w: w.a("application"),
    "interviews.interview": lambda w: w.a("interview"),
    "ingestion.importbatch": lambda w: w.a("batch"),
    "realtime.taskrecord": lambda w: w.a("task"),
    "realtime.deadletter": lambda w: w.a("dead_letter"),
    "audit.auditevent": lambda w: w.a("event"),
    "notifications.emailnotification": lambda w: w.a("email"),
    "ops.alert": lambda w: w.platform["alert"],
}
# Whether the action ran on A's row when the role posted it with that row selected.
RECRUITERS_RUN = (NO, RAN, NO, RAN, NO, RAN, NO)
SUPERUSER_RUNS = (NO, NO, NO, NO, NO, RAN, NO)
ACTIONS = {
    "auth.group:delete_selected": SUPERUSER_RUNS,
    "accounts.user:delete_selected": (NO, NO, NO, RAN, NO, RAN, NO),
    "accounts.organization:delete_selected": SUPERUSER_RUNS,
    "candidates.candidate:delete_selected": RECRUITERS_RUN,
    "candidates.candidate:reparse_current_resume": RECRUITERS_RUN,
    "candidates.resumeversion:delete_selected": RECRUITERS_RUN,
    "candidates.resumeversion:reparse": RECRUITERS_RUN,
    "jobs.jobposting:delete_selected": SUPERUSER_RUNS,
    "jobs.jobposting:open_selected": RECRUITERS_RUN,
    "jobs.jobposting:close_selected": RECRUITERS_RUN,
    "jobs.jobposting:archive_selected": RECRUITERS_RUN,
    "jobs.jobposting:restore_selected": RECRUITERS_RUN,
    "applications.application:delete_selected": SUPERUSER_RUNS,
    "applications.application:move_selected_to_stage": RECRUITERS_RUN,
    "applications.application:reject_selected": RECRUITERS_RUN,
    "applications.application:rerun_analysis": RECRUITERS_RUN,
    "applications.application:release_gap_feedback": RECRUITERS_RUN,
    "interviews.interview:delete_selected": SUPERUSER_RUNS,
    "interviews.interview:cancel_selected": RECRUITERS_RUN,
    "ingestion.importbatch:delete_selected": SUPERUSER_RUNS,
    "realtime.taskrecord:delete_selected": SUPERUSER_RUNS,
    "realtime.deadletter:delete_selected": SUPERUSER_RUNS,
    "realtime.deadletter:retry": (NO, NO, NO, NO, RAN, RAN, NO),  # operators retry; recruiters only look
    "audit.auditevent:delete_selected": (NO, NO, NO, NO, NO, NO, NO),
    "notifications.emailnotification:delete_selected": SUPERUSER_RUNS,
    "notifications.emailnotification:resend_failed": RECRUITERS_RUN,
    "ops.alert:delete_selected": SUPERUSER_RUNS,
}
# Whose rows an inline's queryset holds for the role (and shows on A's parent page when the role may open it).
INLINES = {
    "candidates.candidate:ResumeVersionInline": ("none", "A", "B", "A", "none", "all", "none"),
    "ingestion.importbatch:ImportItemInline": ("none", "A", "B", "A", "none", "all", "none"),
    "applications.application:StageChangeInline": ("none", "A", "B", "A", "none", "all", "none"),
    "applications.application:ApplicationNoteInline": ("none", "A", "B", "A", "none", "all", "none"),
    "applications.application:MessageInline": ("none", "A", "B", "A", "none", "all", "none"),
    "interviews.interview:InterviewFeedbackInline": ("none", "A", "B", "A", "none", "all", "none"),
    "jobs.jobposting:RediscoveredCandidateInline": ("none", "A", "B", "A", "none", "all", "none"),
}
# The admin's other URLs, by URL name (or route when nameless).
Site = namedtuple("Site", "method url row")
ANY_STAFF = (L, 200, 200, 200, 200, 200, 200)
RECRUITER_APP = (L, 200, 200, 200, 404, 200, 200)  # 404: no model of the app for the user
SUPERUSER_APP = (L, 404, 404, 404, 404, 200, 404)
ADMIN_SITE: dict[str, Any] = {
    "admin:index": Site("get", lambda w: reverse("admin:index"), ANY_STAFF),
    "admin:login": Site("get", lambda w: reverse("admin:login"), (200, R, R, R, R, R, R)),
    # The same page through the route that counts failed sign-ins (accounts.login_views), ahead of the admin's.
    "admin/login/": Site("get", lambda w: "/admin/login/", (200, R, R, R, R, R, R)),
    "admin:logout": Site("post", lambda w: reverse("admin:logout"), (R, 200, 200, 200, 200, 200, 200)),
    "admin:password_change": Site("get", lambda w: reverse("admin:password_change"), ANY_STAFF),
    "admin:password_change_done": Site("get", lambda w: reverse("admin:password_change_done"), ANY_STAFF),
    "admin:jsi18n": Site("get", lambda w: reverse("admin:jsi18n"), ANY_STAFF),
    "admin:view_on_site": Site(  # no model has a public URL
        "get",
        lambda w: reverse("admin:view_on_site", args=[_content_type("candidates.candidate"), w.a("candidate").pk]),
        (L, 404, 404, 404, 404, 404, 404),
    ),
    "admin:auth_user_password_change": Site(
        "get",
        lambda w: reverse("admin:auth_user_password_change", args=[w.users["recruiter_a"].pk]),
        (L, 403, 403, 200, 403, 200, 403),
    ),
    "admin:ingestion_importbatch_upload": Site(  # imports go to the user's organization: they need one
        "get", lambda w: reverse("admin:ingestion_importbatch_upload"), (L, 200, 200, 200, 403, 403, 403)
    ),
    # The change page's "Re-run analysis" button on A's application: back to the page when queued; another
    # organization's application reads as absent (what it queued is checked in test_admin_data).
    "admin:applications_application_rerun_analysis": Site(
        "post",
        lambda w: reverse("admin:applications_application_rerun_analysis", args=[w.a("application").pk]),
        (L, R, 404, R, 403, R, 404),
    ),
    # The organization's figures: for its recruiters, who read its applications; no organization, no page.
    "admin-analytics": Site("get", lambda w: reverse("admin-analytics"), (L, 200, 200, 200, 403, 403, 403)),
    "admin/(?P<url>.*)$": Site("get", lambda w: "/admin/no/such/page/", (L, 404, 404, 404, 404, 404, 404)),
    # One cell per app label: the app's index lists the models the user may use, 404 when none.
    "admin:app_list": {
        "accounts": (L, 404, 404, 200, 404, 200, 404),
        "auth": SUPERUSER_APP,
        "authtoken": SUPERUSER_APP,
        "candidates": RECRUITER_APP,
        "jobs": RECRUITER_APP,
        "applications": RECRUITER_APP,
        "interviews": RECRUITER_APP,
        "ingestion": RECRUITER_APP,
        "realtime": (L, 200, 200, 200, 200, 200, 200),
        "audit": RECRUITER_APP,
        "notifications": RECRUITER_APP,
        "ops": (L, 404, 404, 404, 200, 200, 404),
    },
    # One cell per relation leading to an admin with search fields; what it returns depends on that admin.
    "admin:autocomplete": {
        "accounts.user": (L, 403, 403, "A", 403, "all", 403),
        "accounts.organization": (L, 403, 403, 403, 403, "all", 403),
        "auth.group": (L, 403, 403, 403, 403, "all", 403),
        "candidates.candidate": (L, "A", "B", "A", 403, "all", "none"),
        "candidates.resumeversion": (L, "A", "B", "A", 403, "all", "none"),
        "jobs.jobposting": (L, "A", "B", "A", 403, "all", "none"),
        "realtime.taskrecord": (L, "A", "B", "A", 403, "all", "none"),
    },
}


def _model(label: str) -> Any:
    from django.apps import apps

    return apps.get_model(label)


def _content_type(label: str) -> int:
    return ContentType.objects.get_for_model(_model(label)).pk


def _url(label: str, view: str, *args: Any) -> str:
    app_label, model_name = label.split(".")
    return reverse(f"admin:{app_label}_{model_name}_{view}", args=args)


def _rule(table: dict[str, Any], key: str, what: str) -> Any:
    if key not in table:
        pytest.fail(f"{key} has no entry in {what}: add its expected outcome for every role")
    return table[key]


MODEL_CELLS = [(label, view, role) for label in registered_admins() for view in MODEL_VIEWS for role in ROLES]
ACTION_CELLS = [(key, role) for key in admin_actions() for role in ROLES]
INLINE_CELLS = [(key, role) for key in admin_inlines() for role in ROLES]
APP_LABELS = sorted({label.split(".")[0] for label in registered_admins()})
AUTOCOMPLETE_CELLS = [(source, role) for source in autocomplete_sources() for role in ROLES]
SITE_CELLS = [
    (route.key, "", role)
    for route in admin_site_routes()
    if route.key not in ("admin:app_list", "admin:autocomplete")
    for role in ROLES
] + [("admin:app_list", app, role) for app in APP_LABELS for role in ROLES]
CELLS = len(MODEL_CELLS) + len(ACTION_CELLS) + len(INLINE_CELLS) + len(SITE_CELLS) + len(AUTOCOMPLETE_CELLS)


@pytest.mark.parametrize(("label", "view", "role"), MODEL_CELLS, ids=[":".join(cell) for cell in MODEL_CELLS])
def test_admin_view(db, world: World, label: str, view: str, role: str) -> None:
    expected = expectation(_rule(_rule(ADMIN, label, "ADMIN"), view, f"ADMIN[{label!r}]"), role)
    target = _rule(OBJECT_OF_A, label, "OBJECT_OF_A")(world)
    client = world.client_for(role)
    if view in ("changelist", "add"):
        response = client.get(_url(label, view))
    else:
        response = client.get(_url(label, view, admin_object_id(label, target)))
    outcome = admin_outcome(response)

    if view == "changelist" and expected in ("A", "B", "all", "none"):
        assert outcome == 200, f"{role} on the {label} list: {outcome}"
        shown = {pk_of(row) for row in response.context["cl"].result_list}
        assert shown == rows_for(label, world, expected), f"{role} sees the wrong rows of {label}"
        return
    assert outcome == expected, f"{role} {view} {label}: {outcome}, expected {expected}"
    if view == "change" and outcome == 200:
        assert response.context["original"].pk == target.pk
    if view == "delete":
        # Refused as well when the delete would cascade into rows the user may not delete or that are protected.
        protected = outcome == 200 and bool(response.context["protected"] or response.context["perms_lacking"])
        client.post(_url(label, view, admin_object_id(label, target)), {"post": "yes"})
        still_there = row_exists(target)
        assert still_there is (outcome != 200 or protected), f"{role} delete of A's {label}: exists={still_there}"


@pytest.mark.parametrize(("key", "role"), ACTION_CELLS, ids=[":".join(cell) for cell in ACTION_CELLS])
def test_admin_action(db, world: World, monkeypatch, key: str, role: str) -> None:
    expected = expectation(_rule(ACTIONS, key, "ACTIONS"), role)
    label, name = key.split(":")
    model_admin = registered_admins()[label]
    calls: list[set[Any]] = []
    func = model_admin.get_action(name)[0]

    @functools.wraps(func)
    def spy(modeladmin: Any, request: Any, queryset: Any) -> None:
        calls.append(set(queryset.values_list("pk", flat=True)))

    if hasattr(type(model_admin), name):
        monkeypatch.setattr(type(model_admin), name, spy)
    else:
        monkeypatch.setitem(admin.site._actions, name, spy)
    target = OBJECT_OF_A[label](world)
    form = {"action": name, "_selected_action": [target.pk]}
    world.client_for(role).post(_url(label, "changelist"), form)

    ran = any(target.pk in pks for pks in calls)
    assert (RAN if ran else NO) == expected, f"{role} ran {key} on A's row: {ran}"


@pytest.mark.parametrize(("key", "role"), INLINE_CELLS, ids=[":".join(cell) for cell in INLINE_CELLS])
def test_admin_inline(db, world: World, key: str, role: str) -> None:
    expected = expectation(_rule(INLINES, key, "INLINES"), role)
    label, inline_name = key.split(":")
    model_admin = registered_admins()[label]
    [inline_class] = [inline for inline in model_admin.inlines if inline.__name__ == inline_name]
    inline = inline_class(model_admin.model, admin.site)
    request = RequestFactory().get("/")
    request.user = world.users[role] or _anonymous()
    shown = set(inline.get_queryset(request).values_list("pk", flat=True))
    everything = set(inline.model._default_manager.values_list("pk", flat=True))
    if expected == "all":
        assert shown == everything
    else:
        owners = {world.org_key(_inline_org(inline, row)) for row in inline.model._default_manager.filter(pk__in=shown)}
        assert owners == ({expected} if expected != "none" else set()), f"{role}: {key} shows rows of {owners}"

    parent = OBJECT_OF_A[label](world)
    response = world.client_for(role).get(_url(label, "change", parent.pk))
    if response.status_code == 200:
        [formset] = [f for f in response.context["inline_admin_formsets"] if type(f.opts) is inline_class]
        rows = {form.instance.pk for form in formset.formset.initial_forms}
        assert rows and rows <= shown


@pytest.mark.parametrize(("key", "app", "role"), SITE_CELLS, ids=[":".join(filter(None, c)) for c in SITE_CELLS])
def test_admin_site_url(db, world: World, key: str, app: str, role: str) -> None:
    if key == "admin:app_list":
        expected = expectation(_rule(ADMIN_SITE[key], app, "ADMIN_SITE['admin:app_list']"), role)
        response = world.client_for(role).get(reverse("admin:app_list", args=[app]))
    else:
        site = _rule(ADMIN_SITE, key, "ADMIN_SITE")
        expected = expectation(site.row, role)
        response = getattr(world.client_for(role), site.method)(site.url(world))
    outcome = admin_outcome(response)
    assert (R if outcome == G else outcome) == expected, f"{role} {key}: {outcome}, expected {expected}"


@pytest.mark.parametrize(
    ("source", "role"), AUTOCOMPLETE_CELLS, ids=[f"{'.'.join(s[:2])}:{r}" for s, r in AUTOCOMPLETE_CELLS]
)
def test_admin_autocomplete(db, world: World, source: tuple[str, str, str], role: str) -> None:
    source_label, field_name, remote = source
    expected = expectation(_rule(ADMIN_SITE["admin:autocomplete"], remote, "ADMIN_SITE['admin:autocomplete']"), role)
    app_label, model_name = source_label.split(".")
    query = {"app_label": app_label, "model_name": model_name, "field_name": field_name, "term": ""}
    response = world.client_for(role).get(reverse("admin:autocomplete"), query)
    outcome = admin_outcome(response)
    if expected in ("A", "B", "all", "none"):
        assert outcome == 200, f"{role} autocomplete {source}: {outcome}"
        shown = {int(item["id"]) for item in response.json()["results"]}
        assert shown == rows_for(remote, world, expected), f"{role} autocomplete {source} offers the wrong rows"
    else:
        assert outcome == expected, f"{role} autocomplete {source}: {outcome}, expected {expected}"


def test_every_admin_surface_has_an_entry_and_no_entry_is_stale() -> None:
    admins = set(registered_admins())
    site_keys = {route.key for route in admin_site_routes()}
    missing = [
        *(f"ADMIN[{label!r}]" for label in admins - set(ADMIN)),
        *(
            f"ADMIN[{label!r}][{view!r}]"
            for label in admins & set(ADMIN)
            for view in MODEL_VIEWS
            if view not in ADMIN[label]
        ),
        *(f"ACTIONS[{key!r}]" for key in set(admin_actions()) - set(ACTIONS)),
        *(f"INLINES[{key!r}]" for key in set(admin_inlines()) - set(INLINES)),
        *(f"ADMIN_SITE[{key!r}]" for key in site_keys - set(ADMIN_SITE)),
        *(f"ADMIN_SITE['admin:app_list'][{app!r}]" for app in set(APP_LABELS) - set(ADMIN_SITE["admin:app_list"])),
        *(
            f"ADMIN_SITE['admin:autocomplete'][{remote!r}]"
            for remote in {s[2] for s in autocomplete_sources()} - set(ADMIN_SITE["admin:autocomplete"])
        ),
    ]
    stale = [
        *(f"ADMIN[{label!r}]" for label in set(ADMIN) - admins),
        *(f"ACTIONS[{key!r}]" for key in set(ACTIONS) - set(admin_actions())),
        *(f"INLINES[{key!r}]" for key in set(INLINES) - set(admin_inlines())),
        *(f"ADMIN_SITE[{key!r}]" for key in set(ADMIN_SITE) - site_keys),
    ]
    assert not missing, f"admin surfaces without an expected outcome: {missing}"
    assert not stale, f"table entries for surfaces that no longer exist: {stale}"


def test_every_admin_and_inline_uses_the_scoping_mechanism() -> None:
    from accounts.admin_scoping import OrganizationScopedAdmin, OrganizationScopedInline, check_every_admin_is_scoped

    for label, model_admin in registered_admins().items():
        assert isinstance(model_admin, OrganizationScopedAdmin), label
        assert all(issubclass(inline, OrganizationScopedInline) for inline in model_admin.inlines), label
    assert check_every_admin_is_scoped() == []


def _anonymous() -> Any:
    from django.contrib.auth.models import AnonymousUser

    return AnonymousUser()


def _inline_org(inline: Any, row: Any) -> int | None:
    from accounts.admin_scoping import organization_id_of

    return organization_id_of(row, inline.organization_path)
