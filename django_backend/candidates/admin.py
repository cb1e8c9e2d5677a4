from __future__ import annotations

from typing import Any, ClassVar

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils.html import format_html, format_html_join

from accounts.admin_scoping import OrganizationScopedAdmin, OrganizationScopedInline
from audit.services import audit_record
from candidates.models import Candidate, ResumeVersion
from candidates.privacy import candidate_delete


class ResumeVersionInline(OrganizationScopedInline, admin.TabularInline):
    model = ResumeVersion
    organization_path = "organization"
    fields = ("filename", "kind", "parse_status", "parse_error", "red_flags", "created_at")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Candidate)
class CandidateAdmin(OrganizationScopedAdmin):
    organization_path = "organization"
    list_display = (
        "__str__",
        "email",
        "phone",
        "current_title",
        "total_years_experience",
        "has_embedding",
        "created_at",
    )
    search_fields = ("name", "email", "phone", "current_title", "extracted_text")
    inlines = [ResumeVersionInline]
    fieldsets: ClassVar[tuple[Any, ...]] = (  # matching.admin adds the best jobs
        (None, {"fields": ("name", "email", "phone", "location", "organization")}),
        (
            "From the current resume",
            {"fields": ("current_title", "total_years_experience", "skill_evidence", "work_history", "education")},
        ),
        ("Text", {"fields": ("extracted_text",), "classes": ("collapse",)}),
    )
    readonly_fields: ClassVar[tuple[str, ...]] = (
        "current_title",
        "total_years_experience",
        "skill_evidence",
        "work_history",
        "education",
        "extracted_text",
    )

    def change_view(
        self, request: HttpRequest, object_id: str, form_url: str = "", extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        response = super().change_view(request, object_id, form_url, extra_context)
        if request.method == "GET" and response.status_code == 200:
            # Who looked at whose personal data: the same access record the API's detail view writes.
            candidate = self.get_object(request, object_id)
            if candidate is not None:
                audit_record(
                    action="candidate.viewed",
                    organization=candidate.organization,
                    actor=request.user,  # type: ignore[arg-type]
                    target=candidate,
                    surface="admin",
                )
        return response

    # Deleting from the admin erases as the API does: resume versions, files, scores, task payloads (privacy).
    def delete_model(self, request: HttpRequest, obj: Candidate) -> None:
        candidate_delete(candidate=obj, actor=request.user)  # type: ignore[arg-type]

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Candidate]) -> None:
        for candidate in queryset:
            candidate_delete(candidate=candidate, actor=request.user)  # type: ignore[arg-type]

    def get_deleted_objects(self, objs: Any, request: HttpRequest) -> Any:
        # The erasure owns what cascades (applications, scores, resumes): deleting a candidate needs the delete
        # permission on candidates only, not on every kind of row that goes with them.
        deleted, model_count, _, protected = super().get_deleted_objects(objs, request)
        return deleted, model_count, set(), protected

    @admin.display(boolean=True, description="Embedded")
    def has_embedding(self, candidate: Candidate) -> bool:
        return candidate.embedding is not None

    @admin.display(description="Skills and their evidence")
    def skill_evidence(self, candidate: Candidate) -> str:
        rows = [
            (item["name"], item["section"], item.get("role") or "", item.get("months") or "", item["context"])
            for item in candidate.profile.get("skills", [])
        ]
        return admin_table(("Skill", "Section", "Role or project", "Months", "Resume line"), rows)

    @admin.display(description="Work history")
    def work_history(self, candidate: Candidate) -> str:
        rows = [
            (
                entry["title"],
                entry["employer"],
                _year_month(entry["start"]),
                "present" if entry["is_current"] else _year_month(entry["end"]),
                entry.get("months") or "",
            )
            for entry in candidate.profile.get("work_history", [])
        ]
        return admin_table(("Title", "Employer", "From", "To", "Months"), rows)

    @admin.display(description="Education")
    def education(self, candidate: Candidate) -> str:
        rows = [
            (
                entry.get("degree_level") or "",
                entry.get("field") or "",
                entry.get("institution") or "",
                entry.get("year") or "",
            )
            for entry in candidate.profile.get("education", [])
        ]
        return admin_table(("Degree", "Field", "Institution", "Year"), rows)


def admin_table(headers: tuple[str, ...], rows: list[tuple[Any, ...]]) -> str:
    """A small read-only HTML table for the admin, every cell escaped."""
    if not rows:
        return "-"
    head = format_html_join("", "<th>{}</th>", ((header,) for header in headers))
    cells = "".join("<td>{}</td>" for _ in headers)
    body = format_html_join("", f"<tr>{cells}</tr>", rows)
    return format_html("<table><thead><tr>{}</tr></thead><tbody>{}</tbody></table>", head, body)


def _year_month(value: dict[str, int] | None) -> str:
    return f"{value['year']}-{value['month']:02d}" if value else ""


@admin.register(ResumeVersion)
class ResumeVersionAdmin(OrganizationScopedAdmin):
    organization_path = "organization"
    list_display = ("filename", "candidate", "kind", "parse_status", "flagged", "created_at")
    list_select_related = ("candidate",)
    list_filter = ("parse_status", "kind", "ocr_used")
    search_fields = ("filename", "sha256", "candidate__name")
    exclude = ("file", "parsed", "given_details", "uploaded_by")
    readonly_fields = (
        "organization",
        "candidate",
        "filename",
        "kind",
        "sha256",
        "size",
        "parse_status",
        "parse_error",
        "red_flags",
        "ocr_used",
        "extracted_text",
        "created_at",
        "parsed_at",
    )

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # resumes arrive by upload or import, where they are checked

    @admin.display(description="Red flags")
    def flagged(self, resume: ResumeVersion) -> str:
        # A count, blank when there are none: a yes/no icon would show a red cross on every clean resume.
        return f"⚠ {len(resume.red_flags)}" if resume.red_flags else ""
