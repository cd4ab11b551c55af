// Tests of atomic_file.h: whole-file writes through a temporary file and a
// rename, and reading files.
#include <catch2/catch.hpp>

#include "util/atomic_file.h"
#include <unistd.h>

#include <algorithm>
#include <thread>

#include "test_support.h"

using namespace overleg;
using overleg::test::TempDir;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> names_in(const fs::path& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("write_file_atomically writes the content and leaves no temporary file", "[atomic_file]") {
  TempDir dir;
  std::string path = dir / "record.json";
  auto written = write_file_atomically(path, "{\"format\":\"overleg.report/1\"}\n");
  REQUIRE(written.ok());
  CHECK(overleg::test::read_text(path) == "{\"format\":\"overleg.report/1\"}\n");
  CHECK(names_in(dir.path()) == std::vector<std::string>{"record.json"});
}

TEST_CASE("write_file_atomically replaces an existing file whole", "[atomic_file]") {
  TempDir dir;
  std::string path = dir / "out.jsonl";
  overleg::test::write_text(path, std::string(10000, 'x'));
  REQUIRE(write_file_atomically(path, "kort").ok());
  CHECK(overleg::test::read_text(path) == "kort");
  CHECK(names_in(dir.path()) == std::vector<std::string>{"out.jsonl"});
}

TEST_CASE("write_file_atomically creates missing parent folders", "[atomic_file]") {
  TempDir dir;
  std::string path = dir / "a/b/c/record.json";
  REQUIRE(write_file_atomically(path, "x").ok());
  CHECK(overleg::test::read_text(path) == "x");
}

TEST_CASE("write_file_atomically writes empty and binary content", "[atomic_file]") {
  TempDir dir;
  REQUIRE(write_file_atomically(dir / "empty", "").ok());
  CHECK(fs::file_size(dir / "empty") == 0);
  std::string binary("a\0b\xff", 4);
  REQUIRE(write_file_atomically(dir / "bin", binary).ok());
  CHECK(overleg::test::read_text(dir / "bin") == binary);
}

TEST_CASE("write_file_atomically fails with io when the folder cannot be made", "[atomic_file]") {
  TempDir dir;
  overleg::test::write_text(dir / "file", "not a folder");
  auto written = write_file_atomically(dir / "file/record.json", "x");
  REQUIRE_FALSE(written.ok());
  CHECK(written.failure().kind == ErrorKind::io);
  CHECK_FALSE(written.failure().diagnostic.message.empty());
  CHECK(written.failure().diagnostic.file == dir / "file/record.json");
}

TEST_CASE("write_file_atomically: writers of distinct files do not clash", "[atomic_file]") {
  TempDir dir;
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&dir, t] {
      for (int i = 0; i < 10; ++i)
        write_file_atomically(dir / ("f" + std::to_string(t) + ".json"), std::to_string(t) + ":" + std::to_string(i));
    });
  for (auto& th : threads) th.join();
  for (int t = 0; t < 8; ++t)
    CHECK(overleg::test::read_text(dir / ("f" + std::to_string(t) + ".json")) == std::to_string(t) + ":9");
  CHECK(names_in(dir.path()).size() == 8);
}

TEST_CASE("read_file reads a whole file, or fails with io", "[atomic_file]") {
  TempDir dir;
  std::string content = "%PDF-1.7\n" + std::string(100000, 'z');
  overleg::test::write_text(dir / "in.pdf", content);
  auto read = read_file(dir / "in.pdf");
  REQUIRE(read.ok());
  CHECK(read.value() == content);

  auto missing = read_file(dir / "missing.pdf");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.failure().kind == ErrorKind::io);
  CHECK(missing.failure().diagnostic.file == dir / "missing.pdf");
  CHECK_FALSE(missing.failure().diagnostic.message.empty());
}

TEST_CASE("temporary names carry host, pid and counter and are recognised exactly", "[atomic_file][hostile]") {
  std::string tmp = temporary_name("out/r.json", 7);
  std::string name = fs::path(tmp).filename().string();
  std::string host;
  long pid = 0;
  REQUIRE(is_temporary_of(name, "r.json", &host, &pid));
  CHECK(host == temporary_host_tag());
  CHECK(pid == ::getpid());
  CHECK(name.substr(name.size() - 2) == "-7");
  CHECK(temporary_host_tag().find('-') == std::string::npos);
  CHECK_FALSE(is_temporary_of(name, "q.json"));
  CHECK_FALSE(is_temporary_of("r.json.tmp-a.pdf", "r.json"));
  CHECK_FALSE(is_temporary_of("r.json.tmp-123-0x", "r.json"));
  CHECK_FALSE(is_temporary_of("r.json.tmp--1-2", "r.json"));
  CHECK_FALSE(is_temporary_of("r.json.tmp-h/x-1-2", "r.json"));
  CHECK(is_temporary_of("r.json.tmp-node7.cluster-41-0", "r.json"));
}
