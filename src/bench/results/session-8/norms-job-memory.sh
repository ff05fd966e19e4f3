set -euo pipefail
source "$(dirname "$0")/../../lib.sh"
# Run as: RESPONSES=200000 bash src/bench/results/session-8/norms-job-memory.sh
PG_PORT=55434; APP_PORT=18096
trap 'app_stop; pg_stop; rm -rf "$PG_DATA"' EXIT
pg_start
psql_q -d postgres -c "create database rapport"
app_start /tmp/normsmem-app.log; app_stop 30
psql_q -d rapport -v responses=${RESPONSES:-200000} -v open=1000 -f "$BENCH_DIR/dataset.sql"
psql_q -d rapport -c "vacuum analyze" >/dev/null
log "$(sql "select count(*) from response") responses, $(sql "select count(*) from session") sessions"
RAPPORT_NORMS_INTERVAL=20s app_start /tmp/normsmem-app.log
for i in $(seq 1 36); do
  sleep 5
  n=$(sql "select count(*) from local_norm" 2>/dev/null || echo 0)
  [ "$n" -gt 0 ] && break
done
log "local_norm rows: $n after $((i*5)) s; RSS $(rss_kb $APP_PID) kB"
sql "select * from local_norm" || true
curl -s -o /dev/null -w "health %{http_code}\n" http://127.0.0.1:$APP_PORT/q/health/ready
grep -c "OutOfMemory" /tmp/normsmem-app.log || true
