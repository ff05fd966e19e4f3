#!/usr/bin/env bash
# CDS Hooks answer time (issue 13, item 9) on the packaged service over a real PostgreSQL on loopback, with the
# benchmark dataset loaded (dataset.sql, 10,000 responses) so the pair's queries run on a populated database.
# cds_hooks.py makes one pair with 20 answered sessions and times N sequential patient-view calls; the CDS Hooks
# specification asks services to answer on the order of 500 ms. Baseline in the same run: GET /q/health/ready,
# the cheapest request the service answers, timed the same way, so the figure can be read as a ratio.
#
#   src/bench/cds.sh [--requests N]      (default 500)
set -euo pipefail
source "$(dirname "$0")/lib.sh"

N=500
while [ $# -gt 0 ]; do
  case "$1" in
    --requests) N=$2; shift ;;
    *) die "unknown option $1" ;;
  esac
  shift
done
RES=$OUT_DIR/cds; rm -rf "$RES"; mkdir -p "$RES"
BASE_URL=http://127.0.0.1:$APP_PORT
start_on_dataset 10000 1000 "$RES/app.log"

python3 - "$BASE_URL" "$N" > "$RES/baseline.json" <<'PY'
import http.client, json, sys, time, urllib.parse
u = urllib.parse.urlparse(sys.argv[1]); n = int(sys.argv[2])
conn = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
times = []
for i in range(n + 20):
    t = time.perf_counter()
    conn.request("GET", "/q/health/ready"); r = conn.getresponse(); r.read()
    if r.status != 200:
        sys.exit(f"health answered {r.status}")
    if i >= 20:
        times.append((time.perf_counter() - t) * 1000)
times.sort()
print(json.dumps({"p50_ms": round(times[len(times) // 2], 2), "p99_ms": round(times[int(len(times) * 0.99) - 1], 2)}))
PY
python3 "$BENCH_DIR/cds_hooks.py" "$BASE_URL" "$API_KEY" "$N" 20 > "$RES/cds.json"
python3 - "$RES" <<'PY'
import json, os, sys
res = sys.argv[1]
b = json.load(open(os.path.join(res, "baseline.json"))); c = json.load(open(os.path.join(res, "cds.json")))
out = {"baseline": b, "cds": c, "p50_ratio_to_health": round(c["p50_ms"] / b["p50_ms"], 1)}
json.dump(out, open(os.path.join(res, "summary.json"), "w"), indent=1)
print(f"health  p50 {b['p50_ms']:7.2f} ms  p99 {b['p99_ms']:7.2f} ms")
print(f"cds     p50 {c['p50_ms']:7.2f} ms  p99 {c['p99_ms']:7.2f} ms  max {c['max_ms']:7.2f} ms  cards {c['cards']}"
      f"  = {out['p50_ratio_to_health']}x health; budget ~500 ms: {'PASS' if c['p99_ms'] <= 500 else 'MISS'}")
PY
