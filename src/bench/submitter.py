#!/usr/bin/env python3
"""Closed-loop submission load for the fault tests: THREADS workers submit answers with the tokens
'bench-<first>' .. 'bench-<last>' (each used once, never retried) until the tokens or the time run out.
Every outcome is logged; the tokens acknowledged with 201 go to <out>.acked, one per line, as soon as the 201
arrives, so a later check can compare them with the database. Prints a JSON summary.
  submitter.py BASE_URL FIRST LAST SECONDS OUT [THREADS]"""
import http.client, json, sys, threading, time, urllib.parse

base, first, last, seconds, out = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), sys.argv[5]
threads = int(sys.argv[6]) if len(sys.argv) > 6 else 4
u = urllib.parse.urlparse(base)
lock = threading.Lock()
state = {"next": first}
counts, timeline = {}, []
acked = open(out + ".acked", "w")
retry_after_missing = 0
end = time.time() + seconds
t0 = time.time()
body = json.dumps({"answers": {"1": 9.5, "2": 9, "3": 9, "4": 8.5}})


def worker():
    global retry_after_missing
    conn = None
    while time.time() < end:
        with lock:
            k = state["next"]
            if k > last:
                return
            state["next"] = k + 1
        token = f"bench-{k}"
        try:
            if conn is None:
                conn = http.client.HTTPConnection(u.hostname, u.port, timeout=10)
            conn.request("POST", f"/api/v1/forms/{token}/responses", body, {"Content-Type": "application/json"})
            r = conn.getresponse()
            r.read()
            status = str(r.status)
            ra = r.getheader("Retry-After")
        except Exception as e:
            status, ra = "conn:" + type(e).__name__, None
            try:
                conn.close()
            except Exception:
                pass
            conn = None
            time.sleep(0.05)
        with lock:
            counts[status] = counts.get(status, 0) + 1
            timeline.append((round(time.time() - t0, 2), status))
            if status == "201":
                acked.write(token + "\n")
                acked.flush()
            if status == "503" and ra is None:
                retry_after_missing += 1
        if status == "503" and ra:
            time.sleep(min(float(ra), 1.0) / 10)  # a polite client would wait; keep the test short


ws = [threading.Thread(target=worker) for _ in range(threads)]
for w in ws:
    w.start()
for w in ws:
    w.join(seconds + 15)
acked.close()
# Per-second status counts, to show when errors started and when 201s came back.
per_sec = {}
for t, s in timeline:
    per_sec.setdefault(int(t), {}).setdefault(s, 0)
    per_sec[int(t)][s] += 1
first_ok_after_error = None
seen_error = False
for t, s in timeline:
    if s != "201":
        seen_error = True
    elif seen_error and first_ok_after_error is None:
        first_ok_after_error = t
summary = {"counts": counts, "requests": len(timeline), "tokens_used_up_to": state["next"] - 1,
           "503_without_retry_after": retry_after_missing, "per_second": per_sec,
           "first_201_after_first_error_s": first_ok_after_error}
json.dump(summary, open(out + ".json", "w"), indent=1)
print(json.dumps({k: v for k, v in summary.items() if k != "per_second"}))
