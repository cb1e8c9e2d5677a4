"""No credential in any log the run produced.

Scanned: every file in the e2e platform's log directory (nginx's access and error logs, Django, the AI service,
the workers, beat, Flower, supervisord) and every file under the repository's logs/ written during this run.
Looked for: the platform's secrets (METRICS_BEARER_TOKEN, AI_SERVICE_API_KEY, a broker password other than the
development `guest`), every API token and session id the platform issued (read from its database at the end),
the test users' passwords (`<name>-password-<n>`), and anything shaped like a credential: `sessionid=<value>`,
`token=`/`ticket=`/`password=` with a value, `Authorization: Bearer|Token <value>`, a URL with a password. And resume
text: every line of at least RESUME_LINE_MIN_CHARS characters of every resume the platform extracted (a name or a
skill alone is too short to tell a resume from a log message; a sentence is not).

The scan runs twice: once when this module's test runs, and once more at the end of the session, after every e2e
test, while the platform's logs still exist (a session fixture's teardown, before the platform's). A finding is
reported by file and kind, never by value.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import psycopg
import pytest

pytestmark = pytest.mark.e2e

REPO_LOGS = Path(__file__).resolve().parents[2] / "logs"
SESSION_START = time.time()
RESUME_LINE_MIN_CHARS = 30
SHAPES = {
    "session id": re.compile(r"sessionid=[A-Za-z0-9]{8,}"),
    "token in a query string": re.compile(r"[?&](?:token|ticket|api_key|key)=[A-Za-z0-9._~%-]{8,}", re.I),
    "password in a query or form": re.compile(r"password=[^&\s\"',;]{3,}", re.I),
    "authorization header value": re.compile(r"\b(?:Bearer|Token)\s+[A-Za-z0-9._~+/=-]{16,}"),
    "test user's password": re.compile(r"\b[a-z0-9]+-password-\d\b"),
    "URL with a password": re.compile(r"\b[a-z][a-z0-9+.-]*://[^:/@\s\"']+:(?!\*\*)(?!\*{8})[^@\s\"'/]{2,}@"),
}


def _log_files(platform: Any) -> list[Path]:
    files = sorted(Path(platform.env["LOG_DIR"]).glob("*.log"))
    files += sorted(path for path in REPO_LOGS.rglob("*") if path.is_file() and path.stat().st_mtime >= SESSION_START)
    return files


def _issued_credentials(platform: Any) -> dict[str, set[str]]:
    with psycopg.connect(platform.database_url) as connection:
        tokens = {row[0] for row in connection.execute("SELECT key FROM authtoken_token")}
        sessions = {row[0] for row in connection.execute("SELECT session_key FROM django_session")}
    secrets = {platform.env.get(name, "") for name in ("METRICS_BEARER_TOKEN", "AI_SERVICE_API_KEY")}
    broker_password = urlparse(platform.env["CELERY_BROKER_URL"]).password
    if broker_password and broker_password != "guest":
        secrets.add(broker_password)
    return {
        "API token": tokens,
        "session id": sessions,
        "platform secret": {s for s in secrets if s},
        "resume text": _resume_lines(platform),
    }


def _resume_lines(platform: Any) -> set[str]:
    with psycopg.connect(platform.database_url) as connection:
        texts = [row[0] for row in connection.execute("SELECT extracted_text FROM candidates_resumeversion")]
    return {line.strip() for text in texts for line in text.splitlines() if len(line.strip()) >= RESUME_LINE_MIN_CHARS}


def scan(platform: Any) -> list[str]:
    """`file: kind` for every credential found; empty when the logs are clean."""
    known = _issued_credentials(platform)
    findings = []
    for path in _log_files(platform):
        text = path.read_text(errors="replace")
        for kind, values in known.items():
            if any(value in text for value in values):
                findings.append(f"{path}: {kind}")
        for kind, shape in SHAPES.items():
            if shape.search(text):
                findings.append(f"{path}: {kind}")
    return findings


@pytest.fixture(scope="session")
def scanned_again_at_the_end(platform: Any) -> Iterator[None]:
    yield
    findings = scan(platform)
    assert findings == [], "credentials in the logs at the end of the e2e session"


def test_no_log_holds_a_credential(platform: Any, scanned_again_at_the_end: None) -> None:
    assert _log_files(platform), "the platform writes logs"
    assert scan(platform) == []


def test_the_scan_finds_what_it_looks_for(platform: Any, tmp_path: Path) -> None:
    """The same scan over a planted log finds each kind (so a clean result means something)."""
    known = _issued_credentials(platform)
    token = next(iter(known["API token"]))
    planted = tmp_path / "planted.log"
    planted.write_text(
        f'{{"uri":"/ws/tasks/?token={token}"}}\n'
        "Cookie: sessionid=abcdefgh12345678\n"
        "Authorization: Bearer abcdefghijklmnopqrstuvwxyz\n"
        "login as rb with rb-password-1\n"
        "broker amqp://app:s3cret-pw@127.0.0.1:5672//\n"
    )
    text = planted.read_text()
    assert token in text
    assert sorted(kind for kind, shape in SHAPES.items() if shape.search(text)) == sorted(
        ["session id", "token in a query string", "authorization header value", "test user's password",
         "URL with a password"]
    )  # fmt: skip
    assert not SHAPES["URL with a password"].search("amqp://guest:**@127.0.0.1:5672// redis://:********@h:1/0")
