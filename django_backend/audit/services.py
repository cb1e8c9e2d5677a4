from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import models
from django.db.models import Q

from accounts.models import Organization, User
from audit.models import AuditEvent


def target_ref(target: models.Model) -> tuple[str, int]:
    """How an audit event names a row: its model label (`app_label.model`) and primary key."""
    return target._meta.label_lower, target.pk


def target_label(model_label: str, pk: int | None) -> str:
    """The label shown for a target: ids only, since a row's own description may name a person."""
    return f"{model_label} #{pk}"


def audit_record(
    *, action: str, organization: Organization | None, actor: User | None = None, target: Any = None, **data: Any
) -> AuditEvent:
    """Append one event (a single INSERT). `data` must hold ids and codes, never names, emails or text."""
    model_label, pk = target_ref(target) if isinstance(target, models.Model) else ("", None)
    return AuditEvent.objects.create(
        organization=organization,
        actor=actor if actor is not None and actor.is_authenticated else None,
        action=action,
        target_type=model_label,
        target_id=pk,
        target_label=target_label(model_label, pk) if model_label else (str(target)[:200] if target else ""),
        data=data,
    )


def audit_events_about(targets: Iterable[tuple[str, int]]) -> models.QuerySet[AuditEvent]:
    """Every event whose target is one of `targets` ((model label, pk) pairs)."""
    by_type: dict[str, list[int]] = {}
    for model_label, pk in targets:
        by_type.setdefault(model_label, []).append(pk)
    match = Q(pk__in=[])
    for model_label, pks in by_type.items():
        match |= Q(target_type=model_label, target_id__in=pks)
    return AuditEvent.objects.filter(match)


def audit_redact_targets(*, organization_id: int, targets: dict[tuple[str, int], str]) -> int:
    """Make older events about rows being erased name them by id only; returns how many were rewritten.

    `targets` maps each row's (model label, pk) to its description (`str(row)`). Events written since targets
    are recorded by id carry ids only already; events written before were labelled with that description,
    which can be a person's name. Rewriting those labels is the one update the append-only log allows:
    erasure outranks an unchanged label.
    """
    by_description = {description[:200]: ref for ref, description in targets.items() if description}
    legacy = AuditEvent.objects.filter(
        target_type="", target_id__isnull=True, organization_id=organization_id, target_label__in=list(by_description)
    ).values_list("pk", "target_label")
    rewritten = 0
    for pk, label in list(legacy):
        model_label, target_pk = by_description[label]
        rewritten += AuditEvent.objects.filter(pk=pk).update(
            target_type=model_label, target_id=target_pk, target_label=target_label(model_label, target_pk)
        )
    return rewritten
