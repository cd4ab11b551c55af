#!/usr/bin/env bash
# overleg's words against raw Tesseract's on each Dutch dev scan (issue #9:
# overleg must read at least what `pdftoppm -r 300 | tesseract - - -l nld`
# reads). Both are scored with the shared scorer; the raw text counts as one
# untitled section (bench/ocr_baseline.sh). Run on demand:
#   bench/ocr_words.sh [FILES...]   (default: ../shared/eval/dev/*-scan.pdf but fr-*)
#   TRUTH=DIR bench/ocr_words.sh FILES...   (scans made with the eval's
#   tools/scan.sh, their truths written by tools/scan_truth.py into DIR)
# Prints per file: words overleg, words raw, and "ok" or "BELOW"; exits 1 when
# overleg is below raw Tesseract on some file.
set -euo pipefail
. "$(dirname "$0")/common.sh"  # cd to the root; eval_dir, bin, tmp
truth=${TRUTH:-$eval_dir/truth}
if [ $# -gt 0 ]; then files=("$@"); else
  mapfile -t files < <(ls "$eval_dir"/dev/*-scan.pdf | grep -v '/fr-')
fi
"$bin" extract -q --timeout 0 "${files[@]}" >"$tmp/ours.jsonl"
for f in "${files[@]}"; do
  n=$(pdfinfo "$f" | awk '/^Pages:/{print $2}')
  for p in $(seq "$n"); do
    pdftoppm -r 300 -f "$p" -l "$p" "$f" | OMP_THREAD_LIMIT=1 tesseract - - -l nld 2>/dev/null
  done >"$tmp/text"
  python3 - "$f" "$tmp/text" >>"$tmp/raw.jsonl" <<'PY'
import json, os, sys
path, text = sys.argv[1], open(sys.argv[2], encoding="utf-8").read()
print(json.dumps({"source": {"path": "dev/" + os.path.basename(path)},
                  "sections": [{"kind": "other", "heading": "",
                                "blocks": [{"type": "paragraph", "text": text}]}]}, ensure_ascii=False))
PY
done
"$eval_dir/score" "$truth" "$tmp/ours.jsonl" --only '*-scan' --skip 'fr-*' --json >"$tmp/ours.json"
"$eval_dir/score" "$truth" "$tmp/raw.jsonl" --only '*-scan' --skip 'fr-*' --json >"$tmp/raw.json"
python3 - "$tmp/ours.json" "$tmp/raw.json" <<'PY'
import json, sys
ours, raw = (json.load(open(p)) for p in sys.argv[1:3])
ours = ours.get("docs", ours); raw = raw.get("docs", raw)
below = 0
print(f"{'scan':<24} {'overleg':>8} {'tesseract':>10}")
for doc in sorted(raw):
    o, r = ours.get(doc, {}).get("words", 0.0), raw[doc].get("words", 0.0)
    below += o < r
    print(f"{doc:<24} {o:8.3f} {r:10.3f}  {'ok' if o >= r else 'BELOW'}")
sys.exit(1 if below else 0)
PY
