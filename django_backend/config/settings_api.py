"""The REST API's settings (Django REST framework and the OpenAPI schema), imported by config.settings."""

from __future__ import annotations

from pathlib import Path

import environ

env = environ.Env()
# Read here too, so the rates below see .env whichever settings module is imported first.
environ.Env.read_env(Path(__file__).resolve().parent.parent.parent / ".env", overwrite=False)

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework_simplejwt.authentication.JWTAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    # Malformed or out-of-range pages answer 404 `invalid_page`, never a database error (config.pagination).
    "DEFAULT_PAGINATION_CLASS": "config.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    # Per user (authenticated) and per address (anonymous); the test settings (pyproject) raise them.
    "DEFAULT_THROTTLE_CLASSES": [
        "config.throttling.AnonRateThrottle",
        "config.throttling.UserRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env.str("API_ANON_THROTTLE_RATE", default="60/min"),
        "user": env.str("API_USER_THROTTLE_RATE", default="600/min"),
        # Candidate registrations per address on the portal (config.throttling.RegistrationRateThrottle).
        "registration": env.str("PORTAL_REGISTRATION_RATE", default="20/hour"),
    },
    # The client address is the last X-Forwarded-For hop added by our gateway: earlier hops are the client's say.
    "NUM_PROXIES": env.int("DJANGO_TRUSTED_PROXIES", default=1),
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "config.api_errors.json_exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Recruitment platform API",
    "DESCRIPTION": "Jobs, candidates with resume upload, applications and background task records.",
    "VERSION": "0.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # The Swagger UI's scripts come from an installed package and our static files, never a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "ENUM_NAME_OVERRIDES": {
        "TaskStateEnum": "realtime.models.TaskRecord.State",
        "ImportStateEnum": "ingestion.models.ImportBatch.State",
        "ParseStatusEnum": "candidates.models.ResumeVersion.ParseStatus",
        "ApplicationStageEnum": "applications.models.Application.Status",
        "JobStatusEnum": "jobs.models.JobPosting.Status",
        "InterviewRecommendationEnum": "interviews.models.InterviewFeedback.Recommendation",
    },
}
