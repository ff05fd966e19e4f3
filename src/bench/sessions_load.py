#!/usr/bin/env python3
"""Sessions for the two-instance fault test, sent through the balancer: CLIENTS new clients with an e-mail address
(PUT /api/v1/clients/{id}), each with SESSIONS sessions (POST /api/v1/sessions, one encounter id each), and a link
e-mail (POST /api/v1/assignments/{id}/email) for every assignment of each client's first session. Requests are
spread over THREADS workers. Writes OUT (JSON: the session ids, the assignments and e-mailed assignments, and
every non-2xx answer) and exits 1 when any request failed.
  sessions_load.py BASE_URL API_KEY PREFIX CLIENTS SESSIONS OUT [THREADS]"""
import http.client, json, sys, threading, urllib.parse
from concurrent.futures import ThreadPoolExecutor

base, key, prefix, clients, per_client, out = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), \
    int(sys.argv[5]), sys.argv[6]
threads = int(sys.argv[7]) if len(sys.argv) > 7 else 4
u = urllib.parse.urlparse(base)
local = threading.local()
lock = threading.Lock()
result = {"sessions": [], "assignments": [], "emailed": [], "errors": []}


def call(method, path, body=None, retry=True):
    for attempt in range(2 if retry else 1):
        if getattr(local, "conn", None) is None:
            local.conn = http.client.HTTPConnection(u.hostname, u.port, timeout=15)
        try:
            local.conn.request(method, path, json.dumps(body) if body is not None else None,
                               {"Authorization": "Bearer " + key, "Content-Type": "application/json"})
            r = local.conn.getresponse()
            text = r.read().decode()
            if r.status >= 300:
                with lock:
                    result["errors"].append(f"{method} {path}: {r.status} {text[:200]}")
            return r.status, (json.loads(text) if text and r.status < 300 else None)
        except (ConnectionError, http.client.HTTPException):
            # A kept-alive connection the balancer closed. PUT and a session with an encounter id are idempotent,
            # so they are tried once more; a link e-mail is not (a second call queues a second mail).
            local.conn.close()
            local.conn = None
    with lock:
        result["errors"].append(f"{method} {path}: connection failed")
    return 0, None


def client(k):
    cid = f"{prefix}-{k}"
    call("PUT", f"/api/v1/clients/{cid}", {"displayName": cid, "email": f"{cid.lower()}@example.org"})
    for n in range(1, per_client + 1):
        status, session = call("POST", "/api/v1/sessions", {
            "clientId": cid, "therapistId": f"{prefix}-T", "occurredAt": f"2026-11-{n:02d}T10:00:00Z",
            "encounterId": f"{cid}-E{n}"})
        if not session:
            continue
        ids = [a["id"] for a in session["assignments"]]
        with lock:
            result["sessions"].append(session["id"])
            result["assignments"].extend(ids)
        if n == 1:
            for a in ids:
                if call("POST", f"/api/v1/assignments/{a}/email", retry=False)[0] == 202:
                    with lock:
                        result["emailed"].append(a)


with ThreadPoolExecutor(threads) as pool:
    list(pool.map(client, range(1, clients + 1)))
json.dump(result, open(out, "w"))
print(json.dumps({k: len(v) for k, v in result.items()}))
sys.exit(1 if result["errors"] else 0)
