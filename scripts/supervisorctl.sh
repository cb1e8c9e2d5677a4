#!/usr/bin/env bash
# supervisorctl for the processes `make up` started: `scripts/supervisorctl.sh status`, `... restart django`.
set -uo pipefail
cd "$(dirname "$0")/.."
# The config reads these; only the paths matter to supervisorctl.
export REPO_DIR=$(pwd) VENV="$(pwd)/.venv" RUN_DIR="$(pwd)/var/run" LOG_DIR="$(pwd)/logs"
export DJANGO_PORT=0 AI_SERVICE_PORT=0 FLOWER_PORT=0 NGINX_BIN=nginx
export WORKER_FAST_METRICS_PORT=0 WORKER_SLOW_METRICS_PORT=0 WORKER_MAINTENANCE_METRICS_PORT=0
exec .venv/bin/supervisorctl -c scripts/supervisord.conf "$@"
