"""The admin's scheduling form: what a recruiter picks (an application and interviewers of their organization, the
times as wall-clock times in a zone) handed to interviews.services.interview_schedule, whose refusals (a conflict,
a nonexistent local time, a missing meeting link) come back as the form's errors."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet

from accounts.admin_scoping import scope_to_user
from accounts.models import User
from applications.models import Application
from applications.pipeline import FINAL_STAGES
from interviews.models import Interview
from interviews.services import InterviewRefused, interview_schedule
from interviews.timezones import zone_named

LOCAL_INPUT = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


def schedule_choices(user: Any) -> tuple[QuerySet[Application], QuerySet[User]]:
    """Open applications and active recruiters the user may pick: their organization's (a superuser's: all)."""
    applications = scope_to_user(
        Application.objects.exclude(status__in=FINAL_STAGES).select_related("candidate", "job"),
        "job__organization",
        user,
    ).order_by("-created_at")
    interviewers = scope_to_user(
        User.objects.filter(is_active=True, organization__isnull=False).exclude(role=User.Role.CANDIDATE),
        "organization",
        user,
    ).order_by("username")
    return applications, interviewers


class LocalDateTimeField(forms.DateTimeField):
    """A wall-clock time as typed, without a zone: the service reads it in the interview's zone."""

    def to_python(self, value: Any) -> datetime | None:
        parsed = super().to_python(value)  # aware in the server's zone (UTC): the same wall-clock digits
        return parsed.replace(tzinfo=None) if parsed is not None else None


class ScheduleForm(forms.Form):
    application = forms.ModelChoiceField(queryset=Application.objects.none())
    interviewers = forms.ModelMultipleChoiceField(
        queryset=User.objects.none(), widget=forms.SelectMultiple(attrs={"size": 6})
    )
    timezone = forms.CharField(
        max_length=64, initial="UTC", help_text="An IANA time zone name, e.g. Europe/Rome or America/New_York."
    )
    starts_at = LocalDateTimeField(label="Starts", widget=LOCAL_INPUT, help_text="In the time zone above.")
    ends_at = LocalDateTimeField(label="Ends", widget=LOCAL_INPUT, help_text="In the time zone above.")
    kind = forms.ChoiceField(choices=Interview.Kind.choices, initial=Interview.Kind.VIDEO)
    meeting_url = forms.URLField(label="Meeting link", max_length=500, required=False, assume_scheme="https")
    location = forms.CharField(max_length=300, required=False)

    def __init__(self, *args: Any, applications: QuerySet[Application], interviewers: QuerySet[User], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["application"].queryset = applications  # type: ignore[attr-defined]
        self.fields["interviewers"].queryset = interviewers  # type: ignore[attr-defined]

    def clean_timezone(self) -> str:
        name = self.cleaned_data["timezone"].strip()
        zone_named(name)  # a ValidationError naming the zone
        return name

    def schedule(self, *, by: User) -> Interview | None:
        """Book the interview; None, with the service's reason on the form, when it is refused."""
        data = self.cleaned_data
        try:
            return interview_schedule(
                application=data["application"],
                starts_at=data["starts_at"],
                ends_at=data["ends_at"],
                timezone_name=data["timezone"],
                interviewers=list(data["interviewers"]),
                kind=data["kind"],
                location=data["location"],
                meeting_url=data["meeting_url"],
                by=by,
            )
        except ValidationError as error:
            self.add_error(_field_of(error), error)
        except InterviewRefused as refused:
            self.add_error(None, refused.message)
        return None


def _field_of(error: ValidationError) -> str | None:
    """The field a service refusal is about, so the message shows beside it."""
    code = getattr(error, "code", None)
    return {
        "meeting_url_required": "meeting_url",
        "location_required": "location",
        "no_interviewers": "interviewers",
        "interviewer_not_in_organization": "interviewers",
        "too_many": "interviewers",
        "nonexistent_local_time": "starts_at",
        "ambiguous_local_time": "starts_at",
        "in_the_past": "starts_at",
        "ends_before_start": "ends_at",
    }.get(code or "")
