#!/usr/bin/env bash
# `make up`: install what is missing, prepare the database and start every process under supervisord.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO_DIR=$(pwd)

# Configuration: .env overrides the defaults in .env.example.
set -a
# shellcheck disable=SC1091
source .env.example
[ -f .env ] && source .env
set +a

source scripts/lib.sh
ensure_system_services
ensure_rabbitmq_users
ensure_venv

# Secrets left empty in the configuration: generated once into var/ (mode 600), the same on every start.
# Prometheus's credential for /metrics of both services, and the workers' key for the AI service.
secret_from METRICS_BEARER_TOKEN var/metrics_bearer_token
secret_from AI_SERVICE_API_KEY var/ai_service_api_key

# --- Database --------------------------------------------------------------------------------------
mkdir -p var/run logs
if [ -z "${DATABASE_URL:-}" ]; then
  say "Starting PostgreSQL with pgvector (embedded, data in var/pgdata, port $EMBEDDED_PG_PORT)"
  DATABASE_URL=$(.venv/bin/python scripts/embedded_pg.py start --data var/pgdata --port "$EMBEDDED_PG_PORT")
  export DATABASE_URL
fi
say "Migrating"
(cd django_backend && ../.venv/bin/python manage.py migrate --noinput -v 0 \
  && ../.venv/bin/python manage.py collectstatic --noinput -v 0 \
  && ../.venv/bin/python manage.py ensure_demo_admin)

# --- Processes -------------------------------------------------------------------------------------
export REPO_DIR VENV="$REPO_DIR/.venv" RUN_DIR="$REPO_DIR/var/run" LOG_DIR="$REPO_DIR/logs" USER="$(id -un)"
export NGINX_BIN="$(command -v nginx)"
.venv/bin/python scripts/render_nginx.py --out var/run/nginx.conf
"$NGINX_BIN" -t -q -e "$LOG_DIR/nginx-error.log" -c "$REPO_DIR/var/run/nginx.conf"
# Prometheus, Alertmanager and the exporters: their configuration for this machine, and their supervisord programs.
.venv/bin/python -m scripts.render_monitoring host --out var/run/monitoring --data var
promtool check config var/run/monitoring/prometheus.yml >/dev/null
if [ -S var/run/supervisor.sock ] && scripts/supervisorctl.sh pid >/dev/null 2>&1; then
  # Already running: re-read the configuration and restart every process with the new code.
  say "Restarting processes"; scripts/supervisorctl.sh shutdown >/dev/null
  for _ in $(seq 30); do [ -S var/run/supervisor.sock ] || break; sleep 1; done
  .venv/bin/supervisord -c scripts/supervisord.conf
else
  say "Starting processes"; .venv/bin/supervisord -c scripts/supervisord.conf
fi

GATEWAY="http://localhost:$GATEWAY_PORT"
for _ in $(seq 120); do
  curl -fs -o /dev/null "$GATEWAY/healthz" && curl -fs -o /dev/null "$GATEWAY/api/ai/health" && break
  sleep 1
done
curl -fsS -o /dev/null "$GATEWAY/healthz" || { echo "Django did not come up: see logs/django.log" >&2; exit 1; }

cat <<TXT

The recruitment platform is running (processes: make status; logs: make logs).
  Admin            $GATEWAY/admin/            user: $DEMO_ADMIN_USERNAME  password: $DEMO_ADMIN_PASSWORD
  REST API docs    $GATEWAY/api/docs/
  AI service docs  $GATEWAY/api/ai/docs
  Task monitor     $GATEWAY/realtime/tasks/   (WebSocket ws://localhost:$GATEWAY_PORT/ws/tasks/<task_id>/)
  Flower           $GATEWAY/flower/           operators only (the demo admin is one)
  RabbitMQ UI      $GATEWAY/rabbitmq/         operators only; then RabbitMQ's login: user $RABBITMQ_OPERATOR_USER,
                                              password in var/rabbitmq_operator_password (or RABBITMQ_OPERATOR_PASSWORD)
  Prometheus       $GATEWAY/prometheus/       operators only; the alert rules are on its Alerts page
  Alertmanager     $GATEWAY/alertmanager/     operators only
  Metrics          $GATEWAY/metrics  and  $GATEWAY/api/ai/metrics
                   operators, or Authorization: Bearer <var/metrics_bearer_token> (Prometheus)
  Logs             logs/
Stop everything with: make down
TXT
