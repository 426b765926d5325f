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
rounds="${BENCH_ROUNDS:-3}"
# The machine is shared, so wrk and embedbench alternate, round after round, and each round's ratio is
# taken from back-to-back runs; the summary gives every round and the median ratio.
: > "$out/rounds.tsv"
for round in $(seq 1 "$rounds"); do
  wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$out/post.lua" "$target/embeddings" > "$out/wrk-$round.txt"
  wrk_rate=$(awk '/Requests\/sec/ {print $2}' "$out/wrk-$round.txt")
  # Closed loop at the same connections: the most the generator drives while validating and recording.
  "$root/embedbench" load --target "$target" --model bench --concurrency "$connections" --duration "${seconds}s" \
    --warmup 8s --name closed --out "$out/closed-$round" > "$out/closed-$round.txt" || true
  closed_rate=$(python3 -c "import json;print(json.load(open('$out/closed-$round/summary.json'))['throughput']['requests_per_s'])")
  # The same closed loop through Vert.x's HttpClient: the baseline the lean client is measured against.
  "$root/embedbench" load --target "$target" --model bench --concurrency "$connections" --duration "${seconds}s" \
    --warmup 8s --http-client vertx --name closed-vertx --out "$out/closed-vertx-$round" > "$out/closed-vertx-$round.txt" || true
  vertx_rate=$(python3 -c "import json;print(json.load(open('$out/closed-vertx-$round/summary.json'))['throughput']['requests_per_s'])")
  # Open loop at 70% of this round's wrk rate: the goal is to hold that schedule with corrected latencies.
  open_rate=$(python3 -c "print(round(0.7 * $wrk_rate))")
  "$root/embedbench" load --target "$target" --model bench --rate "$open_rate" --connections "$connections" \
    --duration "${seconds}s" --warmup 8s --name open70 --out "$out/open70-$round" > "$out/open70-$round.txt" || true
  printf '%s\t%s\t%s\t%s\t%s\n' "$round" "$wrk_rate" "$closed_rate" "$open_rate" "$vertx_rate" >> "$out/rounds.tsv"
done
python3 - "$out" "$connections" "$seconds" <<'PY' | tee "$out/capacity.txt"
import json, os, statistics, sys
out, connections, seconds = sys.argv[1], sys.argv[2], sys.argv[3]
print(f"capacity of the load generator: {connections} connections, {seconds} s per run, 1024-dim float response "
      f"(about 22 KB) from nginx on 127.0.0.1; load average at the end {os.getloadavg()[0]:.1f} on "
      f"{os.cpu_count()} cores")
ratios, vertx_ratios, open_ratios = [], [], []
for line in open(out + "/rounds.tsv"):
    r, wrk, closed, open_rate, vertx = line.split()
    wrk, closed, vertx = float(wrk), float(closed), float(vertx)
    s = json.load(open(f"{out}/open70-{r}/summary.json"))
    ok = s["throughput"]["requests_per_s"]
    ratios.append(closed / wrk)
    vertx_ratios.append(vertx / wrk)
    open_ratios.append(ok / wrk if s["valid"] else 0)
    print(f"round {r}: wrk {wrk:9.0f} req/s | embedbench closed loop {closed:9.0f} req/s ({100 * closed / wrk:3.0f}% of wrk)"
          f" | same through the Vert.x client {vertx:9.0f} req/s ({100 * vertx / wrk:3.0f}%)"
          f" | open loop at {open_rate}/s: ok {ok:9.0f} req/s ({100 * ok / wrk:3.0f}% of wrk), valid={s['valid']}, "
          f"lag p99 {s['schedule_lag_ms']['p99']} ms, corrected p99 {s['response_time_ms']['p99']} ms, "
          f"not sent {s['requests']['not_sent']}")
print(f"median closed-loop ratio to wrk: {100 * statistics.median(ratios):.0f}% "
      f"(Vert.x client: {100 * statistics.median(vertx_ratios):.0f}%); open loop at 70% of wrk kept its schedule in "
      f"{sum(1 for x in open_ratios if x > 0)} of {len(open_ratios)} rounds")
PY
echo "files: $out"
