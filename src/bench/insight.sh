#!/usr/bin/env bash
# Benchmark of the agency insight (issue 15, item 5): the organization overview and one therapist's view over
# the benchmark dataset (1,000,000 responses, 1,000 therapists, 20,000 pairs; dataset.sql), answered by the
# packaged service on a real PostgreSQL on loopback. Requests are sequential (one at a time: the figure is how long
# a director waits), 5 warm-up requests then N measured per view; p50, p90 and max from curl's time_total.
# Baseline in the same run: one scan of every response of the organization (select sum(total) ... by psql), the
# least any aggregate over all responses must read; the views are reported as ratios to it.
#
#   src/bench/insight.sh [--small] [--requests N]     (10,000 responses with --small; N defaults to 30)
set -euo pipefail
source "$(dirname "$0")/lib.sh"

RESPONSES=1000000; N=30; MODE=full
while [ $# -gt 0 ]; do
  case "$1" in
    --small) RESPONSES=10000; MODE=small ;;
    --requests) N=$2; shift ;;
    *) die "unknown option $1" ;;
  esac
  shift
done
RES=$OUT_DIR/insight-$MODE; rm -rf "$RES"; mkdir -p "$RES"
BASE_URL=http://127.0.0.1:$APP_PORT
start_on_dataset "$RESPONSES" 30000 "$RES/app.log"
log "steady state: one submission per pair, so the alerts (ruptures, repairs) exist as in production"
steady_state "$BASE_URL" "$RES/settle"
# What the summary job does in production within its interval (it is off here, as in every benchmark): bring the
# insight summary up to date with the settling submissions, so the measured reads have nothing to catch up.
log "insight summary: $(sql "select insight_flush(null, 1000000)") pair-months recomputed after settling"
psql_q -d rapport -c "vacuum analyze" >/dev/null
log "$(sql "select count(*) from response") responses, $(sql "select count(*) from alert") alerts"

# time_ms URL: one request's total time in ms; fails unless 200.
time_ms() {
  local out; out=$(curl -s -o "$RES/last.json" -w '%{http_code} %{time_total}' -H "Authorization: Bearer $API_KEY" "$1")
  [ "${out%% *}" = 200 ] || die "$1 answered ${out%% *}: $(head -c 300 "$RES/last.json")"
  python3 -c "print(round(float('${out#* }') * 1000, 1))"
}
measure() { # NAME URL
  local i
  for i in 1 2 3 4 5; do time_ms "$2" >/dev/null; done
  for i in $(seq 1 "$N"); do time_ms "$2"; done > "$RES/$1.txt"
  cp "$RES/last.json" "$RES/$1.json"
}
baseline() {
  local i
  for i in $(seq 1 "$N"); do
    psql_q -d rapport -At -c "\\timing on" -c "select sum(total) from response where organization_id = '00000000-0000-0000-0000-000000000001'" \
      | awk '/^Time:/ {print $2}'
  done > "$RES/baseline.txt"
}

Q=$BASE_URL/api/v1/insights/session-rating-4
log "measuring ($N sequential requests per view)"
baseline
measure organization "$Q/organization"
measure therapist "$Q/therapists/T-0"
measure therapists "$Q/therapists"
measure reliability "$Q/reliability"
baseline; mv "$RES/baseline.txt" "$RES/baseline-after.txt"; baseline

python3 - "$RES" "$RESPONSES" <<'PY'
import json, statistics, sys, os
res, responses = sys.argv[1], int(sys.argv[2])
def load(name):
    return sorted(float(x) for x in open(os.path.join(res, name + '.txt')) if x.strip())
def pct(v, p):
    return v[min(len(v) - 1, int(round(p / 100 * (len(v) - 1))))]
base = load('baseline') + load('baseline-after')
b50 = statistics.median(base)
out = {'responses': responses, 'baseline_scan_p50_ms': round(b50, 1), 'views': {}}
print(f"baseline (one scan of every response, psql): p50 {b50:.1f} ms over {len(base)} runs")
for view in ['organization', 'therapist', 'therapists', 'reliability']:
    v = load(view)
    p50 = statistics.median(v)
    out['views'][view] = {'n': len(v), 'p50_ms': round(p50, 1), 'p90_ms': round(pct(v, 90), 1),
                          'max_ms': round(v[-1], 1), 'p50_ratio_to_baseline': round(p50 / b50, 2)}
    print(f"{view:13s} p50 {p50:8.1f} ms  p90 {pct(v, 90):8.1f}  max {v[-1]:8.1f}  = {p50 / b50:5.2f}x baseline"
          f"  target p50 <= 200 ms: {'PASS' if p50 <= 200 else 'MISS'}")
json.dump(out, open(os.path.join(res, 'summary.json'), 'w'), indent=1)
PY
