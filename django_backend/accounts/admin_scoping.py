from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest


class OrganizationScopedAdmin(admin.ModelAdmin):
    """Recruiters see and create only their organization's rows; superusers see everything."""

    organization_path = "organization"

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        return queryset.filter(**{f"{self.organization_path}_id": request.user.organization_id})  # type: ignore[union-attr]

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        if self.organization_path == "organization" and not obj.organization_id:
            obj.organization_id = request.user.organization_id  # type: ignore[union-attr]
        super().save_model(request, obj, form, change)
