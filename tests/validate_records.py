#!/usr/bin/python3
"""Validates records against docs/record.schema.json (JSON Schema 2020-12).

The records checked are those the tests produce and compare:
  * overleg on every samples/*.pdf (run from the project root),
  * overleg on every ../shared/eval/dev/*.pdf, when that folder exists,
  * every golden record tests/golden/*.json,
  * the format 1.0 records kept in tests/golden/format-1.0/ (a 1.x schema
    must accept every 1.x record).
Besides the schema, each record must satisfy what JSON Schema cannot say:
text in Unicode NFC, no bullet glyph opening a list item, one extraction
entry per page numbered 1..n, pages of sections and links within the
document. First the schema itself is checked, and a few broken copies of a
good record must be rejected (so that a vacuous schema cannot pass).

Usage (ctest runs it; Debian's python3-jsonschema):
  /usr/bin/python3 tests/validate_records.py --binary build/overleg [--source DIR] [--shared DIR]
Exit status 0 when every record is valid, 1 when one is not (each problem
printed), 2 when it cannot run (no binary, no samples), 77 (a skip for
ctest) when python3-jsonschema is not installed.
"""

import argparse
import copy
import glob
import json
import os
import subprocess
import sys
import unicodedata

try:
    import jsonschema
    from jsonschema import Draft202012Validator
except ImportError:  # pragma: no cover
    print("validate_records: skipped: python3-jsonschema (>= 4) is not installed", file=sys.stderr)
    sys.exit(77)  # ctest's SKIP_RETURN_CODE

BULLETS = ("•", "▪", "◦", "●", "○", "■", "□", "‣", "⁃", "›", "»", "·", "➢", "➤", "✓", "\uf0b7")


def run_overleg(binary, inputs, cwd):
    """Records of `inputs` as JSON Lines from one overleg run; (records, problems)."""
    proc = subprocess.run([binary, "extract", "-q", "--format", "jsonl", *inputs], cwd=cwd,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=900)
    problems = []
    if proc.returncode != 0:
        problems.append("overleg exited %d on %d inputs: %s" % (proc.returncode, len(inputs),
                                                               proc.stderr.decode("utf-8", "replace").strip()))
    records = []
    for n, line in enumerate(proc.stdout.decode("utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError as e:
            problems.append("output line %d is not JSON: %s" % (n, e))
    if len(records) != len(inputs):
        problems.append("%d inputs gave %d records" % (len(inputs), len(records)))
    return records, problems


def strings_to_check(record):
    """(where, text) for every document text of a record (not source.path)."""
    m = record.get("meeting") or {}
    for key in ("series", "title", "theme"):
        if isinstance(m.get(key), str):
            yield "meeting." + key, m[key]
    if isinstance(m.get("participants"), dict):
        yield "meeting.participants.text", m["participants"].get("text", "")
    for i, a in enumerate(record.get("agenda", [])):
        yield "agenda[%d]" % i, a
    for i, s in enumerate(record.get("sections", [])):
        yield "sections[%d].heading" % i, s.get("heading", "")
        for j, b in enumerate(s.get("blocks", [])):
            if "text" in b:
                yield "sections[%d].blocks[%d].text" % (i, j), b["text"]
            for r, row in enumerate(b.get("rows", [])):
                for c, cell in enumerate(row):
                    yield "sections[%d].blocks[%d].rows[%d][%d]" % (i, j, r, c), cell
    for i, e in enumerate(record.get("events", [])):
        for key in ("title", "location", "text"):
            if isinstance(e.get(key), str):
                yield "events[%d].%s" % (i, key), e[key]
    for i, link in enumerate(record.get("links", [])):
        yield "links[%d].text" % i, link.get("text", "")


def extra_problems(record):
    """What the schema cannot check."""
    out = []
    for where, text in strings_to_check(record):
        if isinstance(text, str) and not unicodedata.is_normalized("NFC", text):
            out.append("%s is not NFC: %r" % (where, text[:80]))
    for i, s in enumerate(record.get("sections", [])):
        for j, b in enumerate(s.get("blocks", [])):
            if b.get("type") == "list_item" and isinstance(b.get("text"), str) and b["text"].lstrip().startswith(BULLETS):
                out.append("sections[%d].blocks[%d]: list item text starts with a bullet: %r" % (i, j, b["text"][:40]))
    src = record.get("source") or {}
    pages = (record.get("extraction") or {}).get("pages") or []
    n = src.get("pages")
    if isinstance(n, int):
        if [p.get("number") for p in pages] != list(range(1, n + 1)):
            out.append("extraction.pages are not the pages 1..%d: %s" % (n, [p.get("number") for p in pages]))
        for i, s in enumerate(record.get("sections", [])):
            if isinstance(s.get("page"), int) and s["page"] > n:
                out.append("sections[%d].page %d > source.pages %d" % (i, s["page"], n))
        for i, link in enumerate(record.get("links", [])):
            if isinstance(link.get("page"), int) and link["page"] > n:
                out.append("links[%d].page %d > source.pages %d" % (i, link["page"], n))
    for i, p in enumerate(pages):
        if p.get("method") != "ocr" and p.get("ocr_confidence") is not None:
            out.append("extraction.pages[%d] has an ocr_confidence but method %r" % (i, p.get("method")))
    return out


def problems_of(validator, record):
    out = []
    for err in sorted(validator.iter_errors(record), key=lambda e: list(e.absolute_path)):
        where = "/".join(str(p) for p in err.absolute_path) or "(record)"
        out.append("%s: %s" % (where, err.message[:300]))
    if not out:
        out.extend(extra_problems(record))
    return out


def broken_copies(record):
    """(what, copy) pairs that the schema must reject."""
    def mutate(fn):
        r = copy.deepcopy(record)
        fn(r)
        return r
    yield "no warnings key", mutate(lambda r: r.pop("warnings"))
    yield "a 1.1 record without language", mutate(lambda r: r.pop("language"))
    yield "a 1.1 page without dpi", mutate(lambda r: r["extraction"]["pages"][0].pop("dpi"))
    yield "another format", mutate(lambda r: r.__setitem__("format", "overleg.report/2"))
    yield "a date not ISO", mutate(lambda r: r["meeting"].__setitem__("date", "25/09/25"))
    yield "meeting.zone omitted", mutate(lambda r: r["meeting"].pop("zone"))
    yield "a qualifier not in the enum", mutate(
        lambda r: r["meeting"].__setitem__("participants", {"count": 3, "qualifier": "about", "text": "x"}))
    yield "a section kind not in the enum", mutate(
        lambda r: r["sections"].append({"kind": "events", "heading": "Save the date", "page": 1, "blocks": []}))
    yield "a list item without level", mutate(lambda r: r["sections"].append(
        {"kind": "other", "heading": "", "page": 1, "blocks": [{"type": "list_item", "text": "x"}]}))
    yield "a paragraph with a line break", mutate(lambda r: r["sections"].append(
        {"kind": "other", "heading": "", "page": 1, "blocks": [{"type": "paragraph", "text": "a\nb"}]}))
    yield "a paragraph with rows", mutate(lambda r: r["sections"].append(
        {"kind": "other", "heading": "", "page": 1, "blocks": [{"type": "paragraph", "text": "a", "rows": []}]}))
    yield "a soft hyphen", mutate(lambda r: r["agenda"].append("ge\u00adzond"))
    yield "a ligature", mutate(lambda r: r["agenda"].append("\ufb01nanciering"))
    yield "an event time not HH:MM", mutate(lambda r: r["events"].append(
        {"kind": "save_the_date", "title": None, "date": None, "start": "10u", "end": None, "location": None,
         "text": "x"}))
    yield "a warning page 0", mutate(lambda r: r["warnings"].append({"code": "x", "page": 0, "message": "m"}))
    yield "a method not in the enum", mutate(
        lambda r: r["extraction"]["pages"].append({"number": 3, "method": "scan", "chars": 0, "ocr_confidence": None}))
    yield "text not NFC", mutate(lambda r: r["agenda"].append("coo\u0308rdinatie"))


def accepted_copies(record):
    """(what, copy) pairs the schema must accept: what consumers are promised
    to tolerate (docs/record.md, "Versions")."""
    def mutate(fn):
        r = copy.deepcopy(record)
        fn(r)
        return r
    yield "an unknown top-level key", mutate(lambda r: r.__setitem__("added_in_1_9", {"x": 1}))
    yield "an unknown key in meeting", mutate(lambda r: r["meeting"].__setitem__("room", "B"))
    yield "an unknown key in a page", mutate(lambda r: r["extraction"]["pages"][0].__setitem__("colour", True))
    yield "a later minor", mutate(lambda r: r.__setitem__("format_minor", 7))


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--binary", required=True, help="the overleg binary")
    ap.add_argument("--source", default=os.path.dirname(here), help="the project root")
    ap.add_argument("--shared", default=None, help="the shared folder (default: SOURCE/../shared)")
    ap.add_argument("--schema", default=None, help="default: SOURCE/docs/record.schema.json")
    args = ap.parse_args()
    source = os.path.abspath(args.source)
    shared = os.path.abspath(args.shared or os.path.join(source, "..", "shared"))
    schema_path = args.schema or os.path.join(source, "docs", "record.schema.json")

    if not os.access(args.binary, os.X_OK):
        print("validate_records: no overleg binary at %s" % args.binary, file=sys.stderr)
        return 2
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    try:
        Draft202012Validator.check_schema(schema)
    except jsonschema.exceptions.SchemaError as e:
        print("validate_records: %s is not a valid JSON Schema: %s" % (schema_path, e.message), file=sys.stderr)
        return 1
    validator = Draft202012Validator(schema)

    failed = 0
    groups = []  # (name, [(label, record)], [problems of the run])
    samples = sorted(glob.glob(os.path.join(source, "samples", "*.pdf")))
    if not samples:
        print("validate_records: no samples/*.pdf under %s" % source, file=sys.stderr)
        return 2
    rel = [os.path.relpath(p, source) for p in samples]
    records, run_problems = run_overleg(args.binary, rel, source)
    groups.append(("samples", [(r.get("source", {}).get("path", "?"), r) for r in records], run_problems))

    dev = sorted(glob.glob(os.path.join(shared, "eval", "dev", "*.pdf")))
    if dev:
        records, run_problems = run_overleg(args.binary, dev, source)
        groups.append(("shared/eval/dev", [(r.get("source", {}).get("path", "?"), r) for r in records], run_problems))
    else:
        print("validate_records: no %s/eval/dev: skipped" % shared)

    golden = []
    for path in sorted(glob.glob(os.path.join(source, "tests", "golden", "*.json"))):
        with open(path, encoding="utf-8") as f:
            try:
                golden.append((os.path.relpath(path, source), json.load(f)))
            except json.JSONDecodeError as e:
                groups.append(("golden", [], ["%s is not JSON: %s" % (path, e)]))
    groups.append(("golden", golden, []))

    old = []
    for path in sorted(glob.glob(os.path.join(source, "tests", "golden", "format-1.0", "*.json"))):
        with open(path, encoding="utf-8") as f:
            record = json.load(f)
        problems = [] if "format_minor" not in record else ["%s is not a 1.0 record (has format_minor)" % path]
        old.append((os.path.relpath(path, source), record))
        groups.append(("golden 1.0", [], problems))
    if not old:
        groups.append(("golden 1.0", [], ["no format 1.0 record in tests/golden/format-1.0/"]))
    groups.append(("golden 1.0", old, []))

    total = 0
    for name, records, run_problems in groups:
        for p in run_problems:
            print("FAIL %s: %s" % (name, p))
            failed += 1
        for label, record in records:
            total += 1
            problems = problems_of(validator, record)
            for p in problems:
                print("FAIL %s: %s: %s" % (name, label, p))
            failed += bool(problems)
        print("%s: %d records checked" % (name, len(records)))

    # The schema must not be vacuous: broken copies of a good record fail.
    good = next((r for _, records, _ in groups for _, r in records if not problems_of(validator, r)), None)
    if good is None:
        print("FAIL no valid record to derive broken copies from")
        failed += 1
    else:
        for what, broken in broken_copies(good):
            if not problems_of(validator, broken):
                print("FAIL the schema accepts a record with %s" % what)
                failed += 1
        for what, variant in accepted_copies(good):
            for p in problems_of(validator, variant):
                print("FAIL the schema rejects a record with %s: %s" % (what, p))
                failed += 1

    print("%s: %d records, %d problems" % ("FAILED" if failed else "ok", total, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
