from __future__ import annotations

from typing import Any

from rest_framework.exceptions import NotAuthenticated
from rest_framework.permissions import BasePermission

from accounts.models import Organization, User
from accounts.roles import is_candidate


class IsOrganizationMember(BasePermission):
    """Recruiter-owned data is only reachable by members of an organization; a candidate belongs to one too, as
    the organization whose portal they registered on, and reaches only their own data (IsCandidate)."""

    message = "Your account does not belong to an organization."

    def has_permission(self, request: Any, view: Any) -> bool:
        if is_candidate(request.user):
            self.message = "Candidate accounts reach their own data under /api/portal/ only."
            return False
        return bool(request.user and request.user.is_authenticated and request.user.organization_id)


class IsCandidate(BasePermission):
    """The candidate's own endpoints (/api/portal/): only their account, never a recruiter's."""

    message = "These endpoints are for candidate accounts."

    def has_permission(self, request: Any, view: Any) -> bool:
        return is_candidate(request.user) and bool(request.user.organization_id)


def request_user(request: Any) -> User:
    """The signed-in user of a request that IsOrganizationMember has let through."""
    user = request.user
    if not isinstance(user, User) or user.organization is None:
        raise NotAuthenticated()
    return user


def request_organization(request: Any) -> Organization:
    organization = request_user(request).organization
    assert organization is not None  # checked by request_user
    return organization
