"""The bookkeeping of scripts/bench_tasks.py: which runs it makes, in which order, and how it adds them up."""

from __future__ import annotations

import pytest

from scripts.bench_common import percentile
from scripts.bench_tasks import combined, compare_worker_counts

WORKERS = ["w1@host", "w2@host"]


def fake_run(count: int, active: list[str]) -> dict:
    """A run that took 1 s per task per worker count, published 4 tasks a second and ran them all on w1."""
    return {
        "workers": len(active),
        "tasks": count,
        "succeeded": count,
        "publish_seconds": count / 4,
        "seconds": count / len(active),
        "run_by_worker": {"w1@host": count, "w2@host": 0},
    }


def test_runs_alternate_one_two_two_one_in_halves():
    calls: list[tuple[int, int]] = []

    def measure(count: int, active: list[str]) -> dict:
        calls.append((count, len(active)))
        return fake_run(count, active)

    compare_worker_counts(measure, 11, WORKERS)

    assert calls == [(5, 1), (5, 2), (6, 2), (6, 1)]


def test_each_configuration_adds_up_its_halves():
    one, two = compare_worker_counts(fake_run, 11, WORKERS)

    assert one == {
        "workers": 1,
        "tasks": 11,
        "succeeded": 11,
        "publish_seconds": 2.75,
        "seconds": 11.0,
        "run_by_worker": {"w1@host": 11, "w2@host": 0},
        "publish_per_second": 4.0,
        "tasks_per_second": 1.0,
    }
    assert (two["workers"], two["tasks"], two["seconds"], two["tasks_per_second"]) == (2, 11, 5.5, 2.0)


def test_combined_rates_come_from_the_sums_not_the_mean_of_rates():
    total = combined([fake_run(2, WORKERS[:1]), {**fake_run(6, WORKERS[:1]), "seconds": 2.0}])

    assert total["tasks_per_second"] == pytest.approx(8 / 4)


def test_percentile_picks_the_nearest_rank():
    values = [float(value) for value in range(1, 101)]

    assert (percentile(values, 0.5), percentile(values, 0.95), percentile(values, 1.0)) == (51.0, 95.0, 100.0)
