"""The pipeline in the admin: a stage move on the change form and the bulk "Move to stage…" / "Reject…" actions
go through the service (history, audit), the history shows read-only and notes are added inline."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.messages import get_messages

from applications.models import Application, ApplicationNote, StageChange
from applications.services import application_create, move_to_stage
from audit.models import AuditEvent
from candidates.models import Candidate
from jobs.models import JobPosting

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/applications/application/"


@pytest.fixture
def staff(client, recruiter):  # type: ignore[no-untyped-def]
    client.force_login(recruiter)
    return client


@pytest.fixture
def applications(organization, recruiter, django_capture_on_commit_callbacks) -> list[Application]:  # type: ignore[no-untyped-def]
    with django_capture_on_commit_callbacks(execute=False):
        job = JobPosting.objects.create(organization=organization, title="Backend Developer", description="Python")
        return [
            application_create(
                candidate=Candidate.objects.create(organization=organization, name=name), job=job, actor=recruiter
            )
            for name in ("Pia", "Lou", "Max")
        ]


def _change_url(application: Application) -> str:
    return f"{CHANGELIST}{application.pk}/change/"


def _form_data(page: Any, **changes: Any) -> dict[str, Any]:
    """What the browser would post back for the change page as rendered, with `changes` on top."""
    data: dict[str, Any] = {}
    form = page.context["adminform"].form
    for name in form.fields:
        value = form[name].value()
        if value is not None:
            data[name] = value
    for inline in page.context["inline_admin_formsets"]:
        formset = inline.formset
        for name in formset.management_form.fields:
            data[f"{formset.prefix}-{name}"] = formset.management_form[name].value()
        for inline_form in formset.forms:
            for name in inline_form.fields:
                value = inline_form[name].value()
                if value is not None:
                    data[f"{inline_form.prefix}-{name}"] = value
    data.update(changes)
    return data


def _messages(response: Any) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_the_change_form_offers_only_allowed_moves_and_a_read_only_history(staff, applications, recruiter) -> None:
    application = applications[0]
    move_to_stage(application=application, stage="offered", by=recruiter)

    page = staff.get(_change_url(application))

    assert page.status_code == 200
    form = page.context["adminform"].form
    assert [value for value, _ in form.fields["move_to"].choices] == ["", "hired", "rejected", "withdrawn"]
    assert "status" not in form.fields  # shown, not editable: moves go through the service
    history, notes, messages = page.context["inline_admin_formsets"]
    assert [f.instance.to_stage for f in history.formset.forms] == ["applied", "offered"]
    assert not history.has_add_permission and not history.has_change_permission
    assert notes.has_add_permission and not notes.has_change_permission
    assert messages.has_add_permission and not messages.has_change_permission  # replies, never rewrites


def test_a_move_on_the_change_form_goes_through_the_service(staff, applications, recruiter) -> None:
    application = applications[0]
    page = staff.get(_change_url(application))

    response = staff.post(
        _change_url(application), _form_data(page, move_to="shortlisted", stage_note="Great portfolio")
    )

    assert response.status_code == 302, response.context and response.context["adminform"].form.errors
    application.refresh_from_db()
    assert application.status == "shortlisted"
    change = StageChange.objects.filter(application=application).latest("pk")
    assert (change.from_stage, change.to_stage, change.note, change.changed_by) == (
        "applied",
        "shortlisted",
        "Great portfolio",
        recruiter,
    )
    assert AuditEvent.objects.filter(action="application.stage_changed", target_id=application.pk).count() == 1


def test_rejecting_on_the_change_form_needs_a_reason(staff, applications) -> None:
    application = applications[0]
    page = staff.get(_change_url(application))

    refused = staff.post(_change_url(application), _form_data(page, move_to="rejected"))
    accepted = staff.post(_change_url(application), _form_data(page, move_to="rejected", stage_reason="No visa"))

    assert refused.status_code == 200
    assert refused.context["adminform"].form.errors == {"stage_reason": ["A reason is required to move to Rejected."]}
    assert accepted.status_code == 302
    application.refresh_from_db()
    assert application.status == "rejected"
    assert StageChange.objects.filter(application=application).latest("pk").reason == "No visa"


def test_a_disallowed_move_is_refused_by_the_form(staff, applications, recruiter) -> None:
    application = applications[0]
    page = staff.get(_change_url(application))
    move_to_stage(application=application, stage="withdrawn", by=recruiter)  # meanwhile, in another tab

    response = staff.post(_change_url(application), _form_data(page, move_to="screening"))

    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {
        "move_to": ["Select a valid choice. screening is not one of the available choices."]
    }
    application.refresh_from_db()
    assert application.status == "withdrawn"


def test_a_note_is_added_inline_with_its_author(staff, applications, recruiter) -> None:
    application = applications[0]
    page = staff.get(_change_url(application))

    response = staff.post(_change_url(application), _form_data(page, **{"notes-0-text": "Call back Monday"}))

    assert response.status_code == 302
    assert list(ApplicationNote.objects.values_list("application", "author", "text")) == [
        (application.pk, recruiter.pk, "Call back Monday")
    ]
    assert AuditEvent.objects.filter(action="application.note_added", target_id=application.pk).count() == 1


def test_saving_the_form_keeps_a_move_made_since_it_was_shown(staff, applications, recruiter) -> None:
    application = applications[0]
    page = staff.get(_change_url(application))
    move_to_stage(application=application, stage="shortlisted", by=recruiter)  # another recruiter, meanwhile

    response = staff.post(_change_url(application), _form_data(page, **{"notes-0-text": "Strong portfolio"}))

    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == "shortlisted"


def test_move_to_stage_action_asks_then_moves_each_application(staff, applications, recruiter) -> None:
    first, second, third = applications
    move_to_stage(application=third, stage="withdrawn", by=recruiter)
    selected = {"action": "move_selected_to_stage", "_selected_action": [a.pk for a in applications]}

    asked = staff.post(CHANGELIST, selected)
    applied = staff.post(CHANGELIST, {**selected, "apply": "yes", "stage": "interviewing", "reason": ""})

    assert asked.status_code == 200
    assert asked.template_name == "admin/applications/application/move_to_stage.html"
    assert {a.pk for a in asked.context["applications"]} == {a.pk for a in applications}
    assert applied.status_code == 302
    statuses = dict(Application.objects.values_list("pk", "status"))
    assert statuses == {first.pk: "interviewing", second.pk: "interviewing", third.pk: "withdrawn"}
    assert _messages(applied) == [
        "2 application(s) moved to Interviewing.",
        f"Application #{third.pk}: Withdrawn is final: the application cannot move.",
    ]
    assert StageChange.objects.filter(to_stage="interviewing", changed_by=recruiter).count() == 2


def test_reject_action_needs_a_reason(staff, applications) -> None:
    first, second, _ = applications
    selected = {"action": "reject_selected", "_selected_action": [first.pk, second.pk]}

    refused = staff.post(CHANGELIST, {**selected, "apply": "yes", "reason": " "})
    rejected = staff.post(CHANGELIST, {**selected, "apply": "yes", "reason": "Position filled"})

    assert refused.status_code == 200
    assert refused.context["form"].errors == {"reason": ["A reason is required to reject."]}
    assert rejected.status_code == 302
    assert list(Application.objects.filter(status="rejected").order_by("pk").values_list("pk", flat=True)) == [
        first.pk,
        second.pk,
    ]
    assert set(StageChange.objects.filter(to_stage="rejected").values_list("reason", flat=True)) == {"Position filled"}


def test_the_list_shows_time_in_stage_without_a_query_per_row(staff, applications, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        page = staff.get(CHANGELIST)

    assert page.status_code == 200
    assert "Time in stage" in page.content.decode()
    assert {row.stage_entered_at for row in page.context["cl"].result_list} == {
        StageChange.objects.get(application=a).changed_at for a in applications
    }
