"""Creating the platform's users, one function per role (accounts.roles says what each may do)."""

from __future__ import annotations

from accounts.models import Organization, User
from accounts.roles import OPERATORS, ORGANIZATION_ADMINS, RECRUITERS, role_group


def _user_create(
    *, username: str, password: str, organization: Organization | None, role: str, group: str, is_staff: bool
) -> User:
    user = User.objects.create_user(
        username=username, password=password, organization=organization, role=role, is_staff=is_staff
    )
    user.groups.add(role_group(group))
    return user


def recruiter_create(*, username: str, password: str, organization: Organization, is_staff: bool = True) -> User:
    """A recruiter who can sign in to the admin and the API, scoped to one organization; not an operator."""
    return _user_create(
        username=username,
        password=password,
        organization=organization,
        role=User.Role.RECRUITER,
        group=RECRUITERS,
        is_staff=is_staff,
    )


def organization_admin_create(*, username: str, password: str, organization: Organization) -> User:
    """A recruiter who also manages the users of their organization."""
    return _user_create(
        username=username,
        password=password,
        organization=organization,
        role=User.Role.ORGANIZATION_ADMIN,
        group=ORGANIZATION_ADMINS,
        is_staff=True,
    )


def operator_create(*, username: str, password: str, organization: Organization | None = None) -> User:
    """An operator: Flower, the RabbitMQ UI, metrics and dead letters. Without an organization they see no
    candidate data; staff only so the admin's dead-letter pages let them in."""
    return _user_create(
        username=username,
        password=password,
        organization=organization,
        role=User.Role.OPERATOR,
        group=OPERATORS,
        is_staff=True,
    )


def candidate_account_create(*, email: str, password: str, organization: Organization) -> User:
    """A candidate's sign-in on one organization's portal: the email is the username, the password has passed
    Django's validators (the caller's form). No staff flag and no group: a candidate has no admin access at all."""
    email = email.strip().lower()
    return User.objects.create_user(
        username=email,
        email=email,
        password=password,
        organization=organization,
        role=User.Role.CANDIDATE,
        is_staff=False,
        is_superuser=False,
    )
