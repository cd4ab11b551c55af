#!/usr/bin/env bash
# Batch benchmark (issue #5): throughput of --jobs 1 vs --jobs 2 on the dev
# corpus, and peak RSS for a batch of 10 vs 200 documents (copies of
# samples/*.pdf), which shows that memory stays bounded as the batch grows.
# Usage: bench/batch_bench.sh [OVERLEG_BINARY] [DEV_DIR]
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=${1:-$ROOT/build/overleg}
DEV=${2:-/work/shared/eval/dev}
T=$(mktemp -d /tmp/overleg-bench.XXXXXX)
trap 'rm -rf "$T"' EXIT

# run LABEL ARGS...: wall seconds, pages, peak RSS (KiB) of one extract run.
run() {
  local label=$1; shift
  /usr/bin/time -v "$BIN" extract "$@" --quiet --report "$T/r.json" > /dev/null 2> "$T/time.txt"
  local rc=$?
  local rss wall pages conv fail
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$T/time.txt")
  wall=$(jq .seconds "$T/r.json")
  pages=$(jq .pages "$T/r.json")
  conv=$(jq .converted "$T/r.json")
  fail=$(jq .failed "$T/r.json")
  printf '%-28s rc=%d docs=%s failed=%s pages=%s wall=%.2fs pages/s=%.2f peakRSS=%s MiB\n' \
    "$label" "$rc" "$conv" "$fail" "$pages" "$wall" "$(echo "$pages / $wall" | bc -l)" "$((rss / 1024))"
}

if ls "$DEV"/*.pdf > /dev/null 2>&1; then
  echo "== throughput on $DEV ($(ls "$DEV"/*.pdf | wc -l) PDFs, $(nproc) cores)"
  for ocr in never auto; do
    run "dev --ocr $ocr --jobs 1" "$DEV" --ocr $ocr --jobs 1
    run "dev --ocr $ocr --jobs 2" "$DEV" --ocr $ocr --jobs 2
  done
else
  echo "== $DEV not present: throughput part skipped"
fi

echo "== peak RSS, copies of samples/*.pdf, -o DIR/"
for n in 10 200; do
  mkdir -p "$T/in$n"
  i=0
  while [ $i -lt $n ]; do
    for f in "$ROOT"/samples/*.pdf; do
      [ $i -lt $n ] || break
      cp "$f" "$T/in$n/$(printf %04d $i)-$(basename "$f")"
      i=$((i + 1))
    done
  done
  run "$n docs --jobs 2 -o DIR/" "$T/in$n" -o "$T/out$n/" --jobs 2
  run "$n docs --jobs 2 stdout" "$T/in$n" --jobs 2
done
