"""Users, organizations, groups and API tokens in the admin.

Platform admins (superusers) manage everything. Organization admins (group "Organization admins") manage the
users of their own organization: they cannot make anyone a superuser, grant a group other than Recruiters or
Organization admins, grant single permissions, or move a user to another organization, and they never see
platform staff (superusers, operators, anyone holding what they could not grant). Recruiters see no users.
Organizations, groups and API tokens are for superusers only.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group
from django.db.models import QuerySet
from django.http import HttpRequest
from rest_framework.authtoken.admin import TokenAdmin
from rest_framework.authtoken.models import TokenProxy

from accounts.admin_scoping import OrganizationScopedAdmin, is_platform_admin
from accounts.models import Organization, User
from accounts.roles import ORGANIZATION_ADMINS, RECRUITERS

# The groups an organization admin may hand out, and the roles they may label a user with.
GRANTABLE_GROUPS = (RECRUITERS, ORGANIZATION_ADMINS)
GRANTABLE_ROLES = (User.Role.RECRUITER, User.Role.ORGANIZATION_ADMIN)


@admin.register(User)
class RecruitmentUserAdmin(OrganizationScopedAdmin, UserAdmin):
    organization_path = "organization"
    organization_editable_on_change = True  # a platform admin may move a user; an organization admin may not
    list_display = ("username", "email", "role", "organization", "is_staff")
    list_select_related = ("organization",)
    list_filter = ("role", "organization", "is_staff")
    fieldsets = (*UserAdmin.fieldsets, ("Recruitment", {"fields": ("role", "organization")}))  # type: ignore[misc]

    def scope_queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        queryset = super().scope_queryset(request, queryset)
        if is_platform_admin(request.user):
            return queryset
        # Only users an organization admin could have made: no superuser, no other group, no single permission.
        return (
            queryset.filter(is_superuser=False)
            .exclude(groups__in=Group.objects.exclude(name__in=GRANTABLE_GROUPS))
            .exclude(user_permissions__isnull=False)
        )

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        readonly = list(super().get_readonly_fields(request, obj))
        if not is_platform_admin(request.user):
            readonly += ["is_superuser", "user_permissions"]
        return readonly

    def choices_for(self, request: HttpRequest, db_field: Any, queryset: QuerySet[Any]) -> QuerySet[Any]:
        if db_field.name == "groups" and not is_platform_admin(request.user):
            return queryset.filter(name__in=GRANTABLE_GROUPS)
        return super().choices_for(request, db_field, queryset)

    def formfield_for_choice_field(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if db_field.name == "role" and not is_platform_admin(request.user):
            kwargs["choices"] = [(value, label) for value, label in User.Role.choices if value in GRANTABLE_ROLES]
        return super().formfield_for_choice_field(db_field, request, **kwargs)


@admin.register(Organization)
class OrganizationAdmin(OrganizationScopedAdmin):
    organization_path = "pk"
    superusers_only = True
    list_display = ("name", "created_at")
    search_fields = ("name",)
    ordering = ("name",)


admin.site.unregister(Group)


@admin.register(Group)
class RoleGroupAdmin(OrganizationScopedAdmin, GroupAdmin):
    """The role groups (accounts.roles): platform data, for superusers."""

    organization_path = None


admin.site.unregister(TokenProxy)


@admin.register(TokenProxy)
class ApiTokenAdmin(OrganizationScopedAdmin, TokenAdmin):
    """API tokens are credentials: superusers only, and a token's user is whoever its organization scope allows."""

    organization_path = "user__organization"
    superusers_only = True
