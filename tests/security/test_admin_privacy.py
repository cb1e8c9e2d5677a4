"""Personal data through the admin: a candidate's page leaves an access record, and deleting a candidate there
erases as the API does (candidates.privacy), leaving one audit entry that names them by id only."""

from __future__ import annotations

import pytest

from audit.models import AuditEvent
from candidates.models import Candidate, ResumeVersion
from security.matrix_support import World

pytestmark = pytest.mark.usefixtures("matrix_settings")


def test_viewing_a_candidate_in_the_admin_is_recorded_without_personal_data(db, world: World) -> None:
    candidate = world.a("candidate")
    before = AuditEvent.objects.filter(action="candidate.viewed").count()

    page = world.client_for("recruiter_a").get(f"/admin/candidates/candidate/{candidate.pk}/change/")

    assert page.status_code == 200
    events = list(AuditEvent.objects.filter(action="candidate.viewed").order_by("pk"))
    assert len(events) == before + 1
    event = events[-1]
    assert (event.actor, event.organization_id, event.target_id, event.data) == (
        world.users["recruiter_a"],
        candidate.organization_id,
        candidate.pk,
        {"surface": "admin"},
    )
    assert candidate.name not in event.target_label


def test_another_organization_opening_the_page_records_nothing(db, world: World) -> None:
    candidate = world.a("candidate")
    before = AuditEvent.objects.filter(action="candidate.viewed").count()

    page = world.client_for("recruiter_b").get(f"/admin/candidates/candidate/{candidate.pk}/change/")

    assert page.status_code == 302  # the admin's "does not exist" redirect to its index
    assert AuditEvent.objects.filter(action="candidate.viewed").count() == before


@pytest.mark.parametrize("how", ["delete_view", "delete_selected"])
def test_deleting_in_the_admin_erases_the_resumes_and_keeps_an_audit_entry(db, world: World, how: str) -> None:
    candidate = world.a("candidate")
    resume_ids = set(ResumeVersion.objects.filter(candidate=candidate).values_list("pk", flat=True))
    assert resume_ids, "the world's candidate has a resume"
    client = world.client_for("recruiter_a")

    if how == "delete_view":
        page = client.post(f"/admin/candidates/candidate/{candidate.pk}/delete/", {"post": "yes"})
    else:
        page = client.post(
            "/admin/candidates/candidate/",
            {"action": "delete_selected", "_selected_action": [candidate.pk], "post": "yes"},
        )

    assert page.status_code == 302
    assert not Candidate.objects.filter(pk=candidate.pk).exists()
    assert not ResumeVersion.objects.filter(pk__in=resume_ids).exists()
    deleted = AuditEvent.objects.get(action="candidate.deleted", target_id=candidate.pk)
    assert (deleted.actor, deleted.data["reason"], deleted.data["resume_versions"]) == (
        world.users["recruiter_a"],
        "request",
        len(resume_ids),
    )
    assert candidate.name not in str(deleted.data) + deleted.target_label
