from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from accounts.admin_scoping import OrganizationScopedAdmin
from audit.models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(OrganizationScopedAdmin):
    """The audit log of the user's organization, read-only: filtered by action, actor, kind of target and date,
    searched by the target's id.

    The actor filter lists only the actors of the events the user can see (OrganizationScopedAdmin makes relation
    filters RelatedOnlyFieldListFilter), and the organization filter is left out for everyone but platform admins.
    """

    organization_path = "organization"
    list_display = ("created_at", "action", "actor", "organization", "target_type", "target_id", "target_label")
    list_filter = ("action", "actor", "target_type", "created_at", "organization")
    list_select_related = ("actor", "organization")
    search_fields = ("=target_id",)
    search_help_text = "The id of the row an event is about, e.g. 42."

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet[AuditEvent], search_term: str
    ) -> tuple[QuerySet[AuditEvent], bool]:
        # Ids are numbers: any other term matches nothing, rather than failing the integer lookup.
        term = search_term.strip()
        if not term:
            return super().get_search_results(request, queryset, search_term)
        if not term.isascii() or not term.isdigit() or len(term) > 19:
            return queryset.none(), False
        return self.scope_queryset(request, queryset.filter(target_id=int(term))), False

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
