// Tests of record_stream.h: records appended to a temporary file beside the
// target, renamed into place by commit(), removed when never committed.
#include <catch2/catch.hpp>

#include <filesystem>

#include "batch/record_stream.h"
#include "test_support.h"

using namespace overleg;
namespace fs = std::filesystem;
using overleg::test::read_text;
using overleg::test::TempDir;

using overleg::test::names_in;

TEST_CASE("RecordStream: appends into a temporary beside the target, commit renames it", "[batch]") {
  TempDir dir;
  std::string target = dir / "out/all.jsonl";
  auto opened = RecordStream::open(target);
  REQUIRE(opened);
  RecordStream& s = *opened.value();
  REQUIRE(s.append("{\"a\":1}\n"));
  REQUIRE(s.append("{\"a\":2}\n"));
  // While the run goes on the records are on disk, in the same folder, not at the target.
  std::vector<std::string> during = names_in(dir.path() / "out");
  REQUIRE(during.size() == 1);
  CHECK(during[0].rfind("all.jsonl.tmp-", 0) == 0);
  CHECK(read_text((dir.path() / "out" / during[0]).string()) == "{\"a\":1}\n{\"a\":2}\n");
  REQUIRE(s.commit());
  CHECK(names_in(dir.path() / "out") == std::vector<std::string>{"all.jsonl"});
  CHECK(read_text(target) == "{\"a\":1}\n{\"a\":2}\n");
}

TEST_CASE("RecordStream: never committed leaves no file; an unusable folder fails", "[batch]") {
  TempDir dir;
  {
    auto opened = RecordStream::open(dir / "all.jsonl");
    REQUIRE(opened);
    REQUIRE(opened.value()->append("x\n"));
  }
  CHECK(names_in(dir.path()).empty());
  overleg::test::write_text(dir / "file", "not a folder");
  auto bad = RecordStream::open(dir / "file/all.jsonl");
  REQUIRE_FALSE(bad);
  CHECK(bad.failure().kind == ErrorKind::io);
  CHECK(bad.failure().diagnostic.file == dir / "file/all.jsonl");
}
