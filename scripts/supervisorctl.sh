#!/usr/bin/env bash
# supervisorctl for the processes `make up` started: `scripts/supervisorctl.sh status`, `... restart django`.
set -uo pipefail
cd "$(dirname "$0")/.."
# The config reads these; only the paths matter to supervisorctl.
export REPO_DIR=$(pwd) VENV="$(pwd)/.venv" RUN_DIR="$(pwd)/var/run" LOG_DIR="$(pwd)/logs"
export DJANGO_PORT=0 AI_SERVICE_PORT=0 FLOWER_PORT=0 NGINX_BIN=nginx
exec .venv/bin/supervisorctl -c scripts/supervisord.conf "$@"
