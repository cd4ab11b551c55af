#!/usr/bin/env bash
# Issue #11: finished records are durable as soon as they are finished, and
# --isolate bounds a hostile document.
# Usage: durable_cli_test.sh OVERLEG SOURCE_DIR OVERLEG_MAKE_DAMAGE
#
# The slow input is a generated scan (two pages that need OCR, ~5 s idle),
# first among fast text PDFs: with -j 2 the fast ones finish while it is
# still being converted, and they wait for their turn. The batch is then
# killed with SIGKILL; their records must be on disk (-o DIR/: the record
# files; -o FILE: FILE.spool/ and FILE's temporary) and --resume must finish
# the run converting only the slow one, with records identical to an
# uninterrupted run's.
set -u
BIN=$1
SRC=$2
DAMAGE=$3
# No deadline for the slow scan: on a loaded machine it may take minutes.
x() { "$BIN" extract --timeout 0 "$@"; }
T=$(mktemp -d /tmp/overleg-durable.XXXXXX)
trap 'rm -rf "$T"' EXIT
. "$(dirname "$0")/../check.sh"  # check, pass, fail, summary

# Inputs: two fast, the slow scan, five fast (8 = the batch window at -j 2,
# so all of them start while the scan is converting).
mkdir -p "$T/in"
pdftoppm -r 150 -f 1 -l 1 -gray -png "$SRC/samples/gg-zuid-2025-09-25.pdf" "$T/page" || { echo "pdftoppm failed"; exit 1; }
img2pdf "$T/page-1.png" "$T/page-1.png" -o "$T/in/02-slow.pdf" || { echo "img2pdf failed"; exit 1; }
n=0
for i in 00 01 03 04 05 06 07; do
  files=("$SRC"/samples/*.pdf)
  cp "${files[$((n % ${#files[@]}))]}" "$T/in/$i-fast.pdf"
  n=$((n + 1))
done
fast=7

x -q "$T/in" -o "$T/ref.jsonl" -j 2 || { echo "reference run failed"; exit 1; }
x -q "$T/in" -o "$T/ref.json" --format json -j 2 || { echo "reference run failed"; exit 1; }

# Waits until `count_cmd` prints at least $2, at most 120 s; then kill -9 $3.
kill_when() {
  local cmd=$1 want=$2 pid=$3 got=0
  for _ in $(seq 1 1200); do
    got=$(eval "$cmd")
    [ "$got" -ge "$want" ] && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  echo "$got"
}
spooled() { find "$1.spool" -name '*.json' 2>/dev/null | wc -l; }
report_counts() { jq -r '"\(.converted) \(.skipped) \(.failed)"' "$1"; }

for format in jsonl json; do
  out="$T/out-$format.$format"
  ref="$T/ref.$format"
  "$BIN" extract --timeout 0 -q "$T/in" -o "$out" --format "$format" -j 2 &
  pid=$!
  # The two before the scan stream into the temporary, the five after it spool.
  got=$(kill_when "spooled '$out'" 5 $pid)
  check "-o FILE ($format): the 5 records finished behind the slow one are in the spool at kill -9 ($got)" '[ "$got" -ge 5 ]'
  check "-o FILE ($format): nothing renamed into place by a killed run" '[ ! -e "$out" ]'
  check "-o FILE ($format): every spooled record is whole JSON" \
    'for f in "$out.spool"/*.json; do jq -e .source.sha256 "$f" >/dev/null || exit 1; done'
  x -q "$T/in" -o "$out" --format "$format" -j 2 --resume --report "$T/r-$format.json"
  rc=$?
  check "-o FILE ($format): --resume exits 0" '[ $rc -eq 0 ]'
  check "-o FILE ($format): --resume converts only the slow one, reuses the $fast others" \
    '[ "$(report_counts "$T/r-$format.json")" = "1 $fast 0" ]'
  check "-o FILE ($format): the records are those of an uninterrupted run, in input order" 'cmp -s "$out" "$ref"'
  check "-o FILE ($format): spool and temporaries gone once FILE is in place" \
    '[ ! -e "$out.spool" ] && [ -z "$(find "$T" -maxdepth 1 -name "out-$format.$format.tmp-*")" ]'
done

# A resumed run killed in turn loses nothing either: kill -9 at once (before
# the scan is done), then --resume again.
out="$T/again.jsonl"
"$BIN" extract --timeout 0 -q "$T/in" -o "$out" -j 2 &
pid=$!
kill_when "spooled '$out'" 5 $pid >/dev/null
"$BIN" extract --timeout 0 -q "$T/in" -o "$out" -j 2 --resume &
pid=$!
sleep 1
kill -9 $pid; wait $pid 2>/dev/null
x -q "$T/in" -o "$out" -j 2 --resume --report "$T/r-again.json"
check "-o FILE: a killed --resume run, resumed, still reuses the $fast records" '[ "$(report_counts "$T/r-again.json")" = "1 $fast 0" ]'
check "-o FILE: and gives the uninterrupted run's records" 'cmp -s "$out" "$T/ref.jsonl"'

# -o DIR/: each record file is written when its document is finished.
"$BIN" extract --timeout 0 -q "$T/in" -o "$T/dir/" -j 2 &
pid=$!
got=$(kill_when "find '$T/dir' -name '*.json' 2>/dev/null | wc -l" $fast $pid)
check "-o DIR/: the $fast records finished behind the slow one are on disk at kill -9 ($got)" '[ "$got" -eq $fast ]'
check "-o DIR/: the slow one's is not" '[ ! -e "$T/dir/02-slow.json" ]'
x -q "$T/in" -o "$T/dir/" -j 2 --resume --report "$T/r-dir.json"
check "-o DIR/: --resume converts only the slow one" '[ "$(report_counts "$T/r-dir.json")" = "1 $fast 0" ]'
check "-o DIR/: same records as the uninterrupted run" \
  '[ "$(cat "$T"/dir/*.json | jq -c .source.sha256 | sort | md5sum)" = "$(jq -c .source.sha256 "$T/ref.jsonl" | sort | md5sum)" ]'

check "--resume to standard output is refused (exit 2)" \
  'x -q "$T/in/00-fast.pdf" --resume >/dev/null 2>&1; [ $? -eq 2 ]'

# --isolate with hostile input. image-slow.pdf (the damage generator's) declares a 40000 x 48000
# image, just under what is drawn at all: poppler's Splash scales all of it
# for the 50-dpi ink render, for seconds (~3 s of CPU). In-process that thread can
# only be abandoned (it keeps its core); isolated, the child is killed at --timeout.
"$DAMAGE" "$SRC/samples/gg-zuid-2025-09-25.pdf" "$T/damage" >/dev/null || { echo "damage generator failed"; exit 1; }
cp "$T/damage/image-slow.pdf" "$T/bomb.pdf"
cp "$T/in/00-fast.pdf" "$T/good.pdf"
start=$(date +%s)
"$BIN" extract --isolate --timeout 1 -j 1 "$T/bomb.pdf" "$T/good.pdf" -o "$T/iso/" --report "$T/r-iso.json" 2>"$T/iso.err"
rc=$?
took=$(( $(date +%s) - start ))
check "--isolate: the hostile document fails with timeout, the next converts (exit 1)" \
  '[ $rc -eq 1 ] && [ "$(jq -r ".inputs[0].error.code" "$T/r-iso.json")" = timeout ] && [ -s "$T/iso/good.json" ]'
check "--isolate: the run ends soon after the deadline (${took}s)" '[ $took -lt 60 ]'
check "--isolate: no child is left running" '! pgrep -f "extract-child.*$T/bomb.pdf" >/dev/null'
check "--isolate: one diagnostic line for it" '[ "$(grep -c "bomb.pdf" "$T/iso.err")" -eq 1 ]'
check "--isolate: a record equal to the in-process one" 'cmp -s "$T/iso/good.json" <("$BIN" extract -q "$T/good.pdf"; true)'

# --memory-limit: an 8000 x 8000 RGB PNG (200 KB on disk, ~450 MB to convert
# in-process) under a 400 MiB child: the child cannot take it, the document
# ends with a warning or a failure, and no process of the run grows past it.
python3 - "$T/big.png" <<'PY'
import sys, zlib, struct
w = h = 8000
def chunk(t, d): return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
raw = zlib.compress((b"\x00" + b"\xff" * (w * 3)) * h, 9)
open(sys.argv[1], "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) + chunk(b"IDAT", raw) + chunk(b"IEND", b""))
PY
peak=$(python3 - "$BIN" "$T/big.png" "$T/good.pdf" <<'PY'
import resource, subprocess, sys
subprocess.run([sys.argv[1], "extract", "-q", "--isolate", "--memory-limit", "400", "--timeout", "120", sys.argv[2], sys.argv[3]],
               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024)
PY
)
check "--memory-limit 400: no process of the run above 400 MiB (peak ${peak} MiB)" '[ "$peak" -gt 0 ] && [ "$peak" -lt 400 ]'
"$BIN" extract -q --isolate --memory-limit 400 "$T/big.png" "$T/good.pdf" > "$T/mem.jsonl" 2>"$T/mem.err"
rc=$?
check "--memory-limit 400: the good document after it still converts" \
  '[ "$(jq -r .source.path "$T/mem.jsonl" | grep -c good.pdf)" -eq 1 ]'
check "--memory-limit 400: the bomb is bounded: a warning in its record or one failure line" \
  'jq -s -e "map(select(.source.path | endswith(\"big.png\")))[0].warnings | length > 0" "$T/mem.jsonl" >/dev/null || [ "$(grep -c big.png "$T/mem.err")" -eq 1 ]'
check "--memory-limit without --isolate is refused (exit 2)" \
  '"$BIN" extract -q --memory-limit 100 "$T/good.pdf" >/dev/null 2>&1; [ $? -eq 2 ]'

# Passwords reach the child on its stdin (never in its arguments).
if qpdf --encrypt geheim baas 256 -- "$T/good.pdf" "$T/enc.pdf" 2>/dev/null; then
  printf 'fout\ngeheim\n' > "$T/pw.txt"
  check "--isolate: --password-file opens an encrypted PDF in the child" \
    '[ "$("$BIN" extract -q --isolate --password-file "$T/pw.txt" "$T/enc.pdf" | jq -r .source.sha256)" = "$(sha256sum < "$T/enc.pdf" | cut -d" " -f1)" ]'
  check "--isolate: without a password, one clear error (exit 3)" \
    '"$BIN" extract -q --isolate "$T/enc.pdf" >/dev/null 2>"$T/enc.err"; [ $? -eq 3 ] && grep -q "password" "$T/enc.err"'
fi

summary
