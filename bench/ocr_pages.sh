#!/usr/bin/env bash
# OCR cost per scan (issue #9): for each scan, its pages, the OCR passes
# overleg made (a second pass only where the first read poorly: the page
# turned upright, or cleaned), overleg's CPU seconds per page (user + sys,
# the least of RUNS runs, one worker) and those of
# `pdftoppm -r 300 | tesseract - - -l nld` with OMP_THREAD_LIMIT=1 on the
# same pages. A page with a retry must cost at most twice one without.
#   bench/ocr_pages.sh [FILES...]   (default: ../shared/eval/dev/*-scan.pdf)
#   RUNS=3 bench/ocr_pages.sh
set -euo pipefail
. "$(dirname "$0")/common.sh"  # cd to the root; eval_dir, bin, tmp
runs=${RUNS:-1}
if [ $# -gt 0 ]; then files=("$@"); else files=("$eval_dir"/dev/*-scan.pdf); fi

# Least CPU seconds (user + sys, children included) of $runs runs of "$@".
cpu() {
  local best=1e9 t
  for _ in $(seq "$runs"); do
    /usr/bin/time -o "$tmp/t" -f '%U %S' "$@" >/dev/null 2>&1 || true
    t=$(awk '{print $1 + $2}' "$tmp/t")
    best=$(echo "$t $best" | awk '{print ($1 < $2) ? $1 : $2}')
  done
  echo "$best"
}
tesseract_file() {  # FILE PAGES
  for p in $(seq "$2"); do
    pdftoppm -r 300 -f "$p" -l "$p" "$1" | OMP_THREAD_LIMIT=1 tesseract - - -l nld 2>/dev/null
  done
}
export -f tesseract_file

printf '%-26s %5s %7s %11s %11s %6s\n' scan pages passes overleg tesseract ratio
for f in "${files[@]}"; do
  n=$(pdfinfo "$f" | awk '/^Pages:/{print $2}')
  passes=$("$bin" inspect "$f" 2>/dev/null | grep -c '^p[0-9]* ocr pass' || true)
  ours=$(cpu "$bin" extract -q --jobs 1 --ocr always "$f")
  theirs=$(cpu bash -c 'tesseract_file "$0" "$1"' "$f" "$n")
  printf '%-26s %5d %7d %9.2f s %9.2f s %5.2fx\n' "$(basename "$f" .pdf)" "$n" "$passes" \
    "$(echo "$ours / $n" | bc -l)" "$(echo "$theirs / $n" | bc -l)" "$(echo "$ours / $theirs" | bc -l)"
done
