#!/usr/bin/env bash
set -euo pipefail
source "$(dirname "$0")/../../lib.sh"
RES=$OUT_DIR/an-out; rm -rf "$RES"; mkdir -p "$RES"
BASE=http://127.0.0.1:$APP_PORT
start_on_dataset 10000 150000 "$RES/app0.log"
steady_state "$BASE" "$RES/settle"
app_stop 30
t() { local s=$(date +%s%N); local c0; c0=$(pg_cpu_ms); psql_q -d rapport -c "analyze $1" ; echo "analyze $1: $(( ($(date +%s%N)-s)/1000000 )) ms wall, $(( $(pg_cpu_ms)-c0 )) ms db cpu"; }
sql "select count(*) from response"; sql "select count(*) from audit_event"
for i in 1 2; do t response; t audit_event; t outbox; done
psql_q -d rapport -c "select attname, avg_width, n_distinct from pg_stats where tablename in ('response','audit_event','outbox') order by tablename, avg_width desc"
psql_q -d rapport -c "alter table response alter column answers set statistics 0, alter column score set statistics 0, alter column quality_flags set statistics 0"
psql_q -d rapport -c "alter table audit_event alter column hash set statistics 0, alter column prev_hash set statistics 0"
psql_q -d rapport -c "alter table outbox alter column data set statistics 0"
for i in 1 2; do t response; t audit_event; t outbox; done
