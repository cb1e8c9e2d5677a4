"""An alert from end to end, on the running platform and its monitoring stack (fixtures.monitoring_stack): a task
that fails for good is dead-lettered by a real worker, TasksDeadLettered fires in Prometheus on the worker's own
counter, Alertmanager sends it to the platform's webhook with the monitoring credential, and operators see the stored
alert in the admin; and operators use Prometheus's own UI through the gateway in a browser."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from fixtures.monitoring_stack import Monitoring, prometheus_api, wait_until
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

FAILING_TASK = "jobs.tasks.rediscover_candidates_task"
ALERT_WAIT = 240  # seconds: two scrapes, the rule's `for: 1m`, Alertmanager's group wait, with room to spare
# A job id that is not a number: the task's query raises ValueError, an error it does not retry.
SEND_FAILING_TASK = "from jobs.tasks import rediscover_candidates_task as t; print(t.delay('not-a-job').id)"
DEAD_LETTER_OF = "from realtime.models import DeadLetter; print(DeadLetter.objects.filter(task_id={!r}).count())"


@pytest.fixture(scope="module")
def operator_login(monitoring: Monitoring) -> tuple[str, str]:
    """An operator with a password, as `create_recruiter --role operator` makes one."""
    username, password = f"ops-{uuid.uuid4().hex[:6]}", "ops-password-1"
    monitoring.platform.manage(
        "create_recruiter", "--organization", "E2E Co", "--username", username, "--password", password,
        "--role", "operator",
    )  # fmt: skip
    return username, password


@pytest.fixture
def operator_client(monitoring: Monitoring, operator_login: tuple[str, str]) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=monitoring.gateway, timeout=30) as client:
        client.get("/admin/login/")
        signed_in = client.post(
            "/admin/login/",
            data={"username": operator_login[0], "password": operator_login[1],
                  "csrfmiddlewaretoken": client.cookies["csrftoken"]},
            headers={"Referer": f"{monitoring.gateway}/admin/login/"},
        )  # fmt: skip
        assert signed_in.status_code == 302, signed_in.text
        yield client


def _dead_letter_series(monitoring: Monitoring) -> list[dict[str, Any]]:
    query = f'recruitment_celery_tasks_dead_lettered_total{{job="celery", task="{FAILING_TASK}"}}'
    return list(prometheus_api(monitoring, "query", query=query)["result"])


def _maintenance_counts(series: list[dict[str, Any]]) -> bool:
    return "worker_maintenance" in {sample["metric"]["service"] for sample in series}


def _firing(monitoring: Monitoring) -> list[dict[str, Any]]:
    alerts = prometheus_api(monitoring, "alerts")["alerts"]
    return [
        alert
        for alert in alerts
        if alert["labels"]["alertname"] == "TasksDeadLettered" and alert["labels"].get("task") == FAILING_TASK
        and alert["state"] == "firing"
    ]  # fmt: skip


def test_a_dead_letter_fires_its_alert_through_alertmanager_to_the_platform(
    monitoring: Monitoring, operator_client: httpx.Client
) -> None:
    # Each worker starts every task's dead-letter count at 0, so the first dead letter is an increase.
    # Generous waits: on a busy machine the platform's workers and the first scrapes take a while.
    # Workers start at their own pace: wait for the one that runs this low-priority task, not for the first to scrape.
    series = wait_until(lambda: _dead_letter_series(monitoring), _maintenance_counts, 180)
    assert _maintenance_counts(series), series
    assert {sample["value"][1] for sample in series} == {"0"}

    task_id = monitoring.platform.manage("shell", "-c", SEND_FAILING_TASK).strip().splitlines()[-1]

    letters = wait_until(
        lambda: monitoring.platform.manage("shell", "-c", DEAD_LETTER_OF.format(task_id)).split(),
        lambda output: output[-1:] == ["1"],
        180,
    )
    assert letters[-1:] == ["1"], "the worker kept the failed task as a dead letter"
    firing = wait_until(lambda: _firing(monitoring), bool, ALERT_WAIT)
    assert [alert["labels"]["queue"] for alert in firing] == ["low_priority"]
    assert firing[0]["annotations"]["runbook_url"] == "monitoring/runbooks.md#tasksdeadlettered"

    # Alertmanager has it, and has delivered it: the platform's alert list shows it to the operator.
    matcher = {"filter": f'task="{FAILING_TASK}"'}
    received = wait_until(
        lambda: httpx.get(f"{monitoring.alertmanager}/api/v2/alerts", params=matcher).json(), bool, 120
    )
    assert [alert["labels"]["alertname"] for alert in received] == ["TasksDeadLettered"]
    page = wait_until(
        lambda: operator_client.get("/admin/ops/alert/", params={"status__exact": "firing", "q": "TasksDeadLettered"}),
        lambda response: FAILING_TASK in response.text,
        120,
    )
    assert page.status_code == 200
    assert FAILING_TASK in page.text and "monitoring/runbooks.md#tasksdeadlettered" in page.text
    assert "was dead-lettered" in page.text  # the rule's summary, as Alertmanager passed it on


def test_operators_query_prometheus_and_read_the_alerts_in_a_browser(
    monitoring: Monitoring, operator_login: tuple[str, str], browser: Any
) -> None:
    context = browser.new_context(base_url=monitoring.gateway)
    context.set_default_timeout(30_000)
    page = context.new_page()
    try:
        page.goto("/admin/login/")
        page.fill("#id_username", operator_login[0])
        page.fill("#id_password", operator_login[1])
        page.click("input[type=submit]")
        page.wait_for_url("**/admin/")

        # Prometheus's own (classic) UI, its scripts and API calls all under /prometheus/ through the gateway.
        page.goto("/prometheus/graph")
        page.fill("textarea.expression_input", 'up{job="django"}')
        page.click("input.execute_btn")
        expect(page.locator("table.console_table")).to_contain_text('job="django"')
        expect(page.locator("table.console_table")).to_contain_text('service="django"')

        page.goto("/admin/ops/alert/")
        expect(page.locator("#content h1")).to_contain_text("alert")
        expect(page.locator("#changelist-filter")).to_contain_text("Firing")
    finally:
        context.close()
