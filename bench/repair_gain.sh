#!/usr/bin/env bash
# What repair gains on poor scans (issue #10: word error with repair must be
# at most 0.5 x without, and no scan's sections or meta lower with repair).
# "Poor" = the Dutch dev scans whose page images are below 300 dpi
# (`pdfimages -list`: seed002/seed004 at 150 dpi, dev-new1-v/dev-new2/seed003
# at 200 dpi). Runs overleg with and without --no-repair, scores both with
# the shared scorer, word error = 1 - words. Run on demand:
#   bench/repair_gain.sh [FILES...]   (default: the sub-300-dpi Dutch dev scans)
# Prints per scan: word error without, with, sections and meta both ways; then
# the totals and the ratio. Exits 1 when the ratio is above 0.5 or a scan's
# sections or meta is lower with repair.
set -euo pipefail
. "$(dirname "$0")/common.sh"  # cd to the root; eval_dir, bin, tmp
if [ $# -gt 0 ]; then files=("$@"); else
  files=()
  for f in "$eval_dir"/dev/*-scan.pdf; do
    case "$(basename "$f")" in fr-*) continue ;; esac
    # the smallest horizontal resolution of the file's images
    dpi=$(pdfimages -list "$f" | awk 'NR>2 && $13 ~ /^[0-9]+$/ {print $13}' | sort -n | head -1)
    [ -n "$dpi" ] && [ "$dpi" -lt 300 ] && files+=("$f")
  done
fi
[ ${#files[@]} -gt 0 ] || { echo "no poor scans found" >&2; exit 2; }
"$bin" extract -q --timeout 0 "${files[@]}" >"$tmp/with.jsonl"
"$bin" extract -q --timeout 0 --no-repair "${files[@]}" >"$tmp/without.jsonl"
ids=()
for f in "${files[@]}"; do ids+=(--only "$(basename "$f" .pdf)"); done
"$eval_dir/score" "$eval_dir/truth" "$tmp/with.jsonl" "${ids[@]}" --json >"$tmp/with.json"
"$eval_dir/score" "$eval_dir/truth" "$tmp/without.jsonl" "${ids[@]}" --json >"$tmp/without.json"
python3 - "$tmp/with.json" "$tmp/without.json" <<'PY'
import json, sys
w, wo = (json.load(open(p)) for p in sys.argv[1:3])
w = w.get("docs", w); wo = wo.get("docs", wo)
bad = 0
print(f"{'scan':<20} {'err w/o':>8} {'err with':>8} {'sect w/o':>8} {'sect with':>9} {'meta w/o':>8} {'meta with':>9}")
ew = ewo = 0.0
for doc in sorted(wo):
    a, b = wo[doc], w.get(doc, {})
    e0, e1 = 1 - a.get("words", 0.0), 1 - b.get("words", 0.0)
    ewo += e0; ew += e1
    worse = b.get("sections", 0) < a.get("sections", 0) - 1e-9 or b.get("meta", 0) < a.get("meta", 0) - 1e-9
    bad += worse
    print(f"{doc:<20} {e0:8.4f} {e1:8.4f} {a.get('sections', 0):8.3f} {b.get('sections', 0):9.3f} "
          f"{a.get('meta', 0):8.3f} {b.get('meta', 0):9.3f}{'  LOWER' if worse else ''}")
n = len(wo)
ratio = ew / ewo if ewo else 0.0
print(f"mean word error without repair {ewo / n:.4f}, with repair {ew / n:.4f}, ratio {ratio:.2f} (goal <= 0.5)")
sys.exit(1 if bad or ratio > 0.5 else 0)
PY
