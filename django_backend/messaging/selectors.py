"""Who may take part in an application's conversation, and what it holds."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, QuerySet

from accounts.models import User
from applications.models import Application
from candidates.models import Candidate
from messaging.models import Message, Side


def candidate_id_of(user: Any) -> int | None:
    """The Candidate a user signs in as (Candidate.account), or None."""
    if not user or not user.is_authenticated or not user.is_active:
        return None
    return Candidate.objects.filter(account_id=user.pk).values_list("pk", flat=True).first()


def is_recruiter_side(user: Any) -> bool:
    """A member of an organization who is not a candidate: writes for their organization's applications."""
    return bool(
        user and user.is_authenticated and user.is_active and user.organization_id and user.role != User.Role.CANDIDATE
    )


def may_message(user: Any) -> bool:
    """Whether the user takes part in any conversation at all (the API's 403 for everyone else)."""
    return is_recruiter_side(user) or candidate_id_of(user) is not None


@dataclass(frozen=True)
class ChatAccess:
    """An application's conversation as one user sees it: `exists` is False for an unknown id, `side` is None for
    an application the user is not part of."""

    exists: bool
    side: str | None = None
    application: Application | None = None


def chat_access(*, user: Any, application_id: int) -> ChatAccess:
    application = Application.objects.select_related("job__organization").filter(pk=application_id).first()
    if application is None:
        return ChatAccess(exists=False)
    if is_recruiter_side(user) and user.organization_id == application.job.organization_id:
        return ChatAccess(exists=True, side=Side.RECRUITER, application=application)
    if application.candidate_id == candidate_id_of(user):
        return ChatAccess(exists=True, side=Side.CANDIDATE, application=application)
    return ChatAccess(exists=True)


def thread(*, application: Application) -> QuerySet[Message]:
    return Message.objects.filter(application=application).order_by("created_at", "pk")


def unread_counts(*, application: Application) -> dict[str, int]:
    """Per side, the messages of the other side it has not read yet."""
    unread = (
        Message.objects.filter(application=application, read_at__isnull=True)
        .values("sender_side")
        .annotate(count=Count("pk"))
    )
    by_sender = {row["sender_side"]: row["count"] for row in unread}
    return {Side.RECRUITER: by_sender.get(Side.CANDIDATE, 0), Side.CANDIDATE: by_sender.get(Side.RECRUITER, 0)}


def unread_by_application(*, user: Any) -> list[dict[str, int]]:
    """The user's applications with messages they have not read, and how many: one query."""
    unread = Message.objects.filter(read_at__isnull=True)
    if is_recruiter_side(user):
        unread = unread.filter(application__job__organization_id=user.organization_id, sender_side=Side.CANDIDATE)
    elif (candidate_id := candidate_id_of(user)) is not None:
        unread = unread.filter(application__candidate_id=candidate_id, sender_side=Side.RECRUITER)
    else:
        return []
    rows = unread.values("application_id").annotate(unread=Count("pk")).order_by("application_id")
    return [{"application": row["application_id"], "unread": row["unread"]} for row in rows]
