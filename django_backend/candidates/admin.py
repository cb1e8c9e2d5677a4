from django.contrib import admin

from accounts.admin_scoping import OrganizationScopedAdmin
from candidates.models import Candidate


@admin.register(Candidate)
class CandidateAdmin(OrganizationScopedAdmin):
    list_display = ("__str__", "email", "location", "parse_status", "has_embedding", "created_at")
    list_filter = ("parse_status", "resume_kind")
    search_fields = ("name", "email", "extracted_text")
    exclude = ("embedding",)
    readonly_fields = (
        "resume_filename",
        "resume_kind",
        "resume_sha256",
        "resume_size",
        "parse_status",
        "parse_error",
        "extracted_text",
        "embedded_text_sha256",
        "created_at",
        "updated_at",
    )

    @admin.display(boolean=True, description="Embedded")
    def has_embedding(self, candidate: Candidate) -> bool:
        return candidate.embedding is not None
