// Robustness on real-world PDFs (../shared/corpus/realworld/, skipped when
// absent): every file of malformed/ and wellformed/ gives a Report or a
// Failure with a one-line message, never a crash or a hang. In-process, with
// a watchdog per file. Pages that need OCR are rendered (150 dpi) and read
// by a fake engine, which keeps the suite fast (about 15 s);
// OVERLEG_REALWORLD_OCR=1 runs Tesseract on them instead (about 1 min on
// 2 cores). Tag: [realworld].
#include <catch2/catch.hpp>

#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <iostream>
#include <map>
#include <mutex>
#include <thread>

#include "lexicon/lexicon.h"
#include "extract/ocr_engine.h"
#include "pipeline.h"
#include "record/record.h"
#include "extract/tesseract_engine.h"
#include "test_support.h"

using namespace overleg;
namespace fs = std::filesystem;

namespace {

constexpr double kSecondsPerFile = 60;
constexpr std::uintmax_t kMaxBytes = 5 * 1024 * 1024;

// Ends the test process when one file takes longer than the limit: a hang
// must fail the test, not stall the suite.
class Watchdog {
 public:
  explicit Watchdog(double seconds) : limit_(seconds), thread_([this] { loop(); }) {}
  ~Watchdog() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      done_ = true;
    }
    cv_.notify_all();
    thread_.join();
  }
  void watch(const std::string& file) {
    std::lock_guard<std::mutex> lock(mutex_);
    file_ = file;
    deadline_ = std::chrono::steady_clock::now() +
                std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::duration<double>(limit_));
    cv_.notify_all();
  }
  void done_with_file() {
    std::lock_guard<std::mutex> lock(mutex_);
    file_.clear();
  }

 private:
  void loop() {
    std::unique_lock<std::mutex> lock(mutex_);
    while (!done_) {
      if (file_.empty()) {
        cv_.wait(lock);
        continue;
      }
      if (cv_.wait_until(lock, deadline_) == std::cv_status::timeout && !file_.empty() &&
          std::chrono::steady_clock::now() >= deadline_) {
        std::cerr << "realworld_test: " << file_ << " took more than " << limit_
                  << " s: the converter hangs on it\n";
        std::_Exit(124);
      }
    }
  }

  double limit_;
  std::mutex mutex_;
  std::condition_variable cv_;
  bool done_ = false;
  std::string file_;
  std::chrono::steady_clock::time_point deadline_;
  std::thread thread_;
};

// An OCR engine that reads two words off any page, at its top left.
class FakeOcr : public OcrEngine {
 public:
  Result<OcrResult> recognise(const GrayImage& image) override {
    OcrResult r;
    double scale = 72.0 / std::max(1, image.dpi);
    if (image.width <= 0 || image.height <= 0) return r;
    double x = std::min(72.0, image.width * scale / 4), y = std::min(72.0, image.height * scale / 4);
    for (const char* text : {"Gescande", "pagina"}) {
      Box b;
      b.text = text;
      b.bbox = {x, y, x + 40, y + 10};
      b.size = 10;
      b.confidence = 0.9;
      r.boxes.push_back(b);
      x += 45;
    }
    r.mean_confidence = 0.9;
    return r;
  }
};

struct CorpusFile {
  fs::path path;
  std::string category;  // from MANIFEST.tsv; empty when the file is not listed
};

// The PDFs of `dir`, with their MANIFEST.tsv category.
std::vector<CorpusFile> corpus_files(const fs::path& dir) {
  std::map<std::string, std::string> category;
  std::istringstream manifest(overleg::test::read_text((dir / "MANIFEST.tsv").string()));
  std::string line;
  int category_column = -1;
  while (std::getline(manifest, line)) {
    std::vector<std::string> cols;
    std::istringstream row(line);
    for (std::string c; std::getline(row, c, '\t');) cols.push_back(c);
    if (cols.empty()) continue;
    if (category_column < 0) {
      for (std::size_t i = 0; i < cols.size(); ++i)
        if (cols[i] == "category") category_column = static_cast<int>(i);
      continue;
    }
    if (category_column < static_cast<int>(cols.size())) category[cols[0]] = cols[category_column];
  }
  std::vector<CorpusFile> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.path().extension() == ".pdf") out.push_back({e.path(), category[e.path().filename().string()]});
  std::sort(out.begin(), out.end(), [](const CorpusFile& a, const CorpusFile& b) { return a.path < b.path; });
  return out;
}

bool one_line(const std::string& s) { return s.find('\n') == std::string::npos && s.find('\r') == std::string::npos; }

bool has_category(const std::string& categories, const std::string& c) {
  std::istringstream in(categories);
  for (std::string part; std::getline(in, part, ';');)
    if (part == c) return true;
  return false;
}

// Converts every PDF of `sub`; `must_convert`: each must give a Report.
void run_corpus(const std::string& sub, bool must_convert) {
  fs::path dir = fs::path(overleg::test::shared_dir()) / "corpus/realworld" / sub;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    WARN("skipped: no real-world corpus at " << dir.string());
    return;
  }
  std::shared_ptr<const Lexicon> lexicon;
  if (auto loaded = Lexicon::load(Lexicon::default_path())) lexicon = loaded.value();

  ConvertOptions options;
  options.dpi = 150;  // enough to exercise rendering; cheap
  const char* ocr_env = std::getenv("OVERLEG_REALWORLD_OCR");
  bool real_ocr = ocr_env && std::string(ocr_env) == "1";
  if (real_ocr && !make_tesseract_engine(options.lang)) {
    WARN("Tesseract with '" << options.lang << "' is not available: a fake OCR engine stands in");
    real_ocr = false;
  }
  Converter converter(options, lexicon.get());
  if (!real_ocr) converter.set_ocr_engine(std::make_unique<FakeOcr>());

  std::vector<CorpusFile> files = corpus_files(dir);
  REQUIRE_FALSE(files.empty());
  Watchdog watchdog(kSecondsPerFile);
  int reports = 0, failures = 0, skipped = 0;
  for (const CorpusFile& f : files) {
    std::string name = f.path.filename().string();
    if (fs::file_size(f.path, ec) > kMaxBytes) {
      ++skipped;
      continue;
    }
    INFO(sub << "/" << name << " (" << f.category << ")");
    std::string bytes = overleg::test::read_text(f.path.string());
    watchdog.watch(name);
    Result<Report> result = Failure{};
    try {
      result = converter.convert(f.path.string(), bytes);
    } catch (const std::exception& e) {
      FAIL_CHECK("convert threw: " << e.what());
      watchdog.done_with_file();
      continue;
    } catch (...) {
      FAIL_CHECK("convert threw a non-standard exception");
      watchdog.done_with_file();
      continue;
    }
    watchdog.done_with_file();

    if (result.ok()) {
      ++reports;
      const Report& r = result.value();
      CHECK(r.source.bytes == static_cast<long long>(bytes.size()));
      CHECK(r.source.sha256.size() == 64);
      CHECK(r.pages.size() == static_cast<std::size_t>(r.source.pages));
      for (const Diagnostic& w : r.warnings) {
        CHECK_FALSE(w.code.empty());
        CHECK(one_line(w.to_line()));
      }
      std::string line;
      CHECK_NOTHROW(line = to_json_text(r, false));
      CHECK(one_line(line));
      CHECK_NOTHROW(nlohmann::json::parse(line));
    } else {
      ++failures;
      const Failure& fail = result.failure();
      CHECK(fail.kind != ErrorKind::none);
      CHECK_FALSE(fail.diagnostic.message.empty());
      CHECK(one_line(fail.diagnostic.message));
      CHECK(one_line(fail.diagnostic.to_line()));
      CHECK(must_convert == false);
    }
    // What the manifest says a file is, the outcome must agree with.
    if (has_category(f.category, "not-pdf")) {
      CHECK_FALSE(result.ok());
      if (!result.ok()) CHECK(result.failure().kind == ErrorKind::not_pdf);
    }
    if (has_category(f.category, "encrypted-userpw") && !has_category(f.category, "empty-ownerpw")) {
      CHECK_FALSE(result.ok());
      if (!result.ok()) CHECK(result.failure().kind == ErrorKind::encrypted);
    }
    if (has_category(f.category, "encrypted-nopw")) CHECK(result.ok());  // no password needed to read it
  }
  WARN(sub << ": " << reports << " reports, " << failures << " failures, " << skipped << " skipped (> 5 MB)");
}

}  // namespace

TEST_CASE("realworld: malformed PDFs give a Report or a one-line Failure", "[realworld]") {
  run_corpus("malformed", false);
}

TEST_CASE("realworld: well-formed PDFs all give a Report", "[realworld]") { run_corpus("wellformed", true); }
