"""Inlines shared by the admins of several apps."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from accounts.admin_scoping import OrganizationScopedInline


class WrittenByServiceInline(OrganizationScopedInline, admin.TabularInline):
    """Rows a service writes (a history, a task's findings): shown on their parent's page, never edited by hand.
    Subclasses set `model`, `organization_path` and `fields`."""

    extra = 0
    can_delete = False

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        return self.fields

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
