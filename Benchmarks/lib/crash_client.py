"""Load generator and checker for Benchmarks/crash-test.sh (gapless numbering across kill -9).

    crash_client.py run --base URL[,URL…] --log FILE --stats FILE [--workers 32] [--journals 6] [--cancel-every 12]
        Registers incoming documents concurrently until SIGTERM/SIGINT. Workers are split evenly over the base URLs
        (each worker keeps to one server). Every outcome that matters is appended to FILE as one JSON line and flushed
        at once, so the log survives a crash of the client itself:
          {"t":"ack", ...}        a 201: id, journal, year, sequence, number, title, port
          {"t":"cancelled", ...}  a 200 to a cancel of a document this client registered
          {"t":"unknown", ...}    a request whose answer was lost (it may or may not have been stored)
          {"t":"rejected", ...}   a definite non-201/200 answer (must have stored nothing)
        Errors while a server is down are expected: the worker backs off briefly and sends a NEW request (new title);
        a lost answer is never counted as a registration.

    crash_client.py verify --log FILE --label NAME (--sqlite PATH | --postgres URL) [--prefix P]
        Checks the database against the log and the numbering rules; prints a summary; exits 1 on any violation.

    crash_client.py corrupt --log FILE --kind delete|counter|uncancel|renumber (--sqlite PATH | --postgres URL)
    crash_client.py copy-sqlite SOURCE TARGET
        For --self-check: damage a COPY of the database in one way, to see verify fail.
"""
import argparse
import csv
import http.client
import io
import json
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.parse
from collections import Counter, defaultdict

# ---------------------------------------------------------------------------------------------------------------- run


class Server:
    def __init__(self, base):
        parsed = urllib.parse.urlsplit(base)
        self.host, self.port = parsed.hostname, parsed.port or 80
        self.token = None
        self.lock = threading.Lock()

    def connect(self, timeout=15):
        connection = http.client.HTTPConnection(self.host, self.port, timeout=timeout)
        connection.connect()  # ConnectionRefusedError here means: nothing was sent
        return connection


def call(connection, method, path, token=None, body=None):
    headers = {"Accept": "application/json"}
    if token:
        headers["Authorization"] = "Bearer " + token
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    connection.request(method, path, body=data, headers=headers)
    response = connection.getresponse()
    payload = response.read()
    return response.status, payload


def sign_in(server, deadline):
    """A session token for this server, retrying while it is (re)starting."""
    while True:
        try:
            connection = server.connect(timeout=10)
            try:
                status, payload = call(connection, "POST", "/api/v1/session", body={"login": "registrar", "password": "demo"})
            finally:
                connection.close()
            if status == 201:
                return json.loads(payload)["token"]
        except (OSError, http.client.HTTPException):
            pass
        if time.monotonic() > deadline:
            raise SystemExit(f"crash_client: cannot sign in at {server.host}:{server.port}")
        time.sleep(0.2)


def discover(server, token, journals_wanted):
    """[(organizationId, journalId)] of incoming journals, and a correspondent id."""
    connection = server.connect()

    def get(path):
        status, payload = call(connection, "GET", path, token=token)
        if status != 200:
            raise SystemExit(f"crash_client: GET {path} -> {status} {payload[:200]!r}")
        return json.loads(payload)

    try:
        tree = get("/api/v1/organizations/tree?depth=2")
        organizations = [node["organization"]["id"] for node in tree[0]["children"]]
        correspondent = get("/api/v1/correspondents?limit=1")[0]["id"]
        targets = []
        for organization in organizations:
            for journal in get(f"/api/v1/organizations/{organization}/journals"):
                if "incoming" in journal["kinds"]:
                    targets.append((organization, journal["id"]))
                    break
            if len(targets) >= journals_wanted:
                break
    finally:
        connection.close()
    if not targets:
        raise SystemExit("crash_client: no incoming journals found")
    return targets, correspondent


class Log:
    def __init__(self, path):
        self.file = open(path, "a", encoding="utf-8")
        self.lock = threading.Lock()

    def write(self, record):
        line = json.dumps(record, ensure_ascii=False) + "\n"
        with self.lock:
            self.file.write(line)
            self.file.flush()


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.counts = Counter()

    def add(self, key, n=1):
        with self.lock:
            self.counts[key] += n


def worker(index, server, targets, correspondent, prefix, log, stats, stop, cancel_every):
    rng = random.Random(index)
    connection = None
    attempt = 0
    errors_in_a_row = 0

    def drop():
        nonlocal connection
        if connection is not None:
            try:
                connection.close()
            except Exception:
                pass
        connection = None

    while not stop.is_set():
        if connection is None:
            try:
                connection = server.connect()
            except OSError:
                stats.add("refused")  # nothing sent: the server is down or restarting
                errors_in_a_row += 1
                time.sleep(min(0.05 * errors_in_a_row, 0.3))
                continue
        token = server.token
        organization, journal = targets[(index + attempt) % len(targets)]
        attempt += 1
        title = f"{prefix}-w{index}-{attempt}"
        body = {
            "organizationId": organization, "kind": "incoming", "title": title, "correspondentId": correspondent,
            "correspondentNumber": f"{index}/{attempt}", "correspondentDate": "2026-01-10", "deliveryMethod": "post",
            "registerIn": journal,
        }
        stats.add("sent")
        try:
            status, payload = call(connection, "POST", "/api/v1/documents", token=token, body=body)
        except (OSError, http.client.HTTPException) as error:
            # The request may have reached the server and been committed; the answer is lost. Not counted.
            log.write({"t": "unknown", "title": title, "port": server.port, "error": type(error).__name__})
            stats.add("unknown")
            drop()
            errors_in_a_row += 1
            time.sleep(min(0.05 * errors_in_a_row, 0.3))
            continue
        errors_in_a_row = 0
        if status != 201:
            log.write({"t": "rejected", "title": title, "port": server.port, "status": status,
                       "detail": payload[:300].decode("utf-8", "replace")})
            stats.add(f"status_{status}")
            if status == 401:
                with server.lock:
                    if server.token == token:
                        server.token = sign_in(server, time.monotonic() + 60)
            else:
                time.sleep(0.05)
            continue
        card = json.loads(payload)
        registration = card["registration"]
        log.write({
            "t": "ack", "id": card["id"], "journal": registration["journalId"], "year": registration["year"],
            "sequence": registration["sequence"], "number": registration["number"], "title": title, "port": server.port,
            "at": time.time(),
        })
        stats.add("ack")
        if cancel_every and rng.randrange(cancel_every) == 0 and not stop.is_set():
            reason = {"event": "cancel", "version": card["version"], "reason": "crash test: cancelled on purpose"}
            log.write({"t": "cancel_sent", "id": card["id"]})
            try:
                status, payload = call(connection, "POST", f"/api/v1/documents/{card['id']}/transitions",
                                       token=token, body=reason)
            except (OSError, http.client.HTTPException):
                stats.add("cancel_unknown")
                drop()
                continue
            if status == 200:
                log.write({"t": "cancelled", "id": card["id"], "port": server.port})
                stats.add("cancelled")
            else:
                stats.add(f"cancel_status_{status}")
    drop()


def run(args):
    bases = args.base.split(",")
    servers = [Server(base) for base in bases]
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    deadline = time.monotonic() + 60
    for server in servers:
        server.token = sign_in(server, deadline)
    targets, correspondent = discover(servers[0], servers[0].token, args.journals)
    log = Log(args.log)
    stats = Stats()
    prefix = args.prefix
    threads = []
    for index in range(args.workers):
        server = servers[index % len(servers)]
        thread = threading.Thread(
            target=worker, args=(index, server, targets, correspondent, prefix, log, stats, stop, args.cancel_every),
            daemon=True)
        thread.start()
        threads.append(thread)
    print(f"crash_client: {args.workers} workers over {len(servers)} server(s), {len(targets)} journals", flush=True)
    while not stop.is_set():
        stop.wait(0.5)
        if all(not thread.is_alive() for thread in threads):
            break
    for thread in threads:
        thread.join(timeout=30)
    with open(args.stats, "w", encoding="utf-8") as out:
        json.dump(dict(stats.counts), out)
    print("crash_client: " + ", ".join(f"{k}={v}" for k, v in sorted(stats.counts.items())), flush=True)


# ------------------------------------------------------------------------------------------------------------- verify

DOCUMENTS_SQL = ("SELECT id, journal_id, numbering_year, sequence, registration_number, state, title "
                 "FROM documents WHERE sequence IS NOT NULL OR title LIKE '{prefix}-%'")
COUNTERS_SQL = "SELECT journal_id, numbering_year, last_sequence FROM journal_counters"
AUDIT_SQL = ("SELECT action, object_id, COUNT(*) FROM audit_events "
             "WHERE action IN ('document.register', 'document.cancel') GROUP BY action, object_id")


def fetch(args, sql):
    if args.sqlite:
        connection = sqlite3.connect(f"file:{args.sqlite}?mode=ro", uri=True)
        try:
            return [tuple("" if v is None else str(v) for v in row) for row in connection.execute(sql)]
        finally:
            connection.close()
    output = subprocess.check_output(
        ["psql", args.postgres, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-c", f"COPY ({sql}) TO STDOUT WITH CSV"])
    return [tuple(row) for row in csv.reader(io.StringIO(output.decode("utf-8")))]


def verify(args):
    acks, cancelled, unknown, rejected, cancel_sent = {}, set(), set(), {}, set()
    duplicate_acks = []
    with open(args.log, encoding="utf-8") as log:
        for line in log:
            if not line.endswith("\n"):
                continue  # a torn last line (client killed mid-write) is not an acknowledgement
            record = json.loads(line)
            kind = record["t"]
            if kind == "ack":
                if record["id"].lower() in acks:
                    duplicate_acks.append(record["id"])
                acks[record["id"].lower()] = record
            elif kind == "cancelled":
                cancelled.add(record["id"].lower())
            elif kind == "cancel_sent":
                cancel_sent.add(record["id"].lower())
            elif kind == "unknown":
                unknown.add(record["title"])
            elif kind == "rejected":
                rejected[record["title"]] = record

    documents = fetch(args, DOCUMENTS_SQL.format(prefix=args.prefix))
    by_id = {}
    by_period = defaultdict(list)
    by_title = defaultdict(list)
    for doc_id, journal, year, sequence, number, state, title in documents:
        doc = {"id": doc_id.lower(), "journal": journal.lower(), "year": int(year) if year else None,
               "sequence": int(sequence) if sequence else None, "number": number, "state": state, "title": title}
        by_id[doc["id"]] = doc
        if doc["sequence"] is not None:
            by_period[(doc["journal"], doc["year"])].append(doc)
        if title.startswith(args.prefix + "-"):
            by_title[title].append(doc)
    counters = {(journal.lower(), int(year)): int(last) for journal, year, last in fetch(args, COUNTERS_SQL)}
    audit = {(action, object_id.lower()): int(count) for action, object_id, count in fetch(args, AUDIT_SQL)}

    problems = []

    def problem(text):
        problems.append(text)

    # 1. Every acknowledged registration is stored with its number; cancelled ones keep theirs.
    missing, mismatched = [], []
    for doc_id, ack in acks.items():
        doc = by_id.get(doc_id)
        if doc is None:
            missing.append(ack)
            problem(f"MISSING: 201 for {doc_id} ({ack['number']}, journal {ack['journal']}, title {ack['title']}, "
                    f"port {ack['port']}) but no such document")
            continue
        expected = (ack["journal"].lower(), int(ack["year"]), int(ack["sequence"]), ack["number"])
        stored = (doc["journal"], doc["year"], doc["sequence"], doc["number"])
        if expected != stored:
            mismatched.append(doc_id)
            problem(f"MISMATCH: {doc_id} acknowledged as {expected}, stored as {stored}")
    present = len(acks) - len(missing)

    # 2. Cancellations: every acknowledged cancel is stored; a stored cancel was asked for.
    stored_cancelled = {d["id"] for d in by_id.values() if d["state"] == "cancelled"}
    ours_cancelled = {i for i in stored_cancelled if by_id[i]["title"].startswith(args.prefix + "-")}
    for doc_id in cancelled - stored_cancelled:
        if doc_id in by_id:
            problem(f"CANCEL LOST: cancel of {doc_id} answered 200 but the document is '{by_id[doc_id]['state']}'")
    for doc_id in ours_cancelled - cancel_sent:
        problem(f"CANCEL PHANTOM: {doc_id} is cancelled but this client never asked")
    for doc_id in acks:
        doc = by_id.get(doc_id)
        if doc and doc["state"] not in ("registered", "cancelled"):
            problem(f"STATE: {doc_id} is '{doc['state']}'")

    # 3. Gapless numbering: per journal and year, sequences are exactly 1..max, each once; the counter is max.
    gaps = duplicates = counter_mismatches = 0
    for period, docs in sorted(by_period.items(), key=lambda kv: str(kv[0])):
        sequences = Counter(d["sequence"] for d in docs)
        top = max(sequences)
        holes = [s for s in range(1, top + 1) if s not in sequences]
        repeats = sorted(s for s, c in sequences.items() if c > 1)
        if holes:
            gaps += len(holes)
            problem(f"GAP: journal {period[0]} year {period[1]}: missing sequence(s) {holes[:20]}"
                    f"{' …' if len(holes) > 20 else ''} (max {top})")
        if repeats:
            duplicates += sum(sequences[s] - 1 for s in repeats)
            problem(f"DUPLICATE: journal {period[0]} year {period[1]}: sequence(s) {repeats[:20]} used more than once")
        numbers = Counter(d["number"] for d in docs)
        if any(c > 1 for c in numbers.values()):
            problem(f"DUPLICATE NUMBER: journal {period[0]} year {period[1]}: "
                    f"{[n for n, c in numbers.items() if c > 1][:10]}")
        if counters.get(period) != top:
            counter_mismatches += 1
            problem(f"COUNTER: journal {period[0]} year {period[1]}: last_sequence {counters.get(period)} but max {top}")
    for period, last in counters.items():
        if period not in by_period and last != 0:
            counter_mismatches += 1
            problem(f"COUNTER: journal {period[0]} year {period[1]}: last_sequence {last} but no numbered documents")

    # 4. Nothing stored that the client did not send, nothing stored twice, nothing stored after a definite refusal.
    unexplained = 0
    stored_unacked = 0
    for title, docs in by_title.items():
        if len(docs) > 1:
            problem(f"DOUBLE STORE: title {title} stored {len(docs)} times: {[d['id'] for d in docs]}")
        for doc in docs:
            if doc["id"] in acks:
                continue
            stored_unacked += 1
            if title in rejected:
                problem(f"STORED DESPITE ERROR: {title} answered {rejected[title]['status']} but stored as "
                        f"{doc['id']} ({doc['number']})")
            elif title not in unknown:
                unexplained += 1
                problem(f"UNEXPLAINED: {title} stored as {doc['id']} but the client has no record of its request")

    # 5. The audit log agrees: one registration event per registered document of ours, one per stored cancel.
    audit_problems = 0
    for title, docs in by_title.items():
        for doc in docs:
            if doc["sequence"] is not None and audit.get(("document.register", doc["id"]), 0) != 1:
                audit_problems += 1
                problem(f"AUDIT: {doc['id']} ({doc['number']}) has "
                        f"{audit.get(('document.register', doc['id']), 0)} document.register events")
            if doc["state"] == "cancelled" and audit.get(("document.cancel", doc["id"]), 0) != 1:
                audit_problems += 1
                problem(f"AUDIT: {doc['id']} is cancelled with "
                        f"{audit.get(('document.cancel', doc['id']), 0)} document.cancel events")
    if duplicate_acks:
        problem(f"DUPLICATE ACK: the server answered 201 with the same id twice: {duplicate_acks[:5]}")

    numbered = sum(len(docs) for docs in by_period.values())
    verdict = "PASS" if not problems else "FAIL"
    print(f"[{args.label}] {verdict}")
    print(f"  acknowledged (201): {len(acks)}   present with same number: {present - len(mismatched)}   "
          f"missing: {len(missing)}   number mismatches: {len(mismatched)}")
    print(f"  numbered documents: {numbered} in {len(by_period)} journal-years   gaps: {gaps}   "
          f"duplicates: {duplicates}   counter mismatches: {counter_mismatches}")
    numbered_cancelled = sum(1 for i in stored_cancelled if by_id[i]["sequence"] is not None)
    print(f"  cancelled: {len(stored_cancelled)} stored, {numbered_cancelled} still numbered in their journal's sequence "
          f"(cancel acknowledged: {len(cancelled)}, asked: {len(cancel_sent)})")
    print(f"  lost answers: {len(unknown)} requests, of which stored anyway: {stored_unacked}   "
          f"definite refusals: {len(rejected)}   unexplained stores: {unexplained}   audit mismatches: {audit_problems}")
    for text in problems[:40]:
        print("  " + text)
    if len(problems) > 40:
        print(f"  … and {len(problems) - 40} more")
    return 0 if not problems else 1


def corrupt(args):
    """Damages the database on purpose (a copy!) so that the checker can be seen to catch it."""
    acks, cancelled = [], set()
    with open(args.log, encoding="utf-8") as log:
        for line in log:
            if line.endswith("\n"):
                record = json.loads(line)
                if record["t"] == "ack":
                    acks.append(record)
                elif record["t"] == "cancelled":
                    cancelled.add(record["id"].lower())
    registered = [a for a in acks if a["id"].lower() not in cancelled and a["sequence"] > 1]
    if args.kind == "delete":
        victim = registered[len(registered) // 2]
        statements = [f"DELETE FROM documents WHERE id = '{victim['id']}'"]
        what = f"deleted acknowledged document {victim['id']} ({victim['number']})"
    elif args.kind == "counter":
        victim = registered[0]
        statements = [f"UPDATE journal_counters SET last_sequence = last_sequence + 1 WHERE journal_id = '{victim['journal']}'"]
        what = f"raised journal {victim['journal']}'s counter by one"
    elif args.kind == "uncancel":
        victim = next(a for a in acks if a["id"].lower() in cancelled)
        statements = [f"UPDATE documents SET state = 'registered' WHERE id = '{victim['id']}'"]
        what = f"turned cancelled document {victim['id']} ({victim['number']}) back to registered"
    elif args.kind == "renumber":
        victim = registered[-1]
        statements = [f"UPDATE documents SET registration_number = registration_number || '-x' WHERE id = '{victim['id']}'"]
        what = f"changed the number of {victim['id']} ({victim['number']})"
    else:
        raise SystemExit(f"unknown corruption {args.kind}")
    if args.sqlite:
        connection = sqlite3.connect(args.sqlite)
        for statement in statements:
            connection.execute(statement)
        connection.commit()
        connection.close()
    else:
        # Foreign keys (audit, grants, links) would refuse the delete: switch their triggers off for this session.
        script = "SET session_replication_role = replica;\n" + ";\n".join(statements) + ";"
        subprocess.check_call(["psql", args.postgres, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-c", script],
                              stdout=subprocess.DEVNULL)
    print(what)
    return 0


def copy_sqlite(source, target):
    """A consistent copy of a SQLite database, WAL included."""
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    dst = sqlite3.connect(target)
    src.backup(dst)
    dst.close()
    src.close()
    return 0


def main():
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command", required=True)
    r = sub.add_parser("run")
    r.add_argument("--base", required=True)
    r.add_argument("--log", required=True)
    r.add_argument("--stats", required=True)
    r.add_argument("--workers", type=int, default=32)
    r.add_argument("--journals", type=int, default=6)
    r.add_argument("--cancel-every", type=int, default=12)
    r.add_argument("--prefix", default="crash")
    v = sub.add_parser("verify")
    v.add_argument("--log", required=True)
    v.add_argument("--label", required=True)
    v.add_argument("--sqlite")
    v.add_argument("--postgres")
    v.add_argument("--prefix", default="crash")
    c = sub.add_parser("corrupt")
    c.add_argument("--log", required=True)
    c.add_argument("--kind", required=True, choices=["delete", "counter", "uncancel", "renumber"])
    c.add_argument("--sqlite")
    c.add_argument("--postgres")
    k = sub.add_parser("copy-sqlite")
    k.add_argument("source")
    k.add_argument("target")
    args = parser.parse_args()
    if args.command == "copy-sqlite":
        return copy_sqlite(args.source, args.target)
    if args.command == "corrupt":
        return corrupt(args)
    if args.command == "run":
        run(args)
        return 0
    if bool(args.sqlite) == bool(args.postgres):
        parser.error("verify needs exactly one of --sqlite, --postgres")
    return verify(args)


if __name__ == "__main__":
    sys.exit(main())
