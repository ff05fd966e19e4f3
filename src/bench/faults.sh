#!/usr/bin/env bash
# Fault tests on loopback, each bounded in time: database outage, kill -9 of the service, webhook receiver down.
# Uses a real PostgreSQL in a temp data dir and the packaged service (see lib.sh). Exit status 0 when every
# check passed. Results: target/bench/faults/*.json and faults-summary.json.
#
#   src/bench/faults.sh [--outage SECONDS]   (default 20)
set -uo pipefail
source "$(dirname "$0")/lib.sh"
OUTAGE=20
while [ $# -gt 0 ]; do case "$1" in --outage) OUTAGE=$2; shift ;; *) die "unknown option $1" ;; esac; shift; done
RES=$OUT_DIR/faults; rm -rf "$RES"; mkdir -p "$RES"
BASE_URL=http://127.0.0.1:$APP_PORT
HOOK_PORT=${HOOK_PORT:-18090}
HOOK_PID=

cleanup() { [ -n "$HOOK_PID" ] && kill "$HOOK_PID" 2>/dev/null; app_stop; pg_stop; [ -n "$PG_DATA" ] && rm -rf "$PG_DATA"; }
trap cleanup EXIT

ensure_tools
export RAPPORT_ALERT_WEBHOOKS_ALLOW_PRIVATE_ADDRESSES=true RAPPORT_ALERT_WEBHOOKS_BACKOFF=1s,2s
pg_start
psql_q -d postgres -c "create database rapport"
app_start "$RES/app.log"
psql_q -d rapport -v responses=1000 -v open=30000 -f "$BENCH_DIR/dataset.sql" >/dev/null

# 1. Database outage in the middle of a submission load.
log "1. database outage of $OUTAGE s during submissions"
python3 "$BENCH_DIR/submitter.py" "$BASE_URL" 1 10000 $(( OUTAGE + 25 )) "$RES/outage" 4 > "$RES/outage.stdout" &
SP=$!
sleep 8
log "stopping PostgreSQL (pg_ctl stop -m fast)"; pg_stop
sleep "$OUTAGE"
log "starting PostgreSQL again"; pg_start
wait $SP
cat "$RES/outage.stdout" >&2
read -r n503 nra n500 recovered < <(python3 -c "
import json,sys; d=json.load(open(sys.argv[1])); c=d['counts']
print(c.get('503',0), d['503_without_retry_after'], c.get('500',0), 1 if d['first_201_after_first_error_s'] else 0)" "$RES/outage.json")
[ "$n503" -gt 0 ] && [ "$nra" = 0 ]; check "outage: 503 with Retry-After" $? "$n503 answers 503, $nra of them without Retry-After"
[ "$n500" = 0 ]; check "outage: no 500" $? "$n500 answers 500"
[ "$recovered" = 1 ]; check "outage: recovers by itself" $? "201s again after the database came back, without restarting the service"
acked_check outage "$RES/outage" 1 10000

# 2. kill -9 of the service in the middle of a submission load, then restart.
log "2. kill -9 of the service during submissions"
python3 "$BENCH_DIR/submitter.py" "$BASE_URL" 10001 20000 30 "$RES/kill" 4 > "$RES/kill.stdout" &
SP=$!
sleep 8
log "kill -9 $APP_PID"; kill -9 "$APP_PID"; wait "$APP_PID" 2>/dev/null; APP_PID=
app_start "$RES/app.log"
wait $SP
cat "$RES/kill.stdout" >&2
acked_check kill "$RES/kill" 10001 20000
ok_after=$(python3 -c "import json,sys; print(1 if json.load(open(sys.argv[1]))['first_201_after_first_error_s'] else 0)" "$RES/kill.json")
[ "$ok_after" = 1 ]; check "kill: serves again after restart" $? "201s after the restart (restart took ${STARTUP_MS} ms)"

# 3. Webhook receiver down and back: every event arrives; dedupe by webhook-id sees each once.
log "3. webhook receiver down for 8 s"
python3 "$BENCH_DIR/hook_receiver.py" $HOOK_PORT "$RES/hook.log" & HOOK_PID=$!
sleep 0.5
curl -fs -X POST "$BASE_URL/api/v1/webhooks" -H "Authorization: Bearer $API_KEY" -H 'Content-Type: application/json' \
  -d "{\"url\":\"http://127.0.0.1:$HOOK_PORT/hook\",\"description\":\"fault test\"}" > "$RES/webhook.json" \
  || die "webhook registration failed"
ENDPOINT=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['id'])" "$RES/webhook.json")
python3 "$BENCH_DIR/submitter.py" "$BASE_URL" 20001 20300 20 "$RES/hook" 2 > "$RES/hook.stdout" &
SP=$!
sleep 3
log "receiver down"; kill "$HOOK_PID"; wait "$HOOK_PID" 2>/dev/null; HOOK_PID=
sleep 8
log "receiver up"; python3 "$BENCH_DIR/hook_receiver.py" $HOOK_PORT "$RES/hook.log" & HOOK_PID=$!
wait $SP
cat "$RES/hook.stdout" >&2
for i in $(seq 1 90); do
  pending=$(sql "select count(*) from webhook_delivery where endpoint_id = '$ENDPOINT' and status <> 'delivered'")
  [ "$pending" = 0 ] && break; sleep 1
done
sql "select event_id from webhook_delivery where endpoint_id = '$ENDPOINT'" | sort > "$RES/hook.expected"
sort -u "$RES/hook.log" > "$RES/hook.unique"
expected=$(wc -l < "$RES/hook.expected"); received=$(wc -l < "$RES/hook.log"); unique=$(wc -l < "$RES/hook.unique")
missing=$(comm -23 "$RES/hook.expected" "$RES/hook.unique" | wc -l)
unknown=$(comm -13 "$RES/hook.expected" "$RES/hook.unique" | wc -l)
retried=$(sql "select count(*) from webhook_delivery where endpoint_id = '$ENDPOINT' and attempts > 1")
[ "$expected" -gt 0 ] && [ "$missing" = 0 ] && [ "$unknown" = 0 ] && [ "$pending" = 0 ]
check "webhooks: every event delivered once after dedupe" $? "$expected events, $received deliveries received, $unique distinct webhook-ids, $missing missing, $unknown unknown, $retried needed more than one attempt, $pending not delivered"

printf '[%s]\n' "$(IFS=,; echo "${RESULTS[*]}")" > "$OUT_DIR/faults-summary.json"
log "results: $OUT_DIR/faults-summary.json"
exit $FAILED
