#!/usr/bin/env bash
# A/B of JVM options on one dataset: service CPU per request, rps, RSS.
set -euo pipefail
source "$(dirname "$0")/../../lib.sh"
RES=$OUT_DIR/jit-out; mkdir -p "$RES"
export BENCH_LUA_DIR=$BENCH_DIR/wrk API_KEY BENCH_THREADS=2
TREND_PAIR=ec6ef230-f182-8039-ee79-4566b9c58adc
BASE=http://127.0.0.1:$APP_PORT
start_on_dataset 10000 150000 "$RES/app.log"
steady_state "$BASE" "$RES/settle"
app_stop 30
TOK=21000
A="$JAVA_OPTS"
B="${B_OPTS:-${JAVA_OPTS/ -XX:TieredStopAtLevel=1/}}"
run() { # name script vars...
  local name=$1 script=$2; shift 2
  local c0 d0; c0=$(cpu_ms "$APP_PID"); d0=$(pg_cpu_ms)
  env BENCH_OUT="$RES/$name.json" "$@" wrk -t2 -c16 -d${D:-12}s --timeout 10s -s "$BENCH_DIR/wrk/$script" "$BASE" > "$RES/$name.txt"
  local c=$(( $(cpu_ms "$APP_PID") - c0 )) d=$(( $(pg_cpu_ms) - d0 ))
  local n; n=$(awk '/requests in/ {print $1}' "$RES/$name.txt")
  local rps; rps=$(awk '/Requests\/sec/ {print $2}' "$RES/$name.txt")
  printf '%s %-14s rps %7s  svc %.2f ms/req  db %.2f ms/req  rss %d MB  p50/p99 %s\n' "$(date -u +%T)" "$name" "$rps" \
    "$(echo "$c / $n" | bc -l)" "$(echo "$d / $n" | bc -l)" $(( $(rss_kb $APP_PID) / 1024 )) \
    "$(python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(d['p50_ms'], d['p99_ms'], 'errors', d['errors'])" "$RES/$name.json")" | tee -a "$RES/summary.txt"
}
for round in 1; do
  for v in B A; do
    opts=$A; [ $v = B ] && opts=$B
    JAVA_OPTS=$opts app_start "$RES/app.log"
    echo "variant $v: $opts" | tee -a "$RES/summary.txt"
    for w in 1 2 3; do
    D=20 run warm-submit-$v$w submit.lua TOKEN_BASE=$TOK; TOK=$((TOK+8000))
    D=20 run warm-trend-$v$w get.lua BENCH_PATH=/api/v1/pairs/$TREND_PAIR/trends
    done
    run submit-$v$round submit.lua TOKEN_BASE=$TOK; TOK=$((TOK+8000))
    run trend-$v$round get.lua BENCH_PATH=/api/v1/pairs/$TREND_PAIR/trends
    app_stop 30
  done
done
