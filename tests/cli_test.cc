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
  // The libraries it was built with and the lexicon's sources.
  for (const char* name : {"poppler ", "Tesseract ", "ICU ", "qpdf ", "wdutch", "hunspell-nl"}) {
    INFO(name);
    CHECK(r.out.find(name) != std::string::npos);
  }
  RunResult v = run_overleg("-V");
  CHECK(v.exit_code == 0);
  CHECK(v.out == r.out);
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

TEST_CASE("cli: --format json --pretty is one indented JSON array, also of one record", "[cli]") {
  RunResult r = run_overleg("extract --format json --pretty " + shell_quote(sample_path(kSample)));
  CHECK(r.exit_code == 0);
  CHECK(lines_of(r.out).size() > 20);
  json all = json::parse(r.out);
  REQUIRE(all.is_array());
  REQUIRE(all.size() == 1);
  CHECK(all[0]["format"] == "overleg.report/1");
  CHECK(all[0]["meeting"]["zone"] == "Zuid");
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

// --- Contracts a script relies on (issue #12) ---

TEST_CASE("cli: a write error on stdout exits 5 with a message", "[cli][contracts]") {
  for (const std::string& cmd : std::vector<std::string>{"extract", "extract --format json", "extract --format markdown", "inspect"}) {
    INFO(cmd);
    RunResult r = run(shell_quote(overleg::test::binary()) + " " + cmd + " " + shell_quote(sample_path(kSample)) +
                      " > /dev/full");
    CHECK(r.exit_code == 5);
    CHECK(r.err.rfind("overleg: ", 0) == 0);
    CHECK(r.err.find("standard output") != std::string::npos);
    CHECK(r.err.find("No space left") != std::string::npos);
  }
  RunResult s = run(shell_quote(overleg::test::binary()) + " schema > /dev/full");
  CHECK(s.exit_code == 5);
  CHECK_FALSE(s.err.empty());
}

TEST_CASE("cli: a folder argument without any document is an error that names it", "[cli][contracts]") {
  TempDir dir;
  fs::create_directories(dir / "empty");
  RunResult alone = run_overleg("extract -q " + shell_quote(dir / "empty"));
  CHECK(alone.exit_code == 3);
  CHECK(alone.out.empty());
  REQUIRE(lines_of(alone.err).size() == 1);
  CHECK(alone.err.find(dir / "empty") != std::string::npos);

  RunResult mixed = run_overleg("extract -q " + shell_quote(dir / "empty") + " " + shell_quote(sample_path(kSample)));
  CHECK(mixed.exit_code == 1);
  CHECK(lines_of(mixed.out).size() == 1);
  CHECK(mixed.err.find(dir / "empty") != std::string::npos);
}

TEST_CASE("cli: an unreadable subfolder is a warning naming it; the rest is converted", "[cli][contracts]") {
  TempDir dir;
  fs::create_directories(dir / "archive/open");
  fs::create_directories(dir / "archive/closed");
  fs::copy_file(sample_path(kSample), dir / "archive/open/a.pdf");
  fs::copy_file(sample_path(kOtherSample), dir / "archive/closed/b.pdf");
  fs::permissions(dir / "archive/closed", fs::perms::none);
  // Root reads every folder anyway: run without the capabilities that allow it.
  std::string prefix = ::geteuid() == 0 ? "setpriv --bounding-set -dac_override,-dac_read_search " : "";
  RunResult r = run(prefix + shell_quote(overleg::test::binary()) + " extract -q " + shell_quote(dir / "archive"));
  fs::permissions(dir / "archive/closed", fs::perms::owner_all);
  INFO("stderr: " << r.err);
  CHECK(lines_of(r.out).size() == 1);
  REQUIRE(lines_of(r.err).size() == 1);
  CHECK(r.err.find(dir / "archive/closed") != std::string::npos);
  CHECK(r.err.find("Permission denied") != std::string::npos);
}

TEST_CASE("cli: --format json is always an array on stdout and in -o FILE, objects in -o DIR/", "[cli][contracts]") {
  TempDir dir;
  std::string a = copy_sample(dir, kSample), b = copy_sample(dir, kOtherSample);
  for (const std::string& inputs : {shell_quote(a), shell_quote(a) + " " + shell_quote(b)}) {
    RunResult r = run_overleg("extract -q --format json " + inputs);
    CHECK(r.exit_code == 0);
    json j = json::parse(r.out);
    CHECK(j.is_array());
    CHECK(j.size() == (inputs.find(' ') == std::string::npos ? 1u : 2u));
  }
  // No document at all: still an array, empty.
  RunResult none = run_overleg("extract -q --format json " + shell_quote(dir / "missing.pdf"));
  CHECK(none.exit_code == 3);
  CHECK(json::parse(none.out) == json::array());
  RunResult file = run_overleg("extract -q --format json --pretty " + shell_quote(a) + " -o " + shell_quote(dir / "all.json"));
  CHECK(file.exit_code == 0);
  json all = json::parse(read_text(dir / "all.json"));
  REQUIRE(all.is_array());
  CHECK(all.size() == 1);
  RunResult folder = run_overleg("extract -q --format json --pretty " + shell_quote(a) + " -o " + shell_quote(dir / "out/"));
  CHECK(folder.exit_code == 0);
  CHECK(json::parse(read_text(dir / ("out/" + kSample + ".json"))).is_object());
}

TEST_CASE("cli: --pretty is refused where it cannot indent", "[cli][contracts]") {
  for (const std::string& format : std::vector<std::string>{"jsonl", "markdown", "text"}) {
    INFO(format);
    RunResult r = run_overleg("extract --pretty --format " + format + " " + shell_quote(sample_path(kSample)));
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK(r.err.find("--pretty") != std::string::npos);
  }
}

TEST_CASE("cli: --report lists missing inputs and agrees with the exit code", "[cli][contracts]") {
  TempDir dir;
  std::string good = copy_sample(dir, kSample);
  RunResult r = run_overleg("extract -q " + shell_quote(good) + " " + shell_quote(dir / "missing.pdf") + " --report " +
                            shell_quote(dir / "run.json"));
  CHECK(r.exit_code == 1);
  json report = json::parse(read_text(dir / "run.json"));
  CHECK(report["total"] == 2);
  CHECK(report["failed"] == 1);
  CHECK(report["converted"] == 1);
  REQUIRE(report["inputs"].size() == 2);
  bool listed = false;
  for (const json& row : report["inputs"])
    listed = listed || (row["path"] == dir / "missing.pdf" && row["status"] == "failed");
  CHECK(listed);
}

TEST_CASE("cli: an unwritable -o DIR/ is counted as failed in the summary, exit 5", "[cli][contracts]") {
  TempDir dir;
  std::string a = copy_sample(dir, kSample), b = copy_sample(dir, kOtherSample);
  write_text(dir / "records", "a file where the folder should be");
  RunResult r = run_overleg("extract " + shell_quote(a) + " " + shell_quote(b) + " -o " + shell_quote(dir / "records/") +
                            " --report " + shell_quote(dir / "run.json"));
  CHECK(r.exit_code == 5);
  INFO("stderr: " << r.err);
  CHECK(r.err.find("0 converted") != std::string::npos);
  CHECK(r.err.find("output failed") != std::string::npos);
  json report = json::parse(read_text(dir / "run.json"));
  CHECK(report["converted"] == 0);
  CHECK(report["output_failed"] == true);
}

TEST_CASE("cli: missing OCR language data stops the run before the first document", "[cli][contracts]") {
  TempDir dir;
  fs::create_directories(dir / "tessdata");
  // A text-layer sample needs no OCR, yet a run that could meet a scan must
  // not pass only to fail at its first scan.
  RunResult r = run("env TESSDATA_PREFIX=" + shell_quote(dir / "tessdata") + " " + shell_quote(overleg::test::binary()) +
                    " extract -q --lang deu " + shell_quote(sample_path(kSample)));
  CHECK(r.exit_code == 4);
  CHECK(r.out.empty());
  CHECK(r.err.find("tesseract-ocr-deu") != std::string::npos);
  // --ocr never needs no language data.
  RunResult never = run("env TESSDATA_PREFIX=" + shell_quote(dir / "tessdata") + " " + shell_quote(overleg::test::binary()) +
                        " extract -q --ocr never --lang deu " + shell_quote(sample_path(kSample)));
  CHECK(never.exit_code == 0);
}

TEST_CASE("cli: a shard from Slurm's variables is announced on stderr", "[cli][contracts]") {
  RunResult r = run("env SLURM_ARRAY_TASK_ID=1 SLURM_ARRAY_TASK_COUNT=2 " + shell_quote(overleg::test::binary()) +
                    " extract -q " + shell_quote(sample_path(kSample)));
  CHECK(r.exit_code == 0);
  CHECK(r.out.empty());  // the one input is shard 0's
  CHECK(r.err.find("SLURM_ARRAY_TASK_ID") != std::string::npos);
  CHECK(r.err.find("0 of 1") != std::string::npos);
}

TEST_CASE("cli: usage errors name the wrong word, prefixed overleg:", "[cli][contracts]") {
  RunResult bogus = run_overleg("--bogus");
  CHECK(bogus.exit_code == 2);
  CHECK(bogus.err.rfind("overleg: ", 0) == 0);
  CHECK(bogus.err.find("--bogus") != std::string::npos);
  RunResult word = run_overleg("frobnicate");
  CHECK(word.exit_code == 2);
  CHECK(word.err.rfind("overleg: ", 0) == 0);
  CHECK(word.err.find("frobnicate") != std::string::npos);
  RunResult sub = run_overleg("extract --no-such-option " + shell_quote(sample_path(kSample)));
  CHECK(sub.exit_code == 2);
  CHECK(sub.err.rfind("overleg: ", 0) == 0);
  CHECK(sub.err.find("--no-such-option") != std::string::npos);
}

TEST_CASE("cli: --help has no type noise and lists exit codes and environment", "[cli][contracts]") {
  RunResult main_help = run_overleg("--help");
  CHECK(main_help.exit_code == 0);
  for (const char* word : {"Exit status", "130", "OVERLEG_DATA_DIR", "SLURM_ARRAY_TASK_ID", "TESSDATA_PREFIX"}) {
    INFO(word);
    CHECK(main_help.out.find(word) != std::string::npos);
  }
  RunResult help = run_overleg("extract --help");
  CHECK(help.exit_code == 0);
  for (const char* noise : {"FLOAT", "INT ", "INT:", " TEXT", "in [", ":{", "REQUIRED"}) {
    INFO(noise);
    CHECK(help.out.find(noise) == std::string::npos);
  }
  CHECK(help.out.find("--timeout SECONDS") != std::string::npos);
  CHECK(help.out.find("(default: 120)") != std::string::npos);
}

TEST_CASE("cli: progress to a log or TERM=dumb is plain lines without control codes", "[cli][contracts]") {
  TempDir dir;
  std::string a = copy_sample(dir, kSample), b = copy_sample(dir, kOtherSample);
  RunResult r = run("env TERM=dumb " + shell_quote(overleg::test::binary()) + " extract --progress -j 1 " + shell_quote(a) +
                    " " + shell_quote(b));
  CHECK(r.exit_code == 0);
  CHECK(r.err.find('\r') == std::string::npos);
  CHECK(r.err.find('\033') == std::string::npos);
  CHECK(r.err.find(" docs, ") != std::string::npos);  // a progress line was written
}

TEST_CASE("cli: schema prints the record's JSON Schema", "[cli][contracts]") {
  RunResult r = run_overleg("schema");
  CHECK(r.exit_code == 0);
  json schema = json::parse(r.out);
  CHECK(schema["$id"] == "urn:overleg:schema:overleg.report/1");
  CHECK(r.out == read_text((fs::path(overleg::test::source_dir()) / "docs/record.schema.json").string()));
}

TEST_CASE("cli: --data-dir and OVERLEG_DATA_DIR say where the lexicon is", "[cli][contracts]") {
  TempDir dir;
  RunResult wrong = run_overleg("--data-dir " + shell_quote(dir.path().string()) + " extract -q " +
                                shell_quote(sample_path(kSample)));
  CHECK(wrong.exit_code == 4);
  CHECK(wrong.err.find(dir / "nl.lex") != std::string::npos);
  RunResult env = run("env OVERLEG_DATA_DIR=" + shell_quote(dir.path().string()) + " " + shell_quote(overleg::test::binary()) +
                      " extract -q " + shell_quote(sample_path(kSample)));
  CHECK(env.exit_code == 4);
}
