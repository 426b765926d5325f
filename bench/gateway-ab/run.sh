#!/usr/bin/env bash
# A/B of two gateway builds (CLI jars) in front of the same static upstream, on 127.0.0.1 only.
#
#   bench/gateway-ab/run.sh BEFORE.jar AFTER.jar
#   A_JAVA_OPTS='' B_JAVA_OPTS='-XX:+UseParallelGC' bench/gateway-ab/run.sh X.jar X.jar   # JVM flags A/B
#
# The upstream is nginx answering every POST /v1/embeddings with one fixed 1024-dimension base64
# embedding from a file: it costs far less CPU than either gateway, so it is not the bottleneck.
# Both gateways run side by side (2 event loops each); wrk (1 thread, CONNECTIONS connections,
# base64 requests) warms each up for WARMUP_SECONDS, then loads them in turn for ROUNDS interleaved
# rounds of SECONDS_RUN seconds. Per round: requests/s, p50/p99 from wrk, and the gateway's CPU
# (user + system ticks from /proc) per request. Writes bench/results/gateway-ab-<UTC>.md with every
# round, the median and range per side and the load average, since other work on the machine skews
# both sides. Needs: java, wrk, nginx, python3, curl.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
before="$(realpath "$1")"; after="$(realpath "$2")"
ROUNDS="${ROUNDS:-5}"; SECONDS_RUN="${SECONDS_RUN:-10}"; WARMUP_SECONDS="${WARMUP_SECONDS:-15}"
CONNECTIONS="${CONNECTIONS:-16}"
UPSTREAM_PORT="${UPSTREAM_PORT:-28471}"; A_PORT="${A_PORT:-28472}"; B_PORT="${B_PORT:-28473}"
for tool in java wrk nginx python3 curl; do
  command -v "$tool" >/dev/null || { echo "gateway-ab: needs $tool" >&2; exit 1; }
done
tmp="$(mktemp -d)"; pids=()
chmod 755 "$tmp"   # nginx workers (another user) read the answer file from here
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$tmp"; }
trap cleanup EXIT

python3 - "$tmp" <<'PY'
import base64, json, math, random, struct, sys
random.seed(1)
v = [random.uniform(-1, 1) for _ in range(1024)]
n = math.sqrt(sum(x * x for x in v)); v = [x / n for x in v]
body = {"object": "list", "model": "bench-1024", "usage": {"prompt_tokens": 8, "total_tokens": 8},
        "data": [{"object": "embedding", "index": 0,
                  "embedding": base64.b64encode(struct.pack('<1024f', *v)).decode()}]}
open(sys.argv[1] + "/upstream.json", "w").write(json.dumps(body, separators=(",", ":")))
open(sys.argv[1] + "/body.json", "w").write(json.dumps({"model": "bench-1024", "encoding_format": "base64",
    "input": "The quick brown fox jumps over the lazy dog while the gateway measures its own overhead."}))
PY
mkdir -p "$tmp/nginx"
cat >"$tmp/nginx/nginx.conf" <<NGINX
worker_processes 1;
daemon off;
pid $tmp/nginx/nginx.pid;
error_log $tmp/nginx/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $tmp/nginx/body; proxy_temp_path $tmp/nginx/proxy;
  fastcgi_temp_path $tmp/nginx/fastcgi; uwsgi_temp_path $tmp/nginx/uwsgi; scgi_temp_path $tmp/nginx/scgi;
  server {
    listen 127.0.0.1:$UPSTREAM_PORT;
    keepalive_requests 1000000;
    location = /health { return 200 '{"status":"ok"}'; }
    # nginx answers a POST to a static file with 405; the error page serves the file with 200.
    location = /v1/embeddings { error_page 405 =200 /upstream.json; return 405; }
    location = /upstream.json { root $tmp; default_type application/json; }
  }
}
NGINX
nginx -c "$tmp/nginx/nginx.conf" -p "$tmp/nginx" & pids+=($!)

started=""
start_gateway() { # jar port java-opts
  cat >"$tmp/gw-$2.yaml" <<YAML
server: {host: 127.0.0.1, port: $2, access_log: false}
routes:
  - name: bench-1024
    targets:
      - {name: static-upstream, type: remote, url: "http://127.0.0.1:$UPSTREAM_PORT", max_connections: 32,
         max_concurrency: 4096, timeout: 10s, model: {name: bench-1024, dimensions: 1024, max_input_tokens: 8192}}
YAML
  # shellcheck disable=SC2086  # $3 is a list of JVM flags
  java -Dai.djl.offline=true $3 -jar "$1" serve --config "$tmp/gw-$2.yaml" --instances 2 >"$tmp/gw-$2.log" 2>&1 &
  started=$!; pids+=($!)
}
start_gateway "$before" "$A_PORT" "${A_JAVA_OPTS:-}"; a_pid=$started
start_gateway "$after" "$B_PORT" "${B_JAVA_OPTS:-}"; b_pid=$started
for url in "$UPSTREAM_PORT/health" "$A_PORT/ready" "$B_PORT/ready"; do
  for _ in $(seq 60); do curl -sf "http://127.0.0.1:$url" >/dev/null && break; sleep 1; done
done
for port in "$A_PORT" "$B_PORT"; do
  answer="$(curl -s -H 'Content-Type: application/json' --data-binary @"$tmp/body.json" \
    "http://127.0.0.1:$port/v1/embeddings")"
  grep -q '"index":0' <<<"$answer" \
    || { echo "gateway-ab: port $port did not answer an embedding: ${answer:0:300}" >&2; exit 1; }
done

wrk_run() { # port seconds
  BODY_FILE="$tmp/body.json" wrk -t1 -c"$CONNECTIONS" -d"$2s" -s "$root/bench/gateway-overhead/post.lua" \
    "http://127.0.0.1:$1/v1/embeddings"
}
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
hz="$(getconf CLK_TCK)"
for port in "$A_PORT" "$B_PORT"; do wrk_run "$port" "$WARMUP_SECONDS" >/dev/null; done
lines=()
for r in $(seq "$ROUNDS"); do
  for side in before after; do
    if [ "$side" = before ]; then port=$A_PORT; pid=$a_pid; else port=$B_PORT; pid=$b_pid; fi
    load="$(cut -d' ' -f1 /proc/loadavg)"; t0="$(ticks "$pid")"
    out="$(wrk_run "$port" "$SECONDS_RUN" | grep WRK_RESULT)"
    t1="$(ticks "$pid")"
    req="$(sed 's/.*requests=\([0-9]*\).*/\1/' <<<"$out")"
    line="round=$r side=$side ${out#WRK_RESULT } cpu_us_per_req=$(( (t1 - t0) * 1000000 / hz / req )) load1=$load"
    echo "$line" >&2; lines+=("$line")
  done
done

mkdir -p "$root/bench/results"
result="$root/bench/results/gateway-ab-$(date -u +%Y%m%dT%H%M%SZ).md"
printf '%s\n' "${lines[@]}" >"$tmp/rounds.txt"
python3 - "$tmp/rounds.txt" "$result" "$before ${A_JAVA_OPTS:-}" "$after ${B_JAVA_OPTS:-}" "$ROUNDS" "$SECONDS_RUN" "$CONNECTIONS" <<'PY'
import re, statistics, sys
rounds_file, result, before, after, rounds, secs, conns = sys.argv[1:]
rows = [dict(re.findall(r'(\w+)=(\S+)', line)) for line in open(rounds_file).read().splitlines()]
def summary(side, key):
    values = [float(r[key]) for r in rows if r["side"] == side]
    return "%.0f (%.0f-%.0f)" % (statistics.median(values), min(values), max(values))
out = ["# Gateway A/B, static nginx upstream (measured, loopback)", "",
       "before: `%s`  " % before, "after: `%s`" % after, "",
       "%s interleaved rounds of %s s, wrk -t1 -c%s, base64 requests, 1 x 1024-dim answer; "
       "median (range) per side. CPU is the gateway process's user+system time per request." % (rounds, secs, conns), "",
       "| side | req/s | p50 us | p99 us | CPU us/request |", "|---|---|---|---|---|"]
for side in ("before", "after"):
    out.append("| %s | %s | %s | %s | %s |" % (side, summary(side, "rps"), summary(side, "p50us"),
                                               summary(side, "p99us"), summary(side, "cpu_us_per_req")))
out += ["", "Load average (1 min) at each round's start: " + ", ".join(r["load1"] for r in rows), "",
        "## Rounds", "", "```"] + [" ".join("%s=%s" % kv for kv in r.items()) for r in rows] + ["```"]
open(result, "w").write("\n".join(out) + "\n")
print(result)
PY
