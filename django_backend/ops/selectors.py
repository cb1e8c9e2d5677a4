from __future__ import annotations

from datetime import datetime, timedelta

from django.db.models import Q, QuerySet
from django.utils import timezone

from ops.models import Alert

# How long a resolved alert stays on the operators' list: long enough to see what happened overnight.
RECENTLY_RESOLVED = timedelta(hours=24)


def alerts_for_operators(*, now: datetime | None = None) -> QuerySet[Alert]:
    """What fires now, then what resolved within RECENTLY_RESOLVED, newest first within each."""
    since = (now or timezone.now()) - RECENTLY_RESOLVED
    return Alert.objects.filter(Q(status=Alert.Status.FIRING) | Q(ends_at__gte=since)).order_by("status", "-starts_at")
