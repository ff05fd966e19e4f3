#!/usr/bin/env python3
"""Summary of one src/bench/run.sh run: reads the phase JSON files, writes <out>/summary-<mode>.json, prints a table.
Each service figure is also given as a ratio to a baseline measured in the same run (pgbench ceiling, or the
peak for the 70% runs, or the small-mode run for the 1M-vs-10k latency comparison)."""
import json, os, platform, statistics, subprocess, sys, datetime

res, mode, responses, duration, conns, start_first, starts_plain, starts_cds, rss_kb, load_ms, java_opts, out = sys.argv[1:13]
starts_cpu = sys.argv[13] if len(sys.argv) > 13 else ""


def load(name):
    p = os.path.join(res, name + ".json")
    return json.load(open(p)) if os.path.exists(p) else None


def sh(cmd):
    try:
        return subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=10).stdout.strip()
    except Exception:
        return ""


def ints(s):
    return [int(x) for x in s.split(",") if x.strip()]


cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "unknown")
machine = {
    "date_utc": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
    "nproc": int(sh("nproc") or 0), "cpu": cpu, "memory": sh("free -h | awk '/^Mem/ {print $2}'"),
    "jdk": sh("java -version 2>&1 | head -2 | tr '\\n' ' '"), "postgres": sh("psql --version"),
    "load_average_at_end": sh("cut -d' ' -f1-3 /proc/loadavg"), "kernel": platform.release(),
}
ph = {n: load(n) for n in ["submit", "trend", "caseload", "sessions", "floor", "submit-50", "submit-70", "trend-50", "trend-70"]}
ph = {n: r for n, r in ph.items() if r is not None}
pg = {n: load("pgbench-" + n) for n in ["insert", "read", "replay-submit", "replay-trend", "replay-submit-before", "replay-trend-before"]}
pg = {n: r for n, r in pg.items() if r is not None}

plain, cds = ints(starts_plain), ints(starts_cds)
startup = {"first_start_with_migrations_ms": int(start_first),
           "ready_ms_runs": plain, "ready_ms_median": statistics.median(plain) if plain else None,
           "ready_cpu_ms_runs": ints(starts_cpu),
           "ready_cpu_ms_median": statistics.median(ints(starts_cpu)) if ints(starts_cpu) else None,
           "ready_ms_with_cds_runs": cds, "ready_ms_with_cds_median": statistics.median(cds) if cds else None}
best_start = min(x for x in [startup["ready_ms_median"], startup["ready_ms_with_cds_median"]] if x is not None)


def ratio(a, b):
    return round(a / b, 3) if a is not None and b else None


targets = []


def target(name, value, limit, ok, basis):
    targets.append({"target": name, "value": value, "limit": limit, "met": bool(ok) if value is not None else None,
                    "basis": basis})


sub_ratio = ratio(ph["submit"]["throughput_rps"], pg["insert"]["throughput_tps"])
trend_ratio = ratio(ph["trend"]["throughput_rps"], pg["read"]["throughput_tps"])
# The fair ceilings: the statements one submission and one trend read really send, replayed by pgbench
# (replay.py), against the single statements above, which no service doing this work can approach.
sub_replay = ratio(ph["submit"]["throughput_rps"], pg.get("replay-submit", {}).get("throughput_tps"))
trend_replay = ratio(ph["trend"]["throughput_rps"], pg.get("replay-trend", {}).get("throughput_tps"))
target("submissions >= 0.5x their replay", sub_replay, 0.5, sub_replay and sub_replay >= 0.5,
       "submit rps / pgbench tps of the recorded submission's statements (" + os.environ.get("REPLAY_SUBMIT", "?") + ")")
target("trend reads >= 0.5x their replay", trend_replay, 0.5, trend_replay and trend_replay >= 0.5,
       "trend rps / pgbench tps of the recorded trend read's statements (" + os.environ.get("REPLAY_TREND", "?") + ")")
for n, peak in [("submit-70", "submit"), ("trend-70", "trend")]:
    r = ph.get(n)
    if r:
        target(f"p99 <= 50 ms at 70% of peak, open loop ({peak})", r["p99_ms"], 50, r["p99_ms"] <= 50,
               f"{r['intended_rps']}/s intended, {r['sent_rps']}/s sent; p99.9 {r.get('p999_ms')} ms")
target("RSS <= 300 MB under load", round(int(rss_kb) / 1024, 1), 300, int(rss_kb) / 1024 <= 300, "max VmRSS")
target("startup to ready <= 3 s (no database)", best_start, 3000, best_start <= 3000,
       "median of 3 starts, best of plain/CDS")

# 1M vs 10k: compares with the other mode's summary when it exists in the same output directory.
other = os.path.join(out, "summary-" + ("small" if mode == "full" else "full") + ".json")
scaling = None
if os.path.exists(other):
    o = json.load(open(other))
    big, small = (ph, o["phases"]) if mode == "full" else (o["phases"], ph)
    scaling = {n: {"p50_ratio_1m_to_10k": ratio(big[n]["p50_ms"], small[n]["p50_ms"]),
                   "p99_ratio_1m_to_10k": ratio(big[n]["p99_ms"], small[n]["p99_ms"])}
               for n in ["submit", "trend", "caseload", "sessions"] if big.get(n) and small.get(n)}
    worst = max(v["p50_ratio_1m_to_10k"] for v in scaling.values())
    target("latency at 1M within 1.5x of 10k (p50, worst operation)", worst, 1.5, worst <= 1.5,
           "p50 full / p50 small, runs possibly at different times")

# What a ratio of 0.5 leaves a request. The machine's cores are shared by everything, so one replayed transaction
# costs the machine cores / tps of CPU (database and pgbench), and at half the replay's rate a request of the
# service may cost twice that in all: service, database and load generator together.
cores = machine["nproc"] or 2
budget = {}
for n, rp in [("submit", "replay-submit"), ("trend", "replay-trend")]:
    if ph.get(n) and pg.get(rp):
        r = ph[n]
        at_half = 2 * cores * 1000 / pg[rp]["throughput_tps"]
        # Machine CPU per request that was neither the service's nor the database's: the load generator, the rest.
        others = cores * 1000 / r["throughput_rps"] - r["service_cpu_ms_per_request"] - r["db_cpu_ms_per_request"]
        budget[n] = {"machine_cpu_ms_per_replayed_transaction": round(at_half / 2, 2),
                     "machine_cpu_ms_per_request_at_half": round(at_half, 2),
                     "service_cpu_ms_per_request": r["service_cpu_ms_per_request"],
                     "db_cpu_ms_per_request": r["db_cpu_ms_per_request"],
                     "db_cpu_ms_per_replayed_transaction": pg[rp]["db_cpu_ms_per_transaction"],
                     "service_cpu_ms_allowed_at_half": round(at_half - r["db_cpu_ms_per_request"] - others, 2)}

summary = {"mode": mode, "responses": int(responses), "phase_seconds": int(duration), "connections": int(conns),
           "java_opts": java_opts, "dataset_load_ms": int(load_ms),
           "steady_state": {"ms": int(os.environ.get("SETTLE_MS", "0")), "alerts": int(os.environ.get("SETTLE_ALERTS", "0")),
                            "submissions": json.load(open(os.path.join(res, "settle.json")))["counts"]
                            if os.path.exists(os.path.join(res, "settle.json")) else {}},
           "machine": machine, "startup": startup,
           "rss_max_under_load_mb": round(int(rss_kb) / 1024, 1), "phases": ph, "pgbench": pg,
           "replay": {"submit": os.environ.get("REPLAY_SUBMIT"), "trend": os.environ.get("REPLAY_TREND")},
           "ratios": {"submit_to_replay": sub_replay, "trend_to_replay": trend_replay,
                      "submit_to_pgbench_insert": sub_ratio, "trend_to_pgbench_read": trend_ratio,
                      "caseload_to_pgbench_read": ratio(ph["caseload"]["throughput_rps"], pg["read"]["throughput_tps"]),
                      "sessions_to_pgbench_insert": ratio(ph["sessions"]["throughput_rps"], pg["insert"]["throughput_tps"])},
           "cpu_budget_at_half_the_replay": budget, "scaling_1m_vs_10k": scaling, "targets": targets}
json.dump(summary, open(os.path.join(out, f"summary-{mode}.json"), "w"), indent=1)

print(f"\nRapport benchmark, mode {mode} ({int(responses):,} responses), {machine['date_utc']}")
print(f"machine: {machine['nproc']} cores, {machine['cpu']}, {machine['memory']} RAM; {machine['jdk']}")
print(f"{conns} connections, {duration} s per phase; JAVA_OPTS={java_opts}\n")
print(f"{'operation':<26}{'rps':>9}{'p50 ms':>9}{'p99 ms':>9}{'p99.9 ms':>9}{'errors':>8}{'cpu ms/req':>11}{'db cpu':>8}  ratio to baseline")
replay_of = {"submit": "replay-submit", "trend": "replay-trend"}
for n, r in ph.items():
    kind = n.split("-")[0]
    if n in ("submit", "trend"):
        rb = pg.get(replay_of[n], {}).get("throughput_tps")
        single = ("pgbench insert", pg["insert"]["throughput_tps"]) if n == "submit" else ("pgbench read", pg["read"]["throughput_tps"])
        basis = f"{ratio(r['throughput_rps'], rb)}x {replay_of[n]}, {ratio(r['throughput_rps'], single[1])}x {single[0]}"
    elif n in ("caseload",):
        basis = f"{ratio(r['throughput_rps'], pg['read']['throughput_tps'])}x pgbench read"
    elif n == "floor":
        basis = "cheapest API request: the catalog from memory, no statement"
    elif n == "sessions":
        basis = f"{ratio(r['throughput_rps'], pg['insert']['throughput_tps'])}x pgbench insert"
    else:
        basis = f"{r.get('fraction_of_peak')}x {kind} peak, open loop ({r.get('sent_rps')}/s sent)"
    print(f"{n:<26}{r['throughput_rps']:>9.1f}{r['p50_ms']:>9.1f}{r['p99_ms']:>9.1f}{r.get('p999_ms', float('nan')):>9.1f}"
          f"{r['errors']:>8}{r.get('service_cpu_ms_per_request', 0):>11.2f}{r.get('db_cpu_ms_per_request', 0):>8.2f}  {basis}")
for n, r in pg.items():
    print(f"{'pgbench ' + n:<26}{r['throughput_tps']:>9.1f}{r['mean_ms']:>9.1f}{'-':>9}{'-':>9}{r['failed']:>8}{'-':>11}"
          f"{r.get('db_cpu_ms_per_transaction', 0):>8.2f}  (ceiling)")
print(f"\nstartup to ready: median {startup['ready_ms_median']} ms plain ({startup['ready_cpu_ms_median']} ms CPU), {startup['ready_ms_with_cds_median']} ms with CDS"
      f" (first start with migrations {start_first} ms); max RSS under load {summary['rss_max_under_load_mb']} MB")
if scaling:
    print("1M vs 10k latency: " + ", ".join(f"{k} p50 {v['p50_ratio_1m_to_10k']}x p99 {v['p99_ratio_1m_to_10k']}x"
                                              for k, v in scaling.items()))
for n, b in budget.items():
    print(f"{n} at 0.5x its replay: {b['machine_cpu_ms_per_request_at_half']} ms of machine CPU per request; measured "
          f"service {b['service_cpu_ms_per_request']} + database {b['db_cpu_ms_per_request']} ms (replayed: "
          f"{b['db_cpu_ms_per_replayed_transaction']}); the service may spend {b['service_cpu_ms_allowed_at_half']} ms"
          f" with this database and load-generator cost")
print("\ntargets:")
for t in targets:
    mark = "MET " if t["met"] else ("n/a " if t["met"] is None else "MISS")
    print(f"  [{mark}] {t['target']}: {t['value']} (limit {t['limit']}; {t['basis']})")
print(f"\nwritten: {os.path.join(out, 'summary-' + mode + '.json')} and {res}/*.json")
