#!/usr/bin/env bash
# Benchmark (issue 13): creating a QuestionnaireResponse through /fhir against posting the same answers through
# /api/v1/forms/{token}/responses, in the same run, on the same service and dataset (dataset.sql, 10,000 responses,
# 60,000 open session-rating-4 assignments). Closed loop with wrk ($CONNECTIONS connections, 2 threads), each
# request a fresh assignment; the two paths alternate, two rounds each after a warm-up of each, and the ratio is
# FHIR / JSON throughput over the rounds. p50/p99 from wrk; the service's RSS is sampled every 0.5 s.
#
#   src/bench/fhir.sh [--duration SECONDS]      (default 15 per phase)
set -euo pipefail
source "$(dirname "$0")/lib.sh"

DURATION=15
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) DURATION=$2; shift ;;
    *) die "unknown option $1" ;;
  esac
  shift
done
CONNECTIONS=${CONNECTIONS:-16}; THREADS=2; OPEN=60000
# Six phases of PER fresh assignments each must fit in OPEN; PER caps a phase at PER / DURATION requests a second.
PER=$(( OPEN / 6 ))
RES=$OUT_DIR/fhir; rm -rf "$RES"; mkdir -p "$RES"
export BENCH_LUA_DIR=$BENCH_DIR/wrk API_KEY BENCH_THREADS=$THREADS
BASE_URL=http://127.0.0.1:$APP_PORT
start_on_dataset 10000 "$OPEN" "$RES/app.log"

# Assignment k (token bench-k) is md5('oa' || k) on pair 2 + (k - 1) % 19999, whose client is md5('c' || that).
tasks() { # FROM TO FILE
  psql_q -d rapport -At -F ' ' -c "select md5('oa' || k)::uuid, md5('c' || (2 + (k - 1) % 19999))::uuid
    from generate_series($1, $2) k order by k" > "$3"
}
sample_rss() { local end=$(( $(date +%s) + DURATION + 3 )); while [ "$(date +%s)" -lt "$end" ]; do rss_kb "$APP_PID"; sleep 0.5; done > "$1"; }
NEXT=1
phase() { # NAME fhir|json
  local name=$1 kind=$2 first=$NEXT
  NEXT=$(( NEXT + PER ))
  log "phase $name (assignments $first..$(( NEXT - 1 )))"
  sample_rss "$RES/$name.rss" & local sp=$!
  if [ "$kind" = fhir ]; then
    tasks "$first" $(( NEXT - 1 )) "$RES/$name.tasks"
    env BENCH_OUT="$RES/$name.json" FHIR_TASKS="$RES/$name.tasks" \
      wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s --timeout 10s -s "$BENCH_DIR/wrk/fhir_submit.lua" "$BASE_URL" > "$RES/$name.txt"
  else
    env BENCH_OUT="$RES/$name.json" TOKEN_BASE=$(( first - 1 )) \
      wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s --timeout 10s -s "$BENCH_DIR/wrk/submit.lua" "$BASE_URL" > "$RES/$name.txt"
  fi
  wait $sp 2>/dev/null || true
  python3 - "$RES/$name.json" "$RES/$name.rss" "$PER" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
rss = [int(x) for x in open(sys.argv[2]) if x.strip()]
d["rss_max_kb"] = max(rss) if rss else 0
json.dump(d, open(sys.argv[1], "w"))
if d["requests"] > int(sys.argv[3]):
    sys.exit("more requests than assignments in the phase's range")
PY
}
phase warmup-json json; phase warmup-fhir fhir
phase json-1 json; phase fhir-1 fhir; phase json-2 json; phase fhir-2 fhir
log "$(sql "select count(*) from response where channel = 'fhir'") responses stored through FHIR"

python3 - "$RES" <<'PY'
import json, os, sys
res = sys.argv[1]
r = {n: json.load(open(os.path.join(res, n + ".json"))) for n in ["json-1", "fhir-1", "json-2", "fhir-2"]}
bad = {n: d["errors_status"] + d["errors_timeout"] for n, d in r.items()}
json_rps = (r["json-1"]["throughput_rps"] + r["json-2"]["throughput_rps"]) / 2
fhir_rps = (r["fhir-1"]["throughput_rps"] + r["fhir-2"]["throughput_rps"]) / 2
rss = max(d["rss_max_kb"] for d in r.values()) / 1024
out = {"json_rps": round(json_rps, 1), "fhir_rps": round(fhir_rps, 1), "ratio": round(fhir_rps / json_rps, 3),
       "rss_max_mb": round(rss, 1), "errors": bad, "phases": r}
json.dump(out, open(os.path.join(res, "summary.json"), "w"), indent=1)
for n, d in r.items():
    print(f"{n:7s} {d['throughput_rps']:8.1f} rps  p50 {d['p50_ms']:7.2f} ms  p99 {d['p99_ms']:7.2f} ms  errors {bad[n]}")
print(f"FHIR / JSON throughput: {fhir_rps:.1f} / {json_rps:.1f} = {fhir_rps / json_rps:.3f} (target >= 0.8: "
      f"{'PASS' if fhir_rps / json_rps >= 0.8 else 'MISS'}); RSS max {rss:.1f} MB (target <= 300: "
      f"{'PASS' if rss <= 300 else 'MISS'})")
PY
