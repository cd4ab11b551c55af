#!/usr/bin/env bash
# End-to-end tests of `overleg extract` as a batch tool (issue #5): kill -9 and
# --resume, Ctrl-C, --shard coverage, damaged inputs among good ones, same-stem
# inputs, --report, ordering with -j, and the GNU parallel recipe of
# docs/scaling.md. Usage: batch_cli_test.sh OVERLEG_BINARY SOURCE_DIR
set -u
BIN=$1
SRC=$2
T=$(mktemp -d /tmp/overleg-batch-cli.XXXXXX)
trap 'rm -rf "$T"' EXIT
. "$(dirname "$0")/check.sh"  # check, pass, fail, summary
no_temporaries() { [ -z "$(find "$1" -name '*.tmp-*' -print -quit)" ]; }

# An archive: 30 folders x the samples (Dutch and French), plus same-stem
# files and damaged ones.
n=$(ls "$SRC"/samples/*.pdf | wc -l)
mkdir -p "$T/in"
for d in $(seq -w 1 30); do
  mkdir -p "$T/in/$d"
  cp "$SRC"/samples/*.pdf "$T/in/$d/"
done
mkdir -p "$T/in/x" "$T/in/y"
cp "$SRC/samples/gg-zuid-2025-01-16.pdf" "$T/in/x/report.pdf"
cp "$SRC/samples/gg-zuid-2025-09-25.pdf" "$T/in/y/report.pdf"
echo "not a pdf at all" > "$T/in/garbage.pdf"
head -c 2000 "$SRC/samples/gg-zuid-2025-01-16.pdf" > "$T/in/truncated.pdf"
: > "$T/in/empty.pdf"
good=$((30 * n + 2))
total=$((good + 3))

# Reference: one uninterrupted run.
"$BIN" extract "$T/in" -o "$T/ref/" -j 2 --quiet --report "$T/ref-report.json" 2> "$T/ref.err"
rc=$?
check "damaged inputs: exit 1 (some failed)" '[ $rc -eq 1 ]'
check "damaged inputs: every good one converted" '[ $(find "$T/ref" -name "*.json" | wc -l) -eq $good ]'
check "damaged inputs: each bad one reported on stderr" \
  'grep -q "garbage.pdf" "$T/ref.err" && grep -q "truncated.pdf" "$T/ref.err" && grep -q "empty.pdf" "$T/ref.err"'
check "--report: one row per input, failures with reasons" \
  '[ "$(jq ".inputs | length" "$T/ref-report.json")" -eq $total ] &&
   [ "$(jq "[.inputs[] | select(.status == \"failed\" and .error.message != null)] | length" "$T/ref-report.json")" -eq 3 ] &&
   [ "$(jq .converted "$T/ref-report.json")" -eq $good ]'
check "same stem in different folders: both records survive" \
  '[ -s "$T/ref/x/report.json" ] && [ -s "$T/ref/y/report.json" ] && ! cmp -s "$T/ref/x/report.json" "$T/ref/y/report.json"'
check "records mirror input subfolders" '[ -s "$T/ref/07/gg-zuid-oost-2025-10-10.json" ]'

# kill -9 part-way, then --resume: the same bytes, no temporary files.
"$BIN" extract "$T/in" -o "$T/out/" -j 1 --quiet 2>/dev/null &
pid=$!
for _ in $(seq 1 400); do
  [ "$(find "$T/out" -name '*.json' 2>/dev/null | wc -l)" -ge 5 ] && break
  sleep 0.02
done
kill -9 $pid 2>/dev/null
wait $pid 2>/dev/null
partial=$(find "$T/out" -name '*.json' | wc -l)
check "kill -9 stopped the run part-way ($partial records)" '[ $partial -ge 5 ] && [ $partial -lt $good ]'
"$BIN" extract "$T/in" -o "$T/out/" -j 2 --resume --quiet --report "$T/resume-report.json" 2>/dev/null
check "resume after kill -9: exactly the records of an uninterrupted run" 'diff -r "$T/ref" "$T/out" >/dev/null'
check "resume after kill -9: no temporary files" 'no_temporaries "$T/out"'
check "resume skipped what was done" '[ "$(jq .skipped "$T/resume-report.json")" -ge $partial ]'

# Ctrl-C (SIGINT): exit 130, nothing half-written; resume completes.
"$BIN" extract "$T/in" -o "$T/int/" -j 2 --quiet 2>/dev/null &
pid=$!
for _ in $(seq 1 400); do
  [ "$(find "$T/int" -name '*.json' 2>/dev/null | wc -l)" -ge 5 ] && break
  sleep 0.02
done
kill -INT $pid
wait $pid
rc=$?
check "SIGINT: exit 130" '[ $rc -eq 130 ]'
check "SIGINT: no temporary files" 'no_temporaries "$T/int"'
check "SIGINT: every record written is whole" \
  'for f in $(find "$T/int" -name "*.json"); do cmp -s "$f" "$T/ref/${f#$T/int/}" || exit 1; done'
"$BIN" extract "$T/in" -o "$T/int/" --resume --quiet 2>/dev/null
check "SIGINT then --resume: complete" 'diff -r "$T/ref" "$T/int" >/dev/null'

# -o FILE.jsonl streams through a temporary file in its folder; SIGTERM keeps
# what was finished (renamed into place, every line a whole record), exit 130.
"$BIN" extract "$T/in" -o "$T/term/all.jsonl" -j 1 --quiet 2>/dev/null &
pid=$!
for _ in $(seq 1 400); do
  tmp=$(find "$T/term" -name 'all.jsonl.tmp-*' 2>/dev/null | head -1)
  [ -n "$tmp" ] && [ "$(wc -l < "$tmp")" -ge 3 ] && break
  sleep 0.02
done
check "-o FILE: records stream into a temporary file beside it while the run goes on" \
  '[ -n "$tmp" ] && [ "$(wc -l < "$tmp")" -ge 3 ] && [ ! -e "$T/term/all.jsonl" ]'
kill -TERM $pid
wait $pid
rc=$?
check "SIGTERM with -o FILE: exit 130" '[ $rc -eq 130 ]'
check "SIGTERM with -o FILE: the finished records are kept, each line whole" \
  '[ "$(wc -l < "$T/term/all.jsonl")" -ge 3 ] && jq -e -s "length >= 3 and all(.format == \"overleg.report/1\")" "$T/term/all.jsonl" >/dev/null'
check "SIGTERM with -o FILE: no temporary file left" 'no_temporaries "$T/term"'

# Shards 0..N-1 together: every input exactly once.
for k in 0 1 2; do
  "$BIN" extract "$T/in" -o "$T/sh/" --shard $k/3 -j 1 --quiet --report "$T/sh-$k.json" 2>/dev/null
done
check "shards 0..2 of 3: the same records as one run" 'diff -r "$T/ref" "$T/sh" >/dev/null'
check "shards 0..2 of 3: every input exactly once" \
  '[ "$(jq -s "[.[].inputs[].path] | sort" "$T"/sh-?.json)" = "$(jq "[.inputs[].path] | sort" "$T/ref-report.json")" ] &&
   [ "$(jq -s "[.[].inputs[].path] | unique | length" "$T"/sh-?.json)" -eq $total ]'
SLURM_ARRAY_TASK_ID=1 SLURM_ARRAY_TASK_COUNT=3 "$BIN" extract "$T/in" -o "$T/slurm1/" --quiet --report "$T/slurm1.json" 2>/dev/null
check "Slurm variables select the same shard as --shard 1/3" \
  '[ "$(jq -c "[.inputs[].path]" "$T/slurm1.json")" = "$(jq -c "[.inputs[].path]" "$T/sh-1.json")" ]'

# GNU parallel, as in docs/scaling.md (local jobs instead of --sshloginfile).
parallel -j 3 "$BIN" extract "$T/in" -o "$T/par/" --shard {}/3 -j 1 --quiet --report "$T/par-{}.json" ::: 0 1 2 2>/dev/null
check "GNU parallel over 3 shards: the same records as one run" 'diff -r "$T/ref" "$T/par" >/dev/null'
jq -s '{converted: (map(.converted) | add), failed: (map(.failed) | add), inputs: (map(.inputs) | add)}' \
  "$T"/par-?.json > "$T/par-merged.json"
check "merged --report files (jq): totals of one run" \
  '[ "$(jq .converted "$T/par-merged.json")" -eq $good ] && [ "$(jq ".inputs | length" "$T/par-merged.json")" -eq $total ]'

# stdout JSON Lines: input order whatever -j.
"$BIN" extract "$T/in/0"* -j 1 --quiet > "$T/j1.jsonl" 2>/dev/null
"$BIN" extract "$T/in/0"* -j 2 --quiet > "$T/j2.jsonl" 2>/dev/null
check "stdout JSON Lines identical with -j 1 and -j 2" 'cmp -s "$T/j1.jsonl" "$T/j2.jsonl" && [ $(wc -l < "$T/j1.jsonl") -eq $((9 * n)) ]'

# Progress and summary: none when stderr is not a terminal; --progress forces it; --quiet silences.
"$BIN" extract "$SRC/samples" -o "$T/p/" 2> "$T/p.err" >/dev/null
check "no progress line when stderr is not a terminal; summary printed" \
  '! grep -q "docs," "$T/p.err" && grep -q "$n converted, 0 failed" "$T/p.err"'
"$BIN" extract "$SRC/samples" -o "$T/p/" --progress 2> "$T/p2.err" >/dev/null
check "--progress forces the progress line" 'grep -q "$n/$n docs" "$T/p2.err"'
"$BIN" extract "$SRC/samples" -o "$T/p/" --quiet --progress 2> "$T/p3.err" >/dev/null
check "--quiet: nothing on stderr" '[ ! -s "$T/p3.err" ]'
"$BIN" extract "$SRC/samples" --shard 3/3 >/dev/null 2>&1
check "bad --shard: usage error (2)" '[ $? -eq 2 ]'
"$BIN" extract "$SRC/samples" --resume >/dev/null 2>&1
check "--resume without -o DIR/: usage error (2)" '[ $? -eq 2 ]'

# The dev corpus, when present: -j 2 gives the bytes of -j 1.
if ls /work/shared/eval/dev/*.pdf >/dev/null 2>&1 || ls "$SRC/../shared/eval/dev/"*.pdf >/dev/null 2>&1; then
  DEV=/work/shared/eval/dev
  [ -d "$DEV" ] || DEV="$SRC/../shared/eval/dev"
  "$BIN" extract "$DEV" --ocr never -j 1 --quiet > "$T/dev1.jsonl" 2>/dev/null
  "$BIN" extract "$DEV" --ocr never -j 2 --quiet > "$T/dev2.jsonl" 2>/dev/null
  check "dev corpus: -j 2 output identical to -j 1" 'cmp -s "$T/dev1.jsonl" "$T/dev2.jsonl"'
else
  echo "skip - dev corpus not present"
fi

summary
