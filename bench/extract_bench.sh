#!/usr/bin/env bash
# Throughput of `overleg extract` on text-layer PDFs against `pdftotext` on
# the same files (the floor: poppler's own text extraction, no layout
# analysis, no record). Run on demand, not in CI:
#   bench/extract_bench.sh [FILES...]     (default: ../shared/eval/dev text-layer PDFs)
# Prints seconds per run (best of N) and the ratio overleg / pdftotext.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=build/overleg
[ -x "$bin" ] || { echo "build first: .ci/build" >&2; exit 2; }
runs=${RUNS:-5}
if [ $# -gt 0 ]; then files=("$@"); else
  mapfile -t files < <(ls ../shared/eval/dev/*.pdf 2>/dev/null | grep -v -- '-scan\.pdf$')
fi
[ ${#files[@]} -gt 0 ] || { echo "no input files" >&2; exit 2; }

best() {  # best wall time of $runs runs of "$@", in seconds
  local b=""
  for _ in $(seq "$runs"); do
    local s e
    s=$(date +%s.%N); "$@" >/dev/null 2>&1; e=$(date +%s.%N)
    b=$(echo "$s $e ${b:-1e9}" | awk '{t=$2-$1; print (t<$3)?t:$3}')
  done
  echo "$b"
}
pdftotext_all() { for f in "${files[@]}"; do pdftotext "$f" - ; done; }
overleg_all() { "$bin" extract --jobs 1 --quiet "${files[@]}"; }
overleg_all_default() { "$bin" extract --quiet "${files[@]}"; }
overleg_each() { for f in "${files[@]}"; do "$bin" extract --jobs 1 --quiet "$f"; done; }

t_ref=$(best pdftotext_all)
t_one=$(best overleg_all)
t_par=$(best overleg_all_default)
t_each=$(best overleg_each)
pages=$(for f in "${files[@]}"; do pdfinfo "$f" | awk '/^Pages:/{print $2}'; done | paste -sd+ | bc)
printf 'files: %d, pages: %d, best of %d runs\n' "${#files[@]}" "$pages" "$runs"
printf 'pdftotext (one process per file): %.3f s\n' "$t_ref"
printf 'overleg, one process per file:     %.3f s  (%.2fx pdftotext)\n' "$t_each" "$(echo "$t_each / $t_ref" | bc -l)"
printf 'overleg extract --jobs 1:          %.3f s  (%.2fx pdftotext)\n' "$t_one" "$(echo "$t_one / $t_ref" | bc -l)"
printf 'overleg extract (default jobs):    %.3f s  (%.2fx pdftotext)\n' "$t_par" "$(echo "$t_par / $t_ref" | bc -l)"
