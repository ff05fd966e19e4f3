#!/usr/bin/env bash
# GC pauses of the service under trend and submit load (closed loop, then open loop at a fixed rate).
set -euo pipefail
source "$(dirname "$0")/../../lib.sh"
RES=$OUT_DIR/gc-out; rm -rf "$RES"; mkdir -p "$RES"
export BENCH_LUA_DIR=$BENCH_DIR/wrk API_KEY BENCH_THREADS=2
TREND_PAIR=ec6ef230-f182-8039-ee79-4566b9c58adc
BASE=http://127.0.0.1:$APP_PORT
start_on_dataset 10000 150000 "$RES/app0.log"
steady_state "$BASE" "$RES/settle"
app_stop 30
for opts in "$JAVA_OPTS" ; do
  JAVA_OPTS="$opts -Xlog:gc:file=$RES/gc.log" app_start "$RES/app.log"
  sql "alter system set log_autovacuum_min_duration = 0" >/dev/null; sql "alter system set log_checkpoints = on" >/dev/null; sql "alter system set log_line_prefix = '%m [%p] '" >/dev/null; sql "select pg_reload_conf()" >/dev/null
  env BENCH_OUT=$RES/w1.json TOKEN_BASE=21000 wrk -t2 -c16 -d15s --timeout 10s -s $BENCH_DIR/wrk/submit.lua $BASE >/dev/null
  env BENCH_OUT=$RES/w2.json BENCH_PATH=/api/v1/pairs/$TREND_PAIR/trends wrk -t2 -c16 -d15s --timeout 10s -s $BENCH_DIR/wrk/get.lua $BASE >/dev/null
  echo "$(date -u +%T.%N) open loop submit" >> $RES/marks
  java -Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 $BENCH_DIR/OpenLoop.java $BASE "/api/v1/forms/bench-{k}/responses" 120 15 $RES/ol-submit.json --post '{"answers":{"1":9.5,"2":9,"3":9,"4":8.5}}' --token-base 40000 > /dev/null
  echo "$(date -u +%T.%N) open loop trend" >> $RES/marks
  java -Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 $BENCH_DIR/OpenLoop.java $BASE /api/v1/pairs/$TREND_PAIR/trends 150 15 $RES/ol.json --key $API_KEY > /dev/null
  echo "$(date -u +%T.%N) end" >> $RES/marks
  cp "$PG_DATA/server.log" $RES/pg.log || true
  jcmd $APP_PID GC.heap_info > $RES/heap.txt 2>&1 || true
  app_stop 30
done
