#include "batch/batch.h"

#include <catch2/catch.hpp>

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <thread>

#include "batch/resume.h"
#include "batch/run_report.h"
#include "util/atomic_file.h"
#include "util/sha256.h"

using namespace overleg;
namespace fs = std::filesystem;

namespace {

/// A fresh temporary folder, removed at the end of the test.
struct TempDir {
  fs::path path;
  TempDir() {
    static std::atomic<int> n{0};
    path = fs::temp_directory_path() / ("overleg-batch-test-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
  std::string file(const std::string& rel, const std::string& content) const {
    fs::path p = path / rel;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
  }
};

/// A converter that reads the "document" as instructions: "sleep:MS",
/// "fail", "throw", anything else converts to a one-page report.
DocumentConverter fake_converter() {
  return [](const std::string& path, std::string bytes, const std::string&) -> Result<Report> {
    if (bytes.rfind("sleep:", 0) == 0) std::this_thread::sleep_for(std::chrono::milliseconds(std::stoi(bytes.substr(6))));
    if (bytes == "fail") return Failure{ErrorKind::damaged, {"damaged", path, 0, "damaged PDF"}};
    if (bytes == "throw") throw std::runtime_error("boom");
    Report r;
    r.source.path = path;
    r.source.sha256 = sha256_hex(bytes);
    r.source.pages = 2;
    r.pages.resize(2);
    r.pages[1].method = PageMethod::ocr;
    return r;
  };
}

BatchOptions fake_options(int jobs) {
  BatchOptions o;
  o.jobs = jobs;
  o.make_converter = fake_converter;
  o.render = [](const Report& r) { return r.source.path; };
  return o;
}

std::vector<BatchInput> inputs_of(const std::vector<std::string>& paths) {
  std::vector<BatchInput> out;
  for (const auto& p : paths) out.push_back({p, fs::path(p).stem().string()});
  return out;
}

}  // namespace

TEST_CASE("batch delivers in input order whatever finishes first", "[batch]") {
  TempDir dir;
  std::vector<std::string> paths;
  for (int i = 0; i < 24; ++i) paths.push_back(dir.file("d" + std::to_string(100 + i) + ".pdf", "sleep:" + std::to_string((i * 37) % 30)));
  std::vector<std::string> got;
  BatchSummary s = run_batch(inputs_of(paths), fake_options(4), [&](DocumentOutcome& o) {
    got.push_back(o.output);
    return true;
  });
  CHECK(got == paths);
  CHECK(s.converted == 24);
  CHECK(s.pages == 48);
  CHECK(s.ocr_pages == 24);
  CHECK(s.rows.size() == 24);
}

TEST_CASE("batch keeps a bounded window of documents ahead of a slow one", "[batch]") {
  TempDir dir;
  std::vector<std::string> paths{dir.file("a.pdf", "sleep:400")};
  for (int i = 0; i < 40; ++i) paths.push_back(dir.file("b" + std::to_string(100 + i) + ".pdf", "x"));
  BatchOptions o = fake_options(3);
  o.window = 5;
  std::atomic<int> started{0};
  o.already_done = [&](const BatchInput&, const std::string&) {
    ++started;
    return false;
  };
  std::thread watcher([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(250));
    // While a.pdf is converting, no more than window documents have started.
    CHECK(started.load() <= 5);
  });
  BatchSummary s = run_batch(inputs_of(paths), o, [](DocumentOutcome&) { return true; });
  watcher.join();
  CHECK(s.converted == 41);
}

TEST_CASE("one bad document never stops the batch", "[batch]") {
  TempDir dir;
  auto paths = std::vector<std::string>{dir.file("1.pdf", "ok"), dir.file("2.pdf", "fail"), dir.file("3.pdf", "throw"),
                                        (dir.path / "missing.pdf").string(), dir.file("5.pdf", "ok")};
  std::vector<DocumentStatus> statuses;
  BatchSummary s = run_batch(inputs_of(paths), fake_options(2), [&](DocumentOutcome& o) {
    statuses.push_back(o.status);
    return true;
  });
  CHECK(s.converted == 2);
  CHECK(s.failed == 3);
  CHECK(s.rows[1].failure.kind == ErrorKind::damaged);
  CHECK(s.rows[2].failure.kind == ErrorKind::internal);
  CHECK(s.rows[3].failure.kind == ErrorKind::io);
  CHECK(statuses.size() == 5);
}

TEST_CASE("a document over the deadline fails with timeout and the batch goes on", "[batch]") {
  TempDir dir;
  auto paths = std::vector<std::string>{dir.file("slow.pdf", "sleep:3000"), dir.file("a.pdf", "ok"), dir.file("b.pdf", "ok")};
  BatchOptions o = fake_options(1);
  o.timeout_seconds = 0.3;
  auto t0 = std::chrono::steady_clock::now();
  BatchSummary s = run_batch(inputs_of(paths), o, [](DocumentOutcome&) { return true; });
  CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(2));
  CHECK(s.rows[0].status == DocumentStatus::failed);
  CHECK(s.rows[0].failure.kind == ErrorKind::timeout);
  CHECK(s.converted == 2);  // on a fresh engine
  CHECK(s.abandoned == 1);
  std::this_thread::sleep_for(std::chrono::milliseconds(3000));  // let the abandoned thread end before the fixture goes
}

TEST_CASE("stop request: no new documents, finished ones delivered, rest cancelled", "[batch]") {
  TempDir dir;
  std::vector<std::string> paths;
  for (int i = 0; i < 20; ++i) paths.push_back(dir.file(std::to_string(100 + i) + ".pdf", "sleep:50"));
  std::atomic<bool> stop{false};
  BatchOptions o = fake_options(2);
  o.stop = &stop;
  std::size_t delivered = 0;
  BatchSummary s = run_batch(inputs_of(paths), o, [&](DocumentOutcome& o) {
    if (o.status == DocumentStatus::converted) ++delivered;
    if (delivered == 3) stop = true;
    return true;
  });
  CHECK(s.interrupted);
  CHECK(s.converted >= 3);
  CHECK(s.converted < 20);
  CHECK(s.converted + s.cancelled == 20);
}

TEST_CASE("resume: already_done inputs are skipped, not converted", "[batch]") {
  TempDir dir;
  auto paths = std::vector<std::string>{dir.file("a.pdf", "A"), dir.file("b.pdf", "B")};
  BatchOptions o = fake_options(2);
  o.already_done = [](const BatchInput& in, const std::string& sha) { return sha == sha256_hex("A"); };
  BatchSummary s = run_batch(inputs_of(paths), o, [](DocumentOutcome&) { return true; });
  CHECK(s.rows[0].status == DocumentStatus::skipped);
  CHECK(s.rows[1].status == DocumentStatus::converted);
  CHECK(s.skipped == 1);
}

TEST_CASE("on_finished sees a record behind a slow first document before that one is done", "[batch][durable]") {
  // Records are delivered in input order; on_finished is where they are made
  // durable at once instead of waiting in memory behind the slow one.
  TempDir dir;
  std::vector<std::string> paths{dir.file("slow.pdf", "sleep:1500")};
  for (int i = 0; i < 4; ++i) paths.push_back(dir.file("f" + std::to_string(i) + ".pdf", "ok"));
  BatchOptions o = fake_options(2);
  std::mutex m;
  std::vector<std::pair<std::size_t, bool>> finished;  // (index, waiting), as they came
  std::atomic<bool> slow_delivered{false};
  std::atomic<int> early{0};  // fast ones kept while the slow one was still converting
  o.on_finished = [&](DocumentOutcome& d, bool waiting) -> Result<bool> {
    std::lock_guard lock(m);
    finished.emplace_back(d.index, waiting);
    if (d.index > 0 && !slow_delivered) ++early;
    if (d.index == 2) d.written = true;  // as -o DIR/ does
    return true;
  };
  std::vector<bool> written;
  BatchSummary s = run_batch(inputs_of(paths), o, [&](DocumentOutcome& d) {
    if (d.index == 0) slow_delivered = true;
    written.push_back(d.written);
    return true;
  });
  CHECK(s.converted == 5);
  CHECK(early == 4);
  REQUIRE(finished.size() == 5);
  for (auto [i, waiting] : finished) CHECK(waiting == (i > 0));
  CHECK(written == std::vector<bool>{false, false, true, false, false});
}

TEST_CASE("on_finished failing marks that document failed and stops the batch", "[batch][durable]") {
  TempDir dir;
  std::vector<std::string> paths;
  for (int i = 0; i < 6; ++i) paths.push_back(dir.file(std::to_string(i) + ".pdf", "ok"));
  BatchOptions o = fake_options(1);
  o.on_finished = [](DocumentOutcome& d, bool) -> Result<bool> {
    if (d.index == 1) return Failure{ErrorKind::io, {"write_failed", "out/1.json", 0, "cannot write: disk full"}};
    return true;
  };
  BatchSummary s = run_batch(inputs_of(paths), o, [](DocumentOutcome&) { return true; });
  CHECK(s.output_failed);
  CHECK(s.rows[1].status == DocumentStatus::failed);
  CHECK(s.rows[1].failure.diagnostic.code == "write_failed");
  CHECK(s.converted < 6);
}

TEST_CASE("isolate: a child that never returns fails with timeout, nothing is abandoned", "[batch][isolate][hostile]") {
  TempDir dir;
  auto paths = std::vector<std::string>{dir.file("hang.pdf", "hang"), dir.file("a.pdf", "ok")};
  BatchOptions o = fake_options(1);
  o.timeout_seconds = 0.5;
  // The child: reads the document; "hang" blocks for ever, else a reply.
  o.isolate.argv = {"/bin/sh", "-c",
                    "cat >/dev/null; if grep -q hang \"$1\"; then exec sleep 600; fi; "
                    "printf '{\"converted\":true,\"pages\":2,\"ocr_pages\":1,\"output_length\":2}\\nOK'",
                    "sh"};
  auto t0 = std::chrono::steady_clock::now();
  BatchSummary s = run_batch(inputs_of(paths), o, [](DocumentOutcome&) { return true; });
  CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(8));
  CHECK(s.rows[0].status == DocumentStatus::failed);
  CHECK(s.rows[0].failure.kind == ErrorKind::timeout);
  CHECK(s.rows[1].status == DocumentStatus::converted);
  CHECK(s.pages == 2);
  CHECK(s.ocr_pages == 1);
  CHECK(s.abandoned == 0);  // the child was killed, not left running
}

TEST_CASE("deliver failing stops the batch with output_failed", "[batch]") {
  TempDir dir;
  std::vector<std::string> paths;
  for (int i = 0; i < 10; ++i) paths.push_back(dir.file(std::to_string(i) + ".pdf", "ok"));
  BatchSummary s = run_batch(inputs_of(paths), fake_options(2), [](DocumentOutcome&) { return false; });
  CHECK(s.output_failed);
}

TEST_CASE("an outcome deliver marks failed is counted as failed", "[batch]") {
  TempDir dir;
  std::vector<std::string> paths;
  for (int i = 0; i < 3; ++i) paths.push_back(dir.file(std::to_string(i) + ".pdf", "ok"));
  BatchSummary s = run_batch(inputs_of(paths), fake_options(1), [](DocumentOutcome& o) {
    o.status = DocumentStatus::failed;
    o.failure = Failure{ErrorKind::io, {"write_failed", o.path, 0, "cannot write: disk full"}};
    return false;
  });
  CHECK(s.output_failed);
  CHECK(s.converted == 0);
  CHECK(s.failed >= 1);
  CHECK(s.converted + s.failed + s.cancelled + s.skipped == s.total);
}

TEST_CASE("add_argument_problems makes a failed row per argument that named nothing", "[batch]") {
  BatchSummary s;
  s.total = 1;
  s.converted = 1;
  s.rows.resize(1);
  s.rows[0].path = "a.pdf";
  s.rows[0].status = DocumentStatus::converted;
  add_argument_problems(s, {{"input_missing", "gone.pdf", 0, "no such file or folder"}});
  CHECK(s.total == 2);
  CHECK(s.failed == 1);
  auto j = summary_to_json(s, {{"folder_unreadable", "in/closed", 0, "cannot list folder"}});
  REQUIRE(j["inputs"].size() == 2);
  CHECK(j["inputs"][0]["path"] == "gone.pdf");
  CHECK(j["inputs"][0]["status"] == "failed");
  CHECK(j["inputs"][0]["error"]["code"] == "input_missing");
  REQUIRE(j["warnings"].size() == 1);
  CHECK(j["warnings"][0]["path"] == "in/closed");
}

TEST_CASE("record_matches checks source.sha256", "[batch]") {
  TempDir dir;
  std::string rec = dir.file("r.json", R"({"format":"overleg.report/1","source":{"path":"x","sha256":"abc"}})");
  CHECK(record_matches(rec, "abc"));
  CHECK_FALSE(record_matches(rec, "abd"));
  CHECK_FALSE(record_matches(dir.file("half.json", R"({"format":"overleg.report/1","sou)"), "abc"));
  CHECK_FALSE(record_matches((dir.path / "none.json").string(), "abc"));
}

TEST_CASE("remove_stale_temporaries removes only the targets' leftovers", "[batch]") {
  TempDir dir;
  std::string target = (dir.path / "a.json").string();
  dir.file("a.json.tmp-elders.example-123-0", "{");   // a killed run on another machine
  dir.file("a.json.tmp-" + temporary_host_tag() + "-999999999-7", "{");  // a dead process here
  dir.file("b.json.tmp-elders-123-0", "{");  // another shard's
  dir.file("a.json", "{}");
  CHECK(remove_stale_temporaries({target}) == 2);
  CHECK(fs::exists(dir.path / "a.json"));
  CHECK(fs::exists(dir.path / "b.json.tmp-elders-123-0"));
}

TEST_CASE("remove_stale_temporaries never takes what overleg did not write (issue #11 case 4)", "[batch][hostile]") {
  TempDir dir;
  std::string target = (dir.path / "x.txt").string();
  dir.file("x.txt.tmp-a.pdf", "%PDF-1.4 an input");      // the file the old sweep deleted
  dir.file("x.txt.tmp-", "");
  dir.file("x.txt.tmp-host-12-", "");
  dir.file("x.txt.tmp-ho-st-12-3x", "");
  dir.file("x.txt.tmp-host-12-3/inside", "a folder that matches the pattern");
  fs::create_symlink(dir.path / "x.txt.tmp-a.pdf", dir.path / "x.txt.tmp-host-12-4");  // a link, not a file
  dir.file("x.txt.tmp-" + temporary_host_tag() + "-" + std::to_string(::getpid() == 1 ? 2 : 1) + "-0", "live");
  CHECK(remove_stale_temporaries({target}) == 0);
  CHECK(fs::exists(dir.path / "x.txt.tmp-a.pdf"));
  CHECK(fs::exists(dir.path / "x.txt.tmp-host-12-3/inside"));
  CHECK(fs::is_symlink(dir.path / "x.txt.tmp-host-12-4"));
  CHECK(fs::exists(dir.path / "x.txt.tmp-"));
}

TEST_CASE("plan_inputs mirrors subfolders and keeps same-stem inputs apart", "[batch]") {
  TempDir dir;
  dir.file("in/x/report.pdf", "1");
  dir.file("in/y/report.pdf", "2");
  dir.file("in/report.pdf", "3");
  dir.file("in/report.png", "4");
  dir.file("other/report.pdf", "5");
  BatchInputs p = plan_inputs({(dir.path / "in").string(), (dir.path / "other").string(), "-"});
  std::vector<std::string> names;
  for (const auto& in : p.inputs) names.push_back(in.output);
  CHECK(names == std::vector<std::string>{"report", "report-2", "x/report", "y/report", "report-3", "stdin"});
  CHECK(p.problems.empty());
  CHECK(plan_inputs({(dir.path / "nothing").string()}).problems.size() == 1);
  // A folder without any input is a problem of that argument.
  fs::create_directories(dir.path / "empty/sub");
  dir.file("empty/sub/notes.txt", "x");
  BatchInputs empty = plan_inputs({(dir.path / "empty").string()});
  REQUIRE(empty.problems.size() == 1);
  CHECK(empty.problems[0].code == "input_empty");
}

TEST_CASE("summary_to_json has totals and one row per input", "[batch]") {
  BatchSummary s;
  s.total = 2;
  s.converted = 1;
  s.failed = 1;
  s.rows.resize(2);
  s.rows[0].path = "a.pdf";
  s.rows[0].sha256 = "aa";
  s.rows[0].status = DocumentStatus::converted;
  s.rows[1].path = "b.pdf";
  s.rows[1].status = DocumentStatus::failed;
  s.rows[1].failure = Failure{ErrorKind::timeout, {"timeout", "b.pdf", 0, "too slow"}};
  auto j = summary_to_json(s);
  CHECK(j["converted"] == 1);
  REQUIRE(j["inputs"].size() == 2);
  CHECK(j["inputs"][0]["error"].is_null());
  CHECK(j["inputs"][1]["sha256"].is_null());
  CHECK(j["inputs"][1]["error"]["kind"] == "timeout");
}
