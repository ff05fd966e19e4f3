#!/usr/bin/env bash
# Benchmark: real PostgreSQL on loopback (temp data dir), the packaged service against it, a dataset made in SQL,
# wrk load for four operations, pgbench ceilings for the equivalent single statements, RSS and startup time.
# Results: target/bench/*.json and a summary table.
#
#   src/bench/run.sh [--small] [--duration SECONDS] [--rebuild]
#
#   --small     10,000 responses instead of 1,000,000 (same 1,000 therapists and 20,000 pairs); a few minutes
#   --duration  seconds per measured phase (default 20, 12 with --small)
#   --rebuild   package the service even if target/quarkus-app exists
# Environment: JAVA_OPTS (JVM flags of the service), CONNECTIONS (wrk connections, default 16), PG_PORT, APP_PORT.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

MODE=full; RESPONSES=1000000; DURATION=; OPEN=150000
while [ $# -gt 0 ]; do
  case "$1" in
    --small) MODE=small; RESPONSES=10000 ;;
    --duration) DURATION=$2; shift ;;
    --rebuild) BUILD=always ;;
    *) die "unknown option $1" ;;
  esac
  shift
done
DURATION=${DURATION:-$([ $MODE = small ] && echo 12 || echo 20)}
# Package once: every start calls app_jar, which would otherwise package again before each of them.
if [ "${BUILD:-auto}" = always ]; then app_jar >/dev/null; BUILD=auto; fi
CONNECTIONS=${CONNECTIONS:-16}
THREADS=2
mkdir -p "$OUT_DIR"
RES=$OUT_DIR/$MODE; rm -rf "$RES"; mkdir -p "$RES"
export BENCH_LUA_DIR=$BENCH_DIR/wrk API_KEY BENCH_THREADS=$THREADS
BASE_URL=http://127.0.0.1:$APP_PORT
TREND_PAIR=ec6ef230-f182-8039-ee79-4566b9c58adc   # md5('p1')::uuid, the 100-session pair
RSS_MAX=0

cleanup() { app_stop; pg_stop; [ -n "$PG_DATA" ] && rm -rf "$PG_DATA"; }
trap cleanup EXIT

ensure_tools
app_jar >/dev/null
log "mode $MODE: $RESPONSES responses, $DURATION s per phase, $CONNECTIONS connections, JAVA_OPTS=$JAVA_OPTS"

log "starting PostgreSQL on 127.0.0.1:$PG_PORT"
pg_start
psql_q -d postgres -c "create database rapport"

# 1. First start: Flyway creates the schema. A class-data-sharing archive is written at exit for later starts.
CDS=$OUT_DIR/app-cds.jsa; rm -f "$CDS"
app_start "$RES/app.log" -XX:ArchiveClassesAtExit="$CDS"
STARTUP_FIRST_MS=$STARTUP_MS
app_stop 90   # writing the archive at exit takes a while on a busy machine; a kill -9 would lose it

# 2. Dataset in SQL.
log "loading the dataset ($RESPONSES responses, $OPEN open assignments)"
t0=$(date +%s%N)
psql_q -d rapport -v responses=$RESPONSES -v open=$OPEN -f "$BENCH_DIR/dataset.sql"
psql_q -d rapport -c "vacuum analyze" >/dev/null
LOAD_MS=$(( ($(date +%s%N) - t0) / 1000000 ))
log "dataset loaded in $LOAD_MS ms: $(sql "select count(*) from response") responses"

# 3. Startup to ready with the data in place: without and with the CDS archive (3 each, median reported).
STARTS_PLAIN=(); STARTS_CDS=()
STARTS_CPU=()
for i in 1 2 3; do app_start "$RES/app.log"; STARTS_PLAIN+=("$STARTUP_MS"); STARTS_CPU+=("$STARTUP_CPU_MS"); app_stop; done
if [ -f "$CDS" ]; then
  for i in 1 2 3; do app_start "$RES/app.log" -XX:SharedArchiveFile="$CDS"; STARTS_CDS+=("$STARTUP_MS"); app_stop; done
fi
app_start "$RES/app.log" $([ -f "$CDS" ] && echo -XX:SharedArchiveFile="$CDS")
SERVICE_PID=$APP_PID

# 3b. Steady state (lib.sh), not measured.
log "steady state: one submission per pair through the service ($SETTLE_TOKENS)"
t0=$(date +%s%N)
steady_state "$BASE_URL" "$RES/settle"
SETTLE_MS=$(( ($(date +%s%N) - t0) / 1000000 ))
SETTLE_ALERTS=$(sql "select count(*) from alert")
log "steady state reached in $SETTLE_MS ms: $(cut -c1-120 "$RES/settle-summary.json"); $SETTLE_ALERTS alerts"

# Samples the service's VmRSS every 0.5 s while a phase runs (bounded by the phase's own duration).
sample_rss() {
  local out=$1 end=$(( $(date +%s) + DURATION + 5 ))
  : > "$out"
  while [ "$(date +%s)" -lt "$end" ] && kill -0 "$SERVICE_PID" 2>/dev/null; do rss_kb "$SERVICE_PID" >> "$out"; sleep 0.5; done
}

# phase NAME SCRIPT [ENV...]: one wrk run; writes $RES/NAME.json (+ rss_max_kb).
TOKEN_NEXT=$FIRST_MEASURED_TOKEN
phase() {
  local name=$1 script=$2; shift 2
  log "phase $name"
  sample_rss "$RES/$name.rss" & local sp=$!
  local cpu0 db0; cpu0=$(cpu_ms "$SERVICE_PID"); db0=$(pg_cpu_ms)
  env BENCH_OUT="$RES/$name.wrk.json" "$@" \
    wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s --timeout 10s -s "$BENCH_DIR/wrk/$script" "$BASE_URL" > "$RES/$name.wrk.txt"
  local cpu=$(( $(cpu_ms "$SERVICE_PID") - cpu0 )) db=$(( $(pg_cpu_ms) - db0 )) load; load=$(cut -d' ' -f1 /proc/loadavg)
  kill $sp 2>/dev/null || true; wait $sp 2>/dev/null || true
  local rss; rss=$(sort -n "$RES/$name.rss" | tail -1); rss=${rss:-0}
  [ "$rss" -gt "$RSS_MAX" ] && RSS_MAX=$rss
  python3 - "$RES/$name.wrk.json" "$rss" "$RES/$name.json" "$cpu" "$load" "$db" <<'PY'
import json, sys
d = json.load(open(sys.argv[1])); d["rss_max_kb"] = int(sys.argv[2])
# CPU time of the service process per request (user + system): independent of how busy the machine was.
d["service_cpu_ms"] = int(sys.argv[4]); d["service_cpu_ms_per_request"] = round(int(sys.argv[4]) / max(1, d["requests"]), 2)
# The same for the PostgreSQL server (all its processes): what the database itself spent per request.
d["db_cpu_ms"] = int(sys.argv[6]); d["db_cpu_ms_per_request"] = round(int(sys.argv[6]) / max(1, d["requests"]), 3)
d["load_average_1m_at_end"] = float(sys.argv[5])
json.dump(d, open(sys.argv[3], "w"), indent=1)
PY
  cat "$RES/$name.json" | tr -d '\n' >&2; echo >&2
}
jget() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])" "$1" "$2"; }
# Tokens: each submission phase takes a fresh range of 'bench-<k>'.
tokens_after() { local used; used=$(jget "$RES/$1.json" requests); TOKEN_NEXT=$(( TOKEN_NEXT + used + 1000 )); }

# 4. Warm-up (JIT), not reported.
DURATION_SAVE=$DURATION; DURATION=$(( DURATION < 10 ? DURATION : 10 ))
phase warmup-submit submit.lua TOKEN_BASE=$TOKEN_NEXT; tokens_after warmup-submit
phase warmup-trend get.lua BENCH_PATH=/api/v1/pairs/$TREND_PAIR/trends
phase warmup-sessions sessions.lua RUN_ID=w$$
phase warmup-caseload get.lua "BENCH_PATH=/api/v1/pairs?therapistId=T-0&size=200"
DURATION=$DURATION_SAVE

# 5. Measured phases at peak (closed loop, $CONNECTIONS connections).
phase submit submit.lua TOKEN_BASE=$TOKEN_NEXT; tokens_after submit
phase trend get.lua BENCH_PATH=/api/v1/pairs/$TREND_PAIR/trends
phase caseload get.lua "BENCH_PATH=/api/v1/pairs?therapistId=T-0&size=200"
phase sessions sessions.lua RUN_ID=m$$
# The cheapest authenticated API request (the catalog, answered from memory, no statement): what the HTTP layer,
# authentication and JSON cost the service per request whatever the work, beside the budgets in the summary.
phase floor get.lua BENCH_PATH=/api/v1/questionnaires

# 6. Open loop at 50% and 70% of the peak rate (src/bench/OpenLoop.java): requests leave on a fixed schedule,
# whatever happened to earlier ones, and latency counts from each request's intended send time, so a stall is
# charged to every request it delayed (no coordinated omission).
paced_rate() { python3 -c "import json,sys; print(round(json.load(open(sys.argv[1]))['throughput_rps'] * float(sys.argv[2]), 1))" "$RES/$1.json" "$2"; }
openloop() { # NAME PEAK FRACTION PATH [OpenLoop options]
  local name=$1 peak=$2 fraction=$3 path=$4; shift 4
  local rate; rate=$(paced_rate "$peak" "$fraction")
  log "phase $name: open loop at $rate/s ($fraction of $peak's peak)"
  sample_rss "$RES/$name.rss" & local sp=$!
  local cpu0 db0; cpu0=$(cpu_ms "$SERVICE_PID"); db0=$(pg_cpu_ms)
  java -Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 "$BENCH_DIR/OpenLoop.java" "$BASE_URL" "$path" "$rate" "$DURATION" "$RES/$name.ol.json" "$@" > /dev/null
  local cpu=$(( $(cpu_ms "$SERVICE_PID") - cpu0 )) db=$(( $(pg_cpu_ms) - db0 ))
  kill $sp 2>/dev/null || true; wait $sp 2>/dev/null || true
  local rss; rss=$(sort -n "$RES/$name.rss" | tail -1); rss=${rss:-0}
  [ "$rss" -gt "$RSS_MAX" ] && RSS_MAX=$rss
  python3 - "$RES/$name.ol.json" "$rss" "$RES/$name.json" "$cpu" "$db" "$fraction" <<'PY'
import json, sys
d = json.load(open(sys.argv[1])); d["rss_max_kb"] = int(sys.argv[2]); d["fraction_of_peak"] = float(sys.argv[6])
d["throughput_rps"] = d["intended_rps"]
d["service_cpu_ms_per_request"] = round(int(sys.argv[4]) / max(1, d["requests"]), 2)
d["db_cpu_ms_per_request"] = round(int(sys.argv[5]) / max(1, d["requests"]), 3)
json.dump(d, open(sys.argv[3], "w"), indent=1)
PY
  cat "$RES/$name.json" | tr -d '\n' >&2; echo >&2
}
SUBMIT_BODY='{"answers":{"1":9.5,"2":9,"3":9,"4":8.5}}'
for f in 50 70; do
  openloop submit-$f submit 0.$f "/api/v1/forms/bench-{k}/responses" --post "$SUBMIT_BODY" --token-base $TOKEN_NEXT
  TOKEN_NEXT=$(( TOKEN_NEXT + $(jget "$RES/submit-$f.json" requests) + $(jget "$RES/submit-$f.json" warmup_requests) + 1000 ))
  openloop trend-$f trend 0.$f "/api/v1/pairs/$TREND_PAIR/trends" --key "$API_KEY"
done
[ "$TOKEN_NEXT" -lt "$OPEN" ] || log "WARNING: submission phases used more tokens than the $OPEN made; later ones got 404s"
RSS_LOAD_MAX=$RSS_MAX
app_stop

# 7a. What one submission and one trend read send to the database: the server logs every statement
# (log_statement = all) while a service with its scheduled jobs off (nothing else talks to the database) answers
# one of each, after three of each to fill its caches; src/bench/replay.py turns them into pgbench scripts.
log "recording the statements of one submission and one trend read"
QUARKUS_SCHEDULER_ENABLED=false app_start "$RES/app.log"
for i in 1 2 3; do
  TOKEN_NEXT=$(( TOKEN_NEXT + 1 ))
  curl -fs -o /dev/null -X POST -H 'Content-Type: application/json' -d "$SUBMIT_BODY" "$BASE_URL/api/v1/forms/bench-$TOKEN_NEXT/responses"
  curl -fs -o /dev/null -H "Authorization: Bearer $API_KEY" "$BASE_URL/api/v1/pairs/$TREND_PAIR/trends"
done
TOKEN_NEXT=$(( TOKEN_NEXT + 1 ))
sql "alter system set log_statement = 'all'" >/dev/null; sql "alter system set log_line_prefix = '%m [%p] '" >/dev/null
sql "select pg_reload_conf()" >/dev/null; sleep 0.5
LOG_FROM=$(wc -l < "$PG_DATA/server.log")
sql "select 'REPLAY-MARK-submit'" >/dev/null
curl -fs -o /dev/null -X POST -H 'Content-Type: application/json' -d "$SUBMIT_BODY" "$BASE_URL/api/v1/forms/bench-$TOKEN_NEXT/responses" \
  || die "the recorded submission failed"
sql "select 'REPLAY-MARK-trend'" >/dev/null
curl -fs -o /dev/null -H "Authorization: Bearer $API_KEY" "$BASE_URL/api/v1/pairs/$TREND_PAIR/trends" || die "the recorded trend read failed"
sql "select 'REPLAY-MARK-end'" >/dev/null
sql "alter system reset log_statement" >/dev/null; sql "alter system reset log_line_prefix" >/dev/null; sql "select pg_reload_conf()" >/dev/null
app_stop
tail -n +"$LOG_FROM" "$PG_DATA/server.log" > "$RES/replay.log"
REPLAY_SUBMIT=$(python3 "$BENCH_DIR/replay.py" "$RES/replay.log" REPLAY-MARK-submit REPLAY-MARK-trend "$RES/replay-submit.sql" --token "$TOKEN_NEXT")
REPLAY_TREND=$(python3 "$BENCH_DIR/replay.py" "$RES/replay.log" REPLAY-MARK-trend REPLAY-MARK-end "$RES/replay-trend.sql")
log "replay scripts: submission $REPLAY_SUBMIT, trend read $REPLAY_TREND"
sql "create sequence replay_k start $(( TOKEN_NEXT + 1000 ))" >/dev/null

# 7b. The database's own ceiling for the same work, same server, same data, same concurrency, no service running.
PGBENCH=$PG_BIN/pgbench; [ -x "$PGBENCH" ] || PGBENCH=$(command -v pgbench)
pgb() {
  local name=$1 file=$2
  log "pgbench $name"
  local db0; db0=$(pg_cpu_ms)
  "$PGBENCH" -h 127.0.0.1 -p "$PG_PORT" -U postgres -n -M prepared -c "$CONNECTIONS" -j $THREADS -T "$DURATION" \
    -f "$file" rapport > "$RES/pgbench-$name.txt" 2>&1
  sleep 1   # pgbench's backends are counted once the postmaster has reaped them
  local db=$(( $(pg_cpu_ms) - db0 ))
  python3 - "$RES/pgbench-$name.txt" "$RES/pgbench-$name.json" "$db" <<'PY'
import json, re, sys
t = open(sys.argv[1]).read()
tps = float(re.search(r"tps = ([0-9.]+)", t).group(1))
lat = float(re.search(r"latency average = ([0-9.]+) ms", t).group(1))
failed = re.search(r"number of failed transactions: (\d+)", t)
n = int(re.search(r"number of transactions actually processed: (\d+)", t).group(1))
json.dump({"throughput_tps": tps, "mean_ms": lat, "failed": int(failed.group(1)) if failed else 0, "transactions": n,
           "db_cpu_ms": int(sys.argv[3]), "db_cpu_ms_per_transaction": round(int(sys.argv[3]) / max(1, n), 3)},
          open(sys.argv[2], "w"), indent=1)
PY
  cat "$RES/pgbench-$name.json" | tr -d '\n' >&2; echo >&2
}
pgb insert "$BENCH_DIR/pgbench/insert.sql"
pgb read "$BENCH_DIR/pgbench/read.sql"
pgb replay-submit "$RES/replay-submit.sql"
[ "$(sql "select nextval('replay_k')")" -lt "$OPEN" ] || log "WARNING: the submission replay ran out of open assignments"
pgb replay-trend "$RES/replay-trend.sql"
# Scripts recorded by an earlier version (REPLAY_BEFORE=dir with replay-submit.sql, replay-trend.sql), replayed on
# the same server in the same run: what the statements cut since then were worth.
if [ -n "${REPLAY_BEFORE:-}" ]; then
  pgb replay-submit-before "$REPLAY_BEFORE/replay-submit.sql"
  pgb replay-trend-before "$REPLAY_BEFORE/replay-trend.sql"
fi

# 8. Machine, summary, JSON.
REPLAY_SUBMIT=$REPLAY_SUBMIT REPLAY_TREND=$REPLAY_TREND SETTLE_MS=$SETTLE_MS SETTLE_ALERTS=$SETTLE_ALERTS python3 "$BENCH_DIR/report.py" "$RES" "$MODE" "$RESPONSES" "$DURATION" "$CONNECTIONS" "$STARTUP_FIRST_MS" \
  "$(IFS=,; echo "${STARTS_PLAIN[*]}")" "$(IFS=,; echo "${STARTS_CDS[*]:-}")" "$RSS_LOAD_MAX" "$LOAD_MS" "$JAVA_OPTS" \
  "$OUT_DIR" "$(IFS=,; echo "${STARTS_CPU[*]}")"
