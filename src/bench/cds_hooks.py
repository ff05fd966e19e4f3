#!/usr/bin/env python3
"""Answer time of the CDS Hooks patient-view service against a running (or packaged) instance.
Sets up one pair with ANSWERED scored sessions through the JSON API and the form endpoint, then posts N hook
requests one after the other on one keep-alive connection and prints p50/p99/max in milliseconds as JSON.
Timings belong here, not in unit tests.
  cds_hooks.py BASE_URL API_KEY [N] [ANSWERED]
API_KEY: an admin key of a fresh organization (the operator creates one: POST /api/v1/organizations)."""
import http.client, json, sys, time, urllib.parse, uuid

base, key = sys.argv[1], sys.argv[2]
n = int(sys.argv[3]) if len(sys.argv) > 3 else 500
answered = int(sys.argv[4]) if len(sys.argv) > 4 else 20
u = urllib.parse.urlparse(base)
conn = http.client.HTTPConnection(u.hostname, u.port or 80, timeout=30)


def call(method, path, body=None, auth=True, ctype="application/json"):
    headers = {"Content-Type": ctype, "Accept": "*/*"}
    if auth:
        headers["Authorization"] = "Bearer " + key
    conn.request(method, path, None if body is None else json.dumps(body), headers)
    r = conn.getresponse()
    data = r.read()
    if r.status >= 300:
        raise SystemExit(f"{method} {path}: {r.status} {data[:300]!r}")
    return json.loads(data) if data else None


client, therapist = "bench-c-" + uuid.uuid4().hex[:8], "bench-t-" + uuid.uuid4().hex[:8]
for i in range(answered):
    s = call("POST", "/api/v1/sessions", {"clientId": client, "therapistId": therapist,
                                          "occurredAt": f"2026-0{1 + i // 28 % 9}-{1 + i % 28:02d}T10:00:00Z"})
    token = s["assignments"][0]["formUrl"].rsplit("/", 1)[1]
    # Alternating 36 and 30 makes ruptures and repairs, so the trend has events to explain.
    v = 9 if i % 2 == 0 else 7.5
    call("POST", f"/api/v1/forms/{token}/responses", {"answers": {"1": v, "2": v, "3": v, "4": v}}, auth=False)
patient = call("GET", f"/fhir/Patient?identifier={client}", ctype="application/fhir+json")["entry"][0]["resource"]["id"]
practitioner = call("GET", f"/fhir/Practitioner?identifier={therapist}",
                    ctype="application/fhir+json")["entry"][0]["resource"]["id"]

times, cards = [], 0
for i in range(n + 20):
    hook = {"hookInstance": str(uuid.uuid4()), "hook": "patient-view",
            "context": {"patientId": patient, "userId": "Practitioner/" + practitioner}}
    t = time.perf_counter()
    out = call("POST", "/cds-services/rapport-alliance", hook)
    if i >= 20:  # the first calls warm the JIT and the connection pool
        times.append((time.perf_counter() - t) * 1000)
        cards = len(out["cards"])
times.sort()
pct = lambda p: times[min(len(times) - 1, int(round(p / 100 * len(times) + 0.5)) - 1)]
print(json.dumps({"requests": n, "answeredSessions": answered, "cards": cards, "p50_ms": round(pct(50), 2),
                  "p99_ms": round(pct(99), 2), "max_ms": round(times[-1], 2)}))
