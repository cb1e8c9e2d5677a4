#!/usr/bin/env bash
# `make down`: stop the processes started by `make up`, then the embedded PostgreSQL.
set -uo pipefail
cd "$(dirname "$0")/.."
export REPO_DIR=$(pwd) VENV="$(pwd)/.venv" RUN_DIR="$(pwd)/var/run" LOG_DIR="$(pwd)/logs" USER="$(id -un)" NGINX_BIN=nginx
for name in DJANGO_PORT AI_SERVICE_PORT FLOWER_PORT; do export "$name=0"; done
if [ -S var/run/supervisor.sock ]; then
  .venv/bin/supervisorctl -c scripts/supervisord.conf shutdown && echo "Processes stopped."
  for _ in $(seq 30); do [ -S var/run/supervisor.sock ] || break; sleep 1; done
fi
if [ -d var/pgdata ]; then .venv/bin/python scripts/embedded_pg.py stop --data var/pgdata && echo "PostgreSQL stopped."; fi
