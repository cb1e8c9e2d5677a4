#!/usr/bin/env bash
# `make down`: stop the processes started by `make up`, then the embedded PostgreSQL.
set -uo pipefail
cd "$(dirname "$0")/.."
if [ -S var/run/supervisor.sock ]; then
  scripts/supervisorctl.sh shutdown >/dev/null && echo "Processes stopped."
  for _ in $(seq 30); do [ -S var/run/supervisor.sock ] || break; sleep 1; done
fi
if [ -d var/pgdata ]; then .venv/bin/python scripts/embedded_pg.py stop --data var/pgdata && echo "PostgreSQL stopped."; fi
