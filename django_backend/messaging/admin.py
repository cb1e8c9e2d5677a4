"""The conversation shown on the application's admin page, where recruiters of its organization also reply."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from accounts.admin_scoping import OrganizationScopedInline
from messaging.models import Message
from messaging.selectors import is_recruiter_side
from messaging.services import MAX_MESSAGE_CHARS


class MessageReplyForm(forms.ModelForm):
    """The reply row: the service's length limit, checked by the form so the page says so."""

    body = forms.CharField(max_length=MAX_MESSAGE_CHARS, widget=forms.Textarea(attrs={"rows": 3}))

    class Meta:
        model = Message
        fields = ("body",)


class MessageInline(OrganizationScopedInline, admin.TabularInline):
    """Sent messages are read-only; the empty row sends a reply (applications.admin routes it through
    messaging.services.message_send, audited and pushed live like one sent through the API)."""

    model = Message
    form = MessageReplyForm
    organization_path = "application__job__organization"
    fields = ("created_at", "sender_side", "sender", "body", "read_at")
    readonly_fields = ("created_at", "sender_side", "sender", "read_at")
    extra = 1
    can_delete = False
    verbose_name = "message"
    verbose_name_plural = "Messages with the candidate"

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        # The sender of every row is shown: one join, not a query per row.
        return super().get_queryset(request).select_related("sender")

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # Replies speak for the organization: its recruiters only, not a superuser from outside it.
        user: Any = request.user
        same_organization = obj is None or user.organization_id == obj.job.organization_id
        return is_recruiter_side(user) and same_organization and super().has_add_permission(request, obj)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # a sent message is not rewritten
