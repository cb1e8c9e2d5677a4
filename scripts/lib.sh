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
  # Prometheus (with promtool), Alertmanager (with amtool) and the exporters, which `make up` runs with the
  # platform's configuration on ports of its own (scripts/render_monitoring.py): should a system start the
  # packages' own services, they keep Debian's default ports. Each command is named like its package.
  local monitoring=(prometheus prometheus-alertmanager prometheus-postgres-exporter prometheus-redis-exporter
                    prometheus-nginx-exporter prometheus-node-exporter) missing=() package
  for package in "${monitoring[@]}"; do command -v "$package" >/dev/null || missing+=("$package"); done
  [ ${#missing[@]} -eq 0 ] || { say "Installing ${missing[*]}"; apt_install "${missing[@]}"; }
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
  # The management UI (behind the gateway at /rabbitmq/) and its API; Prometheus metrics on port 15692.
  if command -v rabbitmq-plugins >/dev/null && [ "$(id -u)" -eq 0 ]; then
    rabbitmq-plugins enable --quiet rabbitmq_management rabbitmq_prometheus >/dev/null 2>&1 || true
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
  local wanted
  wanted=$(cat requirements.txt recruitment_core/pyproject.toml | sha256sum | cut -d' ' -f1)
  if [ "$wanted" != "$(cat "$REQ_STAMP" 2>/dev/null)" ]; then
    say "Installing Python requirements"
    # recruitment_core is a package of its own (recruitment_core/pyproject.toml), installed editable with every
    # extra, in the same resolution as the pins so they hold for its dependencies too.
    .venv/bin/pip install --quiet --disable-pip-version-check -r requirements.txt \
      -e "./recruitment_core[scoring,extraction,embeddings]"
    echo "$wanted" > "$REQ_STAMP"
  fi
  # The INT8 ONNX export of the bundled embedding model, made offline; it skips itself when up to date.
  .venv/bin/python scripts/export_onnx.py
}

# secret_from NAME FILE: the variable NAME from the environment, or else FILE's content, generated once (random,
# mode 600) like Django's var/secret_key; exported either way.
secret_from() {
  local value=${!1:-}
  if [ -z "$value" ]; then
    if [ ! -s "$2" ]; then
      mkdir -p "$(dirname "$2")"
      (umask 077; python3 -c 'import secrets; print(secrets.token_urlsafe(32))' > "$2")
    fi
    value=$(cat "$2")
  fi
  printf -v "$1" '%s' "$value"
  export "${1?}"
}

# rabbitmq_user NAME PASSWORD TAGS VHOST CONFIGURE WRITE READ: create or update one broker user, idempotently.
# Passwords go through stdin, never the command line (which every local user can read).
rabbitmq_user() {
  if rabbitmqctl -q list_users --no-table-headers | cut -f1 | grep -qxF -- "$1"; then
    printf '%s' "$2" | rabbitmqctl -q change_password "$1" >/dev/null
  else
    printf '%s' "$2" | rabbitmqctl -q add_user "$1" >/dev/null
  fi
  # shellcheck disable=SC2086  # TAGS is a space-separated list, possibly empty (no tags at all)
  rabbitmqctl -q set_user_tags "$1" $3 >/dev/null
  rabbitmqctl -q set_permissions -p "$4" "$1" "$5" "$6" "$7" >/dev/null
}

# The platform's broker users, when CELERY_BROKER_URL names none (the default: amqp://127.0.0.1:5672//): an
# application user without tags, which the platform connects as (no management UI or API at all), and a
# management user for operators (tag `monitoring`: sees every queue, connection and message rate in the RabbitMQ
# UI; reads messages, configures and publishes nothing). Made with rabbitmqctl, so the broker must be local and
# this must run as root. A URL with its own user (another broker, users made by hand) is used as it is; `guest`
# stays for development tools only (tests make throwaway virtual hosts with it).
ensure_rabbitmq_users() {
  local parts
  parts=$(python3 -c 'import sys, urllib.parse as u; p = u.urlparse(sys.argv[1])
print(p.username or "", p.hostname or "127.0.0.1", u.unquote(p.path[1:]) or "/", sep="|")' "$CELERY_BROKER_URL")
  IFS='|' read -r broker_user broker_host broker_vhost <<<"$parts"
  [ -z "$broker_user" ] || return 0
  case "$broker_host" in 127.0.0.1|localhost|::1) ;; *)
    echo "CELERY_BROKER_URL names no user and $broker_host is not local: put the broker user in the URL." >&2
    exit 1 ;;
  esac
  if [ "$(id -u)" -ne 0 ] || ! command -v rabbitmqctl >/dev/null; then
    echo "Creating the RabbitMQ users needs root and rabbitmqctl; or put a broker user in CELERY_BROKER_URL." >&2
    exit 1
  fi
  secret_from RABBITMQ_APP_PASSWORD var/rabbitmq_app_password
  secret_from RABBITMQ_OPERATOR_PASSWORD var/rabbitmq_operator_password
  say "RabbitMQ users: $RABBITMQ_APP_USER (the platform's) and $RABBITMQ_OPERATOR_USER (operators', monitoring)"
  rabbitmq_user "$RABBITMQ_APP_USER" "$RABBITMQ_APP_PASSWORD" "" "$broker_vhost" '.*' '.*' '.*'
  rabbitmq_user "$RABBITMQ_OPERATOR_USER" "$RABBITMQ_OPERATOR_PASSWORD" monitoring "$broker_vhost" '^$' '^$' '.*'
  CELERY_BROKER_URL=$(python3 -c 'import sys, urllib.parse as u; p = u.urlparse(sys.argv[1])
user = ":".join(u.quote(part, safe="") for part in sys.argv[2:])
print(p._replace(netloc=f"{user}@{p.netloc}").geturl())' "$CELERY_BROKER_URL" "$RABBITMQ_APP_USER" "$RABBITMQ_APP_PASSWORD")
  export CELERY_BROKER_URL
}
