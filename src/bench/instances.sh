#!/usr/bin/env bash
# Two packaged instances on one real PostgreSQL behind Debian's haproxy (round robin, loopback only), with webhooks,
# reminders, link e-mails and link expiry active on both. Checks that nothing is lost or done twice:
#   1. both up: every webhook event POSTed exactly once (the receiver always answers 204), every mail sent once,
#      one reminder per session, one no-response alert per pair, no assignment with two responses;
#   2. SIGKILL of one instance mid-load: no acknowledged submission lost, still no assignment with two responses,
#      every webhook event still arrives (a delivery in flight at the kill may arrive twice: counted).
# Exit status 0 when every check passed. Results: target/bench/instances/*.json and instances-summary.json.
#
#   src/bench/instances.sh [--clients N]   (default 40 clients with 2 sessions each)
set -uo pipefail
source "$(dirname "$0")/lib.sh"
CLIENTS=40
while [ $# -gt 0 ]; do case "$1" in --clients) CLIENTS=$2; shift ;; *) die "unknown option $1" ;; esac; shift; done
RES=$OUT_DIR/instances; rm -rf "$RES"; mkdir -p "$RES"
LB_PORT=${LB_PORT:-18080}
PORTS=(${A_PORT:-18081} ${B_PORT:-18082})
HOOK_PORT=${HOOK_PORT:-18090}
SMTP_PORT=${SMTP_PORT:-18025}
STATS_PORT=${STATS_PORT:-18089}
LB=http://127.0.0.1:$LB_PORT
PIDS=()
HELPERS=()

cleanup() {
  local p; for p in "${HELPERS[@]}" "${PIDS[@]}"; do kill "$p" 2>/dev/null; done
  for p in "${PIDS[@]}"; do APP_PID=$p app_stop 5; done
  pg_stop; [ -n "$PG_DATA" ] && rm -rf "$PG_DATA"
}
trap cleanup EXIT

# Both instances: the same database, key, public URL (the balancer) and short delays, so that reminders (15 s after
# a link is issued), link expiry and the relays all run during the test. Scans every 2 s on each instance.
export PUBLIC_URL=$LB
export RAPPORT_ALERT_WEBHOOKS_ALLOW_PRIVATE_ADDRESSES=true RAPPORT_ALERT_WEBHOOKS_BACKOFF=1s,2s
export RAPPORT_ALERT_WEBHOOKS_SECRET_KEY=${RAPPORT_ALERT_WEBHOOKS_SECRET_KEY:-$(head -c 32 /dev/urandom | base64)}
export QUARKUS_MAILER_HOST=127.0.0.1 QUARKUS_MAILER_PORT=$SMTP_PORT QUARKUS_MAILER_MOCK=false
export RAPPORT_DELIVERY_REMINDER_DELAY=15S RAPPORT_DELIVERY_REMINDER_SCAN_INTERVAL=2s
export RAPPORT_DELIVERY_EXPIRY_SCAN_INTERVAL=2s RAPPORT_DELIVERY_MAIL_RELAY_INTERVAL=2s RAPPORT_DELIVERY_MAIL_BACKOFF=2s,5s
start_instance() { # INDEX (0 = a, 1 = b)
  APP_PORT=${PORTS[$1]} app_start "$RES/app-$1.log"
  PIDS[$1]=$APP_PID; APP_PID=
}

wait_for() { # SECONDS DESCRIPTION SQL-returning-true/false
  local i
  for i in $(seq 1 $(( $1 * 2 ))); do [ "$(sql "$3")" = t ] && return 0; sleep 0.5; done
  log "gave up after $1 s waiting for $2"; return 1
}

ensure_tools haproxy
pg_start
psql_q -d postgres -c "create database rapport"
start_instance 0
psql_q -d rapport -v responses=1000 -v open=30000 -f "$BENCH_DIR/dataset.sql" >/dev/null
start_instance 1

python3 "$BENCH_DIR/hook_receiver.py" $HOOK_PORT "$RES/hook.log" & HELPERS+=($!)
python3 "$BENCH_DIR/smtp_sink.py" $SMTP_PORT "$RES/mail.log" & HELPERS+=($!)
cat > "$RES/haproxy.cfg" <<CFG
global
  maxconn 256
defaults
  mode http
  timeout connect 2s
  timeout client 30s
  timeout server 30s
  # A refused connection (the killed instance, before its health check fails) is retried on the other one;
  # a request that reached an instance is never resent.
  retries 2
  option redispatch
frontend rapport
  bind 127.0.0.1:$LB_PORT
  default_backend instances
backend instances
  balance roundrobin
  option httpchk GET /q/health/ready
  server a 127.0.0.1:${PORTS[0]} check inter 500ms fall 2 rise 2
  server b 127.0.0.1:${PORTS[1]} check inter 500ms fall 2 rise 2
listen stats
  bind 127.0.0.1:$STATS_PORT
  stats enable
  stats uri /stats
CFG
haproxy -f "$RES/haproxy.cfg" -db > "$RES/haproxy.log" 2>&1 & HELPERS+=($!)
for i in $(seq 1 40); do curl -fs -o /dev/null "$LB/q/health/ready" && break; sleep 0.25; done
# Requests per instance, from haproxy's CSV statistics (column 8 is stot, the sessions each server took).
served() { curl -fs "http://127.0.0.1:$STATS_PORT/stats;csv" | awk -F, -v s="$1" '$1 == "instances" && $2 == s {print $8}'; }

curl -fs -X POST "$LB/api/v1/webhooks" -H "Authorization: Bearer $API_KEY" -H 'Content-Type: application/json' \
  -d "{\"url\":\"http://127.0.0.1:$HOOK_PORT/hook\",\"description\":\"two-instance test\"}" > "$RES/webhook.json" \
  || die "webhook registration failed"
ENDPOINT=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['id'])" "$RES/webhook.json")

# 1. Both instances up: submissions, new sessions with link e-mails, then reminders, then expiry.
log "1. both instances: submissions and $CLIENTS clients x 2 sessions through the balancer"
python3 "$BENCH_DIR/submitter.py" "$LB" 1 3000 25 "$RES/both" 4 > "$RES/both.stdout" &
SP=$!
T0=$(date +%s)
python3 "$BENCH_DIR/sessions_load.py" "$LB" "$API_KEY" NI "$CLIENTS" 2 "$RES/sessions.json" 4 > "$RES/sessions.stdout"
check "both: sessions created through the balancer" $? "$(cat "$RES/sessions.stdout")"
wait $SP
cat "$RES/both.stdout" >&2
acked_check both "$RES/both" 1 3000
SESSIONS=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['sessions']))" "$RES/sessions.json")
NEW="select a.id from assignment a join session s on s.id = a.session_id join pair p on p.id = s.pair_id join client c on c.id = p.client_id where c.external_id like 'NI-%'"
NEW_SESSIONS="select distinct session_id from assignment where id in ($NEW)"
wait_for 60 "a reminder for each of the $SESSIONS sessions and every link e-mail" \
  "select count(distinct assignment_id) filter (where status = 'sent' and kind = 'reminder') = $SESSIONS and count(*) filter (where status = 'pending') = 0 from mail_outbox where assignment_id in ($NEW)"
mail_retried=$(sql "select count(*) from mail_outbox where attempts > 1")
log "reminders sent $(( $(date +%s) - T0 )) s after the sessions were created; now the links expire"
# The clock: links live an hour at least, so the test moves their expiry to now instead of waiting.
sql "update assignment set expires_at = now() where id in ($NEW) and status = 'open'" >/dev/null
wait_for 60 "no-response alerts on the $CLIENTS pairs" \
  "select count(distinct pair_id) = $CLIENTS from alert where type = 'no-response' and pair_id in (select pair_id from session where id in ($NEW_SESSIONS))"
wait_for 60 "every webhook delivery" "select count(*) = 0 from webhook_delivery where endpoint_id = '$ENDPOINT' and status <> 'delivered'"
sleep 6 # a few more scan and relay runs on both instances: anything done twice would show now

served_a=$(served a); served_b=$(served b)
[ "${served_a:-0}" -gt 100 ] && [ "${served_b:-0}" -gt 100 ]; check "both: the balancer used both instances" $? "instance a took $served_a requests, b $served_b"

# Webhooks: each event POSTed once, without deduplication.
sql "select event_id from webhook_delivery where endpoint_id = '$ENDPOINT'" | sort > "$RES/hook-both.expected"
sort "$RES/hook.log" > "$RES/hook-both.received"
expected=$(wc -l < "$RES/hook-both.expected"); received=$(wc -l < "$RES/hook-both.received")
twice=$(uniq -d "$RES/hook-both.received" | wc -l)
missing=$(comm -23 "$RES/hook-both.expected" <(sort -u "$RES/hook-both.received") | wc -l)
by_type=$(sql "select string_agg(type || ' ' || n, ', ') from (select o.type, count(*) n from webhook_delivery d join outbox o on o.id = d.event_id where d.endpoint_id = '$ENDPOINT' group by 1 order by 1) t")
[ "$expected" -gt 0 ] && [ "$received" = "$expected" ] && [ "$twice" = 0 ] && [ "$missing" = 0 ]
check "both: each webhook event POSTed exactly once" $? "$expected events ($by_type), $received POSTs received, $twice received twice, $missing missing"

# Mail: each queued mail sent once (one Message-ID per outbox row), one reminder per session, every link e-mail.
sql "select '<' || id || '@rapport>' from mail_outbox where status = 'sent'" | sort > "$RES/mail.expected"
cut -f1 "$RES/mail.log" | sort > "$RES/mail.received"
mails=$(wc -l < "$RES/mail.expected"); got=$(wc -l < "$RES/mail.received")
mail_twice=$(uniq -d "$RES/mail.received" | wc -l)
mail_missing=$(comm -23 "$RES/mail.expected" <(sort -u "$RES/mail.received") | wc -l)
read -r links reminders reminder_dups unsent < <(sql "select count(*) filter (where kind = 'email'), count(*) filter (where kind = 'reminder'), (select count(*) from (select a.session_id from mail_outbox m join assignment a on a.id = m.assignment_id where m.kind = 'reminder' group by 1 having count(*) > 1) d), count(*) filter (where status <> 'sent') from mail_outbox" | tr '|' ' ')
emailed=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['emailed']))" "$RES/sessions.json")
[ "$got" = "$mails" ] && [ "$mail_twice" = 0 ] && [ "$mail_missing" = 0 ] && [ "$unsent" = 0 ]
check "both: each mail sent exactly once" $? "$mails mails queued and sent ($links link e-mails for $emailed requested, $reminders reminders; $mail_retried needed a second attempt), $got received by the SMTP server, $mail_twice received twice, $mail_missing missing, $unsent not sent"
[ "$reminders" = "$SESSIONS" ] && [ "$reminder_dups" = 0 ]
check "both: one reminder per session" $? "$reminders reminders for $SESSIONS sessions, $reminder_dups sessions with more than one"

# No-response: one alert, and one outbox event, per pair.
read -r pairs alerts events < <(sql "select count(distinct pair_id), count(*), (select count(*) from outbox where type = 'alert.no-response' and pair_id in (select pair_id from session where id in ($NEW_SESSIONS))) from alert where type = 'no-response' and pair_id in (select pair_id from session where id in ($NEW_SESSIONS))" | tr '|' ' ')
expired=$(sql "select count(*) from assignment where id in ($NEW) and status = 'expired'")
[ "$pairs" = "$CLIENTS" ] && [ "$alerts" = "$CLIENTS" ] && [ "$events" = "$CLIENTS" ]
check "both: one no-response alert per pair" $? "$expired assignments expired; $alerts no-response alerts and $events alert.no-response events on $pairs of $CLIENTS pairs"

# 2. SIGKILL of instance b in the middle of a submission load through the balancer.
log "2. kill -9 of instance b during submissions"
python3 "$BENCH_DIR/submitter.py" "$LB" 5001 15000 25 "$RES/kill" 4 > "$RES/kill.stdout" &
SP=$!
sleep 8
before_kill=$(wc -l < "$RES/kill.acked")
log "kill -9 ${PIDS[1]} (b) after $before_kill acknowledged submissions"; kill -9 "${PIDS[1]}"; wait "${PIDS[1]}" 2>/dev/null
PIDS=("${PIDS[0]}")
wait $SP
cat "$RES/kill.stdout" >&2
acked_check kill "$RES/kill" 5001 15000
after_kill=$(( $(wc -l < "$RES/kill.acked") - before_kill ))
[ "$after_kill" -gt 0 ]; check "kill: the balancer kept serving on a" $? "$after_kill submissions acknowledged after the kill"
# b's unfinished claims wait for their lease to run out (webhooks: 46 s by default), then a sends them.
wait_for 120 "every webhook delivery after the kill" "select count(*) = 0 from webhook_delivery where endpoint_id = '$ENDPOINT' and status <> 'delivered'"
sql "select event_id from webhook_delivery where endpoint_id = '$ENDPOINT'" | sort > "$RES/hook-all.expected"
sort "$RES/hook.log" > "$RES/hook-all.received"
expected=$(wc -l < "$RES/hook-all.expected"); received=$(wc -l < "$RES/hook-all.received")
twice=$(uniq -d "$RES/hook-all.received" | wc -l)
missing=$(comm -23 "$RES/hook-all.expected" <(sort -u "$RES/hook-all.received") | wc -l)
[ "$missing" = 0 ] && [ "$expected" -gt 0 ]
check "kill: every webhook event arrives" $? "$expected events in all, $received POSTs, $missing missing, $twice received twice (a POST in flight at the kill is sent again: at least once)"

printf '[%s]\n' "$(IFS=,; echo "${RESULTS[*]}")" > "$OUT_DIR/instances-summary.json"
log "results: $OUT_DIR/instances-summary.json"
exit $FAILED
