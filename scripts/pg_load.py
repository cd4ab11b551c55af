#!/usr/bin/python3
"""Loads overleg records (the same JSON Lines `overleg index` reads) into
PostgreSQL, for an archive that has outgrown one machine (docs/archive.md).

Each record goes in whole as jsonb (table overleg_reports, keyed by
source.sha256), and its block, agenda and event texts into overleg_texts
with a tsvector in the text search configuration of the report's language:
`dutch` for "nl", `french` for "fr", `simple` otherwise. Loading is an upsert
in one transaction: a record already there unchanged stays as it is, a
re-converted one (same sha256, other record) replaces its rows.

Usage:
  scripts/pg_load.py RECORDS... [--dbname DB] [--psql PATH]
RECORDS are .jsonl files, folders of .json/.jsonl records (as `overleg
extract -o DIR/` writes them) or - (JSON Lines on stdin). The connection is
psql's: PGHOST, PGPORT, PGUSER, PGDATABASE, ... or --dbname (a name or a
conninfo string). Needs only Python 3 and psql (postgresql-client).

Exit status: 0 all loaded; 1 some records bad (each named on stderr as
FILE:LINE: reason), the others loaded; 2 bad arguments; 3 no record could be
loaded; 5 psql failed (nothing of this run was loaded).
"""

import argparse
import json
import os
import subprocess
import sys

FORMAT = "overleg.report/1"

SCHEMA = r"""
CREATE TABLE IF NOT EXISTS overleg_reports (
  sha256   text PRIMARY KEY,
  language text,
  config   regconfig NOT NULL,
  record   jsonb NOT NULL
);
CREATE INDEX IF NOT EXISTS overleg_reports_record ON overleg_reports USING gin (record jsonb_path_ops);
CREATE TABLE IF NOT EXISTS overleg_texts (
  sha256          text NOT NULL REFERENCES overleg_reports (sha256) ON DELETE CASCADE,
  position        integer NOT NULL,
  source          text NOT NULL,
  section_kind    text,
  section_heading text,
  page            integer,
  block_type      text,
  text            text NOT NULL,
  config          regconfig NOT NULL,
  tsv             tsvector GENERATED ALWAYS AS (to_tsvector(config, text)) STORED,
  PRIMARY KEY (sha256, position)
);
CREATE INDEX IF NOT EXISTS overleg_texts_tsv ON overleg_texts USING gin (tsv);
"""

# The records arrive in overleg_staging; the last of several with one sha256 wins.
LOAD = r"""
CREATE TEMP TABLE overleg_new ON COMMIT DROP AS
  SELECT DISTINCT ON (record #>> '{source,sha256}')
         record #>> '{source,sha256}' AS sha256, record ->> 'language' AS language,
         (CASE record ->> 'language' WHEN 'nl' THEN 'dutch' WHEN 'fr' THEN 'french' ELSE 'simple' END)::regconfig AS config,
         record
  FROM overleg_staging ORDER BY record #>> '{source,sha256}', n DESC;
-- A re-converted report: its old rows go (the texts by the foreign key).
DELETE FROM overleg_reports o USING overleg_new n WHERE o.sha256 = n.sha256 AND o.record IS DISTINCT FROM n.record;
WITH added AS (
  INSERT INTO overleg_reports (sha256, language, config, record)
  SELECT sha256, language, config, record FROM overleg_new
  ON CONFLICT (sha256) DO NOTHING
  RETURNING sha256, config, record
)
INSERT INTO overleg_texts (sha256, position, source, section_kind, section_heading, page, block_type, text, config)
SELECT a.sha256, row_number() OVER (PARTITION BY a.sha256 ORDER BY t.o1, t.o2, t.o3) - 1,
       t.source, t.section_kind, t.section_heading, t.page, t.block_type, t.text, a.config
FROM added a CROSS JOIN LATERAL (
  SELECT 0 AS o1, g.i AS o2, 0::bigint AS o3, 'agenda' AS source, NULL AS section_kind, NULL AS section_heading,
         NULL::integer AS page, NULL AS block_type, g.v AS text
  FROM jsonb_array_elements_text(a.record -> 'agenda') WITH ORDINALITY g(v, i)
  UNION ALL
  SELECT 1, s.i, b.j, 'block', s.sec ->> 'kind', s.sec ->> 'heading', (s.sec ->> 'page')::integer, b.blk ->> 'type',
         coalesce(b.blk ->> 'text',
                  (SELECT string_agg(c.v, ' | ' ORDER BY r.ri, c.ci)
                   FROM jsonb_array_elements(b.blk -> 'rows') WITH ORDINALITY r(cells, ri),
                        jsonb_array_elements_text(r.cells) WITH ORDINALITY c(v, ci)))
  FROM jsonb_array_elements(a.record -> 'sections') WITH ORDINALITY s(sec, i),
       jsonb_array_elements(s.sec -> 'blocks') WITH ORDINALITY b(blk, j)
  UNION ALL
  SELECT 2, e.i, 0, 'event', NULL, NULL, NULL, NULL, e.ev ->> 'text'
  FROM jsonb_array_elements(a.record -> 'events') WITH ORDINALITY e(ev, i)
) t
WHERE coalesce(t.text, '') <> '';
"""


def record_files(args, problems):
    for arg in args:
        if arg == "-" or os.path.isfile(arg):
            yield arg
        elif os.path.isdir(arg):
            found = []
            for root, _, files in os.walk(arg):
                found += [os.path.join(root, f) for f in files
                          if (f.endswith(".json") or f.endswith(".jsonl")) and ".tmp-" not in f]
            if not found:
                problems.append("%s: no .json or .jsonl records in the folder" % arg)
            yield from sorted(found)
        else:
            problems.append("%s: no such file or folder" % arg)


def record_texts(path):
    """(where, text) per record: JSON Lines for .jsonl and -, one record (or an array) for .json."""
    data = sys.stdin.read() if path == "-" else open(path, encoding="utf-8", errors="replace").read()
    if path == "-" or path.endswith(".jsonl"):
        for n, line in enumerate(data.splitlines(), 1):
            if line.strip():
                yield "%s:%d" % (path, n), line
        return
    if data.lstrip().startswith("["):
        try:
            for i, r in enumerate(json.loads(data)):
                yield "%s[%d]" % (path, i), json.dumps(r, ensure_ascii=False)
            return
        except ValueError:
            pass
    yield path, data


def check_record(text):
    """The record compact on one line, or raises ValueError saying why not."""
    try:
        r = json.loads(text)
    except ValueError as e:
        raise ValueError("not valid JSON: %s" % e)
    if not isinstance(r, dict) or not isinstance(r.get("format"), str):
        raise ValueError("not an overleg record (no \"format\" string)")
    if r["format"] != FORMAT:
        raise ValueError("record format \"%s\" is not %s" % (r["format"], FORMAT))
    source = r.get("source")
    if not isinstance(source, dict) or not isinstance(source.get("sha256"), str) or not source["sha256"]:
        raise ValueError("source.sha256 is missing")
    for key in ("agenda", "sections", "events"):
        if not isinstance(r.get(key, []), list):
            raise ValueError("%s is not an array" % key)
    # One line, no control characters: safe inside COPY's CSV with \x01 quotes.
    return json.dumps(r, ensure_ascii=False, separators=(",", ":"))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("records", nargs="+", metavar="RECORDS")
    ap.add_argument("--dbname", help="database name or conninfo (default: psql's, e.g. $PGDATABASE)")
    ap.add_argument("--psql", default="psql", help="the psql program")
    ap.add_argument("-q", "--quiet", action="store_true", help="no summary line")
    a = ap.parse_args()

    problems, good = [], []
    bad = 0
    for path in record_files(a.records, problems):
        try:
            for where, text in record_texts(path):
                try:
                    good.append(check_record(text))
                except ValueError as e:
                    print("pg_load: %s: %s" % (where, e), file=sys.stderr)
                    bad += 1
        except OSError as e:
            problems.append("%s: %s" % (path, e.strerror))
    for p in problems:
        print("pg_load: " + p, file=sys.stderr)
    if not good:
        print("pg_load: no record to load", file=sys.stderr)
        return 3

    script = ["\\set ON_ERROR_STOP 1", "BEGIN;", SCHEMA,
              "CREATE TEMP TABLE overleg_staging (n bigserial, record jsonb) ON COMMIT DROP;",
              "COPY overleg_staging (record) FROM STDIN WITH (FORMAT csv, QUOTE E'\\x01', DELIMITER E'\\x02');"]
    script += good
    script += ["\\.", LOAD, "COMMIT;"]
    cmd = [a.psql, "-X", "-q", "-v", "ON_ERROR_STOP=1"] + (["-d", a.dbname] if a.dbname else [])
    try:
        p = subprocess.run(cmd, input="\n".join(script) + "\n", text=True, encoding="utf-8",
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    except OSError as e:
        print("pg_load: cannot run %s: %s" % (a.psql, e.strerror), file=sys.stderr)
        return 5
    if p.returncode != 0:
        print("pg_load: psql failed, nothing loaded: %s" % p.stderr.strip(), file=sys.stderr)
        return 5
    if not a.quiet:
        print("pg_load: %d records loaded, %d bad" % (len(good), bad + len(problems)), file=sys.stderr)
    return 1 if bad or problems else 0


if __name__ == "__main__":
    sys.exit(main())
