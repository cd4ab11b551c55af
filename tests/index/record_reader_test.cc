// Tests of index/record_reader.h: records read back as the archive needs
// them, and bad ones refused with the field named.
#include <catch2/catch.hpp>

#include <unistd.h>

#include "index/index_test_support.h"

using namespace overleg;
using overleg::test::small_report;

TEST_CASE("read_record: reads back what to_json wrote", "[index][record_reader]") {
  const Report r = small_report("abc");
  auto rec = read_record(to_json_text(r, true), "x.json");
  REQUIRE(rec);
  const Report& back = rec->report;
  CHECK(rec->format == "overleg.report/1");
  CHECK(rec->format_minor == kRecordFormatMinor);
  CHECK(back.source.sha256 == "abc");
  CHECK(back.source.path == r.source.path);
  CHECK(back.language == std::optional<std::string>("nl"));
  CHECK(back.meeting.zone == r.meeting.zone);
  CHECK(back.meeting.edition == r.meeting.edition);
  REQUIRE(back.meeting.participants);
  CHECK(back.meeting.participants->count == 20);
  CHECK(back.agenda == r.agenda);
  REQUIRE(back.sections.size() == 2);
  CHECK(back.sections[1].kind == "actions");
  CHECK(back.sections[1].page == 2);
  CHECK(back.sections[1].blocks[0].level == 1);
  CHECK(back.sections[0].blocks[1].rows == r.sections[0].blocks[1].rows);
  REQUIRE(back.events.size() == 1);
  CHECK(back.events[0].end == std::optional<std::string>("12:00"));
  REQUIRE(back.repairs.size() == 1);
  REQUIRE(back.repairs[0].evidence);
  CHECK(back.repairs[0].evidence->candidates == std::vector<std::string>{"coördinatie"});
  CHECK(back.warnings[0].page == 2);
  // Indented or not, the stored JSON is the same compact text.
  CHECK(rec->json == to_json_text(r, false));
}

TEST_CASE("read_record: a repair's ocr_choices are read back; without them, none", "[index][record_reader]") {
  Report r = small_report("abc");
  REQUIRE(r.repairs.size() == 1);
  REQUIRE(r.repairs[0].evidence);
  auto plain = read_record(to_json_text(r, false), "x.json");
  REQUIRE(plain);
  CHECK(plain->report.repairs[0].evidence->ocr_choices.empty());
  r.repairs[0].evidence->ocr_choices = {"coördinatie", "coordinatie"};
  auto rec = read_record(to_json_text(r, false), "x.json");
  REQUIRE(rec);
  CHECK(rec->report.repairs[0].evidence->ocr_choices == r.repairs[0].evidence->ocr_choices);
  CHECK(rec->json == to_json_text(r, false));
  auto j = to_json(r);
  j["repairs"][0]["evidence"]["ocr_choices"] = {1};
  auto bad = read_record(j.dump(), "bad.json");
  REQUIRE_FALSE(bad);
}

TEST_CASE("read_record: a 1.0 record (no format_minor, no language) is read", "[index][record_reader]") {
  auto j = to_json(small_report("abc"));
  j.erase("format_minor");
  j.erase("language");
  auto rec = read_record(j.dump(), "old.json");
  REQUIRE(rec);
  CHECK_FALSE(rec->format_minor);
  CHECK_FALSE(rec->report.language);
}

TEST_CASE("read_record: bad records are refused with where and why", "[index][record_reader]") {
  auto failure = [](const std::string& text) {
    auto rec = read_record(text, "all.jsonl:7");
    REQUIRE_FALSE(rec);
    CHECK(rec.failure().diagnostic.file == "all.jsonl:7");
    CHECK(rec.failure().diagnostic.code == "bad_record");
    return rec.failure().diagnostic.message;
  };
  CHECK_THAT(failure("{\"format\": "), Catch::Contains("not valid JSON"));
  CHECK_THAT(failure("[1, 2]"), Catch::Contains("not an overleg record"));
  CHECK_THAT(failure("{\"name\": \"x\"}"), Catch::Contains("not an overleg record"));
  CHECK_THAT(failure("{\"format\": \"overleg.report/2\"}"), Catch::Contains("overleg.report/2"));
  auto j = to_json(small_report("abc"));
  j["sections"][1]["page"] = "two";
  CHECK_THAT(failure(j.dump()), Catch::Contains("sections[1].page"));
  j = to_json(small_report("abc"));
  j["source"].erase("sha256");
  CHECK_THAT(failure(j.dump()), Catch::Contains("source.sha256"));
}
