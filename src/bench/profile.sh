#!/usr/bin/env bash
# Profiles one operation with JDK Flight Recorder: real PostgreSQL, the small dataset, the packaged service with
# a JFR recording, wrk for DURATION seconds, then the hottest methods (self time, and the top application frames
# that were on the stack). The recording stays in target/bench/profile-<operation>.jfr for JDK Mission Control.
#
#   src/bench/profile.sh submit|fhir-submit|trend|caseload|sessions|startup [--duration SECONDS] [--sql]
# startup: three starts to ready (the database already running) under JFR, no load.
# --sql: also the database's side: pg_stat_statements over the measured run, the statements with the most
#        execution time, with calls and milliseconds per request.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

OP=${1:?operation: submit, trend, caseload or sessions}; shift
DURATION=30; SQL=false
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) DURATION=$2; shift ;;
    --sql) SQL=true ;;
    *) die "unknown option $1" ;;
  esac
  shift
done
TREND_PAIR=ec6ef230-f182-8039-ee79-4566b9c58adc
case "$OP" in
  submit) SCRIPT=submit.lua; VARS=(TOKEN_BASE=0) ;;
  fhir-submit) SCRIPT=fhir_submit.lua; VARS=(FHIR_TASKS=$OUT_DIR/profile-tasks-warm) ;;
  trend) SCRIPT=get.lua; VARS=(BENCH_PATH=/api/v1/pairs/$TREND_PAIR/trends) ;;
  caseload) SCRIPT=get.lua; VARS=("BENCH_PATH=/api/v1/pairs?therapistId=T-0&size=200") ;;
  sessions) SCRIPT=sessions.lua; VARS=(RUN_ID=p$$) ;;
  startup) ;;
  *) die "unknown operation $OP" ;;
esac
mkdir -p "$OUT_DIR"
JFR=$OUT_DIR/profile-$OP.jfr; rm -f "$JFR"
export BENCH_LUA_DIR=$BENCH_DIR/wrk API_KEY BENCH_THREADS=2
cleanup() { app_stop; pg_stop; [ -n "$PG_DATA" ] && rm -rf "$PG_DATA"; }
trap cleanup EXIT

ensure_tools
app_jar >/dev/null
pg_start
if $SQL; then
  echo "shared_preload_libraries = 'pg_stat_statements'" >> "$PG_DATA/postgresql.conf"
  pg_stop; pg_start
fi
psql_q -d postgres -c "create database rapport"
app_start "$OUT_DIR/profile-app.log"; app_stop
psql_q -d rapport -v responses=10000 -v open=150000 -f "$BENCH_DIR/dataset.sql"
psql_q -d rapport -c "vacuum analyze" >/dev/null
if [ "$OP" = fhir-submit ]; then # the assignments of submit.lua's tokens, as "assignment-id client-id" lines
  tasks() { psql_q -d rapport -At -F ' ' -c "select md5('oa' || k)::uuid, md5('c' || (2 + (k - 1) % 19999))::uuid
    from generate_series($1, $2) k order by k" > "$3"; }
  tasks 1 20000 "$OUT_DIR/profile-tasks-warm"; tasks 20001 150000 "$OUT_DIR/profile-tasks"
fi
if [ "$OP" = startup ]; then
  for i in 1 2 3; do
    app_start "$OUT_DIR/profile-app.log" "-XX:StartFlightRecording=filename=$OUT_DIR/startup-$i.jfr,settings=profile,dumponexit=true"
    log "start $i: ready in $STARTUP_MS ms ($STARTUP_CPU_MS ms CPU)"
    app_stop 60
  done
  for i in 1 2 3; do jfr print --events jdk.ExecutionSample --stack-depth 64 "$OUT_DIR/startup-$i.jfr"; done \
    | python3 "$BENCH_DIR/jfr_top.py"
  exit 0
fi
app_start "$OUT_DIR/profile-app.log" "-XX:StartFlightRecording=filename=$JFR,settings=profile,dumponexit=true"
log "warm-up, then $DURATION s of $OP under JFR"
env "${VARS[@]}" wrk -t2 -c16 -d10s --timeout 10s -s "$BENCH_DIR/wrk/$SCRIPT" "http://127.0.0.1:$APP_PORT" >/dev/null
[ "$OP" = submit ] && VARS=(TOKEN_BASE=20000)
[ "$OP" = fhir-submit ] && VARS=(FHIR_TASKS=$OUT_DIR/profile-tasks)
$SQL && sql "create extension if not exists pg_stat_statements; select pg_stat_statements_reset()" >/dev/null
env "${VARS[@]}" wrk -t2 -c16 -d${DURATION}s --timeout 10s -s "$BENCH_DIR/wrk/$SCRIPT" "http://127.0.0.1:$APP_PORT" \
  > "$OUT_DIR/profile-$OP.wrk.txt"
grep -E "Requests/sec|Latency" "$OUT_DIR/profile-$OP.wrk.txt" >&2
if $SQL; then
  REQUESTS=$(awk '/requests in/ {print $1}' "$OUT_DIR/profile-$OP.wrk.txt")
  echo "database statements per request ($REQUESTS requests), by total execution time:"
  psql_q -d rapport -c "select round(sum(calls)::numeric / $REQUESTS, 2) as calls_per_request,
      round(sum(total_exec_time)::numeric / $REQUESTS, 3) as exec_ms_per_request from pg_stat_statements
      where query not like '%pg_stat_statements%'"
  psql_q -d rapport -c "select round(calls::numeric / $REQUESTS, 2) as per_req,
      round((total_exec_time / $REQUESTS)::numeric, 3) as ms_per_req, round(mean_exec_time::numeric, 3) as mean_ms,
      round(rows::numeric / greatest(calls, 1), 1) as rows, left(regexp_replace(query, '\s+', ' ', 'g'), 150) as query
      from pg_stat_statements where query not like '%pg_stat_statements%' order by total_exec_time desc limit 25"
fi
app_stop 60
jfr print --events jdk.ExecutionSample --stack-depth 64 "$JFR" | python3 "$BENCH_DIR/jfr_top.py"
