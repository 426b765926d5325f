#!/usr/bin/env bash
# Gateway floors: how far the gateway is from what its stack can do, against nginx, same load.
#
#   bench/gateway-floor/run.sh                        # 3 interleaved rounds of 8 s per path
#   ROUNDS=5 bench/gateway-floor/run.sh               # more rounds on a quiet machine
#   ROUNDS=1 S=1 WARMUP=1 OUT_DIR=/tmp/x bench/gateway-floor/run.sh   # tiny mode: checks it runs
#
# Five paths, each in front of the same upstream (nginx, 1 worker, answering every POST with one
# fixed 1024-dim base64 embedding from a file: far cheaper than any proxy here):
#   nginx    nginx as a reverse proxy (upstream keep-alive), the baseline
#   static   Floor.java: a Vert.x HTTP server answering the upstream's bytes itself (no upstream)
#   vertx    Floor.java: Vert.x HttpServer + HttpClient proxying the bytes, no JSON work
#   netty    Floor.java: Vert.x HttpServer + a minimal Netty keep-alive client per event loop
#   gateway  the embedbench gateway (cli/target/embedbench.jar serve), a remote target
# The Vert.x paths run INSTANCES event loops on the same transport (native epoll where it loads);
# every proxy keeps at most UPSTREAM_CONNECTIONS connections to the upstream.
#
# After WARMUP_SECONDS of wrk on each path, ROUNDS rounds load each path in turn (the order rotates
# by one each round) with wrk -t THREADS -c CONNECTIONS -d SECONDS_RUN, base64 requests
# (../gateway-overhead/post.lua). Per run: requests/s, the path's CPU per request (user + system
# ticks of its processes from /proc, nginx's workers included), the upstream's, and wrk's own
# (/usr/bin/time), to show that neither the upstream nor the load tool is the bottleneck. Writes
# OUT_DIR/gateway-floor-<UTC>.md: every run, the median (range) per path, each path's ratios to
# nginx in the same round (throughput and CPU per request), load averages, the command, the commit.
# S and WARMUP are short for SECONDS_RUN and WARMUP_SECONDS. JAVA_OPTS goes to every JVM path.
# JAR=path/to/embedbench.jar runs another CLI build (the floors compile against it too) instead of
# building this checkout's.
# Everything listens on 127.0.0.1. Needs: java (17+, with javac), wrk, nginx, python3, curl.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
ROUNDS="${ROUNDS:-3}"
SECONDS_RUN="${SECONDS_RUN:-${S:-8}}"
WARMUP_SECONDS="${WARMUP_SECONDS:-${WARMUP:-15}}"
CONNECTIONS="${CONNECTIONS:-16}"
THREADS="${THREADS:-1}"
INSTANCES="${INSTANCES:-2}"
UPSTREAM_CONNECTIONS="${UPSTREAM_CONNECTIONS:-32}"
PORT_BASE="${PORT_BASE:-28520}"
OUT_DIR="${OUT_DIR:-$root/bench/results}"
JAVA_OPTS="${JAVA_OPTS:-}"
PATHS=(nginx static vertx netty gateway)

for tool in java javac wrk nginx python3 curl; do
  command -v "$tool" >/dev/null || { echo "gateway-floor: needs $tool" >&2; exit 2; }
done
[ -x /usr/bin/time ] || { echo "gateway-floor: needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
if ((ROUNDS < 1 || SECONDS_RUN < 1 || INSTANCES < 1 || UPSTREAM_CONNECTIONS < INSTANCES)); then
  echo "gateway-floor: ROUNDS, SECONDS_RUN >= 1; UPSTREAM_CONNECTIONS >= INSTANCES >= 1" >&2
  exit 2
fi

if [ -n "${JAR:-}" ]; then
  jar="$(realpath "$JAR")"; commit="given jar $jar"
else
  jar="$root/cli/target/embedbench.jar"
  "$root/embedbench" --version >/dev/null   # builds the jar when missing or stale
  # What the jar was built from, taken now: sources edited during the run do not change it.
  commit="$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
  git -C "$root" diff --quiet HEAD -- gateway backends cli 2>/dev/null || commit="$commit+uncommitted"
fi

tmp="$(mktemp -d)"
chmod 755 "$tmp"   # nginx workers (www-data when started as root) read the answer file from here
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  [ -n "${KEEP_TMP:-}" ] || rm -rf "$tmp"
}
trap cleanup EXIT

upstream_port=$((PORT_BASE + 1))
declare -A port=([nginx]=$((PORT_BASE + 2)) [static]=$((PORT_BASE + 3)) [vertx]=$((PORT_BASE + 4))
                 [netty]=$((PORT_BASE + 5)) [gateway]=$((PORT_BASE + 6)))
declare -A pid

# The upstream's answer: a unit-norm 1024-dim vector as little-endian float32 base64, and a request.
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

nginx_conf() {  # dir workers server-block
  mkdir -p "$tmp/$1"
  cat >"$tmp/$1/nginx.conf" <<NGINX
worker_processes $2;
daemon off;
pid $tmp/$1/nginx.pid;
error_log $tmp/$1/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $tmp/$1/body; proxy_temp_path $tmp/$1/proxy;
  fastcgi_temp_path $tmp/$1/fastcgi; uwsgi_temp_path $tmp/$1/uwsgi; scgi_temp_path $tmp/$1/scgi;
$3
}
NGINX
}
# nginx answers a POST to a static file with 405; the error page serves the file with 200.
nginx_conf upstream 1 "
  server {
    listen 127.0.0.1:$upstream_port;
    keepalive_requests 1000000;
    location = /health { return 200 '{\"status\":\"ok\"}'; }
    location = /v1/embeddings { error_page 405 =200 /upstream.json; return 405; }
    location = /upstream.json { root $tmp; default_type application/json; }
  }"
nginx_conf proxy auto "
  upstream embeddings {
    server 127.0.0.1:$upstream_port; keepalive $UPSTREAM_CONNECTIONS; keepalive_requests 1000000;
  }
  server {
    listen 127.0.0.1:${port[nginx]};
    keepalive_requests 1000000;
    location / { proxy_pass http://embeddings; proxy_http_version 1.1; proxy_set_header Connection \"\"; }
  }"
nginx -c "$tmp/upstream/nginx.conf" -p "$tmp/upstream" & pids+=($!); upstream_pid=$!
nginx -c "$tmp/proxy/nginx.conf" -p "$tmp/proxy" & pids+=($!); pid[nginx]=$!

# The three floors, compiled against the CLI jar (it holds Vert.x and Netty).
mkdir -p "$tmp/classes"
javac -nowarn -cp "$jar" -d "$tmp/classes" "$here/Floor.java"
for mode in static vertx netty; do
  # shellcheck disable=SC2086  # JAVA_OPTS is a list of flags
  java $JAVA_OPTS -cp "$tmp/classes:$jar" Floor "$mode" "${port[$mode]}" "$upstream_port" \
    "$tmp/upstream.json" "$INSTANCES" $((UPSTREAM_CONNECTIONS / INSTANCES)) >"$tmp/$mode.log" 2>&1 &
  pids+=($!); pid[$mode]=$!
done

cat >"$tmp/gateway.yaml" <<YAML
server: {host: 127.0.0.1, port: ${port[gateway]}, access_log: false, drain_delay: 0s}
routes:
  - name: bench-1024
    targets:
      - {name: static-upstream, type: remote, url: "http://127.0.0.1:$upstream_port",
         max_connections: $UPSTREAM_CONNECTIONS, max_concurrency: 4096, timeout: 10s,
         model: {name: bench-1024, dimensions: 1024, max_input_tokens: 8192}}
YAML
# shellcheck disable=SC2086
java -Dai.djl.offline=true -Dembedbench.home="$root" $JAVA_OPTS -jar "$jar" serve \
  --config "$tmp/gateway.yaml" --instances "$INSTANCES" >"$tmp/gateway.log" 2>&1 &
pids+=($!); pid[gateway]=$!

# Every path must answer the same 1024-dim embedding before anything is measured (60 s at most).
for name in "${PATHS[@]}"; do
  deadline=$((SECONDS + 60)); dims=""
  until [ "$dims" = 1024 ]; do
    if ((SECONDS > deadline)) || ! kill -0 "${pid[$name]}" 2>/dev/null; then
      echo "gateway-floor: $name (port ${port[$name]}) did not answer a 1024-dim embedding; its log:" >&2
      tail -20 "$tmp/$name.log" "$tmp/$name/error.log" 2>/dev/null >&2 || true
      exit 1
    fi
    sleep 0.2
    dims="$(curl -sf -H 'Content-Type: application/json' --data-binary @"$tmp/body.json" \
      "http://127.0.0.1:${port[$name]}/v1/embeddings" 2>/dev/null | python3 -c \
      'import sys,json,base64; print(len(base64.b64decode(json.load(sys.stdin)["data"][0]["embedding"]))//4)' \
      2>/dev/null || true)"
  done
done
transports="gateway transport=$(sed -n 's/^Transport: //p' "$tmp/gateway.log" | head -1);"
for mode in static vertx netty; do transports="$transports $(grep -m1 'transport=' "$tmp/$mode.log");"; done

# CPU clock ticks (user + system) of a process and its children (nginx's workers); a JVM's
# /proc/PID/stat already sums its threads.
ticks() {
  local total=0 p
  for p in "$1" $(pgrep -P "$1" || true); do
    total=$((total + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0)))
  done
  echo "$total"
}
hz="$(getconf CLK_TCK)"
wrk_run() {  # name seconds
  BODY_FILE="$tmp/body.json" /usr/bin/time -f "%U %S" -o "$tmp/wrk.cpu" \
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${2}s" -s "$root/bench/gateway-overhead/post.lua" \
    "http://127.0.0.1:${port[$1]}/v1/embeddings"
}

uptime_before="$(uptime)"
echo "gateway-floor: warming up (wrk ${WARMUP_SECONDS} s per path)..." >&2
for name in "${PATHS[@]}"; do wrk_run "$name" "$WARMUP_SECONDS" >/dev/null; done
: >"$tmp/rounds.txt"
for ((round = 1; round <= ROUNDS; round++)); do
  for ((i = 0; i < ${#PATHS[@]}; i++)); do
    name="${PATHS[$(((i + round - 1) % ${#PATHS[@]}))]}"
    load="$(cut -d' ' -f1 /proc/loadavg)"
    path_before="$(ticks "${pid[$name]}")"; up_before="$(ticks "$upstream_pid")"
    out="$(wrk_run "$name" "$SECONDS_RUN" | grep '^WRK_RESULT')"
    path_after="$(ticks "${pid[$name]}")"; up_after="$(ticks "$upstream_pid")"
    read -r wrk_user wrk_sys <"$tmp/wrk.cpu"
    line="round=$round path=$name ${out#WRK_RESULT } path_ticks=$((path_after - path_before))"
    line="$line upstream_ticks=$((up_after - up_before)) hz=$hz wrk_user_s=$wrk_user wrk_sys_s=$wrk_sys load1=$load"
    echo "  $line" >&2
    echo "$line" >>"$tmp/rounds.txt"
  done
done
uptime_after="$(uptime)"

mkdir -p "$OUT_DIR"
out="$OUT_DIR/gateway-floor-$(date -u +%Y%m%dT%H%M%SZ).md"
command_line="ROUNDS=$ROUNDS SECONDS_RUN=$SECONDS_RUN WARMUP_SECONDS=$WARMUP_SECONDS CONNECTIONS=$CONNECTIONS THREADS=$THREADS INSTANCES=$INSTANCES UPSTREAM_CONNECTIONS=$UPSTREAM_CONNECTIONS bench/gateway-floor/run.sh"
[ -n "$JAVA_OPTS" ] && command_line="JAVA_OPTS='$JAVA_OPTS' $command_line"
[ -n "${JAR:-}" ] && command_line="JAR=$jar $command_line"
python3 "$here/report.py" "$tmp/rounds.txt" "$out" "$command_line" "$commit" "$uptime_before" \
  "$uptime_after" "$transports" "$(nginx -v 2>&1)" "$(wrk -v 2>&1 | head -1)" \
  "$(java -version 2>&1 | head -1)"
cat "$out"
