#!/usr/bin/env bash
# A bilingual archive (issue #15): Dutch and French reports mixed in one
# folder, converted in one run with -j 2; each record must carry its
# document's language and the rules of that language (French: the series
# "Concertation thématique", French section kinds; Dutch: "Thematisch
# overleg"), and the run's output must be that of -j 1.
# Usage: bilingual_batch_test.sh OVERLEG_BINARY SOURCE_DIR
set -u
BIN=$1
SRC=$2
T=$(mktemp -d /tmp/overleg-bilingual.XXXXXX)
trap 'rm -rf "$T"' EXIT
. "$(dirname "$0")/check.sh"  # check, pass, fail, summary

mkdir -p "$T/in"
for f in "$SRC"/samples/*.pdf; do
  b=$(basename "$f" .pdf)
  cp "$f" "$T/in/$b.pdf"
  cp "$f" "$T/in/$b-copy.pdf"   # the same meeting twice, as an archive holds it
done
nfr=$(ls "$T"/in/fr-*.pdf | wc -l)
nall=$(ls "$T"/in/*.pdf | wc -l)
check "the folder mixes French and Dutch reports" '[ $nfr -ge 4 ] && [ $nfr -lt $nall ]'

"$BIN" extract "$T/in" -o "$T/out/" -j 2 --quiet --ocr never 2> "$T/run.err"
rc=$?
check "one run with -j 2 converts every document" '[ $rc -eq 0 ] && [ "$(ls "$T"/out/*.json | wc -l)" -eq $nall ]'
"$BIN" extract "$T/in" -o "$T/one/" -j 1 --quiet --ocr never 2>/dev/null
same=1
for f in "$T"/out/*.json; do cmp -s "$f" "$T/one/$(basename "$f")" || same=0; done
check "-j 2 gives the records of -j 1" '[ $same -eq 1 ]'

python3 - "$T/out" "$SRC/samples" > "$T/check.txt" <<'PY'
import glob, json, os, sys
out, samples = sys.argv[1], sys.argv[2]
bad = 0
for path in sorted(glob.glob(os.path.join(out, "*.json"))):
    rec = json.load(open(path, encoding="utf-8"))
    name = os.path.basename(path)[:-5]
    base = name[:-5] if name.endswith("-copy") else name
    truth = json.load(open(os.path.join(samples, base + ".truth.json"), encoding="utf-8"))
    want = truth.get("language", "nl")
    series = {"fr": "Concertation thématique", "nl": "Thematisch overleg"}[want]
    kinds = [s["kind"] for s in truth["sections"]]
    got_kinds = [s["kind"] for s in rec["sections"]]
    problems = []
    if rec.get("language") != want:
        problems.append("language %r, want %r" % (rec.get("language"), want))
    if truth["meeting"].get("series") == series and rec["meeting"].get("series") != series:
        problems.append("series %r" % rec["meeting"].get("series"))
    if got_kinds != kinds:
        problems.append("section kinds %s, want %s" % (got_kinds, kinds))
    if rec["meeting"].get("participants") != truth["meeting"].get("participants"):
        problems.append("participants %r" % rec["meeting"].get("participants"))
    if want == "fr" and rec.get("repairs"):
        problems.append("repairs on a French text layer: %r" % rec["repairs"][:3])
    for p in problems:
        print("%s: %s" % (name, p))
    bad += bool(problems)
print("bad=%d" % bad)
PY
check "each record has its document's language, series, section kinds and participants" \
  'grep -q "^bad=0$" "$T/check.txt" || { cat "$T/check.txt"; false; }'

summary
