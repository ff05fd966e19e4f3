#!/usr/bin/env bash
# Trend-read throughput in successive 10 s windows of one JVM, for each JAVA_OPTS given (10k dataset).
#   src/bench/results/session-3/windows.sh "-Xmx128m ..." "-Xmx96m ..."
set -euo pipefail
source "$(dirname "$0")/../../lib.sh"
OUT_DIR=${OUT_DIR:-/tmp/rapport-windows}; mkdir -p $OUT_DIR
export BENCH_LUA_DIR=$BENCH_DIR/wrk API_KEY BENCH_THREADS=2
cleanup() { app_stop; pg_stop; [ -n "$PG_DATA" ] && rm -rf "$PG_DATA"; }
trap cleanup EXIT
ensure_tools
pg_start
psql_q -d postgres -c "create database rapport"
app_start $OUT_DIR/app.log; app_stop
psql_q -d rapport -v responses=10000 -v open=150000 -f "$BENCH_DIR/dataset.sql"
psql_q -d rapport -c "vacuum analyze" >/dev/null
P=/api/v1/pairs/ec6ef230-f182-8039-ee79-4566b9c58adc/trends
for opts in "$@"; do
  JAVA_OPTS="$opts"
  app_start $OUT_DIR/app.log
  echo "== $opts"
  for w in 1 2 3 4 5 6; do
    c0=$(cpu_ms $APP_PID)
    r=$(BENCH_PATH=$P wrk -t2 -c16 -d10s -s $BENCH_DIR/wrk/get.lua http://127.0.0.1:$APP_PORT | awk '/Requests\/sec/ {print $2}')
    c1=$(cpu_ms $APP_PID)
    echo "window $w: $r rps, cpu/req $(python3 -c "print(round(($c1-$c0)/($r*10),2))") ms, rss $(( $(rss_kb $APP_PID)/1024 )) MB"
  done
  app_stop 30
done
