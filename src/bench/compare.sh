#!/usr/bin/env bash
# Latency at 1,000,000 responses against 10,000, measured side by side: both datasets on one PostgreSQL server
# (databases rapport_10k and rapport_1m), one service on each, and every operation run on each in turn,
# alternating (10k, 1M, 10k, 1M), so that a machine that slows down for a while (shared hosts do) weighs on both
# sides alike. run.sh --small then run.sh compare runs made minutes apart. Results: target/bench/compare.json.
#
#   src/bench/compare.sh [--duration SECONDS]   (default 12 per run; about 15 minutes in all)
set -euo pipefail
source "$(dirname "$0")/lib.sh"

DURATION=12
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) DURATION=$2; shift ;;
    *) die "unknown option $1" ;;
  esac
  shift
done
RES=$OUT_DIR/compare; rm -rf "$RES"; mkdir -p "$RES"
export BENCH_LUA_DIR=$BENCH_DIR/wrk API_KEY BENCH_THREADS=2
TREND_PAIR=ec6ef230-f182-8039-ee79-4566b9c58adc
PORT_10K=$APP_PORT; PORT_1M=$(( APP_PORT + 1 )); PID_10K=; PID_1M=
cleanup() {
  for p in $PID_10K $PID_1M; do kill "$p" 2>/dev/null || true; done
  sleep 2
  for p in $PID_10K $PID_1M; do kill -9 "$p" 2>/dev/null || true; done
  pg_stop; [ -n "$PG_DATA" ] && rm -rf "$PG_DATA"
}
trap cleanup EXIT

ensure_tools
app_jar >/dev/null
pg_start
start_on() { # DB PORT -> APP_PID
  PG_DB=$1 APP_PORT=$2
  app_start "$RES/app-$1.log"
}
for n in 10k 1m; do
  psql_q -d postgres -c "create database rapport_$n"
  start_on rapport_$n $PORT_10K; app_stop   # Flyway creates the schema
  log "loading rapport_$n"
  psql_q -d rapport_$n -v responses=$([ $n = 10k ] && echo 10000 || echo 1000000) -v open=150000 \
    -f "$BENCH_DIR/dataset.sql"
  psql_q -d rapport_$n -c "vacuum analyze" >/dev/null
done
start_on rapport_10k $PORT_10K; PID_10K=$APP_PID
start_on rapport_1m $PORT_1M; PID_1M=$APP_PID
APP_PID=
for n in 10k 1m; do
  port=$([ $n = 10k ] && echo $PORT_10K || echo $PORT_1M)
  log "steady state on $n: one submission per pair"
  steady_state "http://127.0.0.1:$port" "$RES/settle-$n"
done

# run NAME DATASET SCRIPT [ENV...]
run() {
  local name=$1 n=$2 script=$3; shift 3
  local port; port=$([ $n = 10k ] && echo $PORT_10K || echo $PORT_1M)
  env BENCH_OUT="$RES/$name-$n.json" "$@" wrk -t2 -c16 -d${DURATION}s --timeout 10s -s "$BENCH_DIR/wrk/$script" \
    "http://127.0.0.1:$port" > "$RES/$name-$n.wrk.txt"
  log "$name on $n: $(tr -d '\n' < "$RES/$name-$n.json" | cut -c1-110)"
}
TOKEN=$FIRST_MEASURED_TOKEN
for round in 0 1 2; do   # round 0 warms both services up and is not counted
  for n in 10k 1m; do
    run submit-r$round $n submit.lua TOKEN_BASE=$(( TOKEN + round * 20000 ))
    run trend-r$round $n get.lua BENCH_PATH=/api/v1/pairs/$TREND_PAIR/trends
    run caseload-r$round $n get.lua "BENCH_PATH=/api/v1/pairs?therapistId=T-0&size=200"
    run sessions-r$round $n sessions.lua RUN_ID=c$round$n$$
  done
done

python3 - "$RES" "$OUT_DIR/compare.json" <<'PY'
import json, os, sys
res, out = sys.argv[1:3]
def get(op, n, r): return json.load(open(os.path.join(res, f"{op}-r{r}-{n}.json")))
ops = {}
for op in ["submit", "trend", "caseload", "sessions"]:
    rows = {n: [get(op, n, r) for r in (1, 2)] for n in ("10k", "1m")}
    mean = lambda n, k: sum(x[k] for x in rows[n]) / len(rows[n])
    ops[op] = {n: {k: round(mean(n, k), 2) for k in ("throughput_rps", "p50_ms", "p99_ms")} for n in rows}
    ops[op]["p50_ratio_1m_to_10k"] = round(mean("1m", "p50_ms") / mean("10k", "p50_ms"), 3)
    ops[op]["p99_ratio_1m_to_10k"] = round(mean("1m", "p99_ms") / mean("10k", "p99_ms"), 3)
worst = max(v["p50_ratio_1m_to_10k"] for v in ops.values())
summary = {"operations": ops, "worst_p50_ratio": worst, "target": "p50 at 1M within 1.5x of 10k", "met": worst <= 1.5,
           "method": "two services, one per dataset, same PostgreSQL server; rounds 1 and 2 averaged, alternating 10k/1M"}
json.dump(summary, open(out, "w"), indent=1)
print(f"{'operation':<10}{'10k p50':>9}{'1M p50':>9}{'ratio':>8}{'10k p99':>9}{'1M p99':>9}{'ratio':>8}")
for op, v in ops.items():
    print(f"{op:<10}{v['10k']['p50_ms']:>9.1f}{v['1m']['p50_ms']:>9.1f}{v['p50_ratio_1m_to_10k']:>8.2f}"
          f"{v['10k']['p99_ms']:>9.1f}{v['1m']['p99_ms']:>9.1f}{v['p99_ratio_1m_to_10k']:>8.2f}")
print(f"worst p50 ratio {worst} ({'MET' if worst <= 1.5 else 'MISS'} target 1.5x); written {out}")
PY
