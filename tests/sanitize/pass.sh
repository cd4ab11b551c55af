#!/usr/bin/env bash
# The sanitizer pass of .ci/run (issue #11): a sanitizer build of overleg
# (-DOVERLEG_SANITIZE=address,undefined) over the damage generator's inputs
# and ../shared/corpus/realworld/, one process per file, within a time box.
# Fails on any AddressSanitizer, UndefinedBehaviorSanitizer or
# LeakSanitizer report (the one fontconfig leak is suppressed, lsan.supp),
# on a crash (a signal), or on an exit code other than 0, 1, 3.
#
# Prints the worst peak RSS (getrusage) of one file; OVERLEG_PASS_OCR=auto
# runs with OCR as a user would (default never: ASan makes OCR slow).
#
#   pass.sh OVERLEG_ASAN DAMAGE_DIR [CORPUS_DIR] [SECONDS]
set -uo pipefail
bin=$1 damage=$2 corpus=${3:-} box=${4:-600}
here=$(cd "$(dirname "$0")" && pwd)
ocr=${OVERLEG_PASS_OCR:-never}
export ASAN_OPTIONS=detect_leaks=1
export LSAN_OPTIONS=suppressions=$here/lsan.supp:print_suppressions=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
files=()
while IFS= read -r -d '' f; do files+=("$f"); done < <(find "$damage" ${corpus:+"$corpus"} -type f \
  \( -name '*.pdf' -o -name '*.png' -o -name '*.tif' -o -name '*.tiff' -o -name '*.jpg' \) -print0 | sort -z)
start=$(date +%s)
tried=0 reports=0 crashes=0 hangs=0 worst_kib=0 worst_file=""
log=$(mktemp)
# One file: exit status and the peak resident set of the process, from
# getrusage(RUSAGE_CHILDREN) of a python3 parent (no GNU time needed).
run_one() {
  python3 - "$@" <<'PY'
import resource, subprocess, sys
log, *cmd = sys.argv[1:]
with open(log, "wb") as err:
    try:
        rc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=err, timeout=120).returncode
    except subprocess.TimeoutExpired:
        rc = 124
print(128 - rc if rc < 0 else rc, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
PY
}
for f in "${files[@]}"; do
  if (( $(date +%s) - start >= box )); then
    echo "sanitize: time box of ${box}s reached after $tried of ${#files[@]} files"
    break
  fi
  tried=$((tried + 1))
  read -r rc kib < <(run_one "$log" "$bin" extract -q --ocr "$ocr" "$f")
  if (( kib > worst_kib )); then worst_kib=$kib worst_file=$f; fi
  if grep -qE 'ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:' "$log"; then
    reports=$((reports + 1)); echo "sanitize: REPORT on $f"; head -40 "$log"
  elif (( rc == 124 )); then
    hangs=$((hangs + 1)); echo "sanitize: HANG (120 s) on $f"
  elif (( rc > 128 )) || ! [[ $rc =~ ^(0|1|3)$ ]]; then  # (a signal N shows as 128 + N)
    crashes=$((crashes + 1)); echo "sanitize: exit $rc on $f"; head -20 "$log"
  fi
done
rm -f "$log"
echo "sanitize: $tried files, $reports sanitizer reports, $crashes crashes, $hangs hangs, $(( $(date +%s) - start )) s"
echo "sanitize: worst peak RSS $(( worst_kib / 1024 )) MiB ($worst_file)"
bad=$((reports + crashes + hangs))
echo "sanitize: $((tried - bad)) passed, $bad failed"
(( reports + crashes + hangs == 0 ))
