from __future__ import annotations

from typing import Any

from accounts.models import Organization, User
from audit.models import AuditEvent


def audit_record(
    *, action: str, organization: Organization | None, actor: User | None = None, target: Any = None, **data: Any
) -> AuditEvent:
    return AuditEvent.objects.create(
        organization=organization,
        actor=actor if actor is not None and actor.is_authenticated else None,
        action=action,
        target_label=str(target)[:200] if target is not None else "",
        data=data,
    )
