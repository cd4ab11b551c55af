// Tests of index/record_source.h: arguments to record texts with their place.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <fstream>

#include "index/index_test_support.h"
#include "index/record_source.h"

using namespace overleg;
using overleg::test::TempDir;

TEST_CASE("split_records: JSON Lines keep their line numbers", "[index][record_source]") {
  auto texts = split_records("all.jsonl", "{\"a\":1}\n\n{\"b\":2}\r\n");
  REQUIRE(texts.size() == 2);
  CHECK(texts[0].where == "all.jsonl:1");
  CHECK(texts[1].where == "all.jsonl:3");
  CHECK(texts[1].text == "{\"b\":2}");
}

TEST_CASE("split_records: a .json file is one record or an array of them", "[index][record_source]") {
  auto one = split_records("r.json", "{\n  \"a\": 1\n}\n");
  REQUIRE(one.size() == 1);
  CHECK(one[0].where == "r.json");
  auto many = split_records("all.json", "[{\"a\":1},{\"b\":2}]");
  REQUIRE(many.size() == 2);
  CHECK(many[1].where == "all.json[1]");
}

TEST_CASE("expand_record_files: folders searched, sorted, temporaries skipped", "[index][record_source]") {
  TempDir dir;
  std::filesystem::create_directories(dir.path / "b");
  for (const char* name : {"b/z.json", "a.json", "x.jsonl", "a.json.tmp-123", "notes.txt"}) std::ofstream(dir.path / name) << "{}";
  auto files = expand_record_files({dir.path.string(), dir.file("missing")});
  REQUIRE(files.paths.size() == 3);
  CHECK(files.paths[0] == dir.file("a.json"));
  CHECK(files.paths[1] == dir.file("b/z.json"));
  CHECK(files.paths[2] == dir.file("x.jsonl"));
  REQUIRE(files.problems.size() == 1);
  CHECK(files.problems[0].file == dir.file("missing"));
}

TEST_CASE("read_records: JSON Lines streamed a line at a time, .json whole", "[index][record_source]") {
  TempDir dir;
  const std::string lines = dir.file("all.jsonl"), array = dir.file("all.json");
  std::ofstream(lines) << "{\"a\":1}\n\n{\"b\":2}\r\n{\"c\":3}";
  std::ofstream(array) << "[{\"a\":1},{\"b\":2}]";
  std::vector<RecordText> seen;
  auto all = [&](const RecordText& r) { return seen.push_back(r), true; };
  REQUIRE(read_records(lines, all));
  REQUIRE(seen.size() == 3);
  CHECK(seen[0].where == lines + ":1");
  CHECK(seen[1].where == lines + ":3");
  CHECK(seen[1].text == "{\"b\":2}");
  CHECK(seen[2].text == "{\"c\":3}");  // the last line needs no newline
  seen.clear();
  REQUIRE(read_records(lines, [&](const RecordText& r) { return seen.push_back(r), false; }));
  CHECK(seen.size() == 1);  // the sink stops it
  seen.clear();
  REQUIRE(read_records(array, all));
  REQUIRE(seen.size() == 2);
  CHECK(seen[1].where == array + "[1]");
  auto missing = read_records(dir.file("none.jsonl"), all);
  REQUIRE_FALSE(missing);
  CHECK(missing.failure().diagnostic.code == "read_failed");
}
