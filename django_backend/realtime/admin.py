from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html, format_html_join

from accounts.admin_scoping import OrganizationScopedAdmin
from accounts.roles import OPERATOR_PERMISSION
from config.task_declarations import declared_kinds
from realtime.dead_letters import DeadLetterRetryError, dead_letter_retry
from realtime.models import DeadLetter, TaskRecord
from realtime.task_logs import TaskLogError, task_log_lines


class TaskKindFilter(admin.SimpleListFilter):
    """The kinds the tasks declare, by their labels (the field has no choices: kinds need no migration)."""

    title = "kind"
    parameter_name = "kind"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, str]]:  # type: ignore[type-arg]
        return list(declared_kinds().items())

    def queryset(self, request: HttpRequest, queryset: QuerySet[TaskRecord]) -> QuerySet[TaskRecord]:
        return queryset.filter(kind=self.value()) if self.value() else queryset


@admin.register(TaskRecord)
class TaskRecordAdmin(OrganizationScopedAdmin):
    organization_path = "organization"
    list_display = (
        "task_id",
        "kind_label",
        "state",
        "progress",
        "target_link",
        "attempts",
        "created_at",
        "finished_at",
    )
    list_select_related = ("target_type",)
    list_filter = (TaskKindFilter, "state")
    search_fields = ("task_id", "error")
    readonly_fields = [field.name for field in TaskRecord._meta.fields] + ["log_lines"]

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False

    # Only on a record's own page (scoped like the list): the lines in logs/ that carry this task's id.
    @admin.display(description="Log lines (newest last)")
    def log_lines(self, record: TaskRecord) -> str:
        try:
            lines = task_log_lines(task_id=record.task_id)
        except TaskLogError as error:
            return str(error)
        if not lines:
            return "No log line of this task in the log files (older lines are in Loki)."
        rows = format_html_join(
            "",
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            ((line.time, line.service, line.level, line.logger, line.message, line.details) for line in lines),
        )
        return format_html(
            '<table class="task-log"><thead><tr><th>Time</th><th>Service</th><th>Level</th><th>Logger</th>'
            "<th>Message</th><th>Details</th></tr></thead><tbody>{}</tbody></table>",
            rows,
        )

    @admin.display(description="Kind", ordering="kind")
    def kind_label(self, record: TaskRecord) -> str:
        return record.kind_label()

    @admin.display(description="Target")
    def target_link(self, record: TaskRecord) -> str:
        target_type = record.target_type
        if target_type is None or record.target_id is None:
            return "-"
        try:
            url = reverse(f"admin:{target_type.app_label}_{target_type.model}_change", args=[record.target_id])
        except NoReverseMatch:
            return f"{target_type.model} {record.target_id}"
        return format_html('<a href="{}">{} {}</a>', url, target_type.model, record.target_id)


@admin.register(DeadLetter)
class DeadLetterAdmin(OrganizationScopedAdmin):
    """Tasks that failed for good, and the action that sends one again. Operators see every organization's."""

    organization_path = "organization"
    all_organizations_permission = OPERATOR_PERMISSION

    list_display = (
        "task_name",
        "task_id",
        "queue",
        "organization_link",
        "attempts",
        "error_excerpt",
        "created_at",
        "retried_at",
        "retry_task_id",
    )
    list_filter = ("task_name", "created_at", ("retried_at", admin.EmptyFieldListFilter))
    date_hierarchy = "created_at"
    search_fields = ("task_id", "task_name", "error", "retry_task_id")
    readonly_fields = [field.name for field in DeadLetter._meta.fields]
    list_select_related = ("organization",)
    actions = ["retry"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    @admin.display(description="Organization", ordering="organization__name")
    def organization_link(self, letter: DeadLetter) -> str:
        if letter.organization is None:
            return "-"
        url = reverse("admin:accounts_organization_change", args=[letter.organization_id])
        return format_html('<a href="{}">{}</a>', url, letter.organization)

    @admin.display(description="Error")
    def error_excerpt(self, letter: DeadLetter) -> str:
        return letter.error if len(letter.error) <= 120 else f"{letter.error[:119]}…"

    # Operators (change permission) retry; recruiters, who only view, see their organization's dead letters.
    @admin.action(description="Retry: send the task again with its original arguments", permissions=["change"])
    def retry(self, request: HttpRequest, queryset: QuerySet[DeadLetter]) -> None:
        sent: list[str] = []
        already: list[str] = []
        for letter in queryset:
            try:
                outcome = dead_letter_retry(dead_letter=letter)
            except DeadLetterRetryError as error:
                self.message_user(request, str(error), messages.ERROR)
                continue
            (sent if outcome.sent else already).append(outcome.task_id)
        if sent:
            self.message_user(request, f"Sent {len(sent)} task(s) again: {', '.join(sent)}.", messages.SUCCESS)
        if already:
            self.message_user(
                request, f"{len(already)} had been retried already; nothing sent for them.", messages.WARNING
            )
