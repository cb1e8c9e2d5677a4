from __future__ import annotations

import os
from typing import Any

from django.core.management.base import BaseCommand

from accounts.models import Organization, User


class Command(BaseCommand):
    help = "Create the demo organization and superuser of a local run if they do not exist."

    def handle(self, *args: Any, **options: Any) -> None:
        username = os.environ.get("DEMO_ADMIN_USERNAME", "admin")
        password = os.environ.get("DEMO_ADMIN_PASSWORD", "admin")
        organization, _ = Organization.objects.get_or_create(name="Demo Recruiting")
        if User.objects.filter(username=username).exists():
            return
        User.objects.create_superuser(
            username=username, password=password, organization=organization, role=User.Role.ADMIN
        )
        self.stdout.write(f"Created the demo admin '{username}'.")
