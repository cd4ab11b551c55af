// Tests of index/search.h: FTS5 queries with the filters, diacritics folded,
// snippets marked, bad queries refused.
#include <catch2/catch.hpp>

#include <unistd.h>

#include "index/index_test_support.h"
#include "index/schema.h"
#include "index/search.h"

using namespace overleg;
using namespace overleg::test;

namespace {

// Three reports: two in Zuid (2024, 2025), one in Noord (2025).
Archive three_reports(const TempDir& dir) {
  Archive a = open_archive(dir.file("s.sqlite"));
  REQUIRE(a.put(indexed(small_report("zuid-2025", "Zuid", "2025-09-25"))));
  REQUIRE(a.put(indexed(small_report("zuid-2024", "Zuid", "2024-03-01"))));
  REQUIRE(a.put(indexed(small_report("noord-2025", "Noord", "2025-01-16"))));
  return a;
}

std::vector<SearchHit> run(Archive& a, SearchQuery q) {
  auto hits = search(a, q);
  REQUIRE(hits);
  return hits.value();
}

}  // namespace

TEST_CASE("search: a phrase in an actions section, by zone and kind", "[index][search]") {
  TempDir dir;
  Archive a = three_reports(dir);
  SearchQuery q;
  q.match = "\"gedeelde wachtlijst\"";
  auto all = run(a, q);
  REQUIRE(all.size() == 3);
  // The same text in three reports ranks equal: then in the order indexed.
  CHECK(all[0].sha256 == "zuid-2025");
  CHECK(all[1].sha256 == "zuid-2024");
  CHECK(all[2].sha256 == "noord-2025");
  q.zone = "zuid";  // case does not matter
  auto hits = run(a, q);
  REQUIRE(hits.size() == 2);
  for (const SearchHit& h : hits) {
    CHECK(h.zone == std::optional<std::string>("Zuid"));
    CHECK(h.source == "block");
    CHECK(h.section_kind == std::optional<std::string>("actions"));
    CHECK(h.section_heading == std::optional<std::string>("Gezamenlijke acties"));
    CHECK(h.page == std::optional<long long>(2));
    CHECK(h.block_type == std::optional<std::string>("list_item"));
    CHECK_THAT(h.snippet, Catch::Contains("[gedeelde wachtlijst]"));
  }
  q.kind = "findings";
  CHECK(run(a, q).empty());
}

TEST_CASE("search: a query without diacritics finds the word written with them", "[index][search]") {
  TempDir dir;
  Archive a = three_reports(dir);
  SearchQuery q;
  q.match = "coordinatie";
  auto hits = run(a, q);
  REQUIRE(hits.size() == 3);
  CHECK_THAT(hits[0].snippet, Catch::Contains("[coördinatie]"));
  CHECK(hits[0].section_kind == std::optional<std::string>("findings"));
}

TEST_CASE("search: dates, theme, prefixes, agenda, events and table cells", "[index][search]") {
  TempDir dir;
  Archive a = three_reports(dir);
  SearchQuery q;
  q.match = "wachtlijst";
  q.from = "2025";
  CHECK(run(a, q).size() == 2);
  q.to = "2025-06";
  auto hits = run(a, q);
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].sha256 == "noord-2025");
  q = {};
  q.match = "wachtlijst";
  q.to = "2024";
  REQUIRE(run(a, q).size() == 1);
  q = {};
  q.match = "repertorium";
  q.theme = "geestelijke";
  hits = run(a, q);
  REQUIRE(hits.size() == 3);
  CHECK(hits[0].source == "agenda");
  CHECK_FALSE(hits[0].page);
  q.match = "maart";
  CHECK(run(a, q)[0].source == "event");
  q.match = "geweld";
  CHECK(run(a, q)[0].block_type == std::optional<std::string>("table"));
  q.match = "daklo*";
  CHECK(run(a, q).size() == 3);
  q.match = "daklozen NOT wachtlijst";
  CHECK(run(a, q).empty());
  q.match = "coordinatie";
  q.limit = 2;
  CHECK(run(a, q).size() == 2);
}

TEST_CASE("search: a malformed query is an error, not a crash", "[index][search]") {
  TempDir dir;
  Archive a = three_reports(dir);
  SearchQuery q;
  q.match = "\"unterminated";
  auto hits = search(a, q);
  REQUIRE_FALSE(hits);
  CHECK(hits.failure().diagnostic.code == "bad_query");
  CHECK(is_date_bound("2025"));
  CHECK(is_date_bound("2025-09-25"));
  CHECK_FALSE(is_date_bound("2025-13"));
  CHECK_FALSE(is_date_bound("25-09-2025"));
}

TEST_CASE("search: the section kind filters, and is never matched as a word", "[index][search]") {
  TempDir dir;
  Archive a = three_reports(dir);
  SearchQuery q;
  // "actions" and "findings" are the kind column's values, not words of the
  // texts: an unqualified query must not find every block of such a section.
  q.match = "actions OR findings OR monitoring";
  CHECK(run(a, q).empty());
  q.match = "coordinatie OR wachtlijst";
  CHECK(run(a, q).size() == 6);
  q.kind = "actions";
  auto hits = run(a, q);
  REQUIRE(hits.size() == 3);
  for (const SearchHit& h : hits) CHECK(h.section_kind == std::optional<std::string>("actions"));
  q.kind = "other";
  CHECK(run(a, q).empty());
  q.kind = "actions\" OR \"findings";  // quoted, never spliced into the expression
  CHECK(run(a, q).empty());
  q.kind.reset();
  q.match = "NEAR(eerste ziekenhuis, 5)";
  CHECK(run(a, q).size() == 3);
  CHECK(fts_match(q) == "text : (NEAR(eerste ziekenhuis, 5))");
}

TEST_CASE("search: --zone is exact, also through the FTS zone column", "[index][search]") {
  TempDir dir;
  Archive a = three_reports(dir);
  REQUIRE(a.put(indexed(small_report("zuid-oost-2025", "Zuid-Oost", "2025-05-05"))));
  CHECK(fts_zone_key("Zuid-Oost") == "zuidoost");
  CHECK(fts_zone_key("Centrum-West") == "centrumwest");
  CHECK(fts_zone_key(" -- ").empty());
  SearchQuery q;
  q.match = "wachtlijst";
  CHECK(run(a, q).size() == 4);
  q.zone = "Zuid";  // not Zuid-Oost
  CHECK(run(a, q).size() == 2);
  q.zone = "zuid-oost";
  auto hits = run(a, q);
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].sha256 == "zuid-oost-2025");
  q.zone = "ZuidOost";  // the same key, but not the zone's name
  CHECK(run(a, q).empty());
  q.zone = "--";  // no key: the exact comparison alone
  CHECK(run(a, q).empty());
  q.zone = "Zuid";
  q.kind = "actions";
  CHECK(fts_match(q) == "zone : \"zuid\" AND kind : \"actions\" AND text : (wachtlijst)");
}

TEST_CASE("search: a date range narrows by the FTS month column, exactly", "[index][search]") {
  TempDir dir;
  Archive a = three_reports(dir);  // 2025-09-25, 2024-03-01, 2025-01-16
  CHECK(fts_month_token("2025-09-25") == "m202509");
  CHECK(fts_month_token("2025-09") == "m202509");
  CHECK(fts_month_token("2025").empty());
  SearchQuery q;
  q.match = "wachtlijst";
  q.from = "2025-01";
  q.to = "2025-02";
  CHECK(fts_match(q) == "month : (m202501 OR m202502) AND text : (wachtlijst)");
  auto hits = run(a, q);
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].sha256 == "noord-2025");
  q.from = "2025-01-17";  // the same month, a day later: the exact comparison decides
  CHECK(run(a, q).empty());
  q.from = "2024";
  q.to = "2025";
  CHECK(run(a, q).size() == 3);
  q.to.reset();  // open: closed by the archive's last meeting
  CHECK(run(a, q).size() == 3);
  q.from = "2025-09";
  CHECK(run(a, q).size() == 1);
  q.from = "2020";
  q.to = "2030";  // longer than two years: no month filter, the same answer
  CHECK(fts_match(q) == "text : (wachtlijst)");
  CHECK(run(a, q).size() == 3);
}
