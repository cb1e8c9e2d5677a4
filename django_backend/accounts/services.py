from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from django.db.models import Q

from accounts.models import Organization, User

RECRUITERS_GROUP = "Recruiters"
# What a recruiter may do in the admin (always within their own organization, see OrganizationScopedAdmin).
RECRUITER_PERMISSIONS = {
    "candidates": ("add", "change", "view", "delete"),
    "jobs": ("add", "change", "view", "delete"),
    "applications": ("add", "change", "view"),
    "ingestion": ("add", "change", "view"),
    "realtime": ("view",),
    "audit": ("view",),
}


def recruiters_group() -> Group:
    """The group holding recruiter permissions, brought up to date with RECRUITER_PERMISSIONS."""
    group, _ = Group.objects.get_or_create(name=RECRUITERS_GROUP)
    wanted = Q(pk__in=[])
    for app_label, actions in RECRUITER_PERMISSIONS.items():
        wanted |= Q(content_type__app_label=app_label, codename__regex=rf"^({'|'.join(actions)})_")
    group.permissions.set(Permission.objects.filter(wanted))
    return group


def recruiter_create(*, username: str, password: str, organization: Organization, is_staff: bool = True) -> User:
    """A recruiter who can sign in to the admin and the API, scoped to one organization."""
    user = User.objects.create_user(
        username=username,
        password=password,
        organization=organization,
        role=User.Role.RECRUITER,
        is_staff=is_staff,
    )
    user.groups.add(recruiters_group())
    return user
