#!/usr/bin/python3
"""Nothing lost: the record's words plus the words it leaves out on purpose
(extraction.pages[].left_out) cover >= 0.98 of pdftotext's words.

On every well-formed text-layer PDF of <shared>/corpus/realworld/wellformed/
(its MANIFEST.tsv; scans left out) and every Dutch text-layer PDF of
<shared>/eval/dev/ (no *-scan, no fr-*). Words are counted as the scorer
counts them (white-space split, leading/trailing Unicode punctuation
stripped), order-free, after joining pdftotext's line-end hyphen breaks
(U+002D, U+2010). The record's words: meeting title, series and participants
text, agenda, section headings and blocks (table cells), events' text.

Usage (ctest runs it): tests/coverage_test.py --binary build/overleg --shared ../shared
Exit 0 when every file is covered, 1 when one is not (each printed), 77 (a
skip for ctest) when the shared folder or pdftotext is absent.
"""

import argparse
import collections
import csv
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import unicodedata

MIN_COVERAGE = 0.98


def tokens(text):
    out = []
    for raw in unicodedata.normalize("NFC", text or "").split():
        i, j = 0, len(raw)
        while i < j and unicodedata.category(raw[i]).startswith("P"):
            i += 1
        while j > i and unicodedata.category(raw[j - 1]).startswith("P"):
            j -= 1
        if i < j:
            out.append(raw[i:j])
    return out


# pdftotext wraps each right-to-left run in directional embedding marks
# (U+202B ... U+202C): its output's markup, not the page's words.
BIDI_CONTROLS = dict.fromkeys(map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))


def pdftotext_words(path):
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", path, "-"], capture_output=True, text=True).stdout
    text = text.translate(BIDI_CONTROLS)
    # A word broken at a line end by a hyphen is one word.
    text = re.sub(r"(\w)[-\u2010]\n\s*(\w)", r"\1\2", text)
    return tokens(text)


def record_words(rec):
    parts = []
    m = rec.get("meeting") or {}
    parts += [m.get("title") or "", m.get("series") or ""]
    if m.get("participants"):
        parts.append(m["participants"].get("text") or "")
    parts += rec.get("agenda") or []
    for s in rec.get("sections") or []:
        parts.append(s.get("heading") or "")
        for b in s.get("blocks") or []:
            parts.append(b.get("text") or "")
            for row in b.get("rows") or []:
                parts += row
    for e in rec.get("events") or []:
        parts.append(e.get("text") or "")
    return tokens(" ".join(parts))


def coverage(binary, path):
    want = collections.Counter(pdftotext_words(path))
    total = sum(want.values())
    if total == 0:
        return 1.0
    out = subprocess.run([binary, "extract", "-q", "--ocr", "never", "--timeout", "3600", path],
                         capture_output=True, text=True)
    if out.returncode != 0:
        return 0.0
    rec = json.loads(out.stdout.splitlines()[0])
    have = collections.Counter(record_words(rec))
    matched = sum(min(n, have[w]) for w, n in want.items())
    left_out = sum(sum(p.get("left_out", {}).values()) for p in rec.get("extraction", {}).get("pages", []))
    # Hyphen joins can differ between pdftotext and the record ("welzijns-
    # en" kept, "zorg-zone" joined): compare the rest without hyphens too.
    rest_want = collections.Counter({w.replace("-", ""): 0 for w in want})
    for w, n in want.items():
        rest_want[w.replace("-", "")] += max(0, n - have[w])
    rest_have = collections.Counter()
    for w, n in have.items():
        rest_have[w.replace("-", "")] += max(0, n - want[w])
    matched += sum(min(n, rest_have[w]) for w, n in rest_want.items())
    return min(1.0, (matched + left_out) / total)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", required=True)
    ap.add_argument("--shared", required=True)
    ap.add_argument("--set", choices=["dev", "realworld", "all"], default="all",
                    help="the Dutch dev PDFs, the well-formed real-world PDFs, or both")
    args = ap.parse_args()
    if not shutil.which("pdftotext") or not os.path.isdir(args.shared):
        print("coverage_test: skipped: no pdftotext or no shared folder", file=sys.stderr)
        return 77
    files = []
    wellformed = os.path.join(args.shared, "corpus", "realworld", "wellformed")
    manifest = os.path.join(wellformed, "MANIFEST.tsv")
    if os.path.exists(manifest) and args.set in ("realworld", "all"):
        with open(manifest, encoding="utf-8") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                if "scanned" not in row["category"].split(";"):
                    files.append(os.path.join(wellformed, row["file"]))
    dev = os.path.join(args.shared, "eval", "dev")
    if args.set in ("dev", "all"):
        files += [p for p in sorted(glob.glob(os.path.join(dev, "*.pdf")))
                  if "-scan" not in os.path.basename(p) and not os.path.basename(p).startswith("fr-")]
    if not files:
        print("coverage_test: skipped: no PDFs", file=sys.stderr)
        return 77
    bad = 0
    for path in files:
        c = coverage(args.binary, path)
        flag = "" if c >= MIN_COVERAGE else "  < %.2f" % MIN_COVERAGE
        print("%.3f %s%s" % (c, os.path.basename(path), flag))
        bad += c < MIN_COVERAGE
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
