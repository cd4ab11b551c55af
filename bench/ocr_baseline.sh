#!/usr/bin/env bash
# The raw-Tesseract baseline of issue #3: every scan through
# `pdftoppm -r 300 | tesseract - - -l nld`, all text as one untitled section,
# scored like our records. Run on demand:
#   bench/ocr_baseline.sh [FILES...]   (default: ../shared/eval/dev/*-scan.pdf)
# Prints the scorer's table; the TOTAL line's words= is the figure overleg
# must not fall below (`overleg extract ... | score ... --only '*-scan'`).
set -euo pipefail
cd "$(dirname "$0")/.."
eval_dir=../shared/eval
lang=${OCR_LANG:-nld}
if [ $# -gt 0 ]; then files=("$@"); else files=("$eval_dir"/dev/*-scan.pdf); fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for f in "${files[@]}"; do
  n=$(pdfinfo "$f" | awk '/^Pages:/{print $2}')
  for p in $(seq "$n"); do
    pdftoppm -r 300 -f "$p" -l "$p" "$f" | OMP_THREAD_LIMIT=1 tesseract - - -l "$lang" 2>/dev/null
  done >"$tmp/text"
  python3 - "$f" "$tmp/text" >>"$tmp/raw.jsonl" <<'PY'
import json, os, sys
path, text = sys.argv[1], open(sys.argv[2], encoding="utf-8").read()
print(json.dumps({"source": {"path": "dev/" + os.path.basename(path)},
                  "sections": [{"kind": "other", "heading": "",
                                "blocks": [{"type": "paragraph", "text": text}]}]}, ensure_ascii=False))
PY
done
"$eval_dir/score" "$eval_dir/truth" "$tmp/raw.jsonl" --only '*-scan'
