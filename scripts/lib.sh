#!/usr/bin/env bash
# Shared by `make up`, `make test` and CI: install what is missing, idempotently. Source it; needs the
# configuration (.env.example, .env) in the environment.

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
  echo "Need root to run: $*" >&2; exit 1; fi; }
apt_install() {
    if ! command -v apt-get >/dev/null; then echo "Install $* with your package manager, then re-run." >&2; exit 1; fi
    [ -n "${APT_UPDATED:-}" ] || { as_root apt-get update -qq; APT_UPDATED=1; }
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}
port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }
url_host() { python3 -c 'import sys, urllib.parse as u; p = u.urlparse(sys.argv[1]); print(p.hostname or "127.0.0.1", p.port or sys.argv[2])' "$1" "$2"; }

ensure_system_services() {
  command -v nginx >/dev/null || { say "Installing nginx"; apt_install nginx-light; }
  # OCR of scanned resumes.
  command -v tesseract >/dev/null || { say "Installing tesseract-ocr"; apt_install tesseract-ocr tesseract-ocr-eng; }
  command -v antiword >/dev/null || { say "Installing antiword"; apt_install antiword; }
  # Browser tests drive Debian's chromium through Playwright (never Playwright's own browser download). Only the
  # tests need it, so elsewhere than Debian/Ubuntu a missing chromium is a hint, not a stop (CHROMIUM_BIN points
  # the tests at another build).
  if ! command -v chromium >/dev/null; then
    if command -v apt-get >/dev/null; then say "Installing chromium"; apt_install chromium fonts-liberation
    else echo "chromium is not installed: the browser tests need it (or CHROMIUM_BIN)." >&2; fi
  fi
  read -r RABBIT_HOST RABBIT_PORT < <(url_host "$CELERY_BROKER_URL" 5672)
  if ! port_open "$RABBIT_HOST" "$RABBIT_PORT"; then
    command -v rabbitmq-server >/dev/null || { say "Installing RabbitMQ"; apt_install rabbitmq-server; }
    say "Starting RabbitMQ"; as_root rabbitmq-server -detached
    for _ in $(seq 60); do port_open "$RABBIT_HOST" "$RABBIT_PORT" && break; sleep 1; done
  fi
  # The management UI (behind the gateway at /rabbitmq/) and its API.
  if command -v rabbitmq-plugins >/dev/null && [ "$(id -u)" -eq 0 ]; then
    rabbitmq-plugins enable --quiet rabbitmq_management >/dev/null 2>&1 || true
  fi
  read -r REDIS_HOST REDIS_PORT < <(url_host "$REDIS_URL" 6379)
  if ! port_open "$REDIS_HOST" "$REDIS_PORT"; then
    command -v redis-server >/dev/null || { say "Installing Redis"; apt_install redis-server; }
    say "Starting Redis"; redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" >/dev/null
  fi
}

ensure_venv() {
  PYTHON=${PYTHON:-$(command -v python3.11 || command -v python3)}
  if [ ! -x .venv/bin/python ]; then say "Creating .venv"; "$PYTHON" -m venv .venv; fi
  REQ_STAMP=.venv/.requirements.sha256
  if [ "$(sha256sum requirements.txt | cut -d' ' -f1)" != "$(cat "$REQ_STAMP" 2>/dev/null)" ]; then
    say "Installing Python requirements"
    .venv/bin/pip install --quiet --disable-pip-version-check -r requirements.txt
    sha256sum requirements.txt | cut -d' ' -f1 > "$REQ_STAMP"
  fi
  # The INT8 ONNX export of the bundled embedding model, made offline; it skips itself when up to date.
  .venv/bin/python scripts/export_onnx.py
}
