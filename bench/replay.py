#!/usr/bin/env python3
"""Turns PostgreSQL's statement log of captured filings into a pgbench script: the intake floor.

bench/intake.sh turns on log_statement=all, files complaints in W windows of M each (every window
waits until its cases' processes have started and their trail is chained, so no window depends on
rows another window writes), and passes the log lines of the benchmark database with the byte
offsets where each window starts and ends. Each window becomes one pgbench branch: client k replays
window k % W as one transaction, every statement with the values it had, in the order the server ran
them, then rolls back, so that the replay can run again and clients never insert the same key. The
script measures what PostgreSQL needs for the statements of M filings, less the WAL flush of their
commits: an upper bound on the rate the database allows for that work.

    replay.py LOG DATABASE OUT.sql START END [START END ...]

Cases take their id from a sequence and the application reads it back (RETURNING), so the log never
shows it; REPLAY_CASE_IDS names a file of "ref|id" lines and each captured case insert is given the
id its case got, so that the statements after it find their case.

Prints one line per window (statements, of which writes) and a summary line:
    REPLAY windows=W statements_per_filing=... writes_per_filing=... transactions_per_filing=...
"""
import os
import re
import sys

LINE = re.compile(r"^\S+ \S+ \S+ \[(\d+)\] (?:\S*@(\S*) )?(LOG|DETAIL|ERROR|STATEMENT|WARNING|HINT|CONTEXT):\s+(.*)$")
EXECUTE = re.compile(r"^(?:execute [^:]+|statement): (.*)$", re.S)
PARAM = re.compile(r"\$(\d+) = (NULL|'(?:[^']|'')*')", re.S)
SKIP = re.compile(r"^\s*(BEGIN|COMMIT|ROLLBACK|START TRANSACTION|SET |SHOW |DISCARD |SAVEPOINT|RELEASE|DEALLOCATE"
                  r"|select pg_advisory_unlock|SELECT 1\s*$)", re.I)
WRITE = re.compile(r"^\s*(INSERT|UPDATE|DELETE|MERGE|SELECT\s+nextval)", re.I)


def entries(text):
    """Log entries as (pid, db, level, message), continuation lines (tab-indented) joined."""
    current = None
    for raw in text.split("\n"):
        m = LINE.match(raw)
        if m:
            if current:
                yield current
            current = [m.group(1), m.group(2), m.group(3), m.group(4)]
        elif current is not None and raw.startswith("\t"):
            current[3] += "\n" + raw[1:]
    if current:
        yield current


def substitute(sql, params):
    """$n replaced by its logged literal, outside quoted strings."""
    out, i, quoted = [], 0, False
    while i < len(sql):
        c = sql[i]
        if c == "'":
            quoted = not quoted
            out.append(c)
            i += 1
        elif c == "$" and not quoted:
            m = re.match(r"\$(\d+)", sql[i:])
            if m:
                out.append(params.get(m.group(1), "NULL"))
                i += len(m.group(0))
            else:
                out.append(c)
                i += 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def statements(text, database):
    """The window's statements, values in place, in the order the server logged them."""
    pending = None  # (pid, sql) waiting for its DETAIL: parameters line
    result, transactions = [], 0
    for pid, db, level, message in entries(text):
        if db != database:
            continue
        if level == "DETAIL" and pending and pending[0] == pid and message.startswith("parameters:"):
            params = {n: v for n, v in PARAM.findall(message)}
            result.append(substitute(pending[1], params))
            pending = None
            continue
        if pending:
            result.append(pending[1])
            pending = None
        if level != "LOG":
            continue
        m = EXECUTE.match(message)
        if not m:
            continue
        sql = m.group(1).strip().rstrip(";")
        if re.match(r"^\s*COMMIT\b", sql, re.I):
            transactions += 1
        if SKIP.match(sql):
            continue
        pending = (pid, sql)
    if pending:
        result.append(pending[1])
    return result, transactions


def one_line(sql):
    """The statement on one line: its "--" comments (the engine's job query has some) end at the line's end, so they
    are dropped first, outside quoted strings, or they would swallow the rest of the statement and the next one."""
    out, i, quoted = [], 0, False
    while i < len(sql):
        c = sql[i]
        if c == "'":
            quoted = not quoted
        elif not quoted and sql.startswith("--", i):
            end = sql.find("\n", i)
            i = len(sql) if end < 0 else end
            continue
        out.append(" " if c == "\n" else c)
        i += 1
    return "".join(out)


def with_case_ids(sql, ids):
    if not ids or not re.match(r"^\s*insert into cases \(", sql, re.I):
        return sql
    for ref in re.findall(r"'([A-Z]+-\d{4}-\d+)'", sql):
        if ref in ids:
            sql = re.sub(r"^(\s*insert into cases \()", r"\1id,", sql, count=1, flags=re.I)
            return re.sub(r"\) values \(", ") values (" + ids[ref] + ",", sql, count=1, flags=re.I)
    return sql


def main(argv):
    log, database, out, offsets = argv[1], argv[2], argv[3], [int(x) for x in argv[4:]]
    windows = list(zip(offsets[0::2], offsets[1::2]))
    ids = {}
    if os.environ.get("REPLAY_CASE_IDS"):
        with open(os.environ["REPLAY_CASE_IDS"], encoding="utf-8") as f:
            ids = dict(line.strip().split("|", 1) for line in f if "|" in line)
    with open(log, "rb") as f:
        data = f.read()
    per_window, counts = [], []
    for start, end in windows:
        sql, commits = statements(data[start:end].decode("utf-8", "replace"), database)
        per_window.append(sql)
        writes = sum(1 for s in sql if WRITE.match(s))
        counts.append((len(sql), writes, commits))
        print(f"window {len(per_window)}: {len(sql)} statements, {writes} writes, {commits} commits")
    with open(out, "w") as f:
        f.write("-- generated by bench/replay.py from the statement log of captured filings; see its docstring\n")
        for k, sql in enumerate(per_window):
            f.write(("\\if" if k == 0 else "\\elif") + f" :client_id % {len(per_window)} = {k}\n")
            f.write("BEGIN;\n")
            for s in sql:
                f.write(one_line(with_case_ids(s, ids)) + ";\n")
            f.write("ROLLBACK;\n")
        f.write("\\endif\n")
    return counts


if __name__ == "__main__":
    counts = main(sys.argv)
    filings = int(os.environ.get("REPLAY_FILINGS_PER_WINDOW", "1"))
    n = len(counts) * filings
    print("REPLAY windows=%d statements_per_filing=%.1f writes_per_filing=%.1f transactions_per_filing=%.1f" % (
        len(counts), sum(c[0] for c in counts) / n, sum(c[1] for c in counts) / n, sum(c[2] for c in counts) / n))
