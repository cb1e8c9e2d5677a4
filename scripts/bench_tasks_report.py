"""The printed report of bench_tasks."""

from __future__ import annotations

from typing import Any


def ratio(runs: list[dict], key: str = "tasks_per_second") -> float:
    return runs[-1][key] / runs[0][key]


def report(result: dict[str, Any]) -> str:
    infra, noop, embed, fan = result["infrastructure"], result["noop"], result["embed"], result["fanout"]
    load = result["load_average_1min"]
    drains = noop["drain"]
    publish_alone = sum(run_["tasks"] for run_ in drains) / sum(run_["publish_seconds"] for run_ in drains)
    lines = [
        f"{result['cpus']} CPUs, 1-minute load average {load['before']:.1f} before, {load['after']:.1f} after, "
        f"{result['seconds']:.0f} s in all; PostgreSQL {infra['database_server']}, "
        f"RabbitMQ vhost {infra['vhost']}, Redis db {infra['redis_db']}",
        f"no-op tasks, {noop['end_to_end'][0]['tasks']} per configuration (in halves, 1-2-2-1 workers); workers -c 1, "
        "prefetch 1, acks late, DEBUG off; done = TaskRecord succeeded",
        f"  {'workers':>7}  {'publish/s':>9}  {'end-to-end/s':>12}  {'unfinished at publish end':>25}  "
        f"{'drain/s':>8}  {'tasks per worker (e2e)':>22}",
    ]
    for end_to_end, drain in zip(noop["end_to_end"], noop["drain"], strict=True):
        lines.append(
            f"  {end_to_end['workers']:>7}  {end_to_end['publish_per_second']:>9.0f}  "
            f"{end_to_end['tasks_per_second']:>12.0f}  {end_to_end['unfinished_when_published']:>25}  "
            f"{drain['tasks_per_second']:>8.0f}  {'/'.join(map(str, end_to_end['run_by_worker'].values())):>22}"
        )
    lines += [
        f"  2 workers / 1 worker: end to end {ratio(noop['end_to_end']):.2f}x, drain {ratio(noop['drain']):.2f}x; "
        f"publish rate with nobody consuming: {publish_alone:.0f}/s",
        f"embed_candidate_task, {embed['runs'][0]['tasks']} resumes per configuration ({embed['resumes']} distinct), "
        f"backend {embed['backend']}, {embed['threads_per_worker']} threads per worker",
        f"  {'workers':>7}  {'end-to-end/s':>12}  {'seconds':>7}  {'embeddings written':>18}  {'tasks per worker':>16}",
    ]
    for run_ in embed["runs"]:
        lines.append(
            f"  {run_['workers']:>7}  {run_['tasks_per_second']:>12.2f}  {run_['seconds']:>7.1f}  "
            f"{run_['embeddings_written']:>18}  {'/'.join(map(str, run_['run_by_worker'].values())):>16}"
        )
    latency = fan["latency_ms"]
    lines += [
        f"  2 workers / 1 worker: {ratio(embed['runs']):.2f}x",
        f"WebSocket fan-out through daphne: {fan['connected']}/{fan['clients']} clients on ws/tasks/ connected in "
        f"{fan['connect_seconds']:.1f} s; {fan['messages']} broadcasts {fan['interval_seconds'] * 1000:g} ms apart",
        f"  delivered {fan['delivered']} of {fan['expected']}, {fan['out_of_order']} out of order; latency "
        f"p50 {latency['p50']:.1f} ms, p95 {latency['p95']:.1f} ms, max {latency['max']:.1f} ms",
    ]
    return "\n".join(lines)
