#!/usr/bin/env bash
# OCR cost of `overleg extract --ocr always` against the Tesseract command on
# the same pages (`pdftoppm -r 300 -f P -l P FILE | tesseract - - -l nld`, one
# pipeline per page, as one would script it), and the peak memory of one
# worker. Run on demand, not in CI:
#   bench/ocr_bench.sh [FILES...]   (default: ../shared/eval/dev/*-scan.pdf)
#   BIN=build-ocr/overleg RUNS=3 bench/ocr_bench.sh
# Prints seconds per page, wall (best of RUNS) and CPU (user + sys, least of
# RUNS; the figure to compare when the machine is busy), the ratios ours /
# command, and the maximum resident set size (/usr/bin/time -v) of one
# overleg worker and of one tesseract process.
#
# Threading: Debian's Tesseract uses OpenMP; the command is measured with its
# default (all cores) and with OMP_THREAD_LIMIT=1. overleg limits itself to
# one OpenMP thread per engine (lib/extract/tesseract_engine.cc) unless the user set
# OMP_THREAD_LIMIT: it is measured with the variable unset, set to 1 (should
# be the same) and set to 64 (the user's choice is kept: OpenMP teams again).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${BIN:-build/overleg}
[ -x "$bin" ] || { echo "build first: .ci/build (or set BIN=)" >&2; exit 2; }
runs=${RUNS:-1}
lang=${OCR_LANG:-nld}
if [ $# -gt 0 ]; then files=("$@"); else
  mapfile -t files < <(ls ../shared/eval/dev/*-scan.pdf 2>/dev/null)
fi
[ ${#files[@]} -gt 0 ] || { echo "no input files" >&2; exit 2; }
pages=0
for f in "${files[@]}"; do pages=$((pages + $(pdfinfo "$f" | awk '/^Pages:/{print $2}'))); done

# The variants run in their own bash (under /usr/bin/time), so they are
# exported functions that read the inputs from FILES (one per line).
FILES=$(printf '%s\n' "${files[@]}")
export FILES bin lang
inputs() { mapfile -t files <<<"$FILES"; }
cli_page() {  # FILE PAGE
  pdftoppm -r 300 -f "$2" -l "$2" "$1" | tesseract - - -l "$lang"
}
each_page() {  # prints FILE\0PAGE\0 for every page
  inputs
  for f in "${files[@]}"; do
    for p in $(seq "$(pdfinfo "$f" | awk '/^Pages:/{print $2}')"); do printf '%s\0%s\0' "$f" "$p"; done
  done
}
cli_all() { each_page | xargs -0 -n 2 bash -c 'cli_page "$0" "$1"'; }
cli_all_limited() { OMP_THREAD_LIMIT=1 cli_all; }
# The fairest command: grey pixels (as overleg renders), one thread.
cli_gray_page() { pdftoppm -gray -r 300 -f "$2" -l "$2" "$1" | tesseract - - -l "$lang"; }
cli_gray() { each_page | OMP_THREAD_LIMIT=1 xargs -0 -n 2 bash -c 'cli_gray_page "$0" "$1"'; }
cli_two() { each_page | OMP_THREAD_LIMIT=1 xargs -0 -n 2 -P 2 bash -c 'cli_page "$0" "$1"'; }
ours() { inputs; "$bin" extract --ocr always --lang "$lang" --jobs "${1:-1}" --quiet "${files[@]}"; }
ours_env1() { OMP_THREAD_LIMIT=1 ours; }
ours_env64() { OMP_THREAD_LIMIT=64 ours; }
ours_two() { ours 2; }
export -f inputs cli_page each_page cli_all cli_all_limited cli_gray_page cli_gray cli_two ours ours_env1 ours_env64 ours_two
unset OMP_THREAD_LIMIT

# Best wall time and least CPU time (user + sys, children included) of $runs
# runs of the function $1, as "WALL CPU" in seconds.
measure() {
  local bw="" bc="" out t
  t=$(mktemp)
  for _ in $(seq "$runs"); do
    /usr/bin/time -o "$t" -f '%e %U %S' bash -c "$1" >/dev/null 2>&1 || true
    out=$(tail -1 "$t")
    bw=$(echo "$out ${bw:-1e9}" | awk '{print ($1<$4)?$1:$4}')
    bc=$(echo "$out ${bc:-1e9}" | awk '{c=$2+$3; print (c<$4)?c:$4}')
  done
  rm -f "$t"
  echo "$bw $bc"
}

read -r w_cli c_cli < <(measure cli_all)
read -r w_cli1 c_cli1 < <(measure cli_all_limited)
read -r w_gray c_gray < <(measure cli_gray)
read -r w_ours c_ours < <(measure ours)
read -r w_ours1 c_ours1 < <(measure ours_env1)
read -r w_ours64 c_ours64 < <(measure ours_env64)
read -r w_ours2 c_ours2 < <(measure ours_two)
read -r w_cli2 c_cli2 < <(measure cli_two)

per() { echo "$1 / $pages" | bc -l; }
row() {  # LABEL WALL CPU
  printf '%-44s wall %6.2f s/page   cpu %6.2f s/page\n' "$1" "$(per "$2")" "$(per "$3")"
}
printf 'files: %d, pages: %d, best of %d run(s), %d cores, load average %s\n' "${#files[@]}" "$pages" "$runs" \
  "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)"
row 'tesseract command, OpenMP default' "$w_cli" "$c_cli"
row 'tesseract command, OMP_THREAD_LIMIT=1' "$w_cli1" "$c_cli1"
row 'command, pdftoppm -gray, OMP_THREAD_LIMIT=1' "$w_gray" "$c_gray"
row 'overleg --ocr always -j1' "$w_ours" "$c_ours"
row 'overleg -j1, OMP_THREAD_LIMIT=1 in env' "$w_ours1" "$c_ours1"
row 'overleg -j1, OMP_THREAD_LIMIT=64 (user)' "$w_ours64" "$c_ours64"
row 'overleg -j2' "$w_ours2" "$c_ours2"
row 'command, 2 pipelines at a time, 1 thread' "$w_cli2" "$c_cli2"
printf 'ratio overleg / command (OMP_THREAD_LIMIT=1): wall %.2fx, cpu %.2fx; two at a time: wall %.2fx\n' \
  "$(echo "$w_ours / $w_cli1" | bc -l)" "$(echo "$c_ours / $c_cli1" | bc -l)" "$(echo "$w_ours2 / $w_cli2" | bc -l)"
printf 'ratio overleg / command on grey pixels:       wall %.2fx, cpu %.2fx\n' \
  "$(echo "$w_ours / $w_gray" | bc -l)" "$(echo "$c_ours / $c_gray" | bc -l)"
printf 'ratio overleg / command (OpenMP default):     wall %.2fx\n' "$(echo "$w_ours / $w_cli" | bc -l)"

# Peak memory: one overleg worker over all files; one tesseract process per
# file's first page (the largest of them).
rss_ours=$(/usr/bin/time -v "$bin" extract --ocr always --lang "$lang" --jobs 1 --quiet "${files[@]}" 2>&1 >/dev/null |
  awk '/Maximum resident set size/{print $6}')
rss_cli=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for f in "${files[@]}"; do
  pdftoppm -r 300 -f 1 -l 1 "$f" "$tmp/p"
  r=$(OMP_THREAD_LIMIT=1 /usr/bin/time -v tesseract "$tmp"/p-*1.ppm - -l "$lang" 2>&1 >/dev/null |
    awk '/Maximum resident set size/{print $6}')
  [ "$r" -gt "$rss_cli" ] && rss_cli=$r
  rm -f "$tmp"/p-*
done
printf 'peak RSS: overleg one worker %d MiB; tesseract command (largest page) %d MiB\n' \
  $((rss_ours / 1024)) $((rss_cli / 1024))
