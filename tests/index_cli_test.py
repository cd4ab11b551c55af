#!/usr/bin/python3
"""End-to-end tests of the archive (issue #14): `overleg index`, `search`,
`table` and `extract --index` on the records of samples/ and, when
../shared is there, of the dev corpus's text-layer PDFs.

Checked: a phrase that stands in a report's actions section is found with
`search`, filtered by the report's zone, and the hit names that report,
section and page; a query without diacritics finds the word written with
them; indexing twice changes nothing; kill -9 during `index` and a rerun give
the same contents as an uninterrupted run; two `index` processes into one
file lose nothing; bad records are named (file:line) and the others indexed,
with the documented exit codes; `table` writes RFC 4180 CSV and JSON Lines.

Usage (ctest runs it):
  /usr/bin/python3 tests/index_cli_test.py --binary build/overleg --source . [--shared ../shared]
Exit status 0 when every check passes, 1 otherwise.
"""

import argparse
import csv
import glob
import hashlib
import io
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import unicodedata

CONTENT_TABLES = ["reports", "agenda_items", "sections", "blocks", "events", "links", "repairs", "warnings"]
failures = []


def check(what, ok, detail=""):
    print(("ok   - " if ok else "FAIL - ") + what + ("" if ok or not detail else ": " + detail))
    if not ok:
        failures.append(what)
    return ok


def run(binary, *args, stdin=None):
    p = subprocess.run([binary, *args], input=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=900)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8")


def contents(db):
    """Every content table (and the FTS table's own columns, not its shadow tables), in id order."""
    con = sqlite3.connect(db)
    out = {t: con.execute("SELECT * FROM %s ORDER BY id" % t).fetchall() for t in CONTENT_TABLES}
    out["search"] = con.execute("SELECT rowid, text, source, item_id FROM search ORDER BY rowid").fetchall()
    con.close()
    return out


def by_sha(db):
    con = sqlite3.connect(db)
    rows = dict(con.execute("SELECT sha256, record FROM reports").fetchall())
    con.close()
    return rows


def scalar(db, sql):
    con = sqlite3.connect(db)
    v = con.execute(sql).fetchone()[0]
    con.close()
    return v


def words(text):
    return re.findall(r"\w+", text)


def fold(text):
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


def load_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def varied(records, copies):
    """`copies` of each record, each with its own sha256 (as other PDFs would have)."""
    out = []
    for i in range(copies):
        for r in records:
            c = json.loads(json.dumps(r))
            c["source"]["sha256"] = hashlib.sha256((r["source"]["sha256"] + "#%d" % i).encode()).hexdigest()
            c["source"]["path"] = "copy%03d/%s" % (i, r["source"]["path"])
            out.append(c)
    return out


def write_jsonl(path, records):
    with open(path, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n")


def cells(text):
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", required=True)
    ap.add_argument("--source", required=True)
    ap.add_argument("--shared", default="")
    a = ap.parse_args()
    B = os.path.abspath(a.binary)
    T = tempfile.mkdtemp(prefix="overleg-index-cli.")
    try:
        body(B, os.path.abspath(a.source), a.shared, T)
    finally:
        shutil.rmtree(T, ignore_errors=True)
    print("%d failed" % len(failures) if failures else "all passed")
    return 1 if failures else 0


def body(B, SRC, SHARED, T):
    # The records: samples/ as `extract -o DIR/` writes them (and indexed on
    # the way with --index), the dev corpus's text-layer PDFs as one .jsonl.
    samples = sorted(glob.glob(os.path.join(SRC, "samples", "*.pdf")))
    rc, _, err = run(B, "extract", "-q", *samples, "-o", T + "/samples/", "--index", T + "/extract.sqlite")
    check("extract --index: samples converted and indexed (exit 0)", rc == 0, err)
    dev = []
    if SHARED and os.path.isdir(os.path.join(SHARED, "eval", "dev")):
        dev = sorted(p for p in glob.glob(os.path.join(SHARED, "eval", "dev", "*.pdf")) if "-scan" not in p)
    if dev:
        rc, _, err = run(B, "extract", "-q", *dev, "-o", T + "/dev.jsonl")
        check("extract: %d dev text-layer PDFs" % len(dev), rc == 0, err)
    else:
        print("skip - dev corpus (../shared/eval/dev) absent")
        open(T + "/dev.jsonl", "w").close()
    records = [json.load(open(p, encoding="utf-8")) for p in sorted(glob.glob(T + "/samples/*.json"))]
    records += load_jsonl(T + "/dev.jsonl")
    check("records to index: %d" % len(records), len(records) == len(samples) + len(dev))

    db = T + "/a.sqlite"
    rc, _, err = run(B, "index", T + "/samples", T + "/dev.jsonl", "-d", db)
    check("index: samples/ folder and dev .jsonl (exit 0)", rc == 0, err)
    check("index: one report per distinct sha256",
          scalar(db, "SELECT count(*) FROM reports") == len({r["source"]["sha256"] for r in records}))
    check("schema version in PRAGMA user_version", scalar(db, "PRAGMA user_version") == 2)
    check("WAL mode", scalar(db, "PRAGMA journal_mode") == "wal")
    ex = by_sha(T + "/extract.sqlite")
    check("extract --index holds the same sample records as index of their files",
          ex and all(by_sha(db).get(k) == v for k, v in ex.items()))

    # A phrase of each report's actions section, filtered by its zone: the
    # hit names the report, the section and its page.
    tried = found = 0
    for r in records:
        zone = (r.get("meeting") or {}).get("zone")
        if not zone:
            continue
        for s in r["sections"]:
            if s["kind"] != "actions":
                continue
            block = next((b for b in s["blocks"] if len(words(b.get("text", ""))) >= 5), None)
            if not block:
                continue
            phrase = '"%s"' % " ".join(words(block["text"])[:6])
            rc, out, err = run(B, "search", db, phrase, "--zone", zone, "--format", "jsonl", "-n", "0")
            hits = [json.loads(l) for l in out.splitlines()]
            tried += 1
            good = [h for h in hits if h["sha256"] == r["source"]["sha256"] and h["section_kind"] == "actions"
                    and h["section_heading"] == s["heading"] and h["page"] == s["page"]]
            wrong_zone = [h for h in hits if h["zone"] != zone]
            if rc == 0 and good and not wrong_zone and "[" in good[0]["snippet"]:
                found += 1
            else:
                check("search %s --zone %s finds %s, %s p. %s" % (phrase, zone, r["source"]["path"], s["heading"],
                                                                 s["page"]), False, err or str(hits[:2]))
            break
    check("search: an actions phrase, filtered by zone, names report, section and page (%d/%d reports)"
          % (found, tried), tried > 0 and found == tried)
    if dev:
        check("search: the dev corpus took part", tried > len(samples))

    # A phrase from a sample's truth (not from our own record) in the actions section.
    truth_checked = 0
    for p in sorted(glob.glob(os.path.join(SRC, "samples", "*.truth.json"))):
        t = json.load(open(p, encoding="utf-8"))
        zone = t["meeting"].get("zone")
        acts = [b for s in t["sections"] if s["kind"] == "actions" for b in s["blocks"] if len(words(b.get("text", ""))) >= 5]
        if not zone or not acts:
            continue
        phrase = '"%s"' % " ".join(words(acts[0]["text"])[:6])
        rc, out, _ = run(B, "search", db, phrase, "--zone", zone, "--kind", "actions", "--format", "jsonl")
        stem = os.path.basename(p)[: -len(".truth.json")]
        hits = [json.loads(l) for l in out.splitlines()]
        check("search: truth phrase %s of %s found in its actions section" % (phrase, stem),
              any(h["source_path"].endswith(stem + ".pdf") and h["section_kind"] == "actions" for h in hits), out)
        truth_checked += 1
    check("search: a truth phrase was checked", truth_checked > 0)

    # Diacritics: "coordinatie" finds "coördinatie".
    rc, out, _ = run(B, "search", db, "coordinatie", "--format", "jsonl", "-n", "0")
    hits = [json.loads(l) for l in out.splitlines()]
    check("search: coordinatie finds coördinatie", any("[coördinatie" in h["snippet"].lower() for h in hits), out[:300])
    # ... and every word with a diacritic in the records, folded, finds its report.
    accented = {}
    for r in records:
        for s in r["sections"]:
            for b in s["blocks"]:
                for w in words(b.get("text", "")):
                    if fold(w) != w and len(w) > 4 and w.isalpha():
                        accented.setdefault(w, r["source"]["sha256"])
    missed = []
    for w, sha in sorted(accented.items())[:25]:
        rc, out, _ = run(B, "search", db, fold(w), "--format", "jsonl", "-n", "0")
        if not any(json.loads(l)["sha256"] == sha for l in out.splitlines()):
            missed.append(w)
    check("search: %d accented words found without their accents" % min(25, len(accented)),
          accented and not missed, str(missed))

    # Output formats of search.
    rc, out_table, _ = run(B, "search", db, "coordinatie OR zorg*", "-n", "8")
    rc2, out_jsonl, _ = run(B, "search", db, "coordinatie OR zorg*", "-n", "8", "--format", "jsonl")
    lines = out_table.splitlines()
    snippets = [json.loads(l)["snippet"] for l in out_jsonl.splitlines()]
    starts = {cells(line[: line.rfind(s)]) for line, s in zip(lines[1:], snippets) if s in line}
    check("search --format table: a header and one aligned line per hit",
          rc == 0 and lines and lines[0].startswith("date") and len(lines) == len(snippets) + 1 and len(starts) == 1,
          out_table[:400])
    rc, _, err = run(B, "search", db, '"unterminated')
    check("search: a malformed query exits 2 with a message", rc == 2 and "query" in err, err)
    rc, _, err = run(B, "search", T + "/missing.sqlite", "zorg")
    check("search: a missing archive exits 3 naming it", rc == 3 and "missing.sqlite" in err, err)
    rc, _, _ = run(B, "search", db, "zorg", "--from", "2025-13")
    check("search: a bad --from exits 2", rc == 2)

    # table: meetings, events, sections.
    rc, out, _ = run(B, "table", db, "meetings")
    rows = list(csv.reader(io.StringIO(out, newline="")))
    check("table meetings: RFC 4180 CSV, CRLF, one row per report",
          rc == 0 and "\r\n" in out and rows[0][:5] == ["sha256", "source_path", "language", "date", "zone"]
          and len(rows) - 1 == scalar(db, "SELECT count(*) FROM reports"))
    rc, out, _ = run(B, "table", db, "sections")
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    check("table sections: one row per section, with kind, heading, page, text",
          rc == 0 and len(rows) == scalar(db, "SELECT count(*) FROM sections")
          and all(k in rows[0] for k in ("kind", "heading", "page", "text")))
    rc, out, _ = run(B, "table", db, "events", "--format", "jsonl")
    ev = [json.loads(l) for l in out.splitlines()]
    check("table events --format jsonl: one object per event",
          rc == 0 and len(ev) == scalar(db, "SELECT count(*) FROM events"))

    # Indexing twice changes nothing.
    before = contents(db)
    rc, _, err = run(B, "index", T + "/samples", T + "/dev.jsonl", "-d", db)
    check("index twice: exit 0, every record unchanged", rc == 0 and " 0 added, 0 replaced" in err, err)
    check("index twice: the same contents", contents(db) == before)
    # A re-converted report (same sha256, another record) replaces the old rows.
    changed = json.loads(json.dumps(records[0]))
    changed["meeting"]["title"] = "Vervangen titel"
    changed["sections"] = changed["sections"][:1]
    rc, _, err = run(B, "index", "-", "-d", db, stdin=(json.dumps(changed) + "\n").encode())
    sha = changed["source"]["sha256"]
    check("index: a re-converted record replaces its report",
          rc == 0 and "1 replaced" in err and
          scalar(db, "SELECT count(*) FROM sections s JOIN reports r ON r.id = s.report_id WHERE r.sha256 = '%s'" % sha) == 1
          and scalar(db, "SELECT title FROM reports WHERE sha256 = '%s'" % sha) == "Vervangen titel", err)

    # Bad input: named by file and line, the others indexed.
    good = varied(records[:2], 1)
    with open(T + "/bad.jsonl", "w", encoding="utf-8") as f:
        f.write(json.dumps(good[0]) + "\n{not json\n" + json.dumps({"name": "x"}) + "\n" + json.dumps(good[1]) + "\n")
    bad_db = T + "/bad.sqlite"
    rc, _, err = run(B, "index", T + "/bad.jsonl", T + "/nothing-here", "-d", bad_db)
    check("bad records: exit 1, each named file:line, the others indexed",
          rc == 1 and "bad.jsonl:2: not valid JSON" in err and "bad.jsonl:3: not an overleg record" in err
          and "nothing-here" in err and scalar(bad_db, "SELECT count(*) FROM reports") == 2, err)
    rc, _, err = run(B, "index", "-", "-d", bad_db, stdin=b"[]\n")
    check("bad records: none good exits 3", rc == 3, err)
    rc, _, err = run(B, "index", T + "/samples", "-d", T + "/no/such/dir/x.sqlite")
    check("index: an unwritable archive exits 5", rc == 5, err)

    # kill -9 during index, then a rerun: the contents of an uninterrupted run.
    big = varied(records, max(2, 1500 // max(1, len(records))))
    write_jsonl(T + "/big.jsonl", big)
    ref = T + "/ref.sqlite"
    t0 = time.time()
    rc, _, err = run(B, "index", "-q", T + "/big.jsonl", "-d", ref)
    check("index: %d records uninterrupted (%.1f s)" % (len(big), time.time() - t0), rc == 0, err)
    killed = T + "/killed.sqlite"
    # The records come through a pipe, and only the first half is ever
    # written: the process cannot finish before the kill however the machine
    # schedules this poller (a file argument raced it on a loaded machine).
    p = subprocess.Popen([B, "index", "-q", "-", "-d", killed], stdin=subprocess.PIPE, stderr=subprocess.DEVNULL)
    with open(T + "/big.jsonl", "rb") as f:
        lines = f.readlines()
    p.stdin.write(b"".join(lines[: len(lines) // 2]))
    p.stdin.flush()
    n = 0
    for _ in range(6000):
        time.sleep(0.01)
        try:
            n = scalar(killed, "SELECT count(*) FROM reports")
        except sqlite3.Error:
            n = 0
        if n >= 50:
            break
    p.kill()
    p.wait()
    p.stdin.close()
    n = scalar(killed, "SELECT count(*) FROM reports")
    check("kill -9 stopped index part-way (%d of %d)" % (n, len(big)), 0 < n < len(big))
    con = sqlite3.connect(killed)
    fk = con.execute("PRAGMA foreign_key_check").fetchall()
    con.close()
    check("kill -9: the database is consistent (integrity, foreign keys)",
          scalar(killed, "PRAGMA integrity_check") == "ok" and fk == [], str(fk[:3]))
    rc, _, err = run(B, "index", "-q", T + "/big.jsonl", "-d", killed)
    check("kill -9 then rerun: the contents of an uninterrupted run", rc == 0 and contents(killed) == contents(ref), err)

    # Two index processes into one file at once (shards).
    write_jsonl(T + "/half1.jsonl", big[0::2])
    write_jsonl(T + "/half2.jsonl", big[1::2])
    par = T + "/parallel.sqlite"
    procs = [subprocess.Popen([B, "index", "-q", T + "/half%d.jsonl" % i, "-d", par], stderr=subprocess.PIPE)
             for i in (1, 2)]
    codes = [q.wait() for q in procs]
    errs = [q.stderr.read().decode() for q in procs]
    check("parallel index: both exit 0", codes == [0, 0], " ".join(errs))
    check("parallel index: every record there, database consistent",
          by_sha(par) == by_sha(ref) and scalar(par, "PRAGMA integrity_check") == "ok"
          and scalar(par, "SELECT count(*) FROM search") == scalar(ref, "SELECT count(*) FROM search"))


if __name__ == "__main__":
    sys.exit(main())
