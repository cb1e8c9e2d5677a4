"""The platform's roles, as Django groups holding permissions: one table says what each role may do.

- Recruiter: their organization's candidates, jobs, applications, interviews, imports, tasks, messages with
  candidates and audit log (admin and API).
- Organization admin: a recruiter who also manages the users of their organization.
- Operator: Flower, the RabbitMQ UI, metrics, dead letters and the alerts Alertmanager sent; no candidate data unless
  also a recruiter.
- Platform admin: a superuser.
- Candidate: no admin access; only their own data.

Every admin is scoped to the user's organization as well (accounts.admin_scoping): a permission says what kind
of row a role may touch, the organization says which rows.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import Group, Permission
from django.db.models import Q

RECRUITERS = "Recruiters"
ORGANIZATION_ADMINS = "Organization admins"
OPERATORS = "Operators"

# The permission that opens the operator UIs (Flower, RabbitMQ management, metrics); declared on Organization.
OPERATOR_PERMISSION = "accounts.use_operator_uis"

_RECRUITER_ACTIONS: dict[str, tuple[str, ...]] = {
    "candidates": ("add", "change", "view", "delete"),
    # A job is archived, never deleted, by its recruiters (jobs.lifecycle): its applications and history stay.
    "jobs": ("add", "change", "view"),
    "applications": ("add", "change", "view"),
    "interviews": ("add", "change", "view"),
    "ingestion": ("add", "change", "view"),
    "realtime.taskrecord": ("view",),
    "realtime.deadletter": ("view",),
    "audit": ("view",),
    "notifications.emailnotification": ("view", "resend_emailnotification"),
    "messaging.message": ("add", "view"),
}
# What each role's group holds: "app_label" or "app_label.model" -> actions, plus named permissions.
ROLE_PERMISSIONS: dict[str, dict[str, tuple[str, ...]]] = {
    RECRUITERS: _RECRUITER_ACTIONS,
    ORGANIZATION_ADMINS: {**_RECRUITER_ACTIONS, "accounts.user": ("add", "change", "view", "delete")},
    OPERATORS: {
        "realtime.deadletter": ("view", "change"),
        "ops.alert": ("view",),
        "accounts.organization": ("use_operator_uis",),
    },
}


def _permissions_for(actions_by_target: dict[str, tuple[str, ...]]) -> Any:
    wanted = Q(pk__in=[])
    for target, actions in actions_by_target.items():
        app_label, _, model = target.partition(".")
        scope = Q(content_type__app_label=app_label)
        if model:
            scope &= Q(content_type__model=model)
        crud = [action for action in actions if action in ("add", "change", "view", "delete")]
        named = [action for action in actions if action not in crud]
        match = Q(pk__in=[])
        if crud:
            suffix = f"_{model}$" if model else "_"
            match |= Q(codename__regex=rf"^({'|'.join(crud)}){suffix}")
        if named:
            match |= Q(codename__in=named)
        wanted |= scope & match
    return Permission.objects.filter(wanted)


def role_group(name: str) -> Group:
    """The group of one role, its permissions brought up to date with ROLE_PERMISSIONS."""
    group, _ = Group.objects.get_or_create(name=name)
    group.permissions.set(_permissions_for(ROLE_PERMISSIONS[name]))
    return group


def sync_role_groups(**_: Any) -> None:
    """Create or update every role's group (run after each migrate)."""
    for name in ROLE_PERMISSIONS:
        role_group(name)


def is_candidate(user: Any) -> bool:
    """A candidate's own account: their portal only, never recruiter data of their organization."""
    return bool(user and user.is_authenticated and getattr(user, "role", "") == "candidate")


def is_operator(user: Any) -> bool:
    return bool(user and user.is_authenticated and user.is_active and user.has_perm(OPERATOR_PERMISSION))
