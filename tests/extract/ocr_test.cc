// The Tesseract engine and the page renderer, on the fixtures in
// tests/data/ocr/ (make_fixtures.py): a PDF with a text layer is rendered and
// OCR'd, and the OCR words are checked against the text layer's.
#include <leptonica/allheaders.h>
#include <sys/resource.h>
#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <map>
#include <string>
#include <thread>

#include "extract/image_source.h"
#include "lexicon/lexicon.h"
#include "layout/lines.h"
#include "util/stats.h"
#include "extract/pdf_source.h"
#include "pipeline.h"
#include "extract/tesseract_engine.h"
#include "test_support.h"

// Leptonica has a global Box too: ours is written overleg::Box here.
using namespace overleg;
using overleg::test::StderrCapture;
using overleg::test::read_text;
using overleg::test::source_dir;

namespace {

std::string fixture(const std::string& name) { return read_text(source_dir() + "/tests/data/ocr/" + name); }

// One engine for the whole test run, as a worker has (loading takes ~0.2 s).
OcrEngine& engine() {
  static std::unique_ptr<OcrEngine> e = [] {
    auto made = make_tesseract_engine(TesseractOptions{});
    if (!made) FAIL(made.failure().diagnostic.message);
    return std::move(made.value());
  }();
  return *e;
}


struct Match {
  const overleg::Box* text;
  const overleg::Box* ocr;
};

// Pairs each text-layer word with the OCR word of the same text nearest to it.
std::vector<Match> match_words(const std::vector<overleg::Box>& text, const std::vector<overleg::Box>& ocr) {
  std::vector<Match> out;
  for (const overleg::Box& t : text) {
    const overleg::Box* best = nullptr;
    double best_d = 1e9;
    for (const overleg::Box& o : ocr) {
      if (o.text != t.text) continue;
      double d = std::hypot(o.bbox.center_x() - t.bbox.center_x(), o.bbox.center_y() - t.bbox.center_y());
      if (d < best_d) best_d = d, best = &o;
    }
    if (best && best_d < 10) out.push_back({&t, best});
  }
  return out;
}

}  // namespace

TEST_CASE("ocr: missing language data is one clear error naming the package", "[ocr]") {
  StderrCapture capture;
  auto missing = make_tesseract_engine(std::string("xyz"));
  auto mixed = make_tesseract_engine(std::string("nld+qqq_zz"));
  std::string printed = capture.text();
  REQUIRE_FALSE(missing);
  CHECK(missing.failure().kind == ErrorKind::missing_data);
  CHECK(missing.failure().diagnostic.message == "Tesseract language data 'xyz' not found: install tesseract-ocr-xyz");
  REQUIRE_FALSE(mixed);
  CHECK(mixed.failure().diagnostic.message ==
        "Tesseract language data 'qqq_zz' not found: install tesseract-ocr-qqq-zz");
  CHECK(printed.empty());

  CHECK(tesseract_package_name("chi_sim") == "tesseract-ocr-chi-sim");
  CHECK(tesseract_package_name("nld") == "tesseract-ocr-nld");
}

TEST_CASE("ocr: OpenMP is limited to one thread unless the user chose", "[ocr]") {
  bool user_set = std::getenv("OMP_THREAD_LIMIT") != nullptr;
  std::string account = limit_openmp_threads();
  CHECK_FALSE(account.empty());
  CHECK(limit_openmp_threads() == account);  // once per process
  if (!user_set) {
    REQUIRE(std::getenv("OMP_THREAD_LIMIT"));
    CHECK(std::string(std::getenv("OMP_THREAD_LIMIT")) == "1");
  }
}

namespace {
double cpu_seconds(int who) {
  rusage u{};
  getrusage(who, &u);
  return u.ru_utime.tv_sec + u.ru_utime.tv_usec / 1e6 + u.ru_stime.tv_sec + u.ru_stime.tv_usec / 1e6;
}
}  // namespace

TEST_CASE("ocr: an engine on a worker thread uses that thread alone", "[ocr]") {
  const char* user = std::getenv("OMP_THREAD_LIMIT");
  if (user && std::string(user) != "1") {
    WARN("OMP_THREAD_LIMIT set by the user: not checked");
    return;
  }
  auto png = open_image("scan.png", fixture("scan.png"));
  REQUIRE(png);
  auto image = png.value()->render(0, 300);
  REQUIRE(image);
  double thread_cpu = 0, process_cpu = 0;
  std::size_t words = 0;
  // libgomp keeps its limits per thread: a thread that never called
  // limit_openmp_threads() must still OCR alone. (No Catch assertions on the
  // thread: they are for the main one.)
  std::thread worker([&] {
    auto e = make_tesseract_engine(TesseractOptions{});
    if (!e) return;
    double t0 = cpu_seconds(RUSAGE_THREAD), p0 = cpu_seconds(RUSAGE_SELF);
    auto r = e.value()->recognise(image.value());
    thread_cpu = cpu_seconds(RUSAGE_THREAD) - t0;
    process_cpu = cpu_seconds(RUSAGE_SELF) - p0;
    if (r) words = r->boxes.size();
  });
  worker.join();
  CHECK(words > 50);
  CHECK(process_cpu < 1.25 * thread_cpu + 0.1);
}

TEST_CASE("ocr: poppler renders a page at the asked resolution, grey", "[ocr]") {
  auto pdf = open_pdf("text.pdf", fixture("text.pdf"));
  REQUIRE(pdf);
  auto at72 = pdf.value()->render(0, 72);
  REQUIRE(at72);
  CHECK(at72->width == 420);
  CHECK(at72->height == 595);
  CHECK(at72->dpi == 72);
  CHECK(at72->pixels.size() == 420u * 595u);
  auto at300 = pdf.value()->render(0, 300);
  REQUIRE(at300);
  CHECK(at300->width == Approx(420 * 300 / 72.0).margin(1));
  CHECK(at300->dpi == 300);
  int dark = 0;
  for (auto p : at300->pixels) dark += p < 128;
  CHECK(dark > 10000);                                        // there is type
  CHECK(dark < static_cast<int>(at300->pixels.size() / 10));  // on white paper
}

TEST_CASE("ocr: words, boxes, sizes, boldness and confidences match the text layer", "[ocr]") {
  auto pdf = open_pdf("text.pdf", fixture("text.pdf"));
  REQUIRE(pdf);
  Page text = pdf.value()->text_page(0);
  REQUIRE(text.boxes.size() > 50);
  auto image = pdf.value()->render(0, 300);
  REQUIRE(image);
  auto result = engine().recognise(image.value());
  REQUIRE(result);
  const OcrResult& r = result.value();

  // Nearly every word read exactly, where the text layer has it.
  auto matches = match_words(text.boxes, r.boxes);
  CHECK(matches.size() >= 0.9 * text.boxes.size());
  for (const Match& m : matches) {
    CHECK(m.ocr->bbox.center_x() == Approx(m.text->bbox.center_x()).margin(3));
    CHECK(m.ocr->bbox.center_y() == Approx(m.text->bbox.center_y()).margin(3));
  }

  // Font size from the line height: within 20 % of the text layer's; the
  // 16-point headings clearly bigger than the 11-point body.
  std::vector<double> heading_sizes, body_sizes;
  int body_bold = 0, heading_bold = 0;
  for (const Match& m : matches) {
    CHECK(m.ocr->size == Approx(m.text->size).epsilon(0.2));
    bool heading = m.text->font.find("Bold") != std::string::npos;
    (heading ? heading_sizes : body_sizes).push_back(m.ocr->size);
    (heading ? heading_bold : body_bold) += m.ocr->bold;
  }
  REQUIRE_FALSE(heading_sizes.empty());
  CHECK(median(heading_sizes) > 1.25 * median(body_sizes));
  CHECK(heading_bold == static_cast<int>(heading_sizes.size()));
  CHECK(body_bold == 0);

  // Confidences 0..1; clean type reads with high confidence.
  for (const overleg::Box& b : r.boxes) {
    CHECK(b.confidence >= 0);
    CHECK(b.confidence <= 1);
    CHECK_FALSE(b.text.empty());
    CHECK(b.text.find(' ') == std::string::npos);
  }
  CHECK(r.mean_confidence > 0.85);
  CHECK(r.low_confidence_words <= static_cast<int>(r.boxes.size()) / 10);
}

TEST_CASE("ocr: words read with little confidence carry OCR's alternatives, the words stay the same", "[ocr]") {
  auto pdf = open_pdf("text.pdf", fixture("text.pdf"));
  REQUIRE(pdf);
  // At 100 dpi the 11-point body type reads less surely: words below 0.95.
  auto image = pdf.value()->render(0, 100);
  REQUIRE(image);
  auto plain = make_tesseract_engine(TesseractOptions{.choices_below = 0});
  REQUIRE(plain);
  auto with = engine().recognise(image.value()), without = plain.value()->recognise(image.value());
  REQUIRE((with && without));
  // Choice mode changes nothing of the words OCR reads.
  REQUIRE(with->boxes.size() == without->boxes.size());
  int carrying = 0;
  for (std::size_t i = 0; i < with->boxes.size(); ++i) {
    const overleg::Box& b = with->boxes[i];
    CHECK(b.text == without->boxes[i].text);
    CHECK(b.confidence == without->boxes[i].confidence);
    CHECK(without->boxes[i].symbol_choices.empty());
    if (b.symbol_choices.empty()) continue;
    ++carrying;
    CHECK(b.confidence < 0.95);
    // The symbols spell the word; alternatives are other symbols, at most
    // three, each with a confidence.
    std::string spelled;
    bool any = false;
    for (const SymbolChoice& s : b.symbol_choices) {
      spelled += s.read;
      CHECK(s.confidence >= 0);
      CHECK(s.confidence <= 1);
      CHECK(s.alternatives.size() <= 3);
      for (const auto& [alternative, confidence] : s.alternatives) {
        CHECK(alternative != s.read);
        CHECK(confidence >= 0.1);
        CHECK(confidence <= 1);
        any = true;
      }
    }
    CHECK(spelled == b.text);
    CHECK(any);
  }
  CHECK(carrying > 0);
}

TEST_CASE("ocr: one engine reads page after page, PDF and image pages alike", "[ocr]") {
  auto tif = open_image("scan-2pages.tif", fixture("scan-2pages.tif"));
  REQUIRE(tif);
  std::map<int, std::string> first_words;
  for (int i = 0; i < 2; ++i) {
    auto image = tif.value()->render(i, 300);
    REQUIRE(image);
    auto r = engine().recognise(image.value());
    REQUIRE(r);
    REQUIRE_FALSE(r->boxes.empty());
    first_words[i] = r->boxes.front().text;
  }
  CHECK(first_words[0] == "Monitoring");
  CHECK(first_words[1] == "Gezamenlijke");

  // A white page: no words, no failure. A bad image: a failure, no crash.
  GrayImage white;
  white.width = 400;
  white.height = 300;
  white.dpi = 300;
  white.pixels.assign(400 * 300, 255);
  auto none = engine().recognise(white);
  REQUIRE(none);
  CHECK(none->boxes.empty());
  CHECK(none->low_confidence_words == 0);
  GrayImage broken;
  broken.width = 100;
  broken.height = 100;
  auto bad = engine().recognise(broken);
  CHECK_FALSE(bad);
}

TEST_CASE("ocr: a scan that leans is set level in the boxes", "[ocr]") {
  auto png = open_image("scan.png", fixture("scan.png"));
  REQUIRE(png);
  auto image = png.value()->render(0, 300);
  REQUIRE(image);
  // Rotate the page 0.8 degrees clockwise, as a careless scan would.
  Pix* pix = pixCreate(image->width, image->height, 8);
  for (int y = 0; y < image->height; ++y)
    for (int x = 0; x < image->width; ++x)
      pixSetPixel(pix, x, y, image->pixels[static_cast<std::size_t>(y) * image->width + x]);
  Pix* turned = pixRotate(pix, 0.8 * M_PI / 180, L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, image->width, image->height);
  pixDestroy(&pix);
  GrayImage leaning = image.value();
  for (int y = 0; y < leaning.height; ++y)
    for (int x = 0; x < leaning.width; ++x) {
      l_uint32 v = 255;
      pixGetPixel(turned, x, y, &v);
      leaning.pixels[static_cast<std::size_t>(y) * leaning.width + x] = static_cast<std::uint8_t>(v);
    }
  pixDestroy(&turned);

  auto r = engine().recognise(leaning);
  REQUIRE(r);
  // The first body line runs over ~330 points: leaning 0.8 degrees its ends
  // would be 4.6 points apart; level, its words share a centre line.
  const overleg::Box* first = nullptr;
  const overleg::Box* last = nullptr;
  for (const overleg::Box& b : r->boxes) {
    if (b.text == "Toename") first = &b;
    if (b.text == "doelpublieken.") last = &b;
  }
  REQUIRE(first);
  REQUIRE(last);
  CHECK(std::abs(first->bbox.center_y() - last->bbox.center_y()) < 1.5);
  // build_lines sees the page's lines as lines.
  auto lines = build_lines(r->boxes);
  bool found = false;
  for (const Line& l : lines)
    if (l.text() == "Toename van de kwetsbaarheid bij alle doelpublieken.") found = true;
  CHECK(found);
}

TEST_CASE("ocr: a page can be given up, by deadline or by flag", "[ocr]") {
  auto png = open_image("scan.png", fixture("scan.png"));
  REQUIRE(png);
  auto image = png.value()->render(0, 300);
  REQUIRE(image);

  std::atomic<bool> cancel{true};
  TesseractOptions cancelled;
  cancelled.cancel = &cancel;
  auto engine_c = make_tesseract_engine(cancelled);
  REQUIRE(engine_c);
  auto r = engine_c.value()->recognise(image.value());
  REQUIRE_FALSE(r);
  CHECK(r.failure().kind == ErrorKind::cancelled);
  // The engine stays usable.
  cancel = false;
  CHECK(engine_c.value()->recognise(image.value()));

  TesseractOptions hurried;
  hurried.page_timeout_seconds = 0.001;
  auto engine_t = make_tesseract_engine(hurried);
  REQUIRE(engine_t);
  auto t = engine_t.value()->recognise(image.value());
  REQUIRE_FALSE(t);
  CHECK(t.failure().kind == ErrorKind::timeout);
}

// --- Through the whole pipeline (the Converter the CLI uses), on the fixtures.

namespace {

// The compiled lexicon when the build has one, else none (the pipeline
// works without it).
const Lexicon* test_lexicon() {
  static std::shared_ptr<const Lexicon> lexicon = [] {
    auto loaded = Lexicon::load(Lexicon::default_path());
    return loaded ? loaded.value() : std::shared_ptr<const Lexicon>();
  }();
  return lexicon.get();
}

Report convert(const std::string& name, OcrMode mode) {
  ConvertOptions options;
  options.ocr = mode;
  Converter converter(options, test_lexicon());
  auto report = converter.convert(name, fixture(name));
  if (!report) FAIL(report.failure().diagnostic.to_line());
  return report.value();
}

// All the words of the record: sections, agenda, events, meeting.
std::string record_text(const Report& r) {
  std::string all;
  for (const auto& s : r.sections) {
    all += s.heading + "\n";
    for (const auto& b : s.blocks) all += b.text + "\n";
  }
  for (const auto& a : r.agenda) all += a + "\n";
  for (const auto& e : r.events) all += e.text + "\n";
  if (r.meeting.title) all += *r.meeting.title + "\n";
  return all;
}

bool has_warning(const Report& r, const std::string& code, int page) {
  for (const auto& w : r.warnings)
    if (w.code == code && w.page == page) return true;
  return false;
}

}  // namespace

TEST_CASE("pipeline: a PDF with a text page and a scanned page gives methods text, ocr", "[ocr][pipeline]") {
  Report r = convert("mixed.pdf", OcrMode::automatic);
  REQUIRE(r.pages.size() == 2);
  CHECK(r.pages[0].method == PageMethod::text);
  CHECK_FALSE(r.pages[0].ocr_confidence);
  CHECK(r.pages[1].method == PageMethod::ocr);
  REQUIRE(r.pages[1].ocr_confidence);
  CHECK(*r.pages[1].ocr_confidence > 0.8);
  CHECK(r.pages[1].chars > 200);
  std::string text = record_text(r);
  CHECK(text.find("kwetsbaarheid") != std::string::npos);  // page 1, text layer
  CHECK(text.find("zorgtrajecten") != std::string::npos);  // page 2, OCR
}

TEST_CASE("pipeline: PNG and multi-page TIFF scans are inputs like PDFs", "[ocr][pipeline]") {
  Report png = convert("scan.png", OcrMode::automatic);
  REQUIRE(png.pages.size() == 1);
  CHECK(png.pages[0].method == PageMethod::ocr);
  CHECK(record_text(png).find("doelpublieken") != std::string::npos);

  Report tif = convert("scan-2pages.tif", OcrMode::automatic);
  REQUIRE(tif.pages.size() == 2);
  CHECK(tif.pages[0].method == PageMethod::ocr);
  CHECK(tif.pages[1].method == PageMethod::ocr);
  std::string text = record_text(tif);
  CHECK(text.find("doelpublieken") != std::string::npos);
  CHECK(text.find("verhoudingen") != std::string::npos);
}

TEST_CASE("pipeline: --ocr never on a scan gives empty sections and a warning", "[ocr][pipeline]") {
  Report tif = convert("scan-2pages.tif", OcrMode::never);
  REQUIRE(tif.pages.size() == 2);
  CHECK(tif.pages[0].method == PageMethod::none);
  CHECK(tif.pages[1].method == PageMethod::none);
  CHECK(tif.sections.empty());
  CHECK(has_warning(tif, "ocr_disabled", 1));
  CHECK(has_warning(tif, "ocr_disabled", 2));

  Report mixed = convert("mixed.pdf", OcrMode::never);
  CHECK(mixed.pages[0].method == PageMethod::text);
  CHECK(mixed.pages[1].method == PageMethod::none);
  CHECK(has_warning(mixed, "ocr_disabled", 2));
  CHECK_FALSE(has_warning(mixed, "ocr_disabled", 1));
}

TEST_CASE("pipeline: --ocr always reads text-layer pages with OCR too", "[ocr][pipeline]") {
  Report r = convert("text.pdf", OcrMode::always);
  REQUIRE(r.pages.size() == 2);
  CHECK(r.pages[0].method == PageMethod::ocr);
  CHECK(r.pages[1].method == PageMethod::ocr);
  CHECK(record_text(r).find("kwetsbaarheid") != std::string::npos);
}
