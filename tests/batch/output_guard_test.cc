// Tests of output_guard.h: an output that is an input is found before any work.
#include "batch/output_guard.h"

#include <catch2/catch.hpp>

#include <filesystem>

#include "test_support.h"

using namespace overleg;
using overleg::test::TempDir;
using overleg::test::write_text;
namespace fs = std::filesystem;

TEST_CASE("same_file: one inode under several names, or one path", "[output_guard][hostile]") {
  TempDir dir;
  write_text(dir / "a.pdf", "%PDF-1.4");
  write_text(dir / "b.pdf", "%PDF-1.4");
  fs::create_hard_link(dir / "a.pdf", dir / "hard.pdf");
  fs::create_symlink(dir / "a.pdf", dir / "soft.pdf");
  fs::create_directory(dir / "sub");
  CHECK(same_file(dir / "a.pdf", dir / "a.pdf"));
  CHECK(same_file(dir / "sub/../a.pdf", dir / "a.pdf"));
  CHECK(same_file(dir / "hard.pdf", dir / "a.pdf"));
  CHECK(same_file(dir / "soft.pdf", dir / "a.pdf"));
  CHECK_FALSE(same_file(dir / "b.pdf", dir / "a.pdf"));
  CHECK_FALSE(same_file(dir / "new.json", dir / "a.pdf"));
}

TEST_CASE("output_overwrites_input names the input an output would replace", "[output_guard][hostile]") {
  TempDir dir;
  write_text(dir / "a.pdf", "%PDF-1.4");
  fs::create_directory(dir / "d");
  write_text(dir / "d/report.json", "%PDF-1.4");  // a PDF with a record's name
  std::vector<std::string> inputs{dir / "a.pdf", dir / "d/report.json", "-"};
  auto clash = output_overwrites_input({"", dir / "a.pdf"}, inputs);
  REQUIRE(clash);
  CHECK(clash->code == "output_is_input");
  CHECK(clash->file == dir / "a.pdf");
  CHECK(output_overwrites_input({dir / "d/report.json"}, inputs));
  CHECK(output_overwrites_input({dir / "d/../a.pdf"}, inputs));
  CHECK_FALSE(output_overwrites_input({dir / "out.jsonl", dir / "d/a.json", "-"}, inputs));
}
