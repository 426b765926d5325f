#!/usr/bin/env bash
# Measures the load generator's own capacity on this machine, against a trivial local responder
# (nginx returning a fixed 1024-dimension embedding), next to wrk on the same target and connections.
#   loadgen/bench/capacity.sh [CONNECTIONS] [SECONDS]
# Needs the Debian packages nginx(-light) and wrk. Writes runs/<UTC time>-capacity/ with every run's files
# and capacity.txt, the figures. Everything listens on 127.0.0.1 only and every run is bounded in time.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
connections="${1:-16}"
seconds="${2:-10}"
port="${BENCH_PORT:-18181}"
out="$root/runs/$(date -u +%Y%m%dT%H%M%SZ)-capacity"
mkdir -p "$out"
command -v nginx >/dev/null && command -v wrk >/dev/null || { echo "needs nginx and wrk (apt-get install nginx-light wrk)" >&2; exit 2; }

# A fixed response: one unit-norm 1024-dimension embedding, as an OpenAI server returns it.
python3 - "$out/embedding.json" <<'PY'
import json, math, sys
v = [1 / math.sqrt(1024)] * 1024
json.dump({"object": "list", "data": [{"object": "embedding", "index": 0, "embedding": v}],
           "model": "bench", "usage": {"prompt_tokens": 8, "total_tokens": 8}}, open(sys.argv[1], "w"))
PY
cat > "$out/nginx.conf" <<CONF
worker_processes 1;
daemon off;
pid $out/nginx.pid;
error_log $out/nginx-error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:$port;
    location = /v1/models { default_type application/json;
      return 200 '{"object":"list","data":[{"id":"bench","object":"model","kind":"emulated"}]}'; }
    root $out;
    # nginx serves files to GET only; a POST gets 405, which this turns into the file with status 200.
    location = /v1/embeddings { error_page 405 =200 /embedding.json; return 405; }
    location = /embedding.json { default_type application/json; }
  }
}
CONF
nginx -c "$out/nginx.conf" -p "$out" &
nginx_pid=$!
trap 'kill $nginx_pid 2>/dev/null || true' EXIT
sleep 1

cat > "$out/post.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"model":"bench","input":["A short sentence to embed for the capacity benchmark."]}'
LUA
target="http://127.0.0.1:$port/v1"
echo "wrk: $connections connections, 2 threads, ${seconds}s" | tee "$out/capacity.txt"
wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$out/post.lua" "$target/embeddings" | tee "$out/wrk.txt"
wrk_rate=$(awk '/Requests\/sec/ {print $2}' "$out/wrk.txt")

# Closed loop at the same connections: the most the generator drives while recording every latency.
"$root/embedbench" load --target "$target" --model bench --concurrency "$connections" --duration "${seconds}s" \
  --warmup 2s --name closed --out "$out/closed" > "$out/closed.txt" || true
closed_rate=$(python3 -c "import json;print(json.load(open('$out/closed/summary.json'))['throughput']['requests_per_s'])")

# Open loop at 70% of wrk's rate: must hold the schedule (valid) with corrected latencies recorded.
open_rate=$(python3 -c "print(round(0.7 * $wrk_rate))")
"$root/embedbench" load --target "$target" --model bench --rate "$open_rate" --connections "$connections" \
  --duration "${seconds}s" --warmup 2s --name open70 --out "$out/open70" > "$out/open70.txt" || true
python3 - "$out" "$wrk_rate" "$closed_rate" "$open_rate" <<'PY' | tee -a "$out/capacity.txt"
import json, sys
out, wrk, closed, open_rate = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
s = json.load(open(out + "/open70/summary.json"))
print(f"wrk (closed loop, no CO correction):        {wrk:10.0f} req/s")
print(f"embedbench closed loop, same connections:   {closed:10.0f} req/s  ({100 * closed / wrk:.0f}% of wrk)")
print(f"embedbench open loop at 70% of wrk ({open_rate:.0f}/s): achieved {s['achieved_rate']:.0f} req/s, "
      f"ok {s['throughput']['requests_per_s']:.0f} req/s ({100 * s['throughput']['requests_per_s'] / wrk:.0f}% of wrk), "
      f"valid={s['valid']}, schedule lag p99 {s['schedule_lag_ms']['p99']} ms, "
      f"corrected p99 {s['response_time_ms']['p99']} ms, not sent {s['requests']['not_sent']}")
if not s["valid"]:
    print("  invalid because: " + "; ".join(s["invalid_reasons"]))
PY
echo "files: $out"
