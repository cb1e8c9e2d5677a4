from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from rest_framework.authtoken.models import Token

from accounts.models import Organization, User
from accounts.services import operator_create, organization_admin_create, recruiter_create

ROLES: dict[str, Callable[..., User]] = {
    "recruiter": recruiter_create,  # never an operator
    "organization_admin": organization_admin_create,
    "operator": operator_create,
}


class Command(BaseCommand):
    help = (
        "Create a recruiter (or, with --role, an organization admin or an operator) in an organization, created if "
        "missing, and print their API token. Operators need no organization."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--organization")
        parser.add_argument("--username", required=True)
        parser.add_argument("--password", required=True)
        parser.add_argument("--role", choices=sorted(ROLES), default="recruiter")

    def handle(self, *args: Any, **options: Any) -> None:
        if User.objects.filter(username=options["username"]).exists():
            raise CommandError(f"A user named {options['username']!r} already exists.")
        role = options["role"]
        if not options["organization"] and role != "operator":
            raise CommandError(f"A {role.replace('_', ' ')} needs --organization.")
        organization = None
        if options["organization"]:
            organization, _ = Organization.objects.get_or_create(name=options["organization"])
        user = ROLES[role](username=options["username"], password=options["password"], organization=organization)
        token, _ = Token.objects.get_or_create(user=user)
        self.stdout.write(token.key)
