"""The printed report of bench_ai."""

from __future__ import annotations

from scripts.bench_ai_load import TARGET_CLIENTS, TARGET_P95_MS, TARGET_REQUESTS_PER_SECOND


def report(result: dict[str, object]) -> str:
    lines = [
        f"POST /analyze, builtin provider: {result['workers']} uvicorn workers on {result['cores']} cores,"
        f" {result['distinct_pairs']} distinct (posting, resume) pairs",
        f"targets at {TARGET_CLIENTS} clients: >= {TARGET_REQUESTS_PER_SECOND:.0f} requests/s,"
        f" p95 < {TARGET_P95_MS:.0f} ms",
        "",
        f"{'target':<8} {'clients':>7} {'requests':>8} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7}"
        f" {'errors':>6} {'cpu ms/req':>10} {'client':>6}  verdict",
    ]
    runs = result["runs"]
    assert isinstance(runs, list)
    failures = []
    for row in runs:
        verdict = {True: "PASS", False: "FAIL", None: "-"}[row["meets_target"]]
        lines.append(
            f"{row['target']:<8} {row['clients']:>7} {row['requests']:>8} {row['requests_per_second']:>7.1f}"
            f" {row['p50_ms']:>7.1f} {row['p95_ms']:>7.1f} {row['p99_ms']:>7.1f} {row['errors']:>6}"
            f" {row['service_cpu_ms_per_request']:>10.2f} {row['client_cpu_ms_per_request']:>6.2f}  {verdict}"
        )
        if row["error_kinds"]:
            lines.append(f"         errors: {row['error_kinds']}")
        if row["meets_target"] is False:
            failures.append(
                f"{row['target']} at {row['clients']} clients: {row['requests_per_second']:.1f} requests/s,"
                f" p95 {row['p95_ms']:.1f} ms"
            )
    lines += [
        "",
        "cpu ms/req: CPU time of uvicorn's processes (and nginx's, through the gateway) per request; client: the"
        " load client's. Every process shares the machine's cores with whatever else runs.",
    ]
    if failures:
        lines.append("FAIL: " + "; ".join(failures))
    return "\n".join(lines)
