#include "batch/spool.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "test_support.h"
#include "util/atomic_file.h"

using namespace overleg;
namespace fs = std::filesystem;

namespace {

using test::TempDir;

/// Writes `content` to `rel` under `dir` (folders made); returns its path.
std::string put(const TempDir& dir, const std::string& rel, const std::string& content) {
  fs::path p = dir.path() / rel;
  fs::create_directories(p.parent_path());
  test::write_text(p.string(), content);
  return p.string();
}

std::string record(const std::string& path, const std::string& sha, const std::string& extra = "") {
  return "{\"format\":\"overleg.report/1\",\"source\":{\"path\":\"" + path + "\",\"sha256\":\"" + sha + "\"}" + extra + "}";
}

}  // namespace

TEST_CASE("recovered records: every whole record of a JSON Lines stream cut short", "[batch][spool]") {
  TempDir dir;
  std::string a = record("in/a.pdf", "aa"), b = record("in/b.pdf", "bb", ",\"t\":\"{ \\\" }\""), c = record("in/c.pdf", "cc");
  // As a killed writer leaves it: two whole lines and half of the third.
  std::string file = put(dir, "out.jsonl.tmp-h-1-1", a + "\n" + b + "\n" + c.substr(0, c.size() / 2));
  RecoveredRecords r;
  CHECK(r.scan_stream(file) == 2);
  CHECK(r.find({"in/a.pdf", "a"}, "aa") == a);
  CHECK(r.find({"in/b.pdf", "b"}, "bb") == b);
  CHECK_FALSE(r.find({"in/c.pdf", "c"}, "cc"));
  CHECK_FALSE(r.find({"in/a.pdf", "a"}, "other bytes"));  // changed since: converted again
  CHECK_FALSE(r.find({"in/elsewhere.pdf", "a"}, "aa"));   // another input with the same bytes
  CHECK(r.scan_stream((dir.path() / "missing").string()) == 0);
}

TEST_CASE("recovered records: a JSON array, compact or indented, whole or cut short", "[batch][spool]") {
  TempDir dir;
  std::string a = record("a.pdf", "1"), b = record("b.pdf", "2");
  RecoveredRecords whole, pretty, cut, empty;
  CHECK(whole.scan_stream(put(dir, "w.json", "[" + a + "," + b + "]\n")) == 2);
  CHECK(whole.find({"b.pdf", "b"}, "2") == b);
  CHECK(pretty.scan_stream(put(dir, "p.json", "[\n" + a + ",\n" + b + "\n]\n")) == 2);
  CHECK(cut.scan_stream(put(dir, "c.json", "[" + a + "," + b.substr(0, 10))) == 1);
  CHECK(empty.scan_stream(put(dir, "e.json", "[]\n")) == 0);
  RecoveredRecords junk;
  CHECK(junk.scan_stream(put(dir, "j.json", "not json at all")) == 0);
}

TEST_CASE("recovered records: non-UTF-8 paths are matched by source.path_bytes", "[batch][spool]") {
  TempDir dir;
  std::string path = "caf\xe9.pdf";  // Latin-1, not UTF-8
  // base64 of the bytes "caf\xe9.pdf"
  std::string rec = "{\"source\":{\"path\":\"caf\xef\xbf\xbd.pdf\",\"path_bytes\":\"Y2Fm6S5wZGY=\",\"sha256\":\"s\"}}";
  RecoveredRecords r;
  CHECK(r.scan_stream(put(dir, "o.jsonl", rec + "\n")) == 1);
  CHECK(r.find({path, "x"}, "s") == rec);
  CHECK_FALSE(r.find({"caf\xef\xbf\xbd.pdf", "x"}, "s"));
}

TEST_CASE("spool: records kept atomically, merged ones removed, nothing else touched", "[batch][spool]") {
  TempDir dir;
  std::string out = (dir.path() / "all.jsonl").string();
  Spool spool(out);
  CHECK(spool.folder() == out + ".spool");
  std::vector<BatchInput> inputs{{"x/a.pdf", "a"}, {"y/a.pdf", "sub/a"}, {"b.pdf", "b"}};
  REQUIRE(spool.put(inputs[0], record("x/a.pdf", "1")));
  REQUIRE(spool.put(inputs[1], record("y/a.pdf", "2")));
  CHECK(fs::exists(spool.path_of(inputs[1])));
  RecoveredRecords r;
  CHECK(r.scan_spool(spool, inputs) == 2);
  CHECK(r.find(inputs[1], "2") == record("y/a.pdf", "2"));
  spool.remove(inputs[0]);
  CHECK_FALSE(fs::exists(spool.path_of(inputs[0])));
  // Someone else's file in the spool stays, and so does its folder.
  std::string foreign = put(dir, "all.jsonl.spool/notes.txt", "mine");
  spool.clear(inputs);
  CHECK_FALSE(fs::exists(spool.path_of(inputs[1])));
  CHECK_FALSE(fs::exists(fs::path(spool.folder()) / "sub"));
  CHECK(fs::exists(foreign));
  fs::remove(foreign);
  spool.clear(inputs);
  CHECK_FALSE(fs::exists(spool.folder()));
}

TEST_CASE("dead temporaries: those of processes that are gone, not a live one's", "[batch][spool]") {
  TempDir dir;
  std::string out = (dir.path() / "all.jsonl").string();
  std::string mine = temporary_name(out, 7);  // this (live) process's
  std::string other_host = out + ".tmp-elsewhere-12345-1";
  std::string lookalike = out + ".tmp-not-the-pattern";
  for (const std::string& f : {mine, other_host, lookalike}) std::ofstream(f) << "x";
  // A pid that is surely not running: the largest the kernel hands out, plus one.
  std::string dead = out + ".tmp-" + temporary_host_tag() + "-4194305-1";
  std::ofstream(dead) << "x";
  std::vector<std::string> got = dead_temporaries_of(out), want{dead, other_host};
  std::sort(want.begin(), want.end());
  CHECK(got == want);
}
