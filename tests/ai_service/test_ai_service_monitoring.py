"""The alert rules, their unit tests and the Grafana dashboards query only metrics the AI service really exports,
with labels it really sets: checked against the live /metrics of a running app."""

import json
import re
from collections.abc import Iterator
from pathlib import Path

import yaml
from prometheus_client.parser import text_string_to_metric_families

MONITORING = Path(__file__).resolve().parents[2] / "monitoring"
ALERTS_YML = MONITORING / "prometheus" / "alerts.yml"
ALERTS_TEST_YML = MONITORING / "prometheus" / "alerts.test.yml"
DASHBOARDS = sorted((MONITORING / "grafana" / "dashboards").glob("*.json"))
# Dashboards of the data stores alone, which have no AI service panel.
WITHOUT_AI_SERVICE = {"postgres-redis.json"}

METRIC_NAME = re.compile(r"\bai_service_[a-zA-Z0-9_]+")
# Names like the service's without its namespace (ai_http_requests_total): never exported by anything.
STRAY_NAME = re.compile(r"\bai_(?!service_)[a-zA-Z0-9_]+")
SELECTOR = re.compile(r"\b(ai_service_[a-zA-Z0-9_]+)\s*\{([^}]*)\}")
LABEL_MATCHER = re.compile(r"([a-zA-Z_][a-zA-Z0-9_]*)\s*(?:=~|!~|!=|=)")
# Labels Prometheus adds at scrape time (prometheus.yml), not the service.
TARGET_LABELS = {"instance", "job", "service"}

ANSWER = {
    "strengths": [{"text": "Uses Django.", "quote": "Python developer, Django"}],
    "concerns": [{"text": "Invented.", "quote": "Ten years at Google"}],
    "missing_requirements": [],
    "reasons": ["Both skills are shown."],
    "recommendation": "hold",
    "summary": "A strong match.",
    "interview_questions": ["One?", "Two?", "Three?"],
}
ANALYZE = {"job_description": "Python and Django developer.", "resume_text": "Python developer, Django."}


def _dashboard_panels(panels: list[dict]) -> Iterator[dict]:
    for panel in panels:
        yield panel
        yield from _dashboard_panels(panel.get("panels", []))


def monitoring_queries() -> list[tuple[str, str]]:
    """(where, PromQL) for every alert rule, every series an alert unit test feeds in, every dashboard target."""
    queries = []
    for group in yaml.safe_load(ALERTS_YML.read_text())["groups"]:
        queries += [(f"{ALERTS_YML.name}: {rule['alert']}", rule["expr"]) for rule in group["rules"]]
    for case in yaml.safe_load(ALERTS_TEST_YML.read_text())["tests"]:
        queries += [(ALERTS_TEST_YML.name, series["series"]) for series in case.get("input_series", [])]
    for dashboard in DASHBOARDS:
        for panel in _dashboard_panels(json.loads(dashboard.read_text())["panels"]):
            queries += [(f"{dashboard.name}: {panel['title']}", target["expr"]) for target in panel.get("targets", [])]
    return queries


def exported_labels(metrics_text: str) -> dict[str, set[str]]:
    """Every sample name on the page (counters' _total, histograms' _bucket/_sum/_count) and its label names."""
    exported: dict[str, set[str]] = {}
    for family in text_string_to_metric_families(metrics_text):
        for sample in family.samples:
            exported.setdefault(sample.name, set()).update(sample.labels)
    return exported


def test_monitoring_queries_use_only_exported_metrics_and_labels(llm_server, start_ollama):
    client = start_ollama(ai_retry_attempts=1)
    # One analysis the model words, one the builtin provider words after a 500: every series then has samples.
    llm_server.reply_once({"message": {"role": "assistant", "content": json.dumps(ANSWER)}, "done": True})
    llm_server.reply({"error": "internal error"}, status=500)
    assert client.post("/analyze", json=ANALYZE).json()["provider"] == "ollama"
    assert client.post("/analyze", json=ANALYZE).json()["fallback_reason"] == "server_error"

    exported = exported_labels(client.get("/metrics").text)

    queries = monitoring_queries()
    used_in = {where.split(":")[0] for where, query in queries if METRIC_NAME.search(query)}
    # Each file queries the AI service; a check that found no name would prove nothing.
    files = {ALERTS_YML.name, ALERTS_TEST_YML.name, *(dashboard.name for dashboard in DASHBOARDS)}
    assert used_in == files - WITHOUT_AI_SERVICE
    problems = []
    for where, query in queries:
        problems += [f"{where}: {name} is not exported" for name in METRIC_NAME.findall(query) if name not in exported]
        problems += [f"{where}: {name} is not exported" for name in STRAY_NAME.findall(query)]
        for name, matchers in SELECTOR.findall(query):
            unknown = set(LABEL_MATCHER.findall(matchers)) - exported.get(name, set()) - TARGET_LABELS
            problems += [f"{where}: {name} has no label {label}" for label in sorted(unknown)]
    assert problems == []


def test_the_exported_names_include_those_the_dashboards_are_built_on(llm_server, start_ollama):
    llm_server.reply_as_ollama(json.dumps(ANSWER))
    client = start_ollama()
    client.post("/analyze", json=ANALYZE)

    exported = exported_labels(client.get("/metrics").text)

    assert {
        "ai_service_http_requests_total",
        "ai_service_http_request_duration_seconds_bucket",
        "ai_service_analyses_total",
        "ai_service_breaker_state",
        "ai_service_llm_tokens_total",
        "ai_service_llm_request_duration_seconds_bucket",
        "ai_service_ungrounded_claims_total",
    } <= set(exported)
    assert exported["ai_service_ungrounded_claims_total"] == {"provider"}
    assert exported["ai_service_analyses_total"] == {"provider", "outcome"}
    assert exported["ai_service_llm_tokens_total"] == {"provider", "direction"}
    assert exported["ai_service_http_requests_total"] == {"handler", "method", "status"}
