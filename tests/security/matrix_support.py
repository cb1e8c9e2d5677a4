"""What the authorization matrix modules share: the roles, a world of two organizations, and the enumeration
of every surface from the admin registry, the URL conf and the WebSocket routes.

The expected outcomes are not here: each test module holds its own explicit table.
"""

from __future__ import annotations

import hashlib
import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from django.contrib import admin
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

# Table columns, in this order everywhere.
ROLES = ("anonymous", "recruiter_a", "recruiter_b", "org_admin_a", "operator", "platform_admin", "staff_no_org")
ROLE_ORGANIZATION = {"recruiter_a": "A", "recruiter_b": "B", "org_admin_a": "A"}  # the others have none
FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MODEL_VIEWS = ("changelist", "add", "change", "delete", "history")


def password_of(role: str) -> str:
    return f"{role}-password-1"


def expectation(row: tuple[Any, ...], role: str) -> Any:
    assert len(row) == len(ROLES), f"a table row needs one outcome per role {ROLES}: {row}"
    return row[ROLES.index(role)]


# --- The world --------------------------------------------------------------------------------------------------


@dataclass
class World:
    """Organizations A and B, one user per role, and one row of every organization-owned kind in each."""

    orgs: dict[str, Any]
    users: dict[str, Any]
    rows: dict[str, dict[str, Any]] = field(default_factory=dict)
    platform: dict[str, Any] = field(default_factory=dict)  # rows of no organization (alerts)

    def a(self, name: str) -> Any:
        return self.rows["A"][name]

    def org_key(self, organization_id: int | None) -> str | None:
        for key, organization in self.orgs.items():
            if organization.pk == organization_id:
                return key
        return None

    def client_for(self, role: str) -> Client:
        client = Client()
        if self.users.get(role) is not None:
            client.force_login(self.users[role])
        return client


def build_users(orgs: dict[str, Any]) -> dict[str, Any]:
    from accounts.models import User
    from accounts.roles import RECRUITERS, role_group
    from accounts.services import operator_create, organization_admin_create, recruiter_create

    users: dict[str, Any] = {"anonymous": None}
    users["recruiter_a"] = recruiter_create(
        username="rec_a", password=password_of("recruiter_a"), organization=orgs["A"]
    )
    users["recruiter_b"] = recruiter_create(
        username="rec_b", password=password_of("recruiter_b"), organization=orgs["B"]
    )
    users["org_admin_a"] = organization_admin_create(
        username="orgadm_a", password=password_of("org_admin_a"), organization=orgs["A"]
    )
    users["operator"] = operator_create(username="operator", password=password_of("operator"))
    users["platform_admin"] = User.objects.create_superuser(
        username="platform", password=password_of("platform_admin"), role=User.Role.ADMIN
    )
    # Staff, with the recruiters' permissions, but in no organization: must see no organization's data.
    users["staff_no_org"] = User.objects.create_user(
        username="staff_no_org", password=password_of("staff_no_org"), is_staff=True
    )
    users["staff_no_org"].groups.add(role_group(RECRUITERS))
    return users


def build_world(*, rows: bool = True) -> World:
    from accounts.models import Organization

    orgs = {key: Organization.objects.create(name=f"Organization {key}") for key in ("A", "B")}
    world = World(orgs=orgs, users=build_users(orgs))
    if rows:
        for key, organization in orgs.items():
            world.rows[key] = _rows_of(key, organization, world.users)
        world.platform = _platform_rows()
    return world


def _platform_rows() -> dict[str, Any]:
    from ops.models import Alert

    alert = Alert.objects.create(
        fingerprint=uuid.uuid4().hex[:16],
        name="TasksDeadLettered",
        severity="warning",
        status=Alert.Status.FIRING,
        labels={"alertname": "TasksDeadLettered", "severity": "warning", "queue": "embeddings"},
        annotations={"summary": "A task was dead-lettered", "runbook_url": "monitoring/runbooks.md#tasksdeadlettered"},
        starts_at=timezone.now(),
    )
    return {"alert": alert}


def _rows_of(key: str, organization: Any, users: dict[str, Any]) -> dict[str, Any]:
    from rest_framework.authtoken.models import Token

    from applications.models import Application, ApplicationAnalysis, ApplicationNote, StageChange
    from audit.models import AuditEvent
    from candidates.models import Candidate, ResumeVersion
    from ingestion.models import ImportBatch, ImportItem
    from interviews.models import Interview, InterviewFeedback
    from jobs.models import JobPosting, RediscoveredCandidate
    from messaging.models import Message
    from notifications.models import EmailNotification
    from realtime.models import DeadLetter, TaskRecord

    lower = key.lower()
    recruiter = users[f"recruiter_{lower}"]
    candidate = Candidate.objects.create(
        organization=organization, name=f"Candidate of {key}", email=f"c-{lower}@ex.org"
    )
    spare = Candidate.objects.create(organization=organization, name=f"Unapplied of {key}", email=f"s-{lower}@ex.org")
    resume = ResumeVersion.objects.create(
        organization=organization,
        candidate=candidate,
        file=f"resumes/{organization.pk}/{uuid.uuid4().hex}.txt",
        filename=f"resume-of-{lower}.txt",
        kind="txt",
        sha256=hashlib.sha256(key.encode()).hexdigest(),
        size=12,
    )
    Candidate.objects.filter(pk=candidate.pk).update(current_resume=resume)
    job = JobPosting.objects.create(organization=organization, title=f"Job of {key}", description="Python developer")
    spare_job = JobPosting.objects.create(organization=organization, title=f"Open job of {key}", description="Go")
    rediscovered = RediscoveredCandidate.objects.create(job=job, candidate=spare, score=88.0)
    application = Application.objects.create(candidate=candidate, job=job)
    analysis = ApplicationAnalysis.objects.create(
        application=application,
        provider=f"provider-of-{lower}",
        recommendation="hold",
        result={"summary": f"Summary of {key}", "provider": f"provider-of-{lower}"},
    )
    Application.objects.filter(pk=application.pk).update(latest_analysis=analysis, ai_feedback=analysis.result)
    stage_change = StageChange.objects.create(application=application, to_stage="applied", changed_by=recruiter)
    note = ApplicationNote.objects.create(application=application, author=recruiter, text=f"Note of {key}")
    # The recruiters' message (unread by the candidate) and the candidate's answer (unread by the recruiters).
    message = Message.objects.create(
        application=application, sender=recruiter, sender_side="recruiter", body=f"Hello from {key}"
    )
    Message.objects.create(application=application, sender_side="candidate", body=f"Answer of {key}")
    # A month ahead, its recruiter interviewing (and having given feedback): REST writes book other times.
    starts = timezone.now().replace(microsecond=0) + timedelta(days=30)
    interview = Interview.objects.create(
        application=application,
        starts_at=starts,
        ends_at=starts + timedelta(hours=1),
        timezone="UTC",
        kind=Interview.Kind.VIDEO,
        meeting_url=f"https://meet.example.org/{lower}",
        created_by=recruiter,
    )
    interview.interviewers.set([recruiter])
    feedback = InterviewFeedback.objects.create(
        interview=interview, interviewer=recruiter, recommendation="yes", submitted_at=timezone.now()
    )
    batch = ImportBatch.objects.create(organization=organization, archive_name=f"batch-of-{lower}.zip", total=1)
    item = ImportItem.objects.create(batch=batch, filename=f"one-of-{lower}.txt", resume=resume)
    task = TaskRecord.objects.create(
        task_id=f"task-of-{lower}-{uuid.uuid4().hex[:8]}",
        kind=TaskRecord.Kind.PARSE_RESUME,
        organization=organization,
        target=resume,
    )
    dead_letter = DeadLetter.objects.create(
        task_name="matching.tasks.embed_candidate_task",
        task_id=f"dead-of-{lower}-{uuid.uuid4().hex[:8]}",
        queue="embeddings",
        args=[candidate.pk],
        organization=organization,
        error="OperationalError: the database restarted",
    )
    event = AuditEvent.objects.create(
        organization=organization, actor=recruiter, action="candidate.created", target_label=f"event-of-{lower}"
    )
    token = Token.objects.create(user=recruiter)
    email = EmailNotification.objects.create(
        organization=organization,
        kind=EmailNotification.Kind.STAGE_CHANGED,
        recipient=f"c-{lower}@ex.org",
        template="notifications/stage_changed",
        context={"candidate_name": f"Candidate of {key}"},
        idempotency_key=f"email-of-{lower}-{uuid.uuid4().hex[:8]}",
        status=EmailNotification.Status.FAILED,
        last_error="SMTPDataError 451",
        application=application,
    )
    return {
        "candidate": candidate,
        "spare_candidate": spare,
        "resume": resume,
        "job": job,
        "spare_job": spare_job,
        "rediscovered": rediscovered,
        "application": application,
        "analysis": analysis,
        "stage_change": stage_change,
        "note": note,
        "message": message,
        "interview": interview,
        "feedback": feedback,
        "batch": batch,
        "item": item,
        "task": task,
        "dead_letter": dead_letter,
        "event": event,
        "token": token,
        "email": email,
    }


# --- Admin ------------------------------------------------------------------------------------------------------


def registered_admins() -> dict[str, Any]:
    """`app_label.model_name` -> its ModelAdmin, for every model in the admin registry."""
    return {model._meta.label_lower: model_admin for model, model_admin in admin.site._registry.items()}


def admin_inlines() -> list[str]:
    """`app_label.model_name:InlineClass` for every inline of every registered admin."""
    return [
        f"{label}:{inline.__name__}"
        for label, model_admin in registered_admins().items()
        for inline in model_admin.inlines
    ]


def admin_actions() -> list[str]:
    """`app_label.model_name:action` for every action any user could be offered (before permissions)."""
    names = []
    for label, model_admin in registered_admins().items():
        if model_admin.actions is None:
            continue
        names += [f"{label}:{name}" for _, name, _ in model_admin._get_base_actions()]
    return names


def pk_of(obj: Any) -> Any:
    """The row's primary key column (the token proxy's `pk` property answers its user's id instead)."""
    return obj._meta.pk.value_from_object(obj)


def row_exists(obj: Any) -> bool:
    return type(obj)._default_manager.filter(**{obj._meta.pk.attname: pk_of(obj)}).exists()


def admin_object_id(label: str, obj: Any) -> Any:
    # The token admin names a token by its user's id.
    return obj.user_id if label == "authtoken.tokenproxy" else obj.pk


def rows_for(label: str, world: World, symbol: str) -> set[Any]:
    """The primary keys an admin changelist must show: "A", "B", "all" or "none"."""
    model_admin = registered_admins()[label]
    queryset = model_admin.model._default_manager.all()
    if symbol == "none":
        return set()
    if symbol in ("A", "B"):
        queryset = queryset.filter(**{model_admin.organization_path: world.orgs[symbol].pk})
    return set(queryset.values_list(model_admin.model._meta.pk.attname, flat=True))


def admin_outcome(response: Any) -> Any:
    """A response as a table writes it: "login", "gone" (redirected away: not in the user's scope) or a status."""
    if response.status_code == 302:
        return "login" if "/admin/login/" in response["Location"] else "gone"
    return response.status_code


def autocomplete_sources() -> list[tuple[str, str, str]]:
    """(source model, field, remote model) for every forward relation whose remote admin has search fields:
    each is a way into the admin's autocomplete view."""
    from django.apps import apps

    admins = registered_admins()
    sources = []
    for model in apps.get_models():
        for model_field in model._meta.get_fields():
            if not (model_field.concrete and model_field.is_relation) or model_field.related_model is None:
                continue
            remote = model_field.related_model._meta.label_lower
            if remote in admins and admins[remote].search_fields:
                sources.append((model._meta.label_lower, model_field.name, remote))
    return sources


# --- URL conf ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Route:
    pattern: str
    name: str | None
    callback: Any

    @property
    def key(self) -> str:
        return self.name if self.name else self.pattern

    def methods(self) -> list[str] | None:
        """The HTTP methods a class-based view answers (HEAD and OPTIONS aside); None for a function view."""
        view_class = getattr(self.callback, "cls", None) or getattr(self.callback, "view_class", None)
        if view_class is None:
            return None
        view = view_class(
            **(getattr(self.callback, "initkwargs", None) or getattr(self.callback, "view_initkwargs", {}))
        )
        methods = [method.upper() for method in view.http_method_names if hasattr(view, method)]
        return [method for method in methods if method not in ("HEAD", "OPTIONS")]


def walk_urls(resolver: URLResolver | None = None, prefix: str = "", namespace: str | None = None) -> Iterator[Route]:
    """Every URL pattern of the URL conf, recursively, with its full route and namespaced name."""
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace
            if pattern.namespace:
                inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from walk_urls(pattern, prefix + str(pattern.pattern), inner)
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}:{pattern.name}" if namespace and pattern.name else pattern.name
            yield Route(prefix + str(pattern.pattern), name, pattern.callback)


def _is_model_route(route: Route, admins: dict[str, Any]) -> bool:
    """One of a registered model's five standard views, or its nameless object redirect to the change view:
    the per-admin cells cover them."""
    standard = re.match(rf"^admin:(?P<app>\w+?)_(?P<model>\w+)_(?:{'|'.join(MODEL_VIEWS)})$", route.name or "")
    if standard and f"{standard['app']}.{standard['model']}" in admins:
        return True
    redirect = re.match(r"^admin/(?P<app>\w+)/(?P<model>\w+)/<path:object_id>/$", route.pattern)
    return bool(route.name is None and redirect and f"{redirect['app']}.{redirect['model']}" in admins)


def admin_site_routes() -> list[Route]:
    """Every admin URL that is not a registered model's standard view: index, login, autocomplete, app lists,
    the admins' own extra views (password change, import upload) and the catch-all."""
    admins = registered_admins()
    return [r for r in walk_urls() if r.pattern.startswith("admin/") and not _is_model_route(r, admins)]


def other_routes() -> list[Route]:
    """Every route outside the admin site: the REST API under /api/ and the few pages beside it."""
    return [route for route in walk_urls() if not route.pattern.startswith("admin/")]
