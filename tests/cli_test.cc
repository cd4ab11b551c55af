// End-to-end tests of the `overleg` command (OVERLEG_BINARY): records on
// stdout or in files, one diagnostic line per bad input, exit codes as in
// cli/exit_codes.h and README.md.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "test_support.h"

using overleg::test::lines_of;
using overleg::test::read_text;
using overleg::test::RunResult;
using overleg::test::run;
using overleg::test::run_overleg;
using overleg::test::shell_quote;
using overleg::test::TempDir;
using overleg::test::write_text;
using json = nlohmann::json;
namespace fs = std::filesystem;

namespace {

const std::string kSample = "gg-zuid-2025-09-25";
const std::string kOtherSample = "gg-zuid-2025-01-16";

std::string sample_path(const std::string& name) {
  return (fs::path(overleg::test::source_dir()) / "samples" / (name + ".pdf")).string();
}

// Copies a sample into `dir` and returns its new path.
std::string copy_sample(const TempDir& dir, const std::string& name) {
  std::string to = dir / (name + ".pdf");
  fs::copy_file(sample_path(name), to, fs::copy_options::overwrite_existing);
  return to;
}

std::string garbage_file(const TempDir& dir) {
  std::string path = dir / "garbage.pdf";
  std::string bytes;
  std::uint32_t x = 12345;
  for (int i = 0; i < 4096; ++i) {
    x = x * 1103515245u + 12345u;
    bytes += static_cast<char>(x >> 24);
  }
  bytes[0] = 'X';  // never "%PDF" by chance
  write_text(path, bytes);
  return path;
}

std::string truncated_file(const TempDir& dir) {
  std::string path = dir / "truncated.pdf";
  write_text(path, read_text(sample_path(kSample)).substr(0, 3000));
  return path;
}

// An encrypted PDF that needs a user password: the real-world corpus's
// qpdf-made one, else one made with the qpdf command; "" when neither is here.
std::string encrypted_file(const TempDir& dir) {
  fs::path corpus = fs::path(overleg::test::shared_dir()) / "corpus/realworld/malformed/enc-rc4-128-userpw-view-qpdf.pdf";
  std::error_code ec;
  if (fs::exists(corpus, ec)) {
    std::string path = dir / "encrypted.pdf";
    fs::copy_file(corpus, path, ec);
    if (!ec) return path;
  }
  std::string path = dir / "encrypted.pdf";
  RunResult r = run("qpdf --encrypt user owner 256 -- " + shell_quote(sample_path(kSample)) + " " + shell_quote(path));
  if (r.exit_code == 0 && fs::exists(path, ec)) return path;
  return "";
}

json parse_record(const std::string& line) {
  json j = json::parse(line);
  REQUIRE(j.is_object());
  CHECK(j["format"] == "overleg.report/1");
  return j;
}

// The checks every bad input gets: alone it fails the run (exit 3) with one
// line on stderr that names it and says why, and no record; beside a good
// input the good one is still converted (exit 1).
void check_bad_input(const TempDir& dir, const std::string& bad, const std::vector<std::string>& reason_words) {
  INFO("input: " << bad);
  std::string name = fs::path(bad).filename().string();
  {
    // -q: no run summary, so standard error holds the diagnostics only.
    RunResult r = run_overleg("extract -q " + shell_quote(bad));
    CHECK(r.exit_code == 3);
    CHECK(r.out.empty());
    std::vector<std::string> err = lines_of(r.err);
    INFO("stderr: " << r.err);
    REQUIRE(err.size() == 1);
    CHECK(err[0].find(name) != std::string::npos);
    // After the file's name comes the reason.
    std::size_t at = err[0].find(name) + name.size();
    CHECK(err[0].size() > at + 5);
    bool named = reason_words.empty();
    for (const std::string& w : reason_words) named = named || err[0].find(w) != std::string::npos;
    CHECK(named);
  }
  {
    // Without -q: the first line is the diagnostic, and still no record.
    RunResult r = run_overleg("extract " + shell_quote(bad));
    CHECK(r.exit_code == 3);
    CHECK(r.out.empty());
    std::vector<std::string> err = lines_of(r.err);
    REQUIRE_FALSE(err.empty());
    CHECK(err[0].find(name) != std::string::npos);
  }
  {
    std::string good = copy_sample(dir, kSample);
    RunResult r = run_overleg("extract -q " + shell_quote(bad) + " " + shell_quote(good));
    CHECK(r.exit_code == 1);
    std::vector<std::string> out = lines_of(r.out);
    REQUIRE(out.size() == 1);
    json j = parse_record(out[0]);
    CHECK(j["source"]["path"] == good);
    std::vector<std::string> err = lines_of(r.err);
    INFO("stderr: " << r.err);
    REQUIRE(err.size() == 1);
    CHECK(err[0].find(name) != std::string::npos);
  }
}

}  // namespace

TEST_CASE("cli: --version prints the version", "[cli]") {
  RunResult r = run_overleg("--version");
  CHECK(r.exit_code == 0);
  CHECK(r.out.rfind("overleg ", 0) == 0);
  CHECK(r.out.find_first_of("0123456789") != std::string::npos);
}

TEST_CASE("cli: extract on a sample prints one JSON line and exits 0", "[cli]") {
  RunResult r = run_overleg("extract " + shell_quote("samples/" + kSample + ".pdf"), overleg::test::source_dir());
  CHECK(r.exit_code == 0);
  std::vector<std::string> out = lines_of(r.out);
  REQUIRE(out.size() == 1);
  CHECK(r.out.back() == '\n');
  json j = parse_record(out[0]);
  CHECK(j["source"]["path"] == "samples/" + kSample + ".pdf");
  CHECK(j["source"]["pages"] == 2);
  CHECK(j["source"]["bytes"] == fs::file_size(sample_path(kSample)));
  CHECK(j["source"]["sha256"].get<std::string>().size() == 64);
  CHECK(j["meeting"]["date"] == "2025-09-25");
}

TEST_CASE("cli: a sample's record is the same from stdin, named '-'", "[cli]") {
  RunResult file = run_overleg("extract " + shell_quote(sample_path(kSample)));
  RunResult in = run("cat " + shell_quote(sample_path(kSample)) + " | " + shell_quote(overleg::test::binary()) +
                     " extract -");
  CHECK(in.exit_code == 0);
  json a = parse_record(lines_of(file.out).at(0)), b = parse_record(lines_of(in.out).at(0));
  CHECK(b["source"]["path"] == "-");
  a.erase("source");
  b.erase("source");
  CHECK(a == b);
}

TEST_CASE("cli: -o DIR/ writes DIR/<stem>.json", "[cli]") {
  TempDir dir;
  std::string input = copy_sample(dir, kSample);
  std::string out_dir = dir / "records/";
  RunResult r = run_overleg("extract -q " + shell_quote(input) + " -o " + shell_quote(out_dir));
  CHECK(r.exit_code == 0);
  CHECK(r.out.empty());
  std::string record = dir / ("records/" + kSample + ".json");
  REQUIRE(fs::exists(record));
  json j = parse_record(read_text(record));
  CHECK(j["source"]["path"] == input);
  // Nothing else in the folder (no temporary files left behind).
  std::size_t files = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir / "records")) files += e.is_regular_file();
  CHECK(files == 1);
}

TEST_CASE("cli: -o FILE.jsonl gets one line per input, in the order given", "[cli]") {
  TempDir dir;
  std::string a = copy_sample(dir, kOtherSample), b = copy_sample(dir, kSample);
  std::string out = dir / "all.jsonl";
  RunResult r = run_overleg("extract -q " + shell_quote(a) + " " + shell_quote(b) + " -o " + shell_quote(out));
  CHECK(r.exit_code == 0);
  CHECK(r.out.empty());
  std::vector<std::string> lines = lines_of(read_text(out));
  REQUIRE(lines.size() == 2);
  CHECK(parse_record(lines[0])["source"]["path"] == a);
  CHECK(parse_record(lines[1])["source"]["path"] == b);
}

TEST_CASE("cli: --format json --pretty is one indented JSON document", "[cli]") {
  RunResult r = run_overleg("extract --format json --pretty " + shell_quote(sample_path(kSample)));
  CHECK(r.exit_code == 0);
  CHECK(lines_of(r.out).size() > 20);
  json j = parse_record(r.out);
  CHECK(j["meeting"]["zone"] == "Zuid");
}

TEST_CASE("cli: --format markdown renders the record for a person", "[cli]") {
  RunResult r = run_overleg("extract --format markdown " + shell_quote(sample_path(kSample)));
  CHECK(r.exit_code == 0);
  CHECK(r.out.rfind("# ", 0) == 0);
  CHECK(r.out.find("\n## ") != std::string::npos);
  CHECK(r.out.find("\n- ") != std::string::npos);
}

TEST_CASE("cli: a file that is not a PDF", "[cli]") {
  TempDir dir;
  check_bad_input(dir, garbage_file(dir), {"PDF", "pdf"});
}

TEST_CASE("cli: a truncated PDF", "[cli]") {
  TempDir dir;
  check_bad_input(dir, truncated_file(dir), {});
}

TEST_CASE("cli: an empty file", "[cli]") {
  TempDir dir;
  std::string empty = dir / "empty.pdf";
  write_text(empty, "");
  check_bad_input(dir, empty, {});
}

TEST_CASE("cli: an encrypted PDF that needs a password", "[cli]") {
  TempDir dir;
  std::string enc = encrypted_file(dir);
  if (enc.empty()) {
    WARN("skipped: no encrypted PDF (no shared corpus and no qpdf command)");
    return;
  }
  check_bad_input(dir, enc, {"encrypt", "password"});
}

TEST_CASE("cli: a missing input is named; the others are converted", "[cli]") {
  TempDir dir;
  std::string missing = dir / "missing.pdf";
  RunResult alone = run_overleg("extract -q " + shell_quote(missing));
  CHECK(alone.exit_code == 3);
  CHECK(alone.out.empty());
  REQUIRE(lines_of(alone.err).size() == 1);
  CHECK(alone.err.find("missing.pdf") != std::string::npos);

  RunResult mixed = run_overleg("extract -q " + shell_quote(missing) + " " + shell_quote(sample_path(kSample)));
  CHECK(mixed.exit_code == 1);
  CHECK(lines_of(mixed.out).size() == 1);
}

TEST_CASE("cli: bad arguments exit 2", "[cli]") {
  CHECK(run_overleg("extract --no-such-option " + shell_quote(sample_path(kSample))).exit_code == 2);
  CHECK(run_overleg("extract").exit_code == 2);
  CHECK(run_overleg("extract --format xml " + shell_quote(sample_path(kSample))).exit_code == 2);
  CHECK(run_overleg("").exit_code == 2);
  CHECK(run_overleg("no-such-command").exit_code == 2);
  RunResult r = run_overleg("extract --no-such-option " + shell_quote(sample_path(kSample)));
  CHECK(r.out.empty());
  CHECK_FALSE(r.err.empty());
}

TEST_CASE("cli: output that cannot be written exits 5", "[cli]") {
  TempDir dir;
  write_text(dir / "file", "a file, not a folder");
  RunResult r = run_overleg("extract -q " + shell_quote(sample_path(kSample)) + " -o " +
                            shell_quote(dir / "file/out.jsonl"));
  CHECK(r.exit_code == 5);
  CHECK_FALSE(r.err.empty());
}

TEST_CASE("cli: the same input gives the same bytes twice", "[cli]") {
  RunResult a = run_overleg("extract " + shell_quote(sample_path(kSample)));
  RunResult b = run_overleg("extract " + shell_quote(sample_path(kSample)));
  CHECK(a.exit_code == 0);
  CHECK(a.out == b.out);
}

TEST_CASE("cli: inspect shows the blocks of a sample", "[cli]") {
  RunResult r = run_overleg("inspect " + shell_quote(sample_path(kSample)));
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("Monitoring van de behoeften") != std::string::npos);
}
