// Golden records: `overleg` on each samples/<name>.pdf, run from the project
// root, must give tests/golden/<name>.json byte for byte. When a change is
// meant to alter them, run tests/update_golden.sh and review the diff.
#include <catch2/catch.hpp>

#include <algorithm>

#include "test_support.h"

using overleg::test::lines_of;
using overleg::test::read_text;
using overleg::test::RunResult;
using overleg::test::run_overleg;
using overleg::test::shell_quote;
namespace fs = std::filesystem;

namespace {

// Keep in step with tests/update_golden.sh. -o DIR/ writes each record as
// one JSON object (--format json to stdout is an array, even of one).
const std::string kGoldenArgs = "extract -q --format json --pretty -o";

std::vector<std::string> stems(const fs::path& dir, const std::string& ext) {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.path().extension() == ext) out.push_back(e.path().stem().string());
  std::sort(out.begin(), out.end());
  return out;
}

// "line N: expected ... / got ..." for the first line that differs.
std::string first_difference(const std::string& expected, const std::string& got) {
  std::vector<std::string> a, b;
  std::istringstream ia(expected), ib(got);
  for (std::string l; std::getline(ia, l);) a.push_back(l);
  for (std::string l; std::getline(ib, l);) b.push_back(l);
  for (std::size_t i = 0; i < std::max(a.size(), b.size()); ++i) {
    std::string x = i < a.size() ? a[i] : "<end of file>", y = i < b.size() ? b[i] : "<end of output>";
    if (x != y) return "line " + std::to_string(i + 1) + ":\n  golden: " + x + "\n  got:    " + y;
  }
  return "a difference in line endings";
}

}  // namespace

TEST_CASE("golden: every sample has a golden record and every golden record a sample", "[golden]") {
  fs::path root = overleg::test::source_dir();
  std::vector<std::string> samples = stems(root / "samples", ".pdf");
  CHECK_FALSE(samples.empty());
  CHECK(stems(root / "tests/golden", ".json") == samples);
}

TEST_CASE("golden: the samples' records are unchanged", "[golden]") {
  fs::path root = overleg::test::source_dir();
  for (const std::string& name : stems(root / "samples", ".pdf")) {
    DYNAMIC_SECTION(name) {
      fs::path golden = root / "tests/golden" / (name + ".json");
      REQUIRE(fs::exists(golden));
      overleg::test::TempDir out;
      RunResult r = run_overleg(kGoldenArgs + " " + shell_quote(out.path().string() + "/") + " " +
                                    shell_quote("samples/" + name + ".pdf"),
                                root.string());
      INFO("stderr: " << r.err);
      REQUIRE(r.exit_code == 0);
      r.out = read_text(out / (name + ".json"));
      std::string expected = read_text(golden.string());
      INFO("samples/" << name << ".pdf no longer gives tests/golden/" << name << ".json; if the change is "
                                                                              "intended, run "
                                                                              "tests/update_golden.sh and review "
                                                                              "the diff. First difference, "
                      << first_difference(expected, r.out));
      bool unchanged = r.out == expected;  // (not CHECK(a == b): that would print both records)
      CHECK(unchanged);
    }
  }
}
