# The platform's commands. `make up` runs it, `make test` checks it.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := cd django_backend && ../$(PY) manage.py
ENV_LOAD := set -a && source .env.example && { [ ! -f .env ] || source .env; } && set +a

.PHONY: up down status logs install eval-parse bench-parse eval-rank bench-search bench-embed bench-tasks bench-ws bench-fair bench-ingest bench-ai bench test test-unit test-integration test-e2e test-faults test-security lint migrations-check deploy-check

up:  ## Install what is missing and run every service; prints the URLs.
	@bash scripts/up.sh

down:  ## Stop everything `make up` started.
	@bash scripts/down.sh

status:  ## The processes `make up` started.
	@scripts/supervisorctl.sh status

logs:  ## Follow every process's log.
	@tail -n 20 -F logs/*.log

install:  ## System services (nginx, RabbitMQ, Redis, Prometheus with its exporters and Alertmanager) and the virtualenv with pinned requirements.
	@$(ENV_LOAD) && source scripts/lib.sh && ensure_system_services && ensure_venv

test: install lint migrations-check deploy-check  ## Every suite, against real PostgreSQL/pgvector, RabbitMQ, Redis and nginx.
	$(VENV)/bin/pytest tests

test-unit: install
	$(VENV)/bin/pytest tests/unit tests/ai_service

test-integration: install
	$(VENV)/bin/pytest tests/integration

test-e2e: install
	$(VENV)/bin/pytest tests/e2e

test-security: install  ## Who may see and do what on every surface, hostile files, personal data, clean logs.
	$(VENV)/bin/pytest tests/security

test-faults: install  ## RabbitMQ, Redis and PostgreSQL stopped and restarted (private instances), and queue priorities.
	$(VENV)/bin/pytest tests/faults -s

# Not part of `make test`: installs requirements-llm.txt, building llama.cpp from source the first time (about
# 5 minutes on 2 cores). Built for AVX2, not -march=native: the native build (AVX-512 and AMX kernels on these
# machines' CPUs) crashed in ggml-cpu on its first token.
LLAMA_CMAKE_ARGS := -DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON
.PHONY: test-llm
test-llm: install  ## The AI service screening with a real small model (SmolLM2-135M, llama.cpp's OpenAI-compatible server).
	CMAKE_ARGS="$(LLAMA_CMAKE_ARGS)" CMAKE_BUILD_PARALLEL_LEVEL=$$(nproc) \
	  $(VENV)/bin/pip install --no-cache-dir --no-deps -r requirements-llm.txt
	RUN_LLM_TESTS=1 $(VENV)/bin/pytest tests/llm

eval-parse:  ## Per-field F1 of the resume parser on tests/corpus and tests/layout_corpus; whole words per PDF producer.
	$(PY) scripts/eval_parse.py

bench-parse:  ## Resume extraction + parsing throughput and worker memory, against a pypdf baseline.
	$(PY) scripts/bench_parse.py

eval-rank:  ## NDCG@10 and MAP of the ranking on tests/ranking_corpus, beside BM25 and pure-embedding baselines.
	$(PY) scripts/eval_rank.py

bench-search:  ## Candidates-for-a-job latency at 100,000 candidates, HNSW recall, index build time and size.
	$(PY) scripts/bench_search.py

bench-embed:  ## Embedding throughput: torch fp32 against the configured backend (INT8 ONNX), with agreement.
	$(PY) scripts/bench_embed.py

bench-tasks:  ## Tasks/s end to end with 1 and 2 Celery workers (no-op, embedding), WebSocket fan-out latency to 200 clients.
	$(ENV_LOAD) && $(PY) scripts/bench_tasks.py

bench-ws:  ## WebSocket fan-out through nginx and daphne: 200, then 1,000 clients; connected, delivered, p50/p95/max of task events.
	$(ENV_LOAD) && $(PY) scripts/bench_ws.py

bench-fair:  ## Organization A imports 1,000 resumes, B uploads one and imports three: B's waits, fair and not, beside B alone.
	$(ENV_LOAD) && $(PY) scripts/bench_fair.py

bench-ingest:  ## One ZIP of 1,000 PDF/DOCX resumes through the gateway until parsed, embedded and ranked for 10 jobs: resumes/min, peak RSS, beside one-at-a-time embedding. ARGS="--resumes 200" for fewer.
	$(ENV_LOAD) && $(PY) scripts/bench_ingest.py $(ARGS)

bench-ai:  ## POST /analyze (builtin provider) at 20 and 100 clients, straight to uvicorn and through nginx: requests/s, p50/p95/p99.
	$(ENV_LOAD) && $(PY) scripts/bench_ai.py

bench: bench-parse bench-embed bench-search bench-tasks bench-ws bench-fair bench-ingest bench-ai  ## Every benchmark.

lint:  ## ruff (lint and format), mypy and import-linter (contracts in pyproject.toml).
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(ENV_LOAD) && $(VENV)/bin/mypy django_backend recruitment_core ai_service scripts
	PYTHONPATH=django_backend:. $(VENV)/bin/lint-imports

migrations-check:  ## Models and migrations agree (needs no database).
	$(ENV_LOAD) && $(MANAGE) makemigrations --check --dry-run

deploy-check:  ## Production settings pass Django's deployment checks.
	cd django_backend && DJANGO_DEBUG=false DJANGO_SECRET_KEY=$$(../$(PY) -c 'import secrets; print(secrets.token_urlsafe(64))') \
	  DJANGO_SECURE_COOKIES=true DJANGO_SECURE_SSL_REDIRECT=true DJANGO_ALLOWED_HOSTS=recruit.example.com \
	  ../$(PY) manage.py check --deploy --fail-level WARNING
