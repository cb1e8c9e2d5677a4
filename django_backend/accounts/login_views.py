"""The sign-in endpoints (admin login, API token, JWT obtain and refresh) behind the failed-login limits of
accounts.throttling: past the limit they answer 429 with Retry-After and check no password."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.signals import user_logged_in
from django.http import HttpRequest, HttpResponse
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.exceptions import AuthenticationFailed, Throttled, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework_simplejwt.views import TokenObtainPairView, TokenRefreshView

from accounts.models import User
from accounts.throttling import client_address, login_failure_record, login_retry_after, login_success_record
from config.throttling import AnonRateThrottle, UserRateThrottle

TOO_MANY_ATTEMPTS = "too_many_attempts"
TOO_MANY_ATTEMPTS_DETAIL = "Too many failed sign-in attempts. Wait before trying again."


class TooManyAttempts(Throttled):
    default_code = TOO_MANY_ATTEMPTS

    def __init__(self, wait: int) -> None:
        super().__init__(wait=wait, detail=TOO_MANY_ATTEMPTS_DETAIL, code=TOO_MANY_ATTEMPTS)


def _limited(request: Request, username: str, attempt: Any) -> Response:
    address = client_address(request)
    wait = login_retry_after(username=username, address=address)
    if wait is not None:
        raise TooManyAttempts(wait)
    try:
        response = attempt()
    except AuthenticationFailed:
        login_failure_record(username=username, address=address)
        raise
    except ValidationError as error:
        # Wrong credentials carry the `authorization` code; a missing field is the client's mistake, not a guess.
        if "authorization" in str(error.get_codes()):
            login_failure_record(username=username, address=address)
        raise
    if username:
        login_success_record(username=username)
        _signed_in(request, username)
    return response


def _signed_in(request: Request, username: str) -> None:
    """A token or JWT for a password is a sign-in as the admin's is: Django's signal says so (last_login, the
    audit log). Refreshing a JWT is not: no password was checked."""
    user = User.objects.filter(username=username).first()
    if user is not None:
        user_logged_in.send(sender=type(user), request=request, user=user)


def _username(request: Request) -> str:
    value = request.data.get("username", "") if hasattr(request.data, "get") else ""
    return value if isinstance(value, str) else ""


class LimitedObtainAuthToken(ObtainAuthToken):
    """`POST /api/auth/token/`: an API token for a username and password."""

    throttle_classes = [AnonRateThrottle, UserRateThrottle]  # DRF's own view turns the API's rates off

    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return _limited(request, _username(request), lambda: super(LimitedObtainAuthToken, self).post(request))


class LimitedTokenObtainPairView(TokenObtainPairView):
    """`POST /api/auth/jwt/`: an access and a refresh JWT for a username and password."""

    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return _limited(request, _username(request), lambda: super(LimitedTokenObtainPairView, self).post(request))


class LimitedTokenRefreshView(TokenRefreshView):
    """`POST /api/auth/jwt/refresh/`: invalid refresh tokens count against the client's address."""

    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return _limited(request, "", lambda: super(LimitedTokenRefreshView, self).post(request))


class LimitedAdminAuthenticationForm(AdminAuthenticationForm):
    """The admin login form, refusing before the password is checked while the username or address is limited."""

    def clean(self) -> dict[str, Any]:
        username = self.cleaned_data.get("username") or ""
        address = client_address(self.request)
        wait = login_retry_after(username=username, address=address)
        if wait is not None:
            self.request.login_retry_after = wait  # type: ignore[union-attr]
            raise forms.ValidationError(TOO_MANY_ATTEMPTS_DETAIL, code=TOO_MANY_ATTEMPTS)
        try:
            cleaned = super().clean()
        except forms.ValidationError as error:
            if error.code == "invalid_login":
                login_failure_record(username=username, address=address)
            raise
        login_success_record(username=username)
        return cleaned


def admin_login(request: HttpRequest, extra_context: dict[str, Any] | None = None) -> HttpResponse:
    """The admin site's login with the limited form; a refused attempt is a 429 with Retry-After."""
    response = admin.site.login(request, extra_context)
    wait = getattr(request, "login_retry_after", None)
    if wait is not None:
        response.status_code = 429
        response["Retry-After"] = str(wait)
    return response
