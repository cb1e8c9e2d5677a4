"""Fault tests run against private RabbitMQ, Redis and PostgreSQL instances (tests/fixtures/private_services.py),
started once for the package, because they stop, kill and restart them; the shared system services are never
touched. Every test starts with all three running, empty queues and empty fault tables."""

from __future__ import annotations

import logging
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from fixtures.private_services import (
    RABBITMQ_BIN,
    REDIS_SERVER,
    PlatformProcess,
    PrivatePostgres,
    PrivateRabbitMQ,
    PrivateRedis,
    Services,
    private_work_dir,
    tail,
)

from faults.fault_tasks import SCHEMA
from faults.support import purge_queues

logging.getLogger("httpx").setLevel(logging.WARNING)  # a line per poll would drown failure reports


@pytest.fixture(scope="package")
def fault_dir() -> Iterator[Path]:
    missing = [str(path) for path in (RABBITMQ_BIN / "rabbitmq-server", Path(REDIS_SERVER)) if not path.exists()]
    if missing:
        pytest.fail(f"{', '.join(missing)} not found: run `make install`")
    path = private_work_dir("recruitment-faults-")
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture(scope="package")
def private_rabbitmq(fault_dir: Path) -> Iterator[PrivateRabbitMQ]:
    broker = PrivateRabbitMQ(fault_dir / "rabbitmq")
    broker.start()
    try:
        yield broker
    finally:
        broker.destroy()


@pytest.fixture(scope="package")
def private_redis(fault_dir: Path) -> Iterator[PrivateRedis]:
    redis = PrivateRedis(fault_dir / "redis")
    redis.start()
    try:
        yield redis
    finally:
        redis.stop()


@pytest.fixture(scope="package")
def private_postgres(fault_dir: Path) -> Iterator[PrivatePostgres]:
    postgres = PrivatePostgres(fault_dir / "pgdata")
    postgres.start()
    try:
        yield postgres
    finally:
        postgres.destroy()


@pytest.fixture(scope="package")
def services(
    fault_dir: Path, private_rabbitmq: PrivateRabbitMQ, private_redis: PrivateRedis, private_postgres: PrivatePostgres
) -> Services:
    """The three private services, a migrated `faults` database and the test-only tables."""
    found = Services(
        database_url=private_postgres.database("faults"),
        broker_url=private_rabbitmq.broker_url,
        redis_url=private_redis.url,
        media_root=fault_dir / "media",
    )
    found.manage("migrate", "--noinput", "-v", "0")
    with psycopg.connect(found.database_url, autocommit=True) as conn:
        conn.execute(SCHEMA)
    return found


@pytest.fixture(autouse=True)
def all_services_up(
    services: Services,
    private_rabbitmq: PrivateRabbitMQ,
    private_redis: PrivateRedis,
    private_postgres: PrivatePostgres,
) -> Iterator[None]:
    """Whatever an earlier test left stopped is started again; queues and fault tables start empty."""
    for service in (private_postgres, private_rabbitmq, private_redis):
        service.start()
    purge_queues(services.broker_url)
    with psycopg.connect(services.database_url, autocommit=True) as conn:
        conn.execute("TRUNCATE fault_run, fault_effect")
    yield


@pytest.fixture
def log_dir(tmp_path: Path) -> Path:
    return tmp_path / "logs"


@pytest.fixture
def processes(request: pytest.FixtureRequest) -> Iterator[list[PlatformProcess]]:
    """Processes a test starts; stopped afterwards, and their logs printed when the test failed."""
    started: list[PlatformProcess] = []
    yield started
    for process in started:
        process.kill()
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        for process in started:
            print(f"--- {process.name} ({process.log})\n{tail(process.log, 80)}", file=sys.stderr)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report
