"""Writes the gateway overhead bench's result file from the JSON lines run.sh collected.

Usage: report.py RESULTS_JSONL OUT_MD COMMAND UPTIME_BEFORE UPTIME_AFTER COMMIT INSTANCES NGINX_VERSION WRK_VERSION
"""
import json
import os
import platform
import statistics
import sys
from datetime import datetime, timezone

(results_file, out, command, uptime_before, uptime_after, commit, instances, nginx_version,
 wrk_version) = sys.argv[1:]
rows = [json.loads(line) for line in open(results_file) if line.strip()]
wrk = {(r["round"], r["path"]): r for r in rows if r["kind"] == "wrk"}
probe = {(r["round"], r["path"]): r for r in rows if r["kind"] == "probe"}
rounds = sorted({r["round"] for r in rows if r["round"] > 0})


def cpu_micros_per_request(r, key):
    return r[key] / max(r["requests"], 1) * 1e6


def spread(values):
    """Median and range, as the text the result file shows."""
    return statistics.median(values), min(values), max(values)


def fmt(values, unit="", digits=2):
    m, lo, hi = spread(values)
    return f"{m:.{digits}f}{unit} (range {lo:.{digits}f}–{hi:.{digits}f}{unit})"


short = any(r["seconds"] < 10 for r in wrk.values())
per_round = []
for n in rounds:
    g, x = wrk[(n, "gateway")], wrk[(n, "nginx")]
    pd, pg, px = probe[(n, "direct")], probe[(n, "gateway")], probe[(n, "nginx")]
    per_round.append({
        "round": n,
        "gateway_rps": g["rps"], "nginx_rps": x["rps"], "throughput_ratio": g["rps"] / x["rps"],
        "gateway_cpu_us": cpu_micros_per_request(g, "proxy_cpu_seconds"),
        "nginx_cpu_us": cpu_micros_per_request(x, "proxy_cpu_seconds"),
        "upstream_cpu_us_gateway": cpu_micros_per_request(g, "upstream_cpu_seconds"),
        "upstream_cpu_us_nginx": cpu_micros_per_request(x, "upstream_cpu_seconds"),
        "load_cpu_us_gateway": cpu_micros_per_request(g, "load_cpu_seconds"),
        "load_cpu_us_nginx": cpu_micros_per_request(x, "load_cpu_seconds"),
        "errors": g["errors"] + x["errors"] + pd["errors"] + pg["errors"] + px["errors"],
        "direct_p99": pd["p99Micros"], "gateway_p99": pg["p99Micros"], "nginx_p99": px["p99Micros"],
        "gateway_added_p99": pg["p99Micros"] - pd["p99Micros"],
        "nginx_added_p99": px["p99Micros"] - pd["p99Micros"],
        "gateway_added_p50": pg["p50Micros"] - pd["p50Micros"],
        "nginx_added_p50": px["p50Micros"] - pd["p50Micros"],
    })
for r in per_round:
    r["cpu_ratio"] = r["gateway_cpu_us"] / max(r["nginx_cpu_us"], 1e-9)

col = lambda key: [r[key] for r in per_round]
throughput = spread(col("throughput_ratio"))
cpu = spread(col("cpu_ratio"))
added99 = spread(col("gateway_added_p99"))
errors = sum(col("errors"))
direct = wrk.get((0, "direct"))
rate = rows[[r["kind"] for r in rows].index("probe")]["rate"] if probe else 0


def verdict(ok):
    return "met" if ok else "NOT met"


# A difference of tails resolves nothing when the direct path's own tail is past the goal, or when
# the difference comes out negative: the machine was too busy, not the gateway fast.
direct_p99 = statistics.median(col("direct_p99")) if per_round else 0
if direct_p99 >= 1000:
    p99_verdict = (f"not resolvable: the direct path's own p99 was {direct_p99:.0f} µs "
                   "(machine too busy)")
elif added99[0] < 0:
    p99_verdict = "not resolvable: the direct path's tail was the noisier one"
else:
    p99_verdict = verdict(added99[0] < 1000)


lines = [
    f"# Gateway overhead against nginx ({platform.node()}, "
    f"{datetime.now(timezone.utc).strftime('%Y-%m-%d %H:%M UTC')})", "",
    f"Measured through real local servers on 127.0.0.1, one machine with {os.cpu_count()} cores shared by "
    "the load generator, both proxies and the upstream. Gateway commit: " + commit + ".", "",
    "- Upstream: nginx (1 worker) serving one static 1024-dim base64 embedding response from a file "
    "(no model, no vector work). " + (
        f"Its own ceiling, wrk directly: {direct['rps']:.0f} req/s at "
        f"{cpu_micros_per_request(direct, 'proxy_cpu_seconds'):.1f} µs CPU per request." if direct else ""),
    f"- Gateway: `embedbench serve`, remote target, {instances} server instances, access log off.",
    f"- nginx reverse proxy: {nginx_version}, worker_processes auto, upstream keepalive, access log off.",
    f"- Load: {wrk_version}; the same body (one input, `encoding_format: base64`) and connection count "
    "through both; rounds interleaved (gateway first in odd rounds, nginx first in even ones).",
    f"- Load average: before `{uptime_before.strip()}`; after `{uptime_after.strip()}`. "
    "Other processes on a busy machine take CPU from both proxies alike, but widen the ranges.",
    "",
    "## Summary (median and range over rounds)", "",
] + (["**Runs shorter than 10 s (tiny mode): this checks that the bench runs; it is not a measurement.**",
      ""] if short else []) + [
    "| figure | result | goal | |",
    "|---|---|---|---|",
    f"| gateway throughput / nginx throughput (wrk, closed loop) | {fmt(col('throughput_ratio'), '×')} "
    f"| ≥ 0.8×, then ≥ 1.0× | {verdict(throughput[0] >= 0.8)} (0.8×), {verdict(throughput[0] >= 1.0)} (1.0×) |",
    f"| gateway CPU per request / nginx CPU per request | {fmt(col('cpu_ratio'), '×')} | ≤ 1.5× "
    f"| {verdict(cpu[0] <= 1.5)} |",
    f"| gateway added p99 at {rate} req/s (p99 through the gateway − p99 direct) | "
    f"{fmt(col('gateway_added_p99'), ' µs', 0)} | < 1000 µs | {p99_verdict} |",
    f"| nginx added p99 at {rate} req/s, for reference | {fmt(col('nginx_added_p99'), ' µs', 0)} | | |",
    f"| gateway CPU µs per request | {fmt(col('gateway_cpu_us'), '', 1)} | | |",
    f"| nginx CPU µs per request | {fmt(col('nginx_cpu_us'), '', 1)} | | |",
    f"| upstream CPU µs per request (during the proxies' runs) | "
    f"{fmt(col('upstream_cpu_us_gateway') + col('upstream_cpu_us_nginx'), '', 1)} | far below the proxies' | |",
    f"| load tool (wrk) CPU µs per request, through the gateway / through nginx | "
    f"{fmt(col('load_cpu_us_gateway'), '', 1)} / {fmt(col('load_cpu_us_nginx'), '', 1)} | | |",
    "", f"Errors (non-2xx, socket errors, probe failures) over all runs: {errors:.0f}"
    + ("" if errors == 0 else " — the figures above are NOT valid"), "",
    "## Per round", "",
    "| round | gateway req/s | nginx req/s | ratio | gateway CPU µs/req | nginx CPU µs/req | CPU ratio "
    "| upstream CPU µs/req | p99 direct µs | p99 gateway µs | p99 nginx µs | added p99 gateway µs "
    "| added p99 nginx µs |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
]
for r in per_round:
    lines.append(
        f"| {r['round']} | {r['gateway_rps']:.0f} | {r['nginx_rps']:.0f} | {r['throughput_ratio']:.2f} | "
        f"{r['gateway_cpu_us']:.1f} | {r['nginx_cpu_us']:.1f} | {r['cpu_ratio']:.2f} | "
        f"{(r['upstream_cpu_us_gateway'] + r['upstream_cpu_us_nginx']) / 2:.1f} | {r['direct_p99']:.0f} | "
        f"{r['gateway_p99']:.0f} | {r['nginx_p99']:.0f} | {r['gateway_added_p99']:.0f} | "
        f"{r['nginx_added_p99']:.0f} |")
lines += [
    "", "Added p99 is a difference of two noisy tails measured minutes apart; a negative value means "
    "the direct run's tail was the noisier one in that round.", "",
    "## Command", "", "```", command, "```", "",
    "Each run: `BODY_FILE=body.json wrk -tTHREADS -cCONNECTIONS -dSECONDS_RUNs -s "
    "bench/gateway-overhead/post.lua URL`; the probe: `java -cp cli/target/embedbench.jar "
    "bench/gateway-overhead/FixedRateProbe.java URL body.json RATE PROBE_SECONDS CONNECTIONS "
    "PROBE_WARMUP_SECONDS`. CPU: utime+stime from /proc/PID/stat (nginx: master and workers).", "",
    "## Raw", "", "```"] + [json.dumps(r) for r in rows] + ["```", ""]
with open(out, "w") as f:
    f.write("\n".join(lines))
print(out)
