#!/usr/bin/env bash
# scripts/pg_load.py against Debian's PostgreSQL in a throwaway cluster
# (pg_virtualenv, postgresql-common; as root): the records of samples/ (and
# French ones of the dev corpus when ../shared is there) load as jsonb, each
# text with the dutch or french configuration of its report's language,
# loading twice changes nothing, a bad line is named and the others loaded,
# and a stemmed query finds a report.
# Usage: pg_load_test.sh OVERLEG_BINARY SOURCE_DIR PYTHON3 [SHARED_DIR]
# Exit: 0 passed, 1 a check failed, 77 (ctest: skipped) without pg_virtualenv.
set -u
if [ "${1:-}" = "--inside" ]; then
  # In the cluster: PGHOST, PGPORT, PGUSER, PGDATABASE are set.
  T=$2 SRC=$3 PY=$4
  fails=0
  check() { if eval "$2"; then echo "ok   - $1"; else echo "FAIL - $1"; fails=$((fails + 1)); fi; }
  q() { psql -XAtq -c "$1"; }
  "$PY" "$SRC/scripts/pg_load.py" "$T/records.jsonl" 2> "$T/load1.err"
  check "pg_load: exit 0" '[ $? -eq 0 ]'
  n=$(grep -c . "$T/records.jsonl")
  check "one report per record ($n)" '[ "$(q "SELECT count(*) FROM overleg_reports")" -eq "$n" ]'
  check "records stored as jsonb" '[ "$(q "SELECT count(*) FROM overleg_reports WHERE jsonb_typeof(record) = '"'object'"'")" -eq "$n" ]'
  check "Dutch reports' texts use the dutch configuration" \
    '[ "$(q "SELECT count(*) FROM overleg_texts t JOIN overleg_reports r USING (sha256) WHERE r.language = '"'nl'"' AND t.config <> '"'dutch'"'::regconfig")" -eq 0 ] &&
     [ "$(q "SELECT count(*) FROM overleg_texts WHERE config = '"'dutch'"'::regconfig")" -gt 0 ]'
  before=$(q "SELECT md5(string_agg(sha256 || position || text || tsv::text, '|' ORDER BY sha256, position)) FROM overleg_texts")
  "$PY" "$SRC/scripts/pg_load.py" "$T/records.jsonl" 2> "$T/load2.err"
  after=$(q "SELECT md5(string_agg(sha256 || position || text || tsv::text, '|' ORDER BY sha256, position)) FROM overleg_texts")
  check "loading twice changes nothing" '[ "$before" = "$after" ] && [ "$(q "SELECT count(*) FROM overleg_reports")" -eq "$n" ]'
  # Dutch stemming: "zorgen" and "zorg" share a stem; the diaeresis goes too.
  check "a stemmed Dutch query finds a text with the other form (zorgen ~ zorg)" \
    '[ "$(q "SELECT count(*) FROM overleg_texts WHERE tsv @@ websearch_to_tsquery(config, '"'zorgen'"') AND text ~ '"'\\mzorg\\M'"'")" -gt 0 ]'
  check "coordinatie finds coördinatie (dutch configuration)" \
    '[ "$(q "SELECT count(*) FROM overleg_texts WHERE tsv @@ websearch_to_tsquery(config, '"'coordinatie'"') AND text LIKE '"'%coördinatie%'"'")" -gt 0 ]'
  if [ -s "$T/french.jsonl" ]; then
    "$PY" "$SRC/scripts/pg_load.py" "$T/french.jsonl" 2>/dev/null
    check "French reports' texts use the french configuration" \
      '[ "$(q "SELECT count(*) FROM overleg_texts t JOIN overleg_reports r USING (sha256) WHERE r.language = '"'fr'"' AND t.config = '"'french'"'::regconfig")" -gt 0 ] &&
       [ "$(q "SELECT count(*) FROM overleg_texts t JOIN overleg_reports r USING (sha256) WHERE r.language = '"'fr'"' AND t.config <> '"'french'"'::regconfig")" -eq 0 ]'
    check "a stemmed French query finds a French report (action ~ actions)" \
      '[ "$(q "SELECT count(*) FROM overleg_texts t JOIN overleg_reports r USING (sha256) WHERE r.language = '"'fr'"' AND tsv @@ websearch_to_tsquery(t.config, '"'action'"')")" -gt 0 ]'
  else
    echo "skip - French records (../shared/eval/dev/fr-*.pdf absent)"
  fi
  # A bad line among good ones: named, the others loaded.
  { head -n 1 "$T/records.jsonl"; echo '{not json'; echo '{"name": 1}'; } > "$T/bad.jsonl"
  "$PY" "$SRC/scripts/pg_load.py" "$T/bad.jsonl" 2> "$T/bad.err"
  rc=$?
  check "bad lines: exit 1, each named file:line" \
    '[ $rc -eq 1 ] && grep -q "bad.jsonl:2: not valid JSON" "$T/bad.err" && grep -q "bad.jsonl:3: not an overleg record" "$T/bad.err"'
  exit $((fails > 0))
fi

BIN=$1 SRC=$2 PY=${3:-python3} SHARED=${4:-$2/../shared}/eval/dev
if ! command -v pg_virtualenv > /dev/null; then
  echo "skipped: pg_virtualenv (postgresql-common) is not installed"
  exit 77
fi
T=$(mktemp -d /tmp/overleg-pg-load.XXXXXX)
chmod 755 "$T"
trap 'rm -rf "$T"' EXIT
"$BIN" extract -q "$SRC"/samples/*.pdf -o "$T/records.jsonl" || { echo "FAIL - extract samples"; exit 1; }
if ls "$SHARED"/fr-*.pdf > /dev/null 2>&1; then
  "$BIN" extract -q $(ls "$SHARED"/fr-*.pdf | grep -v -- -scan) -o "$T/french.jsonl" || true
fi
# Records may say "language": null (format 1.1 allows it, and a pipeline that
# cannot tell leaves it so); the loader's mapping is tested on records that
# carry the language their corpus states: samples/ are Dutch, fr-* French.
fill_language() {
  [ -s "$1" ] || return 0
  "$PY" -c 'import json, sys
lang = sys.argv[2]
out = []
for line in open(sys.argv[1], encoding="utf-8"):
    if line.strip():
        r = json.loads(line)
        r["language"] = r.get("language") or lang
        out.append(json.dumps(r, ensure_ascii=False))
open(sys.argv[1], "w", encoding="utf-8").write("\n".join(out) + "\n")' "$1" "$2"
}
fill_language "$T/records.jsonl" nl
[ -f "$T/french.jsonl" ] && fill_language "$T/french.jsonl" fr
pg_virtualenv "$0" --inside "$T" "$SRC" "$PY"
