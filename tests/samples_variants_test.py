#!/usr/bin/python3
"""Layout invariance: every sample drawn in other layouts gives the same record.

samples/make_samples.py --variants draws each sample again with the sidebar on
the right or none at all (labelled "Datum:"/"Deelnemers:" lines instead, bare or
in a tinted or framed info box), page 1 in one column, numbered headings, the
title under the band instead of in it (VARIANTS there); overleg
must give every drawing of one sample the same language, meeting, agenda, sections
(kind, heading, blocks) and events as the sample itself.

Usage (ctest runs it): tests/samples_variants_test.py --binary build/overleg --out DIR
Exit 0 when all agree, 1 when one differs (each difference printed), 77 (a
skip for ctest) when reportlab or pyphen is not installed.
"""

import argparse
import glob
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
FIELDS = ("language", "meeting", "agenda", "sections", "events")


def content(binary, pdf):
    out = subprocess.run([binary, "extract", "-q", "--ocr", "never", "--timeout", "3600", pdf],
                         capture_output=True, text=True, check=True)
    rec = json.loads(out.stdout.splitlines()[0])
    # A section's page is where its heading is drawn: the drawing's, not the
    # report's (a layout without sidebar fits more on page 1).
    for section in rec.get("sections") or []:
        section.pop("page", None)
    return {k: rec.get(k) for k in FIELDS}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", required=True)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    try:
        import pyphen  # noqa: F401
        import reportlab  # noqa: F401
    except ImportError:
        print("samples_variants_test: skipped: python3-reportlab / python3-pyphen not installed", file=sys.stderr)
        return 77
    os.makedirs(a.out, exist_ok=True)
    subprocess.run([sys.executable, os.path.join(ROOT, "samples", "make_samples.py"), "--variants", "--out", a.out],
                   check=True, stdout=subprocess.DEVNULL)
    bad = 0
    for original in sorted(glob.glob(os.path.join(ROOT, "samples", "*.pdf"))):
        name = os.path.splitext(os.path.basename(original))[0]
        want = content(a.binary, original)
        variants = sorted(glob.glob(os.path.join(a.out, name + "@*.pdf")))
        if len(variants) < 4:
            print(f"{name}: only {len(variants)} variants drawn")
            bad += 1
        for v in variants:
            got = content(a.binary, v)
            for k in FIELDS:
                if got[k] != want[k]:
                    print(f"{os.path.basename(v)}: {k} differs from {name}.pdf's")
                    bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
