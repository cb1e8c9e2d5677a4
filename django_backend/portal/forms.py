from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm

from accounts.login_views import LimitedAdminAuthenticationForm
from accounts.roles import is_candidate
from candidates.self_service import MAX_SKILLS


class CandidateLoginForm(LimitedAdminAuthenticationForm):
    """The portal's sign-in: the failed-login limits of the admin's form, for candidate accounts only."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": "Please enter a correct email and password. Both may be case-sensitive.",
        "not_candidate": "This sign-in is for candidates. Recruiters sign in at /admin/.",
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"].label = "Email"

    def clean_username(self) -> str:
        return str(self.cleaned_data.get("username") or "").strip().lower()  # the email, stored lower-cased

    def confirm_login_allowed(self, user: Any) -> None:
        AuthenticationForm.confirm_login_allowed(self, user)  # active accounts only; no staff check
        if not is_candidate(user):
            raise forms.ValidationError(self.error_messages["not_candidate"], code="not_candidate")


class RegisterForm(forms.Form):
    email = forms.EmailField(max_length=254)
    password1 = forms.CharField(label="Password", strip=False, widget=forms.PasswordInput)
    password2 = forms.CharField(label="Password again", strip=False, widget=forms.PasswordInput)
    notice_read = forms.BooleanField(label="I have read how applications are screened (above).")

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if first and second and first != second:
            self.add_error("password2", "The two passwords differ.")
        elif first:
            try:
                password_validation.validate_password(first)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class ProfileForm(forms.Form):
    name = forms.CharField(max_length=200, required=False)
    phone = forms.CharField(max_length=40, required=False, help_text="With the country code, e.g. +14155550100.")
    location = forms.CharField(max_length=200, required=False)
    current_title = forms.CharField(max_length=200, required=False)
    skills = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}), help_text="Comma-separated.")
    total_years_experience = forms.FloatField(required=False, min_value=0, max_value=70, label="Years of experience")

    def clean_skills(self) -> list[str]:
        skills = [skill.strip() for skill in self.cleaned_data["skills"].split(",") if skill.strip()]
        if len(skills) > MAX_SKILLS:
            raise forms.ValidationError(f"At most {MAX_SKILLS} skills.")
        return skills


class ResumeForm(forms.Form):
    resume = forms.FileField(help_text="PDF, DOCX, RTF, ODT, plain text or a PNG/JPEG scan.", allow_empty_file=True)


class EraseForm(forms.Form):
    password = forms.CharField(strip=False, widget=forms.PasswordInput, help_text="To confirm it is you.")
    confirm = forms.BooleanField(label="Delete my profile, resumes and applications. This cannot be undone.")
