"""Every Grafana dashboard (the overview, "Platform services (RED)", "Queues and workers", "Ingestion, matching and
AI", "PostgreSQL and Redis") is built on the provisioned datasources with valid PromQL, and every alert names a
runbook section that exists."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
MONITORING = REPO / "monitoring"
DASHBOARDS = sorted((MONITORING / "grafana" / "dashboards").glob("*.json"))
DATASOURCES = MONITORING / "grafana" / "provisioning" / "datasources" / "datasources.yml"
ALERTS_YML = MONITORING / "prometheus" / "alerts.yml"
RUNBOOKS = MONITORING / "runbooks.md"


def _panels(dashboard: dict[str, Any]) -> list[dict[str, Any]]:
    return [item for panel in dashboard["panels"] for item in (panel, *panel.get("panels", []))]


def _rules() -> list[dict[str, Any]]:
    return [rule for group in yaml.safe_load(ALERTS_YML.read_text())["groups"] for rule in group["rules"]]


def test_the_platform_dashboards_are_there_with_unique_uids() -> None:
    boards = {path.name: json.loads(path.read_text()) for path in DASHBOARDS}
    assert {
        "queues-and-workers.json", "ingestion-matching-ai.json", "recruitment-overview.json",
        "platform-services.json", "postgres-redis.json",
    } <= set(boards)  # fmt: skip
    uids = [board["uid"] for board in boards.values()]
    assert len(uids) == len(set(uids))


@pytest.mark.parametrize("path", DASHBOARDS, ids=lambda path: path.name)
def test_every_panel_queries_a_provisioned_datasource_with_unique_ids(path: Path) -> None:
    uids = {source["uid"] for source in yaml.safe_load(DATASOURCES.read_text())["datasources"]}
    panels = _panels(json.loads(path.read_text()))
    ids = [panel["id"] for panel in panels]
    assert len(ids) == len(set(ids))
    for panel in panels:
        if panel["type"] == "row":
            continue
        assert panel["datasource"]["uid"] in uids, panel["title"]
        assert panel["targets"] and all(target["expr"].strip() for target in panel["targets"]), panel["title"]


def test_every_dashboard_query_is_valid_promql(tmp_path: Path) -> None:
    promtool = shutil.which("promtool")
    if promtool is None:
        pytest.skip("promtool is not installed (Debian package `prometheus`)")
    rules = [
        {"record": f"dashboard:{path.stem.replace('-', '_')}:panel{panel['id']}:{target['refId']}",
         "expr": target["expr"].replace("$__rate_interval", "5m")}
        for path in DASHBOARDS for panel in _panels(json.loads(path.read_text()))
        if panel.get("datasource", {}).get("type") == "prometheus" for target in panel["targets"]
    ]  # fmt: skip
    (tmp_path / "dashboards.rules.yml").write_text(yaml.safe_dump({"groups": [{"name": "d", "rules": rules}]}))
    result = subprocess.run(
        [promtool, "check", "rules", str(tmp_path / "dashboards.rules.yml")], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_platform_alerts_name_a_runbook_section_that_exists() -> None:
    anchors = {heading.lower() for heading in re.findall(r"^## (\S+)$", RUNBOOKS.read_text(), re.M)}
    runbooks = {rule["alert"]: rule["annotations"].get("runbook_url") for rule in _rules()}
    assert [alert for alert, url in runbooks.items() if not url] == [], "every alert says what to do"
    for alert, url in runbooks.items():
        if url:
            assert url == f"monitoring/runbooks.md#{alert.lower()}" and alert.lower() in anchors, alert


def test_the_platform_alerts_use_the_names_the_workers_export() -> None:
    expressions = {rule["alert"]: rule["expr"] for rule in _rules()}
    assert "recruitment_celery_tasks_dead_lettered_total" in expressions["TasksDeadLettered"]
    assert "recruitment_resume_parse_failures_total" in expressions["ResumeParseFailureRateHigh"]
    assert "recruitment_resumes_parsed_total" in expressions["ResumeParseFailureRateHigh"]
    # Queue consumers are RabbitMQ's own series, not a second copy of them.
    assert "rabbitmq_queue_consumers" in expressions["QueueWithoutConsumers"]
