from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from rest_framework.authtoken.models import Token

from accounts.models import Organization, User
from accounts.services import recruiter_create


class Command(BaseCommand):
    help = "Create a recruiter in an organization (created if missing) and print their API token."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--organization", required=True)
        parser.add_argument("--username", required=True)
        parser.add_argument("--password", required=True)

    def handle(self, *args: Any, **options: Any) -> None:
        if User.objects.filter(username=options["username"]).exists():
            raise CommandError(f"A user named {options['username']!r} already exists.")
        organization, _ = Organization.objects.get_or_create(name=options["organization"])
        user = recruiter_create(username=options["username"], password=options["password"], organization=organization)
        token, _ = Token.objects.get_or_create(user=user)
        self.stdout.write(token.key)
