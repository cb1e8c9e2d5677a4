from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from accounts.models import Organization, User


@admin.register(User)
class RecruitmentUserAdmin(UserAdmin):
    list_display = ("username", "email", "role", "organization", "is_staff")
    list_filter = ("role", "organization", "is_staff")
    fieldsets = (*UserAdmin.fieldsets, ("Recruitment", {"fields": ("role", "organization")}))  # type: ignore[misc]


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ("name", "created_at")
    search_fields = ("name",)
