#!/usr/bin/env bash
# Rewrites the golden records tests/golden/<name>.json from samples/<name>.pdf.
#
# The golden files are what `overleg` gives for each sample today, byte for
# byte; tests/golden_test.cc fails when a change alters any of them. Run this
# script only when the change is intended, then REVIEW THE DIFF
# (`git diff tests/golden/`) before committing: every changed line should be
# one the change meant to make. Score the new records against the samples'
# truths too (`../shared/eval/score samples tests/golden/`), and never edit a
# golden file by hand.
#
# Usage: tests/update_golden.sh [OVERLEG_BINARY]
#   OVERLEG_BINARY  the overleg to run (default: $OVERLEG, else build/overleg)
# It runs from the project root, so source.path is "samples/<name>.pdf".
# Keep the command in step with kGoldenArgs in tests/golden_test.cc.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-${OVERLEG:-build/overleg}}
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
if [ ! -x "$bin" ]; then
  echo "update_golden: no overleg binary at $bin (build first, or pass its path)" >&2
  exit 2
fi
mkdir -p tests/golden
shopt -s nullglob
samples=(samples/*.pdf)
if [ ${#samples[@]} -eq 0 ]; then
  echo "update_golden: no samples/*.pdf" >&2
  exit 2
fi
# Golden files of samples that are gone.
for g in tests/golden/*.json; do
  name=$(basename "$g" .json)
  [ -f "samples/$name.pdf" ] || { rm -f "$g"; echo "removed $g (no samples/$name.pdf)"; }
done
for pdf in "${samples[@]}"; do
  name=$(basename "$pdf" .pdf)
  out=tests/golden/$name.json
  # -o DIR/: one JSON object per file (--format json on stdout is an array).
  tmp=$(mktemp -d)
  "$bin" extract -q --format json --pretty -o "$tmp/" "$pdf"
  mv "$tmp/$name.json" "$out"
  rmdir "$tmp"
  echo "wrote $out"
done
if git rev-parse --git-dir >/dev/null 2>&1; then
  git --no-pager diff --stat -- tests/golden/ || true
fi
