#!/usr/bin/env python3
"""SMTP server for the two-instance fault test: accepts every message and appends one line per message to LOG:
its Message-ID header, a tab, and its recipients (comma-separated). Deliveries are logged as they come, duplicates
included, so the test can check that each queued mail arrived exactly once. Only the commands Rapport's mailer
uses (EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT); no TLS, no auth. Python's smtpd module is gone from 3.12,
hence these few lines.  smtp_sink.py PORT LOG"""
import re, socketserver, sys, threading

port, log = int(sys.argv[1]), sys.argv[2]
write = threading.Lock()


class Smtp(socketserver.StreamRequestHandler):
    def reply(self, line):
        self.wfile.write((line + "\r\n").encode())

    def handle(self):
        self.reply("220 sink ESMTP")
        recipients = []
        while True:
            line = self.rfile.readline()
            if not line:
                return
            cmd = line.decode(errors="replace").strip()
            verb = cmd[:4].upper()
            if verb in ("EHLO", "HELO"):
                self.reply("250 sink")
            elif verb == "MAIL":
                recipients = []
                self.reply("250 OK")
            elif verb == "RCPT":
                m = re.search(r"<([^>]*)>", cmd)
                recipients.append(m.group(1) if m else cmd)
                self.reply("250 OK")
            elif verb == "DATA":
                self.reply("354 end with .")
                message_id = "-"
                while True:
                    data = self.rfile.readline()
                    if not data or data in (b".\r\n", b".\n"):
                        break
                    m = re.match(rb"(?i)message-id:\s*(\S+)", data)
                    if m and message_id == "-":
                        message_id = m.group(1).decode()
                with write, open(log, "a") as f:
                    f.write(message_id + "\t" + ",".join(recipients) + "\n")
                self.reply("250 OK queued")
            elif verb == "QUIT":
                self.reply("221 bye")
                return
            else:
                self.reply("250 OK")


class Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


Server(("127.0.0.1", port), Smtp).serve_forever()
