"""The candidate portal's pages: thin views over the same services as /api/portal/ (portal.api).

Anonymous visitors are sent to the portal's sign-in; signed-in accounts that are not candidates get 403.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.views import LoginView, redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as ModelValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from accounts.models import Organization
from accounts.roles import is_candidate
from applications.pipeline import StageChangeRefused, allowed_moves
from applications.selectors import applications_of_candidate, released_gap_feedback, stage_history_for_candidate
from applications.services import DuplicateApplication, ResumeMissing, application_withdraw, candidate_apply
from candidates.export import candidate_export
from candidates.models import Candidate
from candidates.self_service import (
    AccountExists,
    NoCandidateProfile,
    candidate_of,
    candidate_profile_correct,
    candidate_register,
    candidate_self_erase,
)
from config.throttling import RegistrationRateThrottle
from ingestion.candidate_upload import ResumeOnFile, candidate_resume_upload
from jobs.lifecycle import JobNotOpen
from jobs.models import JobPosting
from matching.recommendations import open_jobs_for_candidate
from messaging.models import Side
from messaging.selectors import unread_counts
from portal.api import ALREADY_APPLIED
from portal.forms import CandidateLoginForm, EraseForm, ProfileForm, RegisterForm, ResumeForm
from portal.interview_display import interviews_shown
from portal.notices import SCREENING_NOTICE
from recruitment_core.extraction import ExtractionError

RECOMMENDATIONS_SHOWN = 20
View = Callable[..., HttpResponseBase]


def candidate_required(view: View) -> View:
    """The signed-in candidate's own row as the view's second argument."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse("portal:login"))
        if not is_candidate(request.user):
            raise PermissionDenied("The portal is for candidate accounts.")
        try:
            candidate = candidate_of(request.user)
        except NoCandidateProfile as missing:
            raise Http404("Your account has no candidate profile.") from missing
        return view(request, candidate, *args, **kwargs)

    return wrapper


class CandidateLoginView(LoginView):
    form_class = CandidateLoginForm
    template_name = "portal/login.html"
    next_page = "portal:home"

    def form_invalid(self, form: Any) -> HttpResponse:
        response = super().form_invalid(form)
        wait = getattr(self.request, "login_retry_after", None)
        if wait is not None:  # past the failed-login limit, as the admin's sign-in answers
            response.status_code = 429
            response["Retry-After"] = str(wait)
        return response


@require_http_methods(["GET", "POST"])
def register(request: HttpRequest, organization_id: int) -> HttpResponse:
    organization = get_object_or_404(Organization, pk=organization_id)
    if request.user.is_authenticated:
        return redirect("home")
    if request.method == "POST" and (wait := registration_wait(request)) is not None:
        return _registration_refused(request, organization, wait)
    form = RegisterForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            candidate = candidate_register(
                organization=organization, email=form.cleaned_data["email"], password=form.cleaned_data["password1"]
            )
        except AccountExists as exists:
            form.add_error("email", exists)
        else:
            assert candidate.account is not None  # made with it
            login(request, candidate.account, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, "Welcome. Upload your resume to see the jobs that fit you.")
            return redirect("portal:resume")
    context = {"form": form, "organization": organization, "notice": SCREENING_NOTICE}
    return render(request, "portal/register.html", context)


def registration_wait(request: HttpRequest) -> int | None:
    """Seconds until this address may register again, or None while under the `registration` rate."""
    throttle = RegistrationRateThrottle()
    if throttle.allow_request(request, None):
        return None
    return max(1, math.ceil(throttle.wait() or 1))


def _registration_refused(request: HttpRequest, organization: Organization, wait: int) -> HttpResponse:
    minutes = max(1, math.ceil(wait / 60))
    error = f"Too many registrations from your network. Please try again in {minutes} minute(s)."
    context = {"form": RegisterForm(), "organization": organization, "notice": SCREENING_NOTICE, "error": error}
    response = render(request, "portal/register.html", context, status=429)
    response["Retry-After"] = str(wait)
    return response


@require_http_methods(["POST"])
def sign_out(request: HttpRequest) -> HttpResponse:
    logout(request)
    return redirect("portal:login")


@candidate_required
def home(request: HttpRequest, candidate: Candidate) -> HttpResponse:
    context = {"candidate": candidate, "applications": applications_of_candidate(candidate=candidate)}
    return render(request, "portal/home.html", context)


@require_http_methods(["GET", "POST"])
@candidate_required
def profile(request: HttpRequest, candidate: Candidate) -> HttpResponse:
    initial = {
        "name": candidate.name,
        "phone": candidate.phone,
        "location": candidate.location,
        "current_title": candidate.current_title,
        "skills": ", ".join(candidate.skills),
        "total_years_experience": candidate.total_years_experience,
    }
    form = ProfileForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        changes = {name: value for name, value in form.cleaned_data.items() if name in form.changed_data}
        try:
            correction = candidate_profile_correct(candidate=candidate, actor=request.user, changes=changes)  # type: ignore[arg-type]
        except ModelValidationError as error:
            form.add_error("phone" if error.code == "invalid_phone" else None, error)
        else:
            messages.success(request, f"Saved: {', '.join(correction.fields) or 'nothing changed'}.")
            return redirect("portal:profile")
    return render(request, "portal/profile.html", {"candidate": candidate, "form": form})


@require_http_methods(["GET", "POST"])
@candidate_required
def resume(request: HttpRequest, candidate: Candidate) -> HttpResponse:
    form = ResumeForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            intake = candidate_resume_upload(
                candidate=candidate,
                user=request.user,  # type: ignore[arg-type]
                uploaded=form.cleaned_data["resume"],
            )
        except (ExtractionError, ResumeOnFile) as refused:
            form.add_error("resume", str(refused))
        else:
            if intake.duplicate:
                messages.info(request, "You uploaded this file already.")
            else:
                messages.success(request, "Received. Your profile is filled in from it in a moment.")
            return redirect("portal:resume")
    resumes = candidate.resume_versions.order_by("-created_at")
    return render(request, "portal/resume.html", {"candidate": candidate, "form": form, "resumes": resumes})


@candidate_required
def jobs(request: HttpRequest, candidate: Candidate) -> HttpResponse:
    ranked = open_jobs_for_candidate(candidate=candidate, limit=RECOMMENDATIONS_SHOWN)
    applied = set(candidate.applications.values_list("job_id", flat=True))
    context = {"candidate": candidate, "ranked": ranked, "applied": applied, "notice": SCREENING_NOTICE}
    return render(request, "portal/jobs.html", context)


@require_http_methods(["GET", "POST"])
@candidate_required
def apply(request: HttpRequest, candidate: Candidate, pk: int) -> HttpResponse:
    job = get_object_or_404(JobPosting.objects.filter(organization_id=candidate.organization_id), pk=pk)
    error = ""
    if request.method == "POST":
        try:
            application = candidate_apply(candidate=candidate, job=job, by=request.user)  # type: ignore[arg-type]
        except DuplicateApplication:
            error = ALREADY_APPLIED
        except JobNotOpen as refused:
            error = refused.message
        except ResumeMissing as missing:
            error = str(missing.message)
        else:
            messages.success(request, f"You applied to {job.title}.")
            return redirect("portal:application", pk=application.pk)
    status = 409 if error else 200
    context = {"candidate": candidate, "job": job, "error": error, "notice": SCREENING_NOTICE}
    return render(request, "portal/apply.html", context, status=status)


@candidate_required
def application_detail(request: HttpRequest, candidate: Candidate, pk: int) -> HttpResponse:
    application = get_object_or_404(applications_of_candidate(candidate=candidate), pk=pk)
    context = {
        "candidate": candidate,
        "application": application,
        "history": stage_history_for_candidate(application=application),
        "gap_feedback": released_gap_feedback(application=application),
        "can_withdraw": "withdrawn" in allowed_moves(application.status),
        "interviews": interviews_shown(candidate=candidate, application=application),
        "unread": unread_counts(application=application)[Side.CANDIDATE],
    }
    return render(request, "portal/application.html", context)


@require_http_methods(["GET", "POST"])
@candidate_required
def withdraw(request: HttpRequest, candidate: Candidate, pk: int) -> HttpResponse:
    application = get_object_or_404(applications_of_candidate(candidate=candidate), pk=pk)
    error = ""
    if request.method == "POST":
        try:
            application_withdraw(application=application, by=request.user)  # type: ignore[arg-type]
        except StageChangeRefused as refused:
            error = refused.message
        else:
            messages.success(request, f"You withdrew your application to {application.job.title}.")
            return redirect("portal:application", pk=application.pk)
    context = {"candidate": candidate, "application": application, "error": error}
    return render(request, "portal/withdraw.html", context, status=409 if error else 200)


@candidate_required
def export(request: HttpRequest, candidate: Candidate) -> FileResponse:
    archive = candidate_export(candidate=candidate, actor=request.user, for_candidate=True)  # type: ignore[arg-type]
    return FileResponse(archive, as_attachment=True, filename="my-data.zip", content_type="application/zip")


@require_http_methods(["GET", "POST"])
@candidate_required
def erase(request: HttpRequest, candidate: Candidate) -> HttpResponse:
    form = EraseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user: Any = request.user
        if user.check_password(form.cleaned_data["password"]):
            candidate_self_erase(candidate=candidate, user=user)
            logout(request)
            return render(request, "portal/erased.html")
        form.add_error("password", "The password is wrong; nothing was deleted.")
    return render(request, "portal/erase.html", {"candidate": candidate, "form": form})
