#!/usr/bin/env python3
"""Webhook receiver for the fault test: answers 204 to POST /hook and appends each delivery's webhook-id to
LOG (one line per delivery, duplicates included), so the test can check that every event arrived and that
deduplication by webhook-id sees each exactly once.  hook_receiver.py PORT LOG"""
import http.server, sys

port, log = int(sys.argv[1]), sys.argv[2]


class Hook(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        n = int(self.headers.get("content-length") or 0)
        self.rfile.read(n)
        with open(log, "a") as f:
            f.write((self.headers.get("webhook-id") or "-") + "\n")
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


http.server.ThreadingHTTPServer(("127.0.0.1", port), Hook).serve_forever()
