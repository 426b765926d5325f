#!/usr/bin/env bash
# Gateway overhead bench: the same fast upstream (1024-dim vectors, base64, ~0 ms service time)
# measured three ways with the same load tools and connection counts: directly, through the
# embedbench gateway, and through nginx as a reverse proxy. Everything runs on 127.0.0.1.
#
#   bench/gateway-overhead/run.sh            # defaults below; env vars override
#
# 1. Fixed rate (open loop, latency from the intended send time): FixedRateProbe.java at RATE req/s
#    for SECONDS, CONNECTIONS keep-alive connections. Added latency = percentile(via X) - percentile(direct).
# 2. Maximum throughput (closed loop): wrk -t THREADS -c CONNECTIONS -d SECONDS with post.lua.
# Results: bench/results/gateway-overhead-<UTC time>.md (table + raw JSON lines + the exact commands).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
RATE="${RATE:-2000}"
SECONDS_RUN="${SECONDS_RUN:-15}"
WARMUP_SECONDS="${WARMUP_SECONDS:-10}"
CONNECTIONS="${CONNECTIONS:-32}"
THREADS="${THREADS:-2}"
GATEWAY_INSTANCES="${GATEWAY_INSTANCES:-$(nproc)}"
UPSTREAM_PORT="${UPSTREAM_PORT:-18101}"
GATEWAY_PORT="${GATEWAY_PORT:-18102}"
NGINX_PORT="${NGINX_PORT:-18103}"
# emulator: `embedbench emulate` with fast-profile.yaml (the default); minimal: FastUpstream.java,
# which answers without timers or queues and so shows the proxies' own ceiling.
UPSTREAM="${UPSTREAM:-emulator}"

for tool in wrk nginx curl java; do
  if ! command -v "$tool" >/dev/null; then
    echo "gateway-overhead: '$tool' is missing; install with: apt-get install -y wrk nginx curl" >&2
    exit 2
  fi
done

jar="$root/cli/target/embedbench.jar"
"$root/embedbench" --version >/dev/null   # builds the jar when missing or stale

tmp="$(mktemp -d)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$tmp"
}
trap cleanup EXIT

wait_for() {  # url, seconds
  local deadline=$((SECONDS + $2))
  until curl -sf -o /dev/null "$1"; do
    if ((SECONDS > deadline)); then echo "gateway-overhead: $1 did not answer within $2 s" >&2; exit 1; fi
    sleep 0.2
  done
}

# --- the upstream --------------------------------------------------------------------------------
# The emulator's fast profile unless UPSTREAM=minimal (or this build lacks the emulate command);
# the results say which one ran.
if [ "$UPSTREAM" = emulator ] && "$root/embedbench" emulate --help >/dev/null 2>&1; then
  upstream_label="embedbench emulate, profile bench/gateway-overhead/fast-profile.yaml (EMULATED)"
  "$root/embedbench" emulate --profile "$here/fast-profile.yaml" --port "$UPSTREAM_PORT" \
    >"$tmp/upstream.log" 2>&1 &
else
  upstream_label="bench/gateway-overhead/FastUpstream.java (minimal in-bench upstream, fixed vectors, no service time)"
  java -cp "$jar" "$here/FastUpstream.java" "$UPSTREAM_PORT" 1 >"$tmp/upstream.log" 2>&1 &
fi
pids+=($!)
upstream_pid=$!
wait_for "http://127.0.0.1:$UPSTREAM_PORT/health" 60

# --- the gateway ---------------------------------------------------------------------------------
# max_connections is the most requests in flight to the target, over all the gateway's event loops;
# the clients' CONNECTIONS never need more, as with nginx's upstream keepalive.
gateway_max_connections=$CONNECTIONS
cat >"$tmp/gateway.yaml" <<YAML
server:
  host: 127.0.0.1
  port: $GATEWAY_PORT
  access_log: false
routes:
  - name: bench-1024
    targets:
      - name: fast-upstream
        type: remote
        url: http://127.0.0.1:$UPSTREAM_PORT
        max_connections: $gateway_max_connections
        max_concurrency: 4096
        timeout: 10s
        model: {name: bench-1024, dimensions: 1024, max_input_tokens: 8192}
YAML
java -Dai.djl.offline=true -Dembedbench.home="$root" -jar "$jar" serve --config "$tmp/gateway.yaml" \
  --instances "$GATEWAY_INSTANCES" >"$tmp/gateway.log" 2>&1 &
pids+=($!)
gateway_pid=$!
wait_for "http://127.0.0.1:$GATEWAY_PORT/ready" 60

# --- nginx as a reverse proxy --------------------------------------------------------------------
mkdir -p "$tmp/nginx"
cat >"$tmp/nginx/nginx.conf" <<NGINX
worker_processes auto;
daemon off;
pid $tmp/nginx/nginx.pid;
error_log $tmp/nginx/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $tmp/nginx/body;
  proxy_temp_path $tmp/nginx/proxy;
  fastcgi_temp_path $tmp/nginx/fastcgi;
  uwsgi_temp_path $tmp/nginx/uwsgi;
  scgi_temp_path $tmp/nginx/scgi;
  upstream embeddings { server 127.0.0.1:$UPSTREAM_PORT; keepalive $CONNECTIONS; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
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
nginx -c "$tmp/nginx/nginx.conf" -p "$tmp/nginx" &
pids+=($!)
nginx_pid=$!
wait_for "http://127.0.0.1:$NGINX_PORT/health" 30

# --- the load ------------------------------------------------------------------------------------
body="$tmp/body.json"
printf '{"model":"bench-1024","input":"The quick brown fox jumps over the lazy dog while the embeddings gateway measures its own overhead.","encoding_format":"base64"}' >"$body"
for port in "$UPSTREAM_PORT" "$GATEWAY_PORT" "$NGINX_PORT"; do
  dims=$(curl -sf -X POST -H 'Content-Type: application/json' --data-binary @"$body" \
    "http://127.0.0.1:$port/v1/embeddings" | python3 -c 'import sys,json,base64; print(len(base64.b64decode(json.load(sys.stdin)["data"][0]["embedding"]))//4)')
  if [ "$dims" != 1024 ]; then echo "gateway-overhead: port $port answered $dims dimensions, not 1024" >&2; exit 1; fi
done

# CPU seconds (user + system) of a process and its children threads/processes, in clock ticks.
cpu_ticks() {
  local total=0 pid
  for pid in "$@" $(pgrep -P "$1" || true); do
    total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)))
  done
  echo "$total"
}
hz="$(getconf CLK_TCK)"

declare -A fixed wrkout
names=(direct gateway nginx)
declare -A ports=([direct]=$UPSTREAM_PORT [gateway]=$GATEWAY_PORT [nginx]=$NGINX_PORT)
# The process whose CPU each path adds (the upstream's own for direct).
declare -A proxy_pid=([direct]=$upstream_pid [gateway]=$gateway_pid [nginx]=$nginx_pid)
for name in "${names[@]}"; do
  echo "gateway-overhead: warming $name up with wrk for $WARMUP_SECONDS s..." >&2
  BODY_FILE="$body" wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP_SECONDS}s" -s "$here/post.lua" \
    "http://127.0.0.1:${ports[$name]}/v1/embeddings" >/dev/null
done
probe_cmd="java -cp cli/target/embedbench.jar bench/gateway-overhead/FixedRateProbe.java URL BODY $RATE $SECONDS_RUN $CONNECTIONS $WARMUP_SECONDS"
wrk_cmd="BODY_FILE=BODY wrk -t$THREADS -c$CONNECTIONS -d${SECONDS_RUN}s -s bench/gateway-overhead/post.lua URL"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
for name in "${names[@]}"; do
  url="http://127.0.0.1:${ports[$name]}/v1/embeddings"
  echo "gateway-overhead: $name: fixed rate $RATE req/s for $SECONDS_RUN s (+$WARMUP_SECONDS s warm-up)..." >&2
  fixed[$name]="$(java -cp "$jar" "$here/FixedRateProbe.java" "$url" "$body" "$RATE" "$SECONDS_RUN" \
    "$CONNECTIONS" "$WARMUP_SECONDS")"
  echo "  ${fixed[$name]}" >&2
  echo "gateway-overhead: $name: maximum throughput, wrk $CONNECTIONS connections for $SECONDS_RUN s..." >&2
  ticks_before="$(cpu_ticks "${proxy_pid[$name]}")"
  wrkout[$name]="$(BODY_FILE="$body" wrk -t"$THREADS" -c"$CONNECTIONS" -d"${SECONDS_RUN}s" \
    -s "$here/post.lua" "$url" | grep '^WRK_RESULT')"
  ticks_after="$(cpu_ticks "${proxy_pid[$name]}")"
  wrkout[$name]="${wrkout[$name]} cpu_seconds=$(python3 -c "print(($ticks_after - $ticks_before) / $hz)")"
  echo "  ${wrkout[$name]}" >&2
done
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

# --- the report ----------------------------------------------------------------------------------
mkdir -p "$root/bench/results"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
out="$root/bench/results/gateway-overhead-$stamp.md"
python3 - "$out" "$RATE" "$CONNECTIONS" "$SECONDS_RUN" "$upstream_label" "$load_before" "$load_after" \
  "$probe_cmd" "$wrk_cmd" "$GATEWAY_INSTANCES" \
  "${fixed[direct]}" "${fixed[gateway]}" "${fixed[nginx]}" \
  "${wrkout[direct]}" "${wrkout[gateway]}" "${wrkout[nginx]}" <<'PY'
import json, platform, os, sys, subprocess
(out, rate, conns, secs, upstream, load_before, load_after, probe_cmd, wrk_cmd, instances,
 fd, fg, fn, wd, wg, wn) = sys.argv[1:]
fixed = {k: json.loads(v) for k, v in (("direct", fd), ("gateway", fg), ("nginx", fn))}
def parse_wrk(line):
    return {kv.split("=")[0]: float(kv.split("=")[1]) for kv in line.split()[1:]}
wrk = {k: parse_wrk(v) for k, v in (("direct", wd), ("gateway", wg), ("nginx", wn))}
d = fixed["direct"]
lines = [f"# Gateway overhead ({platform.node()}, {subprocess.run(['date','-u'],capture_output=True,text=True).stdout.strip()})", "",
  f"Upstream: {upstream}. 1024-dim base64 responses; all processes on 127.0.0.1 of one machine with "
  f"{os.cpu_count()} cores (load average before {load_before}, after {load_after}); gateway with "
  f"{instances} server instances, access log off; nginx worker_processes auto, keepalive {conns}, access log off.", "",
  f"## Fixed rate: {rate} req/s open loop, {conns} connections, {secs} s (latency from the intended send time)", "",
  "| path | ok | errors | p50 µs | p90 µs | p99 µs | p99.9 µs | max µs | added p50 µs | added p99 µs |",
  "|---|---|---|---|---|---|---|---|---|---|"]
for k in ("direct", "gateway", "nginx"):
    f = fixed[k]
    added50 = "—" if k == "direct" else f"{f['p50Micros'] - d['p50Micros']:.0f}"
    added99 = "—" if k == "direct" else f"{f['p99Micros'] - d['p99Micros']:.0f}"
    lines.append(f"| {k} | {f['ok']} | {f['errors']} | {f['p50Micros']:.0f} | {f['p90Micros']:.0f} | "
                 f"{f['p99Micros']:.0f} | {f['p999Micros']:.0f} | {f['maxMicros']:.0f} | {added50} | {added99} |")
lines += ["", f"## Maximum throughput: wrk, {conns} connections, {secs} s (closed loop)", "",
  "| path | requests | errors | req/s | p50 µs | p99 µs | vs nginx | CPU µs per request (upstream for direct, else the proxy) |",
  "|---|---|---|---|---|---|---|---|"]
for k in ("direct", "gateway", "nginx"):
    w = wrk[k]
    lines.append(f"| {k} | {w['requests']:.0f} | {w['errors']:.0f} | {w['rps']:.0f} | {w['p50us']:.0f} | "
                 f"{w['p99us']:.0f} | {w['rps'] / wrk['nginx']['rps'] * 100:.0f}% | "
                 f"{w['cpu_seconds'] / max(w['requests'], 1) * 1e6:.0f} |")
g99 = fixed["gateway"]["p99Micros"] - d["p99Micros"]
ratio = wrk["gateway"]["rps"] / wrk["nginx"]["rps"]
lines += ["", "## Goals", "",
  f"- added p99 under 1 ms at {rate} req/s: gateway {g99:.0f} µs -> "
  + ("not resolvable (direct's p99 was noisier than the gateway's)" if g99 < 0 else 'met' if g99 < 1000 else 'NOT met'),
  f"- gateway throughput >= 80% of nginx: {ratio*100:.0f}% -> {'met' if ratio >= 0.8 else 'NOT met'}",
  "", "## Commands", "", "```", "bench/gateway-overhead/run.sh  # RATE=%s CONNECTIONS=%s SECONDS_RUN=%s" % (rate, conns, secs),
  probe_cmd, wrk_cmd, "```", "", "## Raw", "", "```"] + [fd, fg, fn, wd, wg, wn] + ["```", ""]
open(out, "w").write("\n".join(lines))
print(out)
PY
cat "$out"
