// The damage generator's inputs (damage.h) through the `overleg` command, one
// process each (issue #11): no crash, bounded memory (getrusage), and either
// one record (exit 0) or one error line naming the file (exit 3).
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "damage.h"
#include "test_support.h"

using overleg::test::lines_of;
using overleg::test::read_text;
using overleg::test::shell_quote;
using overleg::test::TempDir;
using overleg::test::write_text;
namespace fs = std::filesystem;

namespace {

/// Per-input memory goal of the issue (KiB) in a normal build; sanitizer
/// builds (OVERLEG_SANITIZED set) take up to ~3x.
long damage_memory_cap_kib() { return (std::getenv("OVERLEG_SANITIZED") ? 3 : 1) * 500L * 1024; }

struct Checked {
  int exit_code = -1;
  long peak_kib = -1;
  std::string out, err;
};

Checked run_one(const TempDir& dir, const std::string& path) {
  std::string out = dir / "out", err = dir / "err", rc = dir / "rc";
  std::string cmd = "timeout 300 " + shell_quote(overleg::test::binary()) + " extract -q --ocr never " + shell_quote(path) +
                    " >" + shell_quote(out) + " 2>" + shell_quote(err) + "; echo $? >" + shell_quote(rc);
  Checked c;
  c.peak_kib = overleg::test::peak_rss_kib(cmd);
  c.exit_code = std::stoi("0" + read_text(rc));
  c.out = read_text(out);
  c.err = read_text(err);
  return c;
}

}  // namespace

TEST_CASE("damage generator: every damaged input gives a record or one clear error", "[damage][hostile]") {
  TempDir dir;
  std::string sample = read_text((fs::path(overleg::test::source_dir()) / "samples/gg-zuid-2025-09-25.pdf").string());
  std::vector<overleg::test::DamagedInput> inputs = overleg::test::damage_set(sample);
  // Encrypted variants, when the qpdf command is there.
  std::string plain = dir / "plain.pdf";
  write_text(plain, sample);
  for (auto [name, user] : {std::pair<std::string, std::string>{"enc-userpw.pdf", "geheim"}, {"enc-nopw.pdf", ""}}) {
    std::string to = dir / name;
    auto q = overleg::test::run("qpdf --encrypt " + shell_quote(user) + " baas 256 -- " + shell_quote(plain) + " " + shell_quote(to));
    if (q.exit_code == 0) inputs.push_back({name, read_text(to)});
  }
  long worst = 0;
  std::string worst_name;
  for (const auto& in : inputs) {
    std::string path = dir / in.name;
    write_text(path, in.bytes);
    Checked c = run_one(dir, path);
    INFO(in.name << ": exit " << c.exit_code << ", peak " << c.peak_kib << " KiB, stderr: " << c.err);
    CHECK(c.peak_kib > 0);
    CHECK(c.peak_kib < damage_memory_cap_kib());
    if (c.peak_kib > worst) worst = c.peak_kib, worst_name = in.name;
    std::vector<std::string> err = lines_of(c.err), out = lines_of(c.out);
    CHECK(c.err.find("Sanitizer") == std::string::npos);
    CHECK(c.err.find("runtime error") == std::string::npos);
    if (c.exit_code == 0) {
      REQUIRE(out.size() == 1);
      CHECK(nlohmann::json::parse(out[0])["format"] == "overleg.report/1");
      CHECK(err.empty());
    } else {
      CHECK(c.exit_code == 3);
      CHECK(out.empty());
      REQUIRE(err.size() == 1);
      CHECK(err[0].rfind("overleg: " + path + ": ", 0) == 0);
    }
    fs::remove(path);
  }
  WARN("damage set: " << inputs.size() << " inputs, worst peak RSS " << worst / 1024 << " MiB (" << worst_name << ")");
}

TEST_CASE("damage generator: an image bomb with OCR on is refused and not rendered", "[damage][hostile]") {
  // image-bomb.pdf declares a 200000 x 200000 image: poppler's renderer
  // walked every pixel of it for minutes (--ocr never hid it before).
  TempDir dir;
  std::string sample = read_text((fs::path(overleg::test::source_dir()) / "samples/gg-zuid-2025-09-25.pdf").string());
  bool found = false;
  for (const auto& in : overleg::test::damage_set(sample)) {
    if (in.name != "image-bomb.pdf") continue;
    found = true;
    std::string path = dir / in.name;
    write_text(path, in.bytes);
    auto r = overleg::test::run("timeout 120 " + shell_quote(overleg::test::binary()) + " extract -q --ocr auto " +
                                shell_quote(path));
    INFO("exit " << r.exit_code << ": " << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("\"image_too_large\"") != std::string::npos);
  }
  CHECK(found);
}
