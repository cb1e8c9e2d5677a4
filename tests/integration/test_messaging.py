"""Messages between an application's recruiters and its candidate over the REST API and the admin: who may read and
write, unread counts per side, the audit entry of each message, and the email about a message left unread (sent
through the notifications task, run eagerly, to a real SMTP server on loopback)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fixtures.smtp_server import RecordingHandler, free_port, smtp_server  # noqa: F401  (the fixture)
from rest_framework.test import APIClient

from accounts.models import Organization, User
from accounts.services import recruiter_create
from applications.models import Application
from audit.models import AuditEvent
from candidates.models import Candidate
from config.celery import app as celery_app
from jobs.models import JobPosting
from messaging.models import Message
from messaging.reminders import message_unread_remind
from notifications.models import EmailNotification

pytestmark = pytest.mark.django_db


def _candidate_user(username: str, organization: Organization) -> User:
    return User.objects.create_user(
        username=username,
        email=f"{username}@example.org",
        password=f"{username}-password-1",
        role=User.Role.CANDIDATE,
        organization=organization,
    )


@pytest.fixture
def people(organization, recruiter) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    recruiter.email, recruiter.first_name = "rita@acme.example", "Rita"
    recruiter.save()
    job = JobPosting.objects.create(
        organization=organization, title="Backend developer", description="Python", created_by=recruiter
    )
    account = _candidate_user("maria", organization)
    candidate = Candidate.objects.create(organization=organization, name="Maria Lopez", account=account)
    other_account = _candidate_user("nils", organization)
    other = Candidate.objects.create(organization=organization, name="Nils Berg", account=other_account)
    application = Application.objects.create(candidate=candidate, job=job)
    return {
        "recruiter": recruiter,
        "candidate_user": account,
        "other_candidate_user": other_account,
        "application": application,
        "other_application": Application.objects.create(candidate=other, job=job),
        "outsider": recruiter_create(
            username="otto", password="otto-password-1", organization=Organization.objects.create(name="Other Co")
        ),
    }


def _client(user: User | None) -> APIClient:
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


def _messages(application: Application, tail: str = "") -> str:
    return f"/api/applications/{application.pk}/messages/{tail}"


def test_recruiter_and_candidate_write_to_each_other_and_read_one_thread(people, django_capture_on_commit_callbacks):
    recruiter, candidate = _client(people["recruiter"]), _client(people["candidate_user"])
    application = people["application"]

    with django_capture_on_commit_callbacks(execute=False):
        sent = recruiter.post(_messages(application), {"body": "  Are you free on Monday?  "}, format="json")
        answer = candidate.post(_messages(application), {"body": "Yes, after 10."}, format="json")

    assert (sent.status_code, answer.status_code) == (201, 201), (sent.content, answer.content)
    assert (sent.json()["body"], sent.json()["sender_side"], sent.json()["read_at"]) == (
        "Are you free on Monday?",
        "recruiter",
        None,
    )
    for client in (recruiter, candidate):
        thread = client.get(_messages(application)).json()["results"]
        assert [(m["sender_side"], m["body"]) for m in thread] == [
            ("recruiter", "Are you free on Monday?"),
            ("candidate", "Yes, after 10."),
        ]
        assert thread[1]["sender"] == people["candidate_user"].pk


def test_unread_counts_per_side_and_marking_read(people, django_capture_on_commit_callbacks):
    recruiter, candidate = _client(people["recruiter"]), _client(people["candidate_user"])
    application = people["application"]
    with django_capture_on_commit_callbacks(execute=False):
        for body in ("One", "Two"):
            candidate.post(_messages(application), {"body": body}, format="json")
        recruiter.post(_messages(application), {"body": "Thanks"}, format="json")

    assert recruiter.get("/api/messages/unread/").json() == {
        "results": [{"application": application.pk, "unread": 2}],
        "total": 2,
    }
    assert candidate.get("/api/messages/unread/").json() == {
        "results": [{"application": application.pk, "unread": 1}],
        "total": 1,
    }
    with django_capture_on_commit_callbacks(execute=False):
        read = recruiter.post(_messages(application, "read/"))

    assert read.json() == {"marked": 2, "unread": {"recruiter": 0, "candidate": 1}}
    assert recruiter.get("/api/messages/unread/").json() == {"results": [], "total": 0}
    assert not Message.objects.filter(sender_side="candidate", read_at__isnull=True).exists()
    assert Message.objects.get(body="Thanks").read_at is None  # the recruiter reading does not read their own


def test_others_are_refused_and_nothing_is_written(people):
    application = people["application"]
    outcomes = {
        "another candidate": _client(people["other_candidate_user"]),
        "another organization": _client(people["outsider"]),
    }
    for who, client in outcomes.items():
        assert client.get(_messages(application)).status_code == 404, who
        assert client.post(_messages(application), {"body": "Hi"}, format="json").status_code == 404, who
        assert client.post(_messages(application, "read/")).status_code == 404, who
    no_organization = User.objects.create_user(username="loner", password="loner-password-1", is_staff=True)
    assert _client(no_organization).get(_messages(application)).status_code == 403
    assert _client(None).get(_messages(application)).status_code == 401
    assert _client(None).get("/api/messages/unread/").status_code == 401
    assert not Message.objects.exists()


def test_a_candidate_sees_only_their_own_unread_messages(people, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        for application in (people["application"], people["other_application"]):
            _client(people["recruiter"]).post(_messages(application), {"body": "Hello"}, format="json")

    mine = _client(people["candidate_user"]).get("/api/messages/unread/").json()

    assert mine == {"results": [{"application": people["application"].pk, "unread": 1}], "total": 1}


def test_an_empty_or_too_long_message_is_refused(people):
    client = _client(people["recruiter"])

    empty = client.post(_messages(people["application"]), {"body": "   "}, format="json")
    too_long = client.post(_messages(people["application"]), {"body": "x" * 5001}, format="json")

    assert (empty.status_code, too_long.status_code) == (400, 400)
    assert not Message.objects.exists()


def test_each_message_is_audited_by_ids_only(people, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        _client(people["candidate_user"]).post(
            _messages(people["application"]), {"body": "Secret salary wish 90k"}, format="json"
        )

    message = Message.objects.get()
    [event] = AuditEvent.objects.filter(action="message.sent")
    assert (event.actor, event.organization, event.target_type, event.target_id) == (
        people["candidate_user"],
        people["application"].job.organization,
        "applications.application",
        people["application"].pk,
    )
    assert event.data == {"message_id": message.pk, "side": "candidate"}
    assert "90k" not in str(event.__dict__)


@pytest.fixture
def eager_tasks() -> Iterator[None]:
    """Tasks published after commit run in the test's process (the reminder without its countdown)."""
    celery_app.conf.task_always_eager = True
    try:
        yield
    finally:
        celery_app.conf.task_always_eager = False


def test_a_message_left_unread_is_emailed_to_the_candidate_without_its_text(
    smtp_server: RecordingHandler,  # noqa: F811
    eager_tasks,
    people,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        _client(people["recruiter"]).post(
            _messages(people["application"]), {"body": "Private: the offer is 90k"}, format="json"
        )

    [delivered] = smtp_server.delivered
    assert delivered.recipients == ["maria@example.org"]
    assert delivered.subject == "New message from Acme Talent about Backend developer"
    assert delivered.text().startswith("Hello Maria Lopez,\n")
    assert "90k" not in delivered.text()
    notification = EmailNotification.objects.get(kind=EmailNotification.Kind.MESSAGE_UNREAD)
    assert (notification.status, notification.application) == (EmailNotification.Status.SENT, people["application"])
    assert notification.idempotency_key == f"message_unread:{Message.objects.get().pk}"


def test_a_candidates_unread_message_is_emailed_to_the_recruiter_who_wrote_last(
    smtp_server: RecordingHandler,  # noqa: F811
    eager_tasks,
    people,
    organization,
    django_capture_on_commit_callbacks,
):
    colleague = recruiter_create(username="carl", password="carl-password-1", organization=organization)
    colleague.email = "carl@acme.example"
    colleague.save()
    with django_capture_on_commit_callbacks(execute=False):
        _client(colleague).post(_messages(people["application"]), {"body": "Hello"}, format="json")
    with django_capture_on_commit_callbacks(execute=True):
        _client(people["candidate_user"]).post(_messages(people["application"]), {"body": "Hi"}, format="json")

    [delivered] = smtp_server.delivered
    assert delivered.recipients == ["carl@acme.example"]
    assert delivered.subject == "New message from Maria Lopez about Backend developer"
    assert f"/admin/applications/application/{people['application'].pk}/change/" in delivered.text()


def test_a_message_read_in_time_sends_nothing_and_a_second_run_sends_once(
    smtp_server: RecordingHandler,  # noqa: F811
    eager_tasks,
    people,
    settings,
    django_capture_on_commit_callbacks,
):
    settings.MESSAGE_UNREAD_EMAIL_DELAY_SECONDS = 0  # reminders run by hand below
    with django_capture_on_commit_callbacks(execute=True):
        _client(people["candidate_user"]).post(_messages(people["application"]), {"body": "One"}, format="json")
        _client(people["candidate_user"]).post(_messages(people["application"]), {"body": "Two"}, format="json")
    first, second = Message.objects.order_by("pk")
    Message.objects.filter(pk=first.pk).update(read_at=first.created_at)

    with django_capture_on_commit_callbacks(execute=True):
        outcomes = [message_unread_remind(message_id=pk) for pk in (first.pk, second.pk, second.pk)]

    assert outcomes == ["read", "queued", "queued"]  # sent once the transaction commits
    assert [d.recipients for d in smtp_server.delivered] == [["rita@acme.example"]]
    assert EmailNotification.objects.filter(kind=EmailNotification.Kind.MESSAGE_UNREAD).count() == 1


def test_recruiters_read_and_reply_on_the_application_admin_page(people, client, django_capture_on_commit_callbacks):
    application = people["application"]
    with django_capture_on_commit_callbacks(execute=False):
        _client(people["candidate_user"]).post(_messages(application), {"body": "Any news?"}, format="json")
    client.force_login(people["recruiter"])
    url = f"/admin/applications/application/{application.pk}/change/"

    page = client.get(url)
    [formset] = [f for f in page.context["inline_admin_formsets"] if f.formset.model is Message]
    assert [form.instance.body for form in formset.formset.initial_forms] == ["Any news?"]
    form = _change_form_data(page)
    prefix = formset.formset.prefix
    form[f"{prefix}-1-body"] = "We will call you tomorrow."
    with django_capture_on_commit_callbacks(execute=False):
        saved = client.post(url, form)

    assert saved.status_code == 302, saved.context and [f.errors for f in saved.context["inline_admin_formsets"]]
    reply = Message.objects.get(body="We will call you tomorrow.")
    assert (reply.sender, reply.sender_side) == (people["recruiter"], "recruiter")
    assert Message.objects.get(body="Any news?").read_at is not None  # answering reads the thread
    assert AuditEvent.objects.filter(action="message.sent", data__message_id=reply.pk).count() == 1
    outsider = APIClient()
    outsider.force_login(people["outsider"])
    assert outsider.get(url).status_code == 302  # another organization's application is not theirs to see


def _change_form_data(page: Any) -> dict[str, Any]:
    """The change form as the browser would post it back, every inline formset included."""
    data: dict[str, Any] = {}
    for field in page.context["adminform"].form:
        value = field.value()
        if value is not None and not field.field.disabled:
            data[field.html_name] = value
    for inline in page.context["inline_admin_formsets"]:
        management = inline.formset.management_form
        for name in management.fields:
            data[f"{inline.formset.prefix}-{name}"] = management[name].value()
        for form in inline.formset.forms:
            for field in form:
                value = field.value()
                if value is not None:
                    data[field.html_name] = value
    return data
