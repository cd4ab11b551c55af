// Tests of inputs.h: INPUT arguments expanded into the documents to convert.
#include <catch2/catch.hpp>

#include "batch/inputs.h"
#include "test_support.h"

using namespace overleg;
using overleg::test::TempDir;
using overleg::test::write_text;
namespace fs = std::filesystem;

TEST_CASE("has_input_extension", "[inputs]") {
  CHECK(has_input_extension("a.pdf"));
  CHECK(has_input_extension("dir/A.PDF"));
  CHECK(has_input_extension("scan.png"));
  CHECK(has_input_extension("scan.tif"));
  CHECK(has_input_extension("scan.TIFF"));
  CHECK(has_input_extension("foto.jpg"));
  CHECK(has_input_extension("foto.jpeg"));
  CHECK_FALSE(has_input_extension("notes.txt"));
  CHECK_FALSE(has_input_extension("pdf"));
  CHECK_FALSE(has_input_extension("archive.pdf.gz"));
}

TEST_CASE("expand_inputs: a folder gives its inputs recursively, sorted by path", "[inputs]") {
  TempDir dir;
  fs::create_directories(dir.path() / "b" / "deep");
  fs::create_directories(dir.path() / "a");
  for (const char* name : {"z.pdf", "b/deep/x.pdf", "a/y.PDF", "m.png", "notes.txt", "b/readme.md", "c.tiff"})
    write_text(dir / name, "x");
  InputList list = expand_inputs({dir.path().string()});
  CHECK(list.problems.empty());
  std::vector<std::string> expected;
  for (const char* name : {"a/y.PDF", "b/deep/x.pdf", "c.tiff", "m.png", "z.pdf"})
    expected.push_back((dir.path() / name).string());
  CHECK(list.paths == expected);
}

TEST_CASE("expand_inputs: files as given, in the order given, whatever their name", "[inputs]") {
  TempDir dir;
  write_text(dir / "b.pdf", "x");
  write_text(dir / "a.pdf", "x");
  write_text(dir / "report.bin", "x");
  InputList list = expand_inputs({dir / "b.pdf", dir / "a.pdf", dir / "report.bin"});
  CHECK(list.problems.empty());
  CHECK(list.paths == std::vector<std::string>{dir / "b.pdf", dir / "a.pdf", dir / "report.bin"});
}

TEST_CASE("expand_inputs: '-' is standard input", "[inputs]") {
  InputList list = expand_inputs({"-"});
  CHECK(list.paths == std::vector<std::string>{"-"});
  CHECK(list.problems.empty());
}

TEST_CASE("expand_inputs: a missing path is a problem, the others still come", "[inputs]") {
  TempDir dir;
  write_text(dir / "a.pdf", "x");
  InputList list = expand_inputs({dir / "missing.pdf", dir / "a.pdf"});
  CHECK(list.paths == std::vector<std::string>{dir / "a.pdf"});
  REQUIRE(list.problems.size() == 1);
  CHECK(list.problems[0].file == dir / "missing.pdf");
  CHECK_FALSE(list.problems[0].code.empty());
  CHECK_FALSE(list.problems[0].message.empty());
  CHECK(list.problems[0].to_line().find("missing.pdf") != std::string::npos);
}

TEST_CASE("expand_inputs: a folder without any input is a problem naming it (issue #12)", "[inputs]") {
  TempDir dir;
  InputList list = expand_inputs({dir.path().string()});
  CHECK(list.paths.empty());
  REQUIRE(list.problems.size() == 1);
  CHECK(list.problems[0].code == "input_empty");
  CHECK(list.problems[0].file == dir.path().string());
  CHECK(list.warnings.empty());
}
