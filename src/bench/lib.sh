# Shared helpers of src/bench/run.sh and src/bench/faults.sh (sourced, not run).
# Everything listens on 127.0.0.1 only. Every wait is bounded.

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(cd "$BENCH_DIR/../.." && pwd)
OUT_DIR=${OUT_DIR:-$REPO_DIR/target/bench}
PG_PORT=${PG_PORT:-55432}
APP_PORT=${APP_PORT:-18080}
PG_DB=${PG_DB:-rapport}
PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
API_KEY=bench-admin-key-0123456789abcdef
APP_PID=
PG_DATA=

log() { printf '%s [bench] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

ensure_tools() { # [extra Debian packages whose command has the package's name, e.g. haproxy]
  local missing=() extra
  for extra in "$@"; do command -v "$extra" >/dev/null || missing+=("$extra"); done
  [ -x "$PG_BIN/pg_ctl" ] || missing+=(postgresql)
  [ -x "$PG_BIN/pgbench" ] || command -v pgbench >/dev/null || missing+=(postgresql-contrib)
  command -v wrk >/dev/null || missing+=(wrk)
  command -v curl >/dev/null || missing+=(curl)
  command -v python3 >/dev/null || missing+=(python3)
  if [ ${#missing[@]} -gt 0 ]; then
    [ "$(id -u)" = 0 ] || die "missing ${missing[*]}; install them (apt-get install ${missing[*]}) or run as root"
    log "installing ${missing[*]} from Debian"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  fi
}

# initdb refuses to run as root: run PostgreSQL as the 'postgres' system user when we are root.
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

pg_start() {
  if [ -z "$PG_DATA" ]; then
    PG_DATA=$(mktemp -d /tmp/rapport-bench-pg.XXXXXX)
    [ "$(id -u)" = 0 ] && chown postgres "$PG_DATA"
    as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --auth=trust -E UTF8 >/dev/null
    cat >> "$PG_DATA/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$PG_DATA'
max_connections = 100
shared_buffers = 256MB
work_mem = 8MB
maintenance_work_mem = 256MB
max_wal_size = 4GB
checkpoint_timeout = 15min
CONF
  fi
  as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_DATA/server.log" -w -t 60 start >/dev/null
  psql_q -d postgres -c "select 1" >/dev/null
}

pg_stop() { [ -n "$PG_DATA" ] && as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 60 stop >/dev/null 2>&1 || true; }

psql_q() { "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -X -q -v ON_ERROR_STOP=1 "$@"; }
sql() { psql_q -d "$PG_DB" -At -c "$1"; }

app_jar() {
  local jar=$REPO_DIR/target/quarkus-app/quarkus-run.jar
  if [ ! -f "$jar" ] || [ "${BUILD:-auto}" = always ]; then
    log "packaging the service (./mvnw package -DskipTests)"
    (cd "$REPO_DIR" && ./mvnw -q package -DskipTests) || die "package failed"
  fi
  echo "$jar"
}

# Starts the packaged service; sets APP_PID and STARTUP_MS (process start to /q/health/ready UP).
# Without -Xmx the JVM sizes its heap from the machine's RAM (a quarter of 23 GB here) and RSS grows with it.
# A bounded heap, the serial collector (2 cores), C1 only (no C2 compiler threads competing for the 2 cores, a
# smaller code cache) keep RSS under 300 MB and cut startup CPU; measured in src/bench/results/*c1-96m*. The heap
# is 112 MB from the start: 96 MB growing from 64 MB cost throughput in collections and slowed startup, 128 MB
# reached 308 MB RSS and C2 300 MB (src/bench/results/session-3/heap.txt, rss.txt).
JAVA_OPTS=${JAVA_OPTS:-"-Xmx112m -Xms112m -XX:+UseSerialGC -XX:ReservedCodeCacheSize=48m -Xss512k -XX:TieredStopAtLevel=1"}
# The local-norms job is off (RAPPORT_NORMS_INTERVAL=off) unless the caller sets it, so that it does not compete
# with the measured load. It used to load every scored response of a version into memory and ran the 112 MB heap
# out of memory at 30,000 responses (session 7); it now streams them (session 8: 200,000 responses computed in
# under 40 s at 244 MB RSS, src/bench/results/session-8/norms-job-200k.txt). The insight summary's background
# job is off too for the same reason; an insight read still brings the summary up to date before it answers.
app_start() {
  local logf=${1:-$OUT_DIR/app.log}; shift || true
  local jar; jar=$(app_jar)
  local t0; t0=$(date +%s%N)
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$PG_DB" \
  QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=bench \
  QUARKUS_HTTP_PORT=$APP_PORT QUARKUS_HTTP_HOST=127.0.0.1 \
  RAPPORT_PUBLIC_URL="${PUBLIC_URL:-http://127.0.0.1:$APP_PORT}" \
  RAPPORT_BOOTSTRAP_API_KEY=$API_KEY \
  RAPPORT_SECURITY_API_REQUESTS_PER_SECOND=${RAPPORT_SECURITY_API_REQUESTS_PER_SECOND:-100000} \
  RAPPORT_SECURITY_API_BURST=${RAPPORT_SECURITY_API_BURST:-100000} \
  MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2} \
  RAPPORT_NORMS_INTERVAL=${RAPPORT_NORMS_INTERVAL:-off} \
  RAPPORT_INSIGHT_SUMMARY_INTERVAL=${RAPPORT_INSIGHT_SUMMARY_INTERVAL:-off} \
    java $JAVA_OPTS "$@" -jar "$jar" >>"$logf" 2>&1 &
  APP_PID=$!
  local i
  for i in $(seq 1 600); do
    if curl -fs -o /dev/null "http://127.0.0.1:$APP_PORT/q/health/ready"; then
      STARTUP_MS=$(( ($(date +%s%N) - t0) / 1000000 ))
      # CPU time the process used until ready (user + system): less sensitive to other load on the machine.
      STARTUP_CPU_MS=$(awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' "/proc/$APP_PID/stat")
      log "service ready in ${STARTUP_MS} ms, ${STARTUP_CPU_MS} ms CPU (pid $APP_PID, load average $(cut -d' ' -f1 /proc/loadavg))"
      return 0
    fi
    kill -0 "$APP_PID" 2>/dev/null || die "service exited; see $logf"
    sleep 0.05
  done
  die "service not ready after 30 s; see $logf"
}

# Starts PostgreSQL and the service once (Flyway makes the schema), loads dataset.sql with RESPONSES responses
# and OPEN open assignments, and starts the service again; both are stopped, and the data removed, on exit.
start_on_dataset() { # RESPONSES OPEN APP_LOG
  trap bench_cleanup EXIT
  ensure_tools
  app_jar >/dev/null
  pg_start
  psql_q -d postgres -c "create database rapport"
  app_start "$3"; app_stop 30
  log "loading the dataset ($1 responses, $2 open assignments)"
  psql_q -d rapport -v responses="$1" -v open="$2" -f "$BENCH_DIR/dataset.sql"
  psql_q -d rapport -c "vacuum analyze" >/dev/null
  app_start "$3"
}
bench_cleanup() { app_stop; pg_stop; [ -n "$PG_DATA" ] && rm -rf "$PG_DATA"; }

# Steady state: the SQL dataset (dataset.sql) has the scores but not what the service raises from them (alerts,
# outbox events). One submission per pair through the service (tokens bench-1 .. bench-$SETTLE_TOKENS, one on
# each of pairs 2..20000) raises each pair's history once, as production would have at the time; otherwise every
# measured submission would be a pair's first and raise its whole history. Measured phases take tokens from
# $FIRST_MEASURED_TOKEN on.
SETTLE_TOKENS=19999
FIRST_MEASURED_TOKEN=21000
steady_state() { # BASE_URL OUT_PREFIX: writes OUT_PREFIX.json (per second) and OUT_PREFIX-summary.json
  python3 "$BENCH_DIR/submitter.py" "$1" 1 $SETTLE_TOKENS 900 "$2" 8 > "$2-summary.json"
}

app_stop() { # [seconds to wait before kill -9, default 10]
  [ -n "$APP_PID" ] || return 0
  kill "$APP_PID" 2>/dev/null || true
  local i; for i in $(seq 1 $(( ${1:-10} * 10 ))); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$APP_PID" 2>/dev/null || true
  wait "$APP_PID" 2>/dev/null || true
  APP_PID=
}

# CPU time (ms) of the PostgreSQL server: the postmaster, the processes it runs (backends, walwriter, ...) and
# those it has reaped (pgbench's backends end with its run).
pg_cpu_ms() {
  local pm; pm=$(head -1 "$PG_DATA/postmaster.pid" 2>/dev/null) || { echo 0; return; }
  local total p
  total=$(awk -v hz="$(getconf CLK_TCK)" '{print int(($16 + $17) * 1000 / hz)}' "/proc/$pm/stat" 2>/dev/null || echo 0)
  for p in $pm $(ps --ppid "$pm" -o pid= 2>/dev/null); do total=$(( total + $(cpu_ms "$p") )); done
  echo $total
}
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' "/proc/$1/stat" 2>/dev/null || echo 0; }
rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }

# Checks of the fault scripts: each logs PASS or FAIL and is kept for the summary; FAILED=1 after any failure.
RESULTS=()
FAILED=0
check() { # check NAME CONDITION-RESULT(0/1) DETAIL
  local name=$1 ok=$2 detail=$3
  if [ "$ok" = 0 ]; then log "PASS $name: $detail"; else log "FAIL $name: $detail"; FAILED=1; fi
  RESULTS+=("{\"check\":\"$name\",\"passed\":$([ "$ok" = 0 ] && echo true || echo false),\"detail\":\"$detail\"}")
}

# acked_check NAME OUT FIRST LAST: every token acknowledged with 201 has a response; no assignment has two.
acked_check() {
  local name=$1 out=$2
  psql_q -d rapport -c "create temp table acked(token text)" -c "\copy acked from '$out.acked'" \
    -c "\copy (select count(*) filter (where r.id is null), count(*) from acked k join assignment a on a.token_hash = encode(sha256(convert_to(k.token,'UTF8')),'hex') left join response r on r.assignment_id = a.id) to '$out.check' csv" >/dev/null
  local missing total dup
  IFS=, read -r missing total < "$out.check"
  dup=$(sql "select count(*) from (select assignment_id from response group by 1 having count(*) > 1) d")
  local extra
  extra=$(sql "select count(*) from response r join assignment a on a.id = r.assignment_id where a.token_hash in (select encode(sha256(convert_to('bench-'||k,'UTF8')),'hex') from generate_series($3, $4) k)")
  extra=$(( extra - total ))
  [ "$missing" = 0 ] && [ "$total" -gt 0 ]; check "$name: acknowledged submissions stored" $? "$total acknowledged, $missing missing from the database"
  [ "$dup" = 0 ]; check "$name: no duplicates" $? "$dup assignments with more than one response; $extra committed but not acknowledged (in flight at the fault)"
}

