"""What the admin matrix cells cannot say by status alone: the forms, choices, filters and saves of the scoped
admin, on the cases that leaked before (audit list, application and candidate add forms) and the users admin."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest
from django.contrib.admin.filters import RelatedOnlyFieldListFilter
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.test import RequestFactory
from django.urls import reverse

from accounts.admin_scoping import OTHER_ORGANIZATION
from accounts.models import User
from accounts.roles import OPERATORS, ORGANIZATION_ADMINS, RECRUITERS
from applications.models import Application, ApplicationAnalysis
from audit.models import AuditEvent
from candidates.models import Candidate
from jobs.models import JobPosting
from realtime.models import TaskRecord
from security.matrix_support import ROLES, World

pytestmark = pytest.mark.usefixtures("matrix_settings")

APPLICATION_ADD = "/admin/applications/application/add/"
APPLICATION_LIST = "/admin/applications/application/"
CANDIDATE_ADD = "/admin/candidates/candidate/add/"
NO_INLINE_ROWS = {"resume_versions-TOTAL_FORMS": "0", "resume_versions-INITIAL_FORMS": "0"}


def b(world: World, name: str) -> Any:
    return world.rows["B"][name]


def test_recruiter_b_sees_none_of_a_candidates_in_the_list(db, world: World) -> None:
    page = world.client_for("recruiter_b").get("/admin/candidates/candidate/")

    assert set(page.context["cl"].result_list) == {b(world, "candidate"), b(world, "spare_candidate")}
    assert "Candidate of A" not in page.content.decode()


def test_application_add_form_offers_only_the_users_organization(db, world: World) -> None:
    page = world.client_for("recruiter_b").get(APPLICATION_ADD)

    fields = page.context["adminform"].form.fields
    assert set(fields["candidate"].queryset) == {b(world, "candidate"), b(world, "spare_candidate")}
    assert set(fields["job"].queryset) == {b(world, "job"), b(world, "spare_job")}
    assert "of A" not in page.content.decode()


@pytest.mark.parametrize(("candidate", "job"), [("A", "B"), ("B", "A")])
def test_recruiter_b_cannot_save_an_application_with_a_row_of_a(db, world: World, candidate: str, job: str) -> None:
    count = Application.objects.count()
    form = {"candidate": world.rows[candidate]["spare_candidate"].pk, "job": world.rows[job]["spare_job"].pk}

    page = world.client_for("recruiter_b").post(APPLICATION_ADD, {**form, "status": "applied"})

    assert page.status_code == 200
    assert page.context["adminform"].form.errors, "the form is refused"
    assert Application.objects.count() == count


def test_not_even_a_superuser_pairs_two_organizations_rows(db, world: World) -> None:
    form = {"candidate": world.a("spare_candidate").pk, "job": b(world, "spare_job").pk, "status": "applied"}

    page = world.client_for("platform_admin").post(APPLICATION_ADD, form)

    assert page.context["adminform"].form.errors["candidate"] == [OTHER_ORGANIZATION]
    assert not Application.objects.filter(candidate=world.a("spare_candidate")).exists()


def test_a_recruiter_saves_an_application_within_their_organization(db, world: World) -> None:
    form = {"candidate": b(world, "spare_candidate").pk, "job": b(world, "spare_job").pk, "status": "applied"}

    page = world.client_for("recruiter_b").post(APPLICATION_ADD, form)

    assert page.status_code == 302, page.context and page.context["adminform"].form.errors
    assert Application.objects.filter(candidate=b(world, "spare_candidate"), job=b(world, "spare_job")).exists()


def test_save_model_refuses_another_organizations_row_whatever_the_form_did(db, world: World) -> None:
    from django.contrib import admin

    model_admin = admin.site._registry[Application]
    request = RequestFactory().post(APPLICATION_ADD)
    request.user = world.users["recruiter_b"]
    application = Application(candidate=world.a("spare_candidate"), job=b(world, "spare_job"))
    form = SimpleNamespace(fields={"candidate": None, "job": None}, cleaned_data={
        "candidate": application.candidate, "job": application.job,
    })  # fmt: skip

    with pytest.raises(PermissionDenied):
        model_admin.save_model(request, application, form, change=False)
    assert application.pk is None


def test_recruiter_b_posting_organization_a_creates_the_candidate_in_b(db, world: World) -> None:
    before_a = Candidate.objects.filter(organization=world.orgs["A"]).count()
    form = {"name": "Mallory", "email": "mallory@ex.org", "organization": world.orgs["A"].pk, **NO_INLINE_ROWS}

    page = world.client_for("recruiter_b").post(CANDIDATE_ADD, form)

    assert page.status_code == 302
    assert Candidate.objects.get(name="Mallory").organization == world.orgs["B"]
    assert Candidate.objects.filter(organization=world.orgs["A"]).count() == before_a


def test_the_organization_field_is_read_only_except_for_superusers_adding(db, world: World) -> None:
    recruiter_form = world.client_for("recruiter_b").get(CANDIDATE_ADD).context["adminform"].form
    superuser_form = world.client_for("platform_admin").get(CANDIDATE_ADD).context["adminform"].form
    superuser_change = world.client_for("platform_admin").get(
        f"/admin/candidates/candidate/{world.a('candidate').pk}/change/"
    )

    assert "organization" not in recruiter_form.fields
    assert set(superuser_form.fields["organization"].queryset) == set(world.orgs.values())
    assert "organization" not in superuser_change.context["adminform"].form.fields  # rows are never moved

    page = world.client_for("platform_admin").post(
        CANDIDATE_ADD, {"name": "Placed by admin", "organization": world.orgs["B"].pk, **NO_INLINE_ROWS}
    )
    assert page.status_code == 302
    assert Candidate.objects.get(name="Placed by admin").organization == world.orgs["B"]


def test_a_job_added_in_the_admin_belongs_to_the_users_organization(db, world: World) -> None:
    form = {"title": "Admin job", "description": "Kotlin and Postgres", "remote_policy": "unknown"}

    page = world.client_for("recruiter_b").post(
        "/admin/jobs/jobposting/add/", {**form, "organization": world.orgs["A"].pk}
    )

    assert page.status_code == 302, page.context and page.context["adminform"].form.errors
    assert JobPosting.objects.get(title="Admin job").organization == world.orgs["B"]


def test_the_audit_list_of_b_holds_no_event_of_a_and_no_organization_filter(db, world: World) -> None:
    mine = world.client_for("recruiter_b").get("/admin/audit/auditevent/")
    everyone = world.client_for("platform_admin").get("/admin/audit/auditevent/")

    assert set(mine.context["cl"].result_list) == set(AuditEvent.objects.filter(organization=world.orgs["B"]))
    assert "event-of-a" not in mine.content.decode()
    filters = {spec.field_path: spec for spec in mine.context["cl"].filter_specs if hasattr(spec, "field_path")}
    assert list(filters) == ["action", "actor", "target_type", "created_at"]
    # The actor filter offers B's actors only; A's names and organization appear nowhere on B's page.
    assert {label for _, label in filters["actor"].lookup_choices} == {"rec_b"}
    assert "rec_a" not in mine.content.decode() and "Organization A" not in mine.content.decode()
    assert "organization" in [getattr(spec, "field_path", None) for spec in everyone.context["cl"].filter_specs]
    searched = world.client_for("recruiter_b").get("/admin/audit/auditevent/", {"q": str(world.a("application").pk)})
    assert all(event.organization_id == world.orgs["B"].pk for event in searched.context["cl"].result_list)


def test_relation_filters_list_only_related_rows_of_visible_rows(db, world: World) -> None:
    from django.contrib import admin

    request = RequestFactory().get("/")
    request.user = world.users["org_admin_a"]
    filters = admin.site._registry[User].get_list_filter(request)
    jobs_admin = admin.site._registry[JobPosting]
    jobs_admin.list_filter = ("created_by", "organization")
    try:
        request.user = world.users["recruiter_b"]
        job_filters = jobs_admin.get_list_filter(request)
    finally:
        del jobs_admin.list_filter

    assert filters == ["role", "is_staff"]
    assert job_filters == [("created_by", RelatedOnlyFieldListFilter)]


def test_autocomplete_of_b_offers_no_candidate_of_a(db, world: World) -> None:
    query = {"app_label": "applications", "model_name": "application", "field_name": "candidate", "term": "Candidate"}

    found = world.client_for("recruiter_b").get("/admin/autocomplete/", query).json()["results"]

    assert [item["text"] for item in found] == ["Candidate of B"]


# --- Users admin ------------------------------------------------------------------------------------------------


@pytest.fixture
def platform_staff_in_a(world: World) -> list[User]:
    from accounts.services import operator_create

    operator = operator_create(username="operator_in_a", password="x-password-1", organization=world.orgs["A"])
    boss = User.objects.create_superuser(username="boss_in_a", password="x-password-1", organization=world.orgs["A"])
    return [operator, boss]


def test_organization_admins_never_see_platform_staff_nor_other_organizations(db, world, platform_staff_in_a) -> None:
    client = world.client_for("org_admin_a")

    listed = set(client.get("/admin/accounts/user/").context["cl"].result_list)

    assert listed == {world.users["recruiter_a"], world.users["org_admin_a"]}
    for user in [*platform_staff_in_a, world.users["recruiter_b"]]:
        assert client.get(f"/admin/accounts/user/{user.pk}/change/").status_code == 302
        assert client.get(f"/admin/accounts/user/{user.pk}/password/").status_code == 404


def test_organization_admins_grant_only_the_recruiting_groups(db, world: World) -> None:
    target = world.users["recruiter_a"]
    url = f"/admin/accounts/user/{target.pk}/change/"
    client = world.client_for("org_admin_a")
    form = client.get(url).context["adminform"].form

    assert {group.name for group in form.fields["groups"].queryset} == {RECRUITERS, ORGANIZATION_ADMINS}
    assert {"is_superuser", "user_permissions", "organization"}.isdisjoint(form.fields)
    assert {value for value, _ in form.fields["role"].choices} == {"recruiter", "organization_admin"}

    data = {
        "username": target.username, "is_active": "on", "is_staff": "on", "is_superuser": "on",
        "organization": world.orgs["B"].pk, "role": "recruiter", "date_joined_0": "2026-01-01",
        "date_joined_1": "00:00:00", "user_permissions": [1],
    }  # fmt: skip
    refused = client.post(url, {**data, "groups": [Group.objects.get(name=OPERATORS).pk]})
    assert refused.status_code == 200 and "groups" in refused.context["adminform"].form.errors
    assert not target.groups.filter(name=OPERATORS).exists()

    saved = client.post(url, {**data, "groups": [Group.objects.get(name=ORGANIZATION_ADMINS).pk]})
    assert saved.status_code == 302
    target.refresh_from_db()
    assert (target.is_superuser, target.organization, target.user_permissions.count()) == (False, world.orgs["A"], 0)
    assert {group.name for group in target.groups.all()} == {ORGANIZATION_ADMINS}


def test_a_user_added_by_an_organization_admin_joins_their_organization(db, world: World) -> None:
    form = {
        "username": "newbie",
        "password1": "a-Long-pass-77",
        "password2": "a-Long-pass-77",
        "usable_password": "true",
    }

    page = world.client_for("org_admin_a").post("/admin/accounts/user/add/", form)

    assert page.status_code == 302, page.context and page.context["adminform"].form.errors
    newbie = User.objects.get(username="newbie")
    assert (newbie.organization, newbie.is_superuser, newbie.groups.count()) == (world.orgs["A"], False, 0)


# --- The mechanism's declarations -------------------------------------------------------------------------------


def test_an_admin_with_a_wrong_or_missing_organization_path_fails_the_checks() -> None:
    from django.contrib import admin

    from accounts.admin_scoping import OrganizationScopedAdmin

    class Undeclared(OrganizationScopedAdmin):
        pass

    class Wrong(OrganizationScopedAdmin):
        organization_path = "job__title"

    site = admin.AdminSite(name="throwaway")
    assert "accounts.E901" in [error.id for error in Undeclared(Application, site).check()]
    assert "accounts.E902" in [error.id for error in Wrong(Application, site).check()]


@pytest.mark.parametrize(
    ("role", "groups", "operator"),
    [
        (None, {RECRUITERS}, False),
        ("recruiter", {RECRUITERS}, False),
        ("organization_admin", {ORGANIZATION_ADMINS}, False),
        ("operator", {OPERATORS}, True),
    ],
)  # fmt: skip
def test_create_recruiter_command_roles(db, role: str | None, groups: set[str], operator: bool) -> None:
    from accounts.roles import is_operator

    call_command("create_recruiter", "--organization=Acme", "--username=new", "--password=pw-12345678", *(
        [f"--role={role}"] if role else []
    ))  # fmt: skip

    user = User.objects.get(username="new")
    assert {group.name for group in user.groups.all()} == groups
    assert is_operator(user) is operator
    assert user.organization is not None and user.organization.name == "Acme"


def test_the_import_link_shows_only_to_those_who_may_import(db, world: World) -> None:
    link = 'href="/admin/ingestion/importbatch/upload/"'

    assert link in world.client_for("recruiter_b").get("/admin/ingestion/importbatch/").content.decode()
    assert link not in world.client_for("staff_no_org").get("/admin/ingestion/importbatch/").content.decode()


def test_the_analytics_page_of_b_holds_nothing_of_a(db, world: World) -> None:
    page = world.client_for("recruiter_b").get("/admin/analytics/").content.decode()

    assert world.rows["B"]["job"].title in page
    assert world.a("job").title not in page and world.a("spare_job").title not in page
    assert world.users["recruiter_a"].username not in page


# --- Re-running the AI analysis ---------------------------------------------------------------------------------

# Whether the role's re-run of A's application queued the analysis task and wrote the audit entry.
RERUNS_A = dict(zip(ROLES, (False, True, False, True, False, True, False), strict=True))


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("way", ["button", "action"])
def test_only_organization_a_reruns_the_analysis_of_a(db, world: World, role: str, way: str) -> None:
    application = world.a("application")
    tasks = TaskRecord.objects.filter(kind=TaskRecord.Kind.ANALYZE_APPLICATION, target_id=application.pk)
    before = set(tasks.values_list("task_id", flat=True))
    client = world.client_for(role)

    if way == "button":
        client.post(reverse("admin:applications_application_rerun_analysis", args=[application.pk]))
    else:
        client.post(APPLICATION_LIST, {"action": "rerun_analysis", "_selected_action": [application.pk]})

    queued = set(tasks.values_list("task_id", flat=True)) - before
    events = AuditEvent.objects.filter(action="application.analysis_requested", target_id=application.pk)
    assert bool(queued) is RERUNS_A[role], f"{role} queued {queued} by {way}"
    assert [event.data for event in events] == [{"task_id": task_id} for task_id in queued]
    if queued:
        assert [event.actor for event in events] == [world.users[role]]
        assert Application.objects.get(pk=application.pk).analysis_status == "pending"


@pytest.mark.parametrize("role", ROLES)
def test_only_organization_a_releases_the_gap_feedback_of_a(db, world: World, role: str) -> None:
    client = world.client_for(role)

    client.post(APPLICATION_LIST, {"action": "release_gap_feedback", "_selected_action": [world.a("application").pk]})

    run = ApplicationAnalysis.objects.get(pk=world.a("analysis").pk)
    assert (run.feedback_released_at is not None) is RERUNS_A[role], f"{role}: released={run.feedback_released_at}"
    assert run.feedback_released_by == (world.users[role] if RERUNS_A[role] else None)
    events = AuditEvent.objects.filter(action="application.feedback_released", target_id=world.a("application").pk)
    assert [event.actor for event in events] == ([world.users[role]] if RERUNS_A[role] else [])


def test_the_analysis_panel_and_filters_of_b_hold_nothing_of_a(db, world: World) -> None:
    client = world.client_for("recruiter_b")
    own = client.get(f"/admin/applications/application/{b(world, 'application').pk}/change/")
    listed = client.get(APPLICATION_LIST)

    assert "Summary of B" in own.content.decode() and "Summary of A" not in own.content.decode()
    [provider_filter] = [spec for spec in listed.context["cl"].filter_specs if spec.title == "AI provider"]
    assert provider_filter.lookup_choices == [("provider-of-b", "provider-of-b")]
    assert "provider-of-a" not in listed.content.decode()
    gone = client.get(f"/admin/applications/application/{world.a('application').pk}/change/")
    assert gone.status_code == 302 and "Summary of A" not in gone.content.decode()


EMAIL_LIST = "/admin/notifications/emailnotification/"
RESENDS_A = dict(zip(ROLES, (False, True, False, True, False, True, False), strict=True))


def test_the_email_list_of_b_holds_nothing_of_a(db, world: World) -> None:
    page = world.client_for("recruiter_b").get(EMAIL_LIST)

    assert list(page.context["cl"].result_list) == [b(world, "email")]
    assert "c-a@ex.org" not in page.content.decode()


@pytest.mark.parametrize("role", ROLES)
def test_only_organization_a_resends_the_failed_email_of_a(
    db, world: World, role: str, django_capture_on_commit_callbacks
) -> None:
    from notifications.models import EmailNotification

    failed = world.a("email")
    with django_capture_on_commit_callbacks(execute=False) as queued:
        world.client_for(role).post(EMAIL_LIST, {"action": "resend_failed", "_selected_action": [failed.pk]})

    resent = EmailNotification.objects.filter(idempotency_key__startswith=f"{failed.idempotency_key}:resend-")
    assert resent.exists() is RESENDS_A[role]
    assert len(queued) == int(RESENDS_A[role])
    if RESENDS_A[role]:
        [row] = resent
        assert (row.organization, row.recipient, row.status) == (world.orgs["A"], "c-a@ex.org", "queued")


INTERVIEW_LIST = "/admin/interviews/interview/"


def test_the_interview_list_and_page_of_b_hold_nothing_of_a(db, world: World) -> None:
    client = world.client_for("recruiter_b")

    listed = client.get(INTERVIEW_LIST)
    page = client.get(f"{INTERVIEW_LIST}{b(world, 'interview').pk}/change/")

    assert list(listed.context["cl"].result_list) == [b(world, "interview")]
    assert "Candidate of A" not in listed.content.decode()
    [feedback] = page.context["inline_admin_formsets"]
    assert [form.instance for form in feedback.formset.initial_forms] == [b(world, "feedback")]
    assert "of A" not in page.content.decode()


@pytest.mark.parametrize("role", ["recruiter_a", "recruiter_b"])
def test_only_organization_a_cancels_the_interview_of_a(db, world: World, role: str) -> None:
    interview = world.a("interview")

    world.client_for(role).post(INTERVIEW_LIST, {"action": "cancel_selected", "_selected_action": [interview.pk]})

    interview.refresh_from_db()
    cancelled = role == "recruiter_a"
    assert (interview.status, interview.sequence) == (("cancelled", 1) if cancelled else ("scheduled", 0))
    assert AuditEvent.objects.filter(action="interview.cancelled", target_id=interview.pk).exists() is cancelled


def test_a_platform_admin_deleting_an_application_deletes_its_emails(db, world: World) -> None:
    from notifications.models import EmailNotification

    application = world.a("application")
    page = world.client_for("platform_admin").post(
        f"/admin/applications/application/{application.pk}/delete/", {"post": "yes"}
    )

    assert page.status_code == 302
    assert not Application.objects.filter(pk=application.pk).exists()
    assert not EmailNotification.objects.filter(pk=world.a("email").pk).exists()
