// Tests of index/archive.h and index/schema.h: the schema at its version,
// put() as an upsert by sha256, replacement in one piece, and several writers
// on one file.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <atomic>
#include <mutex>
#include <thread>

#include "index/index_test_support.h"
#include "index/schema.h"
#include "index/sqlite.h"
#include "index/table_format.h"
#include "index/tables.h"

using namespace overleg;
using namespace overleg::test;

namespace {

std::int64_t count(Archive& a, const std::string& sql) { return a.connection().query_int(sql); }

// Every content table (not FTS5's shadow tables), as text.
std::string contents(Archive& a) {
  std::string out;
  for (const char* table : {"reports", "agenda_items", "sections", "blocks", "events", "links", "repairs", "warnings"}) {
    auto t = query_table(a, std::string("SELECT * FROM ") + table + " ORDER BY id");
    REQUIRE(t);
    out += std::string(table) + "\n" + to_csv(t.value());
  }
  return out;
}

}  // namespace

TEST_CASE("archive: a new file gets the schema, WAL mode and the version", "[index][archive]") {
  TempDir dir;
  Archive a = open_archive(dir.file("a.sqlite"));
  CHECK(count(a, "PRAGMA user_version") == kSchemaVersion);
  auto mode = query_table(a, "PRAGMA journal_mode");
  REQUIRE(mode);
  CHECK(std::get<std::string>(mode->rows[0][0]) == "wal");
  CHECK(count(a, "PRAGMA foreign_keys") == 1);
  CHECK(count(a, "SELECT count(*) FROM sqlite_schema WHERE name = 'search'") == 1);
}

TEST_CASE("archive: put adds, leaves an identical record alone, replaces a changed one", "[index][archive]") {
  TempDir dir;
  Archive a = open_archive(dir.file("a.sqlite"));
  Report r = small_report("aaa");
  auto first = a.put(indexed(r));
  REQUIRE(first);
  CHECK(first.value() == PutOutcome::added);
  CHECK(count(a, "SELECT count(*) FROM blocks") == 3);
  CHECK(count(a, "SELECT count(*) FROM search") == 5);  // agenda, 3 blocks, event
  const std::string before = contents(a);

  auto again = a.put(indexed(r));
  REQUIRE(again);
  CHECK(again.value() == PutOutcome::unchanged);
  CHECK(contents(a) == before);

  // Re-converted: one section fewer, another title. Nothing of the old stays.
  r.sections.pop_back();
  r.meeting.title = "Nieuwe titel";
  auto replaced = a.put(indexed(r));
  REQUIRE(replaced);
  CHECK(replaced.value() == PutOutcome::replaced);
  CHECK(count(a, "SELECT count(*) FROM reports") == 1);
  CHECK(count(a, "SELECT count(*) FROM sections") == 1);
  CHECK(count(a, "SELECT count(*) FROM blocks") == 2);
  CHECK(count(a, "SELECT count(*) FROM search") == 4);
  CHECK(count(a, "SELECT count(*) FROM search WHERE search MATCH 'daklozen'") == 0);
  CHECK(count(a, "SELECT id FROM reports WHERE title = 'Nieuwe titel'") == 1);  // same report id

  // The table values are the record's.
  auto t = query_table(a, "SELECT zone, date, participants_count, format_minor, language FROM reports");
  REQUIRE(t);
  CHECK(std::get<std::string>(t->rows[0][0]) == "Zuid");
  CHECK(std::get<std::int64_t>(t->rows[0][2]) == 20);
  CHECK(std::get<std::string>(t->rows[0][4]) == "nl");
}

TEST_CASE("archive: a newer schema or someone else's database is refused", "[index][archive]") {
  TempDir dir;
  {
    sql::Connection db(dir.file("newer.sqlite"), true);
    db.exec("PRAGMA user_version = " + std::to_string(kSchemaVersion + 1));
    sql::Connection other(dir.file("other.sqlite"), true);
    other.exec("CREATE TABLE people (name TEXT)");
  }
  auto newer = Archive::open(dir.file("newer.sqlite"), true);
  REQUIRE_FALSE(newer);
  CHECK_THAT(newer.failure().diagnostic.message, Catch::Contains("newer"));
  auto other = Archive::open(dir.file("other.sqlite"), true);
  REQUIRE_FALSE(other);
  CHECK_THAT(other.failure().diagnostic.message, Catch::Contains("not an overleg archive"));
  auto missing = Archive::open(dir.file("missing.sqlite"), false);
  CHECK_FALSE(missing);
}

TEST_CASE("archive: several writers on one file lose nothing", "[index][archive]") {
  TempDir dir;
  const std::string path = dir.file("shared.sqlite");
  constexpr int kWriters = 4, kEach = 25;
  std::vector<std::thread> writers;
  std::atomic<int> failures{0};
  std::mutex messages_mutex;
  std::vector<std::string> messages;  // why an open failed
  for (int w = 0; w < kWriters; ++w)
    writers.emplace_back([&, w] {
      auto a = Archive::open(path, true);  // each its own connection, as separate processes have
      if (!a) {
        std::lock_guard<std::mutex> lock(messages_mutex);
        messages.push_back(a.failure().diagnostic.message);
        ++failures;
        return;
      }
      for (int i = 0; i < kEach; ++i) {
        auto rec = read_record(to_json_text(small_report("w" + std::to_string(w) + "-" + std::to_string(i)), false), "t");
        if (!rec || !a->put(rec.value())) ++failures;
      }
    });
  for (auto& t : writers) t.join();
  for (const std::string& m : messages) UNSCOPED_INFO(m);
  CHECK(failures == 0);
  Archive a = open_archive(path);
  CHECK(count(a, "SELECT count(*) FROM reports") == kWriters * kEach);
  CHECK(count(a, "SELECT count(*) FROM search") == kWriters * kEach * 5);
  auto check = query_table(a, "PRAGMA integrity_check");
  REQUIRE(check);
  CHECK(std::get<std::string>(check->rows[0][0]) == "ok");
}

TEST_CASE("archive: a version-1 archive is migrated, its texts searchable by kind", "[index][archive]") {
  TempDir dir;
  const std::string path = dir.file("v1.sqlite");
  {
    // What overleg 1.x wrote: the v1 schema and one report's rows, by hand.
    sql::Connection db(path, true);
    migrate(db, 1);
    REQUIRE(db.query_int("PRAGMA user_version") == 1);
    db.exec("INSERT INTO reports (id, sha256, source_path, format, zone, date, record)"
            " VALUES (1, 'abc', 'r.pdf', 'overleg.report/1', 'Zuid-Oost', '2025-09-25', '{}')");
    db.exec("INSERT INTO sections (id, report_id, position, kind, heading) VALUES (7, 1, 0, 'actions', 'Gezamenlijke acties')");
    db.exec("INSERT INTO blocks (id, section_id, report_id, position, type, text) VALUES (9, 7, 1, 0, 'paragraph', 'Een gedeelde wachtlijst.')");
    db.exec("INSERT INTO agenda_items (id, report_id, position, text) VALUES (3, 1, 0, 'De wachtlijst bespreken.')");
    db.exec("INSERT INTO search (rowid, text, source, item_id) VALUES (1048576, 'De wachtlijst bespreken.', 'agenda', 3),"
            " (1048577, 'Een gedeelde wachtlijst.', 'block', 9)");
  }
  Archive a = open_archive(path);
  CHECK(count(a, "PRAGMA user_version") == kSchemaVersion);
  CHECK(count(a, "SELECT count(*) FROM search WHERE kind = 'actions'") == 1);
  CHECK(count(a, "SELECT count(*) FROM search WHERE kind IS NULL AND source = 'agenda'") == 1);
  CHECK(count(a, "SELECT count(*) FROM search WHERE search MATCH 'wachtlijst'") == 2);
  CHECK(count(a, "SELECT count(*) FROM search WHERE search MATCH 'kind : actions AND text : (wachtlijst)'") == 1);
  CHECK(count(a, "SELECT count(*) FROM search WHERE search MATCH 'zone : zuidoost'") == 2);
  CHECK(count(a, "SELECT count(*) FROM search WHERE search MATCH 'month : m202509'") == 2);
  CHECK(count(a, "SELECT count(*) FROM sqlite_schema WHERE name LIKE 'search_v2%'") == 0);
}
