"""Writes the gateway floor bench's result file from the lines run.sh collected.

Usage: report.py ROUNDS_TXT OUT_MD COMMAND COMMIT UPTIME_BEFORE UPTIME_AFTER TRANSPORTS NGINX WRK JAVA
Each line of ROUNDS_TXT: round=N path=NAME requests= errors= seconds= rps= p50us= p99us=
path_ticks= upstream_ticks= hz= wrk_user_s= wrk_sys_s= load1=
"""
import os
import platform
import re
import statistics
import sys

(rounds_file, out, command, commit, uptime_before, uptime_after, transports, nginx_version,
 wrk_version, java_version) = sys.argv[1:]
PATHS = ["nginx", "static", "vertx", "netty", "gateway"]
LABELS = {
    "nginx": "nginx reverse proxy (baseline)",
    "static": "Vert.x server answering itself (no upstream)",
    "vertx": "Vert.x server + Vert.x HttpClient proxy",
    "netty": "Vert.x server + minimal Netty client proxy",
    "gateway": "embedbench gateway (`serve`)",
}

runs = {}
for line in open(rounds_file).read().splitlines():
    r = dict(re.findall(r"(\w+)=(\S+)", line))
    requests = max(int(r["requests"]), 1)
    hz = int(r["hz"])
    runs[(int(r["round"]), r["path"])] = {
        "rps": float(r["rps"]),
        "errors": int(r["errors"]),
        "seconds": float(r["seconds"]),
        "p99us": int(r["p99us"]),
        "cpu_us": int(r["path_ticks"]) / hz / requests * 1e6,
        "upstream_cpu_us": int(r["upstream_ticks"]) / hz / requests * 1e6,
        "wrk_cpu_us": (float(r["wrk_user_s"]) + float(r["wrk_sys_s"])) / requests * 1e6,
        "load1": r["load1"],
    }
rounds = sorted({n for n, _ in runs})
for (n, path), r in runs.items():
    base = runs[(n, "nginx")]
    r["rps_ratio"] = r["rps"] / max(base["rps"], 1e-9)
    r["cpu_ratio"] = r["cpu_us"] / max(base["cpu_us"], 1e-9)


def summary(path, key, digits, unit=""):
    values = [runs[(n, path)][key] for n in rounds]
    return "%.*f%s (%.*f–%.*f)" % (digits, statistics.median(values), unit, digits, min(values),
                                   digits, max(values))


short = len(rounds) < 3 or any(r["seconds"] < 5 for r in runs.values())
errors = sum(r["errors"] for r in runs.values())
lines = [
    "# Gateway floors against nginx (measured, loopback)",
    "",
]
if short:
    lines += ["**Fewer than 3 rounds or runs under 5 s (tiny mode): this checks that the bench runs; "
              "it is not a measurement.**", ""]
lines += [
    "Every path sits in front of the same upstream (nginx, 1 worker, one fixed 1024-dim base64 "
    "embedding from a file) and gets the same load: wrk, base64 requests, paths loaded in turn with "
    "the order rotating each round. Median (range) over %d round(s). CPU per request is the path's "
    "processes' user + system time over the run divided by the requests answered; ratios are to "
    "nginx in the same round, then the median (range) of those." % len(rounds),
    "",
    "Command: `%s`  " % command,
    "Commit: %s  " % commit,
    "Host: %s, %d CPUs, %s; %s; %s; %s  " % (platform.node(), os.cpu_count(), platform.platform(),
                                             nginx_version, wrk_version, java_version),
    "Transports: %s" % transports,
    "",
    "| path | req/s | CPU µs/request | throughput / nginx | CPU per request / nginx | p99 µs | "
    "upstream CPU µs/request | wrk CPU µs/request |",
    "|---|---|---|---|---|---|---|---|",
]
for path in PATHS:
    lines.append("| %s | %s | %s | %s | %s | %s | %s | %s |" % (
        LABELS[path], summary(path, "rps", 0), summary(path, "cpu_us", 1),
        summary(path, "rps_ratio", 2, "×"), summary(path, "cpu_ratio", 2, "×"),
        summary(path, "p99us", 0), summary(path, "upstream_cpu_us", 1),
        summary(path, "wrk_cpu_us", 1)))
lines += [
    "",
    "Errors (wrk: connect, read, write, non-2xx, timeout) over all runs: %d." % errors,
    "The upstream's and wrk's CPU per request sit beside each path's: when both are well under the "
    "path's own, neither the upstream nor the load tool capped it. All share the machine's cores.",
    "",
    "Load average (1 min) at each run's start: "
    + ", ".join(runs[(n, p)]["load1"] for n in rounds for p in PATHS if (n, p) in runs),
    "",
    "`uptime` before: %s  " % uptime_before.strip(),
    "`uptime` after: %s" % uptime_after.strip(),
    "",
    "## Runs",
    "",
    "| round | path | req/s | CPU µs/request | throughput / nginx | CPU / nginx | p99 µs | "
    "upstream CPU µs/req | wrk CPU µs/req | errors | load1 |",
    "|---|---|---|---|---|---|---|---|---|---|---|",
]
for n in rounds:
    for path in PATHS:
        r = runs[(n, path)]
        lines.append("| %d | %s | %.0f | %.1f | %.2f× | %.2f× | %d | %.1f | %.1f | %d | %s |" % (
            n, path, r["rps"], r["cpu_us"], r["rps_ratio"], r["cpu_ratio"], r["p99us"],
            r["upstream_cpu_us"], r["wrk_cpu_us"], r["errors"], r["load1"]))
open(out, "w").write("\n".join(lines) + "\n")
print(out, file=sys.stderr)
