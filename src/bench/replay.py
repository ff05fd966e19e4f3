#!/usr/bin/env python3
"""Turns the statements one request sent to PostgreSQL (the server's log with log_statement = 'all', between two
markers) into a pgbench script that replays them: same statements, same order, same transactions, same parameter
values, except those that must differ per replay for the replay to be real work:
  - submissions: the open assignment (its token hash, id, session, pair and client) is the k-th of dataset.sql's,
    k from the sequence replay_k, so each replay completes a fresh assignment as each submission does;
  - ids the service generates (what it inserts as a row's id or request id: response, outbox event, audit row),
    wherever they occur: gen_random_uuid();
  - the audit chain: random among the configured chains, as the service chooses it.
Everything else (the organization, timestamps, JSON bodies, the trend read's pair) stays as captured.

  replay.py LOG START_MARK END_MARK OUT [--token K] [--chains N]
--token K: the request was the submission of token bench-K (enables the per-assignment substitution).
Prints the number of statements (BEGIN/COMMIT/ROLLBACK included) and transactions."""
import hashlib, re, sys, uuid

args = sys.argv[1:]
log, start, end, out = args[:4]
token = int(args[args.index("--token") + 1]) if "--token" in args else None
chains = int(args[args.index("--chains") + 1]) if "--chains" in args else 16

PREFIX = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+ \S+ \[(\d+)\] (LOG|DETAIL|ERROR|STATEMENT|HINT):\s+(.*)$")
entries = []  # [kind, text]
for line in open(log, encoding="utf-8", errors="replace"):
    m = PREFIX.match(line.rstrip("\n"))
    if m:
        entries.append([m.group(2), m.group(3)])
    elif entries:
        entries[-1][1] += "\n" + line.rstrip("\n")

statements, inside = [], False  # (sql, {n: literal})
for kind, text in entries:
    if kind == "LOG" and start in text:
        inside = True
        continue
    if kind == "LOG" and end in text:
        break
    if not inside:
        continue
    if kind == "LOG":
        m = re.match(r"(?s)(?:statement|execute [^:]+): (.*)$", text)
        if m:
            statements.append((m.group(1).strip(), {}))
    elif kind == "DETAIL" and text.startswith("parameters:") and statements:
        for n, v in re.findall(r"\$(\d+) = (NULL|'(?:[^']|'')*')", text):
            statements[-1][1][int(n)] = v
    elif kind == "ERROR":
        sys.exit(f"the captured request had an error: {text}")
if not statements:
    sys.exit("no statements between the markers")


def md5_uuid(s):
    return str(uuid.UUID(hashlib.md5(s.encode()).hexdigest()))


per_token = {}
if token is not None:
    pair = 2 + (token - 1) % 19999
    per_token = {
        hashlib.sha256(f"bench-{token}".encode()).hexdigest(): "encode(sha256(convert_to('bench-' || :k, 'UTF8')), 'hex')",
        md5_uuid(f"oa{token}"): "md5('oa' || :k)::uuid",
        md5_uuid(f"os{token}"): "md5('os' || :k)::uuid",
        md5_uuid(f"p{pair}"): "md5('p' || :pi)::uuid",
        md5_uuid(f"c{pair}"): "md5('c' || :pi)::uuid",
    }


def chain_params(sql):
    """Which parameters of an audit statement are the chain number."""
    if "audit_event" not in sql:
        return set()
    found = {int(n) for n in re.findall(r"chain\s*=\s*\$(\d+)", sql)}
    m = re.match(r"(?is)insert into audit_event\s*\(([^)]*)\)\s*values\s*\(([^)]*)\)", sql)
    if m:
        cols = [c.strip().lower() for c in m.group(1).split(",")]
        vals = [v.strip() for v in m.group(2).split(",")]
        if "chain" in cols:
            found.add(int(vals[cols.index("chain")].lstrip("$")))
    return found


def top_level(text):
    """Splits on the commas outside parentheses."""
    parts, depth, current = [], 0, ""
    for ch in text:
        depth += ch == "("
        depth -= ch == ")"
        if ch == "," and depth == 0:
            parts.append(current.strip())
            current = ""
        else:
            current += ch
    return parts + [current.strip()]


def generated_ids():
    """Values the service generated for this request: what it inserts as a row's id or request id."""
    found = set()
    for sql, params in statements:
        m = re.match(r"(?is)insert into \w+\s*\(([^)]*)\)\s*values\s*\((.*)\)\s*(returning .*)?$", sql)
        if not m:
            continue
        cols = [c.strip().lower() for c in m.group(1).split(",")]
        for col, val in zip(cols, top_level(m.group(2))):
            n = re.search(r"\$(\d+)", val)
            if col in ("id", "request_id") and n and int(n.group(1)) in params:
                found.add(params[int(n.group(1))])
    return found


GENERATED = generated_ids()


def value(v, is_chain):
    if v == "NULL":
        return v
    raw = v[1:-1]
    if is_chain:
        return ":chain"
    if raw in per_token:
        return per_token[raw]
    m = re.match(r"^audit:([0-9a-f-]{36}):\d+$", raw)
    if m:
        return f"'audit:{m.group(1)}:' || :chain"
    if v in GENERATED:
        return "gen_random_uuid()"
    return unvariable(v)


def unvariable(literal):
    """pgbench reads ':name' as a variable even inside a string (JSON's "scored":true): split the literal there."""
    parts = re.split(r"(?<=:)(?=[A-Za-z_])", literal)
    return literal if len(parts) == 1 else "(" + "' || '".join(parts) + ")"


lines = []
if token is not None:
    lines += ["SELECT nextval('replay_k') AS k \\gset", "\\set pi 2 + (:k - 1) % 19999"]
lines.append(f"\\set chain random(0, {chains - 1})")
transactions = 0
for sql, params in statements:
    chain = chain_params(sql)
    for n in sorted(params, reverse=True):  # $12 before $1
        sql = re.sub(rf"\${n}(?!\d)", lambda _: value(params[n], n in chain), sql)
    if sql.upper() == "BEGIN":
        transactions += 1
    # pgbench ends a command at the end of a line: one line per statement.
    lines.append(re.sub(r"\s*\n\s*", " ", sql) + ";")
open(out, "w").write("\n".join(lines) + "\n")
print(f"{len(statements)} statements in {transactions} transactions")
