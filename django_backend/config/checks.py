from __future__ import annotations

import os
from typing import Any

from django.conf import settings
from django.core.checks import Error, Tags, register


@register(Tags.security, deploy=True)
def secret_key_from_environment(app_configs: Any, **kwargs: Any) -> list[Error]:
    """Production must take its secret key from the environment, not from the local fallback file."""
    if settings.DEBUG or os.environ.get("DJANGO_SECRET_KEY"):
        return []
    return [
        Error(
            "DJANGO_SECRET_KEY is not set: the key comes from the local var/secret_key fallback.",
            hint="Set DJANGO_SECRET_KEY in the environment of every process.",
            id="platform.E001",
        )
    ]
