#!/usr/bin/env bash
# Gateway overhead bench: the embedbench gateway against nginx as a reverse proxy, both in front of the
# same upstream that costs far less than either proxy (nginx serving one static 1024-dim base64
# embedding response from a file), driven by the same load. Everything runs on 127.0.0.1.
#
#   bench/gateway-overhead/run.sh                 # 3 interleaved rounds; env vars below override
#   ROUNDS=5 bench/gateway-overhead/run.sh        # more rounds on a quiet machine
#   ROUNDS=1 SECONDS_RUN=1 PROBE_SECONDS=1 PROBE_WARMUP_SECONDS=1 WARMUP_SECONDS=1 \
#     OUT_DIR=/tmp/x bench/gateway-overhead/run.sh   # tiny mode: checks the bench runs, measures nothing
#
# Each round, in alternating order (gateway first in odd rounds, nginx first in even ones):
# 1. Maximum throughput (closed loop): wrk -t THREADS -c CONNECTIONS -d SECONDS_RUN, base64 requests.
#    wrk's own CPU (user + system, /usr/bin/time) is recorded per request beside the proxies'.
#    CPU per request of each proxy = utime+stime deltas of its processes (/proc/PID/stat) over the run
#    / requests answered; the upstream's CPU per request is recorded alongside to show it is small.
# 2. Fixed rate (open loop, latency from the intended send time): FixedRateProbe.java at RATE req/s
#    for PROBE_SECONDS, directly to the upstream and through each proxy. Added p99 = p99(proxy) -
#    p99(direct) of the same round.
# Results: OUT_DIR/gateway-overhead-<UTC>.md with per-round figures, median and range of the ratios,
# the goals, load averages and the exact commands. GATEWAY_JAVA_OPTS passes JVM flags to the gateway
# (e.g. a JFR recording: -XX:StartFlightRecording=filename=/tmp/gw.jfr,settings=profile).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
ROUNDS="${ROUNDS:-3}"
RATE="${RATE:-2000}"
SECONDS_RUN="${SECONDS_RUN:-15}"
PROBE_SECONDS="${PROBE_SECONDS:-10}"
PROBE_WARMUP_SECONDS="${PROBE_WARMUP_SECONDS:-3}"
# The gateway's JIT needs 30 s or more at these rates on a busy 2-core machine to reach steady state.
WARMUP_SECONDS="${WARMUP_SECONDS:-30}"
CONNECTIONS="${CONNECTIONS:-32}"
THREADS="${THREADS:-2}"
GATEWAY_INSTANCES="${GATEWAY_INSTANCES:-$(nproc)}"
UPSTREAM_PORT="${UPSTREAM_PORT:-18101}"
GATEWAY_PORT="${GATEWAY_PORT:-18102}"
NGINX_PORT="${NGINX_PORT:-18103}"
OUT_DIR="${OUT_DIR:-$root/bench/results}"
GATEWAY_JAVA_OPTS="${GATEWAY_JAVA_OPTS:-}"

for tool in wrk nginx curl java python3; do
  if ! command -v "$tool" >/dev/null; then
    echo "gateway-overhead: '$tool' is missing; install with: apt-get install -y wrk nginx curl" >&2
    exit 2
  fi
done
if ((ROUNDS < 1)); then echo "gateway-overhead: ROUNDS must be >= 1" >&2; exit 2; fi

jar="$root/cli/target/embedbench.jar"
"$root/embedbench" --version >/dev/null   # builds the jar when missing or stale
# What the jar was built from, taken now: sources edited during the run do not change it.
commit="$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
git -C "$root" diff --quiet HEAD -- gateway backends cli 2>/dev/null || commit="$commit+uncommitted"

tmp="$(mktemp -d)"
chmod 755 "$tmp"   # nginx workers (www-data when started as root) read the static files under it
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  [ -n "${KEEP_TMP:-}" ] || rm -rf "$tmp"
}
trap cleanup EXIT

wait_for() {  # url, seconds
  local deadline=$((SECONDS + $2))
  until curl -sf -o /dev/null "$1"; do
    if ((SECONDS > deadline)); then echo "gateway-overhead: $1 did not answer within $2 s" >&2; exit 1; fi
    sleep 0.2
  done
}

nginx_common() {  # prefix directory
  cat <<NGINX
daemon off;
pid $1/nginx.pid;
error_log $1/error.log warn;
events { worker_connections 4096; }
NGINX
}
nginx_temp_paths() {  # prefix directory
  cat <<NGINX
  client_body_temp_path $1/body;
  proxy_temp_path $1/proxy;
  fastcgi_temp_path $1/fastcgi;
  uwsgi_temp_path $1/uwsgi;
  scgi_temp_path $1/scgi;
NGINX
}

# --- the upstream: nginx serving one static embedding response ----------------------------------------
# A unit-norm, finite 1024-dim vector as little-endian float32 base64, in the OpenAI response shape.
# nginx's static module answers POST with 405; error_page turns that into the file (as a GET), so every
# request costs the upstream one small static read from the page cache and nothing else.
mkdir -p "$tmp/upstream/static"
python3 - "$tmp/upstream/static/embedding.json" <<'PY'
import base64, json, math, struct, sys
v = [math.sin(d * 0.7 + 0.3) for d in range(1024)]
norm = math.sqrt(sum(x * x for x in v))
b64 = base64.b64encode(struct.pack("<1024f", *[x / norm for x in v])).decode()
json.dump({"object": "list", "data": [{"object": "embedding", "index": 0, "embedding": b64}],
           "model": "bench-1024", "usage": {"prompt_tokens": 8, "total_tokens": 8}},
          open(sys.argv[1], "w"), separators=(",", ":"))
PY
printf '{"status":"alive"}' >"$tmp/upstream/static/health"
{
  echo "worker_processes 1;"
  nginx_common "$tmp/upstream"
  cat <<NGINX
http {
  access_log off;
$(nginx_temp_paths "$tmp/upstream")
  server {
    listen 127.0.0.1:$UPSTREAM_PORT backlog=4096;
    keepalive_requests 1000000;
    root $tmp/upstream/static;
    open_file_cache max=16;
    default_type application/json;
    location = /health { }
    location = /v1/embeddings { error_page 405 =200 /embedding.json; return 405; }
    location = /embedding.json { internal; }
  }
}
NGINX
} >"$tmp/upstream/nginx.conf"
nginx -c "$tmp/upstream/nginx.conf" -p "$tmp/upstream" &
pids+=($!)
upstream_pid=$!
wait_for "http://127.0.0.1:$UPSTREAM_PORT/health" 30

# --- the gateway -----------------------------------------------------------------------------------
# max_connections is the most requests in flight to the target over all the gateway's event loops;
# the clients' CONNECTIONS never need more, as with nginx's upstream keepalive below.
cat >"$tmp/gateway.yaml" <<YAML
server:
  host: 127.0.0.1
  port: $GATEWAY_PORT
  access_log: false
  drain_delay: 0s   # nothing probes it; the bench's cleanup should not wait
routes:
  - name: bench-1024
    targets:
      - name: static-upstream
        type: remote
        url: http://127.0.0.1:$UPSTREAM_PORT
        max_connections: $CONNECTIONS
        max_concurrency: 4096
        timeout: 10s
        model: {name: bench-1024, dimensions: 1024, max_input_tokens: 8192}
YAML
# shellcheck disable=SC2086  # GATEWAY_JAVA_OPTS is a list of flags
java -Dai.djl.offline=true -Dembedbench.home="$root" $GATEWAY_JAVA_OPTS -jar "$jar" serve \
  --config "$tmp/gateway.yaml" --instances "$GATEWAY_INSTANCES" >"$tmp/gateway.log" 2>&1 &
pids+=($!)
gateway_pid=$!
wait_for "http://127.0.0.1:$GATEWAY_PORT/ready" 60

# --- nginx as a reverse proxy --------------------------------------------------------------------
mkdir -p "$tmp/proxy"
{
  echo "worker_processes auto;"
  nginx_common "$tmp/proxy"
  cat <<NGINX
http {
  access_log off;
$(nginx_temp_paths "$tmp/proxy")
  upstream embeddings { server 127.0.0.1:$UPSTREAM_PORT; keepalive $CONNECTIONS; keepalive_requests 1000000; }
  server {
    listen 127.0.0.1:$NGINX_PORT backlog=4096;
    keepalive_requests 1000000;
    client_max_body_size 16m;
    location / {
      proxy_pass http://embeddings;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_buffering on;
    }
  }
}
NGINX
} >"$tmp/proxy/nginx.conf"
nginx -c "$tmp/proxy/nginx.conf" -p "$tmp/proxy" &
pids+=($!)
nginx_pid=$!
wait_for "http://127.0.0.1:$NGINX_PORT/health" 30

# --- checks: every path answers the same 1024-dim base64 vector ------------------------------------
body="$tmp/body.json"
printf '{"model":"bench-1024","input":"The quick brown fox jumps over the lazy dog while the embeddings gateway measures its own overhead.","encoding_format":"base64"}' >"$body"
for port in "$UPSTREAM_PORT" "$GATEWAY_PORT" "$NGINX_PORT"; do
  dims=$(curl -sf -X POST -H 'Content-Type: application/json' --data-binary @"$body" \
    "http://127.0.0.1:$port/v1/embeddings" | python3 -c 'import sys,json,base64; print(len(base64.b64decode(json.load(sys.stdin)["data"][0]["embedding"]))//4)')
  if [ "$dims" != 1024 ]; then echo "gateway-overhead: port $port answered $dims dimensions, not 1024" >&2; exit 1; fi
done

# CPU clock ticks (user + system) of a process and its child processes (nginx workers); a JVM's
# /proc/PID/stat already sums all its threads.
cpu_ticks() {
  local total=0 pid
  for pid in "$1" $(pgrep -P "$1" || true); do
    total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)))
  done
  echo "$total"
}
hz="$(getconf CLK_TCK)"
declare -A ports=([direct]=$UPSTREAM_PORT [gateway]=$GATEWAY_PORT [nginx]=$NGINX_PORT)
declare -A proxy_pid=([direct]=$upstream_pid [gateway]=$gateway_pid [nginx]=$nginx_pid)
results="$tmp/results.jsonl"

# One wrk run; appends {"kind":"wrk", ...} with the proxy's and the upstream's CPU seconds.
run_wrk() {  # round name seconds
  local url="http://127.0.0.1:${ports[$2]}/v1/embeddings" proxy_before up_before line proxy_after up_after
  proxy_before="$(cpu_ticks "${proxy_pid[$2]}")"
  up_before="$(cpu_ticks "$upstream_pid")"
  # The load tool's own CPU too: on shared cores it must cost less than the proxies it drives.
  line="$(BODY_FILE="$body" /usr/bin/time -f "%U %S" -o "$tmp/wrk.cpu" \
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${3}s" -s "$here/post.lua" "$url" | grep '^WRK_RESULT')"
  proxy_after="$(cpu_ticks "${proxy_pid[$2]}")"
  up_after="$(cpu_ticks "$upstream_pid")"
  python3 - "$1" "$2" "$line" "$((proxy_after - proxy_before))" "$((up_after - up_before))" "$hz" \
    "$(cat "$tmp/wrk.cpu")" >>"$results" <<'PY'
import json, sys
rnd, name, line, proxy_ticks, up_ticks, hz, load_cpu = sys.argv[1:]
r = {kv.split("=")[0]: float(kv.split("=")[1]) for kv in line.split()[1:]}
r.update(kind="wrk", round=int(rnd), path=name, proxy_cpu_seconds=int(proxy_ticks) / int(hz),
         upstream_cpu_seconds=int(up_ticks) / int(hz),
         load_cpu_seconds=sum(float(v) for v in load_cpu.split()))
print(json.dumps(r))
PY
  echo "  round $1 wrk $2: $(tail -1 "$results")" >&2
}

run_probe() {  # round name
  local url="http://127.0.0.1:${ports[$2]}/v1/embeddings" line
  line="$(java -cp "$jar" "$here/FixedRateProbe.java" "$url" "$body" "$RATE" "$PROBE_SECONDS" \
    "$CONNECTIONS" "$PROBE_WARMUP_SECONDS")"
  python3 -c 'import json,sys; r=json.loads(sys.argv[3]); r.update(kind="probe", round=int(sys.argv[1]), path=sys.argv[2]); print(json.dumps(r))' \
    "$1" "$2" "$line" >>"$results"
  echo "  round $1 probe $2: $(tail -1 "$results")" >&2
}

uptime_before="$(uptime)"
echo "gateway-overhead: warming up (wrk ${WARMUP_SECONDS} s each: gateway, nginx)..." >&2
for name in gateway nginx; do
  BODY_FILE="$body" wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP_SECONDS}s" -s "$here/post.lua" \
    "http://127.0.0.1:${ports[$name]}/v1/embeddings" >/dev/null
done
echo "gateway-overhead: the upstream's own ceiling (wrk directly, ${SECONDS_RUN} s)..." >&2
run_wrk 0 direct "$SECONDS_RUN"
for ((round = 1; round <= ROUNDS; round++)); do
  if ((round % 2)); then order=(gateway nginx); else order=(nginx gateway); fi
  echo "gateway-overhead: round $round of $ROUNDS (${order[*]})..." >&2
  for name in "${order[@]}"; do run_wrk "$round" "$name" "$SECONDS_RUN"; done
  for name in direct "${order[@]}"; do run_probe "$round" "$name"; done
done
uptime_after="$(uptime)"

# --- the report ------------------------------------------------------------------------------------
mkdir -p "$OUT_DIR"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
out="$OUT_DIR/gateway-overhead-$stamp.md"
command_line="ROUNDS=$ROUNDS SECONDS_RUN=$SECONDS_RUN PROBE_SECONDS=$PROBE_SECONDS PROBE_WARMUP_SECONDS=$PROBE_WARMUP_SECONDS WARMUP_SECONDS=$WARMUP_SECONDS RATE=$RATE CONNECTIONS=$CONNECTIONS THREADS=$THREADS GATEWAY_INSTANCES=$GATEWAY_INSTANCES bench/gateway-overhead/run.sh"
[ -n "$GATEWAY_JAVA_OPTS" ] && command_line="GATEWAY_JAVA_OPTS='$GATEWAY_JAVA_OPTS' $command_line"
python3 "$here/report.py" "$results" "$out" "$command_line" "$uptime_before" "$uptime_after" \
  "$commit" \
  "$GATEWAY_INSTANCES" "$(nginx -v 2>&1)" "$(wrk -v 2>&1 | head -1)"
cat "$out"
