#include "index/schema.h"

#include <array>
#include <stdexcept>
#include <string>

namespace overleg {
namespace {

// Migration i takes a database from version i to i + 1. Never edit a step
// once released: add one (and raise kSchemaVersion), so every archive on
// disk can be brought forward.
constexpr std::array<const char*, kSchemaVersion> kMigrations = {
    // 0 -> 1: the first schema.
    R"sql(
CREATE TABLE reports (
  id                     INTEGER PRIMARY KEY,
  sha256                 TEXT NOT NULL UNIQUE,
  source_path            TEXT NOT NULL,
  source_bytes           INTEGER,
  pages                  INTEGER,
  format                 TEXT NOT NULL,
  format_minor           INTEGER,
  language               TEXT,
  series                 TEXT,
  title                  TEXT,
  theme                  TEXT,
  edition                INTEGER,
  date                   TEXT,
  zone                   TEXT,
  participants_count     INTEGER,
  participants_qualifier TEXT,
  participants_text      TEXT,
  record                 TEXT NOT NULL
);
CREATE INDEX reports_date ON reports(date);
CREATE INDEX reports_zone ON reports(zone COLLATE NOCASE);

CREATE TABLE agenda_items (
  id        INTEGER PRIMARY KEY,
  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  position  INTEGER NOT NULL,
  text      TEXT NOT NULL,
  UNIQUE (report_id, position)
);

CREATE TABLE sections (
  id        INTEGER PRIMARY KEY,
  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  position  INTEGER NOT NULL,
  kind      TEXT NOT NULL,
  heading   TEXT NOT NULL,
  page      INTEGER,
  UNIQUE (report_id, position)
);

CREATE TABLE blocks (
  id         INTEGER PRIMARY KEY,
  section_id INTEGER NOT NULL REFERENCES sections(id) ON DELETE CASCADE,
  report_id  INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  position   INTEGER NOT NULL,
  type       TEXT NOT NULL,
  level      INTEGER,
  text       TEXT,
  rows       TEXT,
  UNIQUE (section_id, position)
);
CREATE INDEX blocks_report ON blocks(report_id);

CREATE TABLE events (
  id         INTEGER PRIMARY KEY,
  report_id  INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  position   INTEGER NOT NULL,
  kind       TEXT NOT NULL,
  title      TEXT,
  date       TEXT,
  start_time TEXT,
  end_time   TEXT,
  location   TEXT,
  text       TEXT NOT NULL,
  UNIQUE (report_id, position)
);

CREATE TABLE links (
  id        INTEGER PRIMARY KEY,
  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  position  INTEGER NOT NULL,
  url       TEXT NOT NULL,
  text      TEXT NOT NULL,
  page      INTEGER,
  UNIQUE (report_id, position)
);

CREATE TABLE repairs (
  id             INTEGER PRIMARY KEY,
  report_id      INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  position       INTEGER NOT NULL,
  page           INTEGER,
  from_text      TEXT NOT NULL,
  to_text        TEXT NOT NULL,
  rule           TEXT NOT NULL,
  candidates     TEXT,
  ocr_confidence REAL,
  UNIQUE (report_id, position)
);

CREATE TABLE warnings (
  id        INTEGER PRIMARY KEY,
  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  position  INTEGER NOT NULL,
  code      TEXT NOT NULL,
  page      INTEGER,
  message   TEXT NOT NULL,
  UNIQUE (report_id, position)
);

CREATE VIRTUAL TABLE search USING fts5(
  text,
  source UNINDEXED,
  item_id UNINDEXED,
  tokenize = 'unicode61 remove_diacritics 2'
);
)sql",
    // 1 -> 2: the section kind, the report's zone and its meeting month as
    // indexed FTS columns, so that `search --kind/--zone/--from/--to` are
    // column filters inside FTS5
    // (`kind : "actions" AND text : (…)`) instead of joins made for every
    // match before ranking: on 10,000 records a common word with --kind took
    // 38 ms of query CPU, 9 ms with the column (bench/index_bench.py,
    // docs/performance.md). The zone is stored as fts_zone_key(zone), one
    // token, the date as fts_date_tokens(date).
    // token. FTS5 cannot add a column, so the table is rebuilt from the old
    // one and the content tables.
    R"sql(
CREATE VIRTUAL TABLE search_v2 USING fts5(
  text,
  kind,
  zone,
  month,
  source UNINDEXED,
  item_id UNINDEXED,
  tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO search_v2 (rowid, text, kind, zone, month, source, item_id)
  SELECT t.rowid, t.text, s.kind, overleg_zone_key(r.zone), overleg_month_token(r.date), t.source, t.item_id
  FROM search t
  JOIN reports r ON r.id = t.rowid / 1048576
  LEFT JOIN blocks b ON t.source = 'block' AND b.id = t.item_id
  LEFT JOIN sections s ON s.id = b.section_id;
DROP TABLE search;
ALTER TABLE search_v2 RENAME TO search;
)sql",
};

// The tables of version 1; a database at version 0 that has any other table
// is someone else's file, which migrate() must not write into.
bool is_empty(sql::Connection& db) {
  return db.query_int("SELECT count(*) FROM sqlite_schema") == 0;
}

}  // namespace

std::string fts_zone_key(std::string_view zone) {
  std::string key;
  for (char c : zone) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80 || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) key += c;
    else if (c >= 'A' && c <= 'Z') key += static_cast<char>(c - 'A' + 'a');
  }
  return key;
}

std::string fts_month_token(std::string_view date) {
  // "2025-09-25" or "2025-09" -> "m202509"; anything else: no token.
  auto digits = [&](std::size_t from, std::size_t n) {
    if (date.size() < from + n) return false;
    for (std::size_t i = from; i < from + n; ++i)
      if (date[i] < '0' || date[i] > '9') return false;
    return true;
  };
  if (!digits(0, 4) || date.size() < 7 || date[4] != '-' || !digits(5, 2)) return {};
  return "m" + std::string(date.substr(0, 4)) + std::string(date.substr(5, 2));
}

void migrate(sql::Connection& db, int target) {
  if (target < 0 || target > kSchemaVersion) throw std::invalid_argument("migrate: no schema version " + std::to_string(target));
  // Cheap check first: an archive at the target version needs no write lock.
  if (db.query_int("PRAGMA user_version") == target) return;
  // Migration 1 -> 2 computes the FTS zone and month columns in SQL.
  db.create_function("overleg_zone_key", &fts_zone_key);
  db.create_function("overleg_month_token", &fts_month_token);
  // Another process may be migrating the same file: take the write lock, then
  // look again at what version is there.
  sql::Transaction tx(db);
  const long long version = db.query_int("PRAGMA user_version");
  if (version > kSchemaVersion)
    throw std::runtime_error("the archive has schema version " + std::to_string(version) +
                             ", newer than this overleg's " + std::to_string(kSchemaVersion) +
                             "; use a newer overleg");
  if (version < 0) throw std::runtime_error("not an overleg archive (user_version " + std::to_string(version) + ")");
  if (version == 0 && !is_empty(db)) throw std::runtime_error("not an overleg archive (it has other tables)");
  for (long long v = version; v < target; ++v) db.exec(kMigrations[v]);
  // PRAGMA takes no parameters; the value is our own constant.
  if (version < target) db.exec("PRAGMA user_version = " + std::to_string(target));
  tx.commit();
}

}  // namespace overleg
