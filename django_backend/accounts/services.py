"""Creating the platform's users, one function per role (accounts.roles says what each may do)."""

from __future__ import annotations

from accounts.models import Organization, User
from accounts.roles import OPERATORS, ORGANIZATION_ADMINS, RECRUITERS, role_group


def recruiter_create(*, username: str, password: str, organization: Organization, is_staff: bool = True) -> User:
    """A recruiter who can sign in to the admin and the API, scoped to one organization; not an operator."""
    user = User.objects.create_user(
        username=username,
        password=password,
        organization=organization,
        role=User.Role.RECRUITER,
        is_staff=is_staff,
    )
    user.groups.add(role_group(RECRUITERS))
    return user


def organization_admin_create(*, username: str, password: str, organization: Organization) -> User:
    """A recruiter who also manages the users of their organization."""
    user = User.objects.create_user(
        username=username,
        password=password,
        organization=organization,
        role=User.Role.ORGANIZATION_ADMIN,
        is_staff=True,
    )
    user.groups.add(role_group(ORGANIZATION_ADMINS))
    return user


def operator_create(*, username: str, password: str, organization: Organization | None = None) -> User:
    """An operator: Flower, the RabbitMQ UI, metrics and dead letters. Without an organization they see no
    candidate data; staff only so the admin's dead-letter pages let them in."""
    user = User.objects.create_user(
        username=username,
        password=password,
        organization=organization,
        role=User.Role.OPERATOR,
        is_staff=True,
    )
    user.groups.add(role_group(OPERATORS))
    return user
