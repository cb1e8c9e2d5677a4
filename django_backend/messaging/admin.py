"""The conversation shown on the application's admin page, where recruiters of its organization also reply.

Messaging sits above applications: it extends that app's admin page with the conversation rather than the page
importing messaging."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from accounts.admin_scoping import OrganizationScopedInline
from applications.admin import ApplicationAdmin
from applications.models import Application
from messaging.models import Message, Side
from messaging.selectors import is_recruiter_side
from messaging.services import MAX_MESSAGE_CHARS, message_send, messages_mark_read


class MessageReplyForm(forms.ModelForm):
    """The reply row: the service's length limit, checked by the form so the page says so."""

    body = forms.CharField(max_length=MAX_MESSAGE_CHARS, widget=forms.Textarea(attrs={"rows": 3}))

    class Meta:
        model = Message
        fields = ("body",)


class MessageInline(OrganizationScopedInline, admin.TabularInline):
    """Sent messages are read-only; the empty row sends a reply (ApplicationConversationAdmin routes it through
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


admin.site.unregister(Application)


@admin.register(Application)
class ApplicationConversationAdmin(ApplicationAdmin):
    """The application admin page with the messages exchanged with the candidate."""

    inlines = (*ApplicationAdmin.inlines, MessageInline)

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        if formset.model is not Message:
            super().save_formset(request, form, formset, change)
            return
        # What formset.save() would have set: the admin's change message reads them.
        formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
        for extra_form in formset.extra_forms:
            if extra_form.has_changed() and extra_form.cleaned_data.get("body"):
                # Answering is reading: the candidate's messages so far count as read by the recruiters.
                messages_mark_read(application=form.instance, side=Side.RECRUITER)
                reply = message_send(
                    application=form.instance,
                    sender=request.user,  # type: ignore[arg-type]
                    side=Side.RECRUITER,
                    body=extra_form.cleaned_data["body"],
                )
                formset.new_objects.append(reply)
