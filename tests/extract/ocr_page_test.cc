// Page preparation for OCR (extract/page_image.h, extract/ocr_page.h) on real
// renders of the sample reports and on the dev scans: a page the wrong way
// up is turned, a leaning one straightened, a poor photocopy made in the
// test still read, and every word Tesseract reads reaches the record or is
// counted in left_out.
#include <leptonica/allheaders.h>

#include <catch2/catch.hpp>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <map>
#include <memory>
#include <string>

#include "extract/document_source.h"
#include "extract/image_source.h"
#include "extract/ocr_page.h"
#include "extract/page_image.h"
#include "extract/tesseract_engine.h"
#include "lexicon/lexicon.h"
#include "pipeline.h"
#include "text/line_end_hyphen.h"
#include "test_support.h"
#include "util/text.h"

using namespace overleg;
using overleg::test::built_lexicon;
using overleg::test::read_text;
using overleg::test::shared_dir;
using overleg::test::shared_exists;
using overleg::test::source_dir;

namespace {

OcrEngine& engine() {
  static std::unique_ptr<OcrEngine> e = [] {
    auto made = make_tesseract_engine(TesseractOptions{});
    if (!made) FAIL(made.failure().diagnostic.message);
    return std::move(made.value());
  }();
  return *e;
}

const std::string kSample = "/samples/gg-zuid-2025-09-25.pdf";

// Page 1 of the sample report rendered at `dpi`, as a scanner would give it.
GrayImage sample_page(int dpi) {
  auto doc = open_document("sample", read_text(source_dir() + kSample));
  if (!doc) FAIL(doc.failure().diagnostic.to_line());
  auto image = doc.value()->render(0, dpi);
  if (!image) FAIL(image.failure().diagnostic.to_line());
  return image.value();
}

// A one-page DocumentSource over an image already in memory (the seam the
// pipeline reads scans through), at its own resolution.
class ImagePage : public DocumentSource {
 public:
  explicit ImagePage(GrayImage image) : image_(std::move(image)) {}
  int page_count() const override { return 1; }
  Page text_page(int) override {
    Page p;
    p.number = 1;
    p.width = image_.width * 72.0 / image_.dpi, p.height = image_.height * 72.0 / image_.dpi;
    return p;
  }
  Result<GrayImage> render(int, int dpi) override {
    if (dpi == image_.dpi) return image_;
    double f = static_cast<double>(dpi) / image_.dpi;
    Pix* pix = pixCreate(image_.width, image_.height, 8);
    for (int y = 0; y < image_.height; ++y)
      for (int x = 0; x < image_.width; ++x) pixSetPixel(pix, x, y, image_.pixels[y * image_.width + x]);
    Pix* scaled = pixScale(pix, f, f);
    GrayImage out;
    out.width = pixGetWidth(scaled), out.height = pixGetHeight(scaled), out.dpi = dpi;
    out.pixels.resize(static_cast<std::size_t>(out.width) * out.height);
    for (int y = 0; y < out.height; ++y)
      for (int x = 0; x < out.width; ++x) {
        l_uint32 v = 0;
        pixGetPixel(scaled, x, y, &v);
        out.pixels[y * out.width + x] = static_cast<std::uint8_t>(v);
      }
    pixDestroy(&pix), pixDestroy(&scaled);
    return out;
  }
  std::optional<int> native_dpi(int) override { return image_.dpi; }

 private:
  GrayImage image_;
};

// The words of a pass as a multiset, and how many of `want`'s are in `got`.
std::map<std::string, int> words_of(const OcrResult& r) {
  std::map<std::string, int> m;
  for (const overleg::Box& b : r.boxes)
    if (count_words(b.text) > 0) ++m[b.text];
  return m;
}
double share_kept(const std::map<std::string, int>& want, const std::map<std::string, int>& got) {
  int total = 0, kept = 0;
  for (const auto& [w, n] : want) {
    total += n;
    auto it = got.find(w);
    if (it != got.end()) kept += std::min(n, it->second);
  }
  return total ? static_cast<double>(kept) / total : 0;
}

OcrPage read(GrayImage image) {
  ImagePage doc(std::move(image));
  auto page = read_page_with_ocr(doc, 0, engine(), &built_lexicon(), 300);
  if (!page) FAIL(page.failure().diagnostic.to_line());
  return std::move(page.value());
}

}  // namespace

TEST_CASE("ocr page: the resolution follows the scan's own", "[ocr][ocr_page]") {
  CHECK(choose_ocr_dpi(std::nullopt, 300) == 300);
  CHECK(choose_ocr_dpi(300, 300) == 300);
  std::string why;
  CHECK(choose_ocr_dpi(200, 300, &why) == 300);  // upsampled: measured better than as scanned
  CHECK(why == "scanned at 200 dpi: read upsampled to --dpi");
  CHECK(choose_ocr_dpi(150, 300) == 300);
  CHECK(choose_ocr_dpi(600, 300, &why) == 300);  // never more than --dpi
  CHECK(why == "scanned at 600 dpi: read at --dpi");
  CHECK(choose_ocr_dpi(400, 400) == 400);
}

TEST_CASE("ocr page: a page fed upside down or sideways is turned upright", "[ocr][ocr_page]") {
  GrayImage upright = sample_page(200);
  OcrPage straight = read(upright);
  REQUIRE(straight.preparation.rotation == 0);
  REQUIRE(straight.preparation.passes.size() == 1);  // it read well: no retry, no orientation check
  auto want = words_of(straight.result);
  REQUIRE(want.size() > 100);

  for (int fed : {180, 90}) {
    OcrPage turned = read(turn_clockwise(upright, fed));
    INFO("fed turned " << fed << ": " << turned.preparation.orientation);
    CHECK(turned.preparation.rotation == (360 - fed) % 360);
    // Leptonica's letter count saw it turned: Tesseract was asked before
    // the first pass, which read it upright, the only pass.
    CHECK(turned.preparation.passes.size() == 1);
    CHECK(turned.preparation.orientation.find("asked before the first pass") != std::string::npos);
    CHECK(share_kept(want, words_of(turned.result)) >= 0.95);
    // The page is upright again: portrait, the size of the original.
    CHECK(std::abs(turned.width - straight.width) < 1);
    CHECK(std::abs(turned.height - straight.height) < 1);
  }
}

TEST_CASE("ocr page: the letters' ascenders and descenders tell which way a page is turned", "[ocr_page]") {
  for (int dpi : {150, 200, 300}) {
    GrayImage page = sample_page(dpi);
    INFO(dpi << " dpi");
    CHECK(likely_turn(page) == 0);
    CHECK(likely_turn(turn_clockwise(page, 180)) == 180);
    CHECK(likely_turn(turn_clockwise(page, 90)) == 270);  // three more quarters clockwise set it upright
    CHECK(likely_turn(turn_clockwise(page, 270)) == 90);
  }
  GrayImage blank = sample_page(300);
  std::fill(blank.pixels.begin(), blank.pixels.end(), 255);
  CHECK_FALSE(likely_turn(blank).has_value());  // no letters: it cannot tell
}

TEST_CASE("ocr page: a leaning page is straightened", "[ocr_page]") {
  GrayImage page = sample_page(150);
  Deskewed level = deskew(page);
  CHECK(std::abs(level.degrees) < 0.3);  // a render is level
  // Lean it by 2 degrees with Leptonica, bringing in white.
  Pix* pix = pixCreate(page.width, page.height, 8);
  for (int y = 0; y < page.height; ++y)
    for (int x = 0; x < page.width; ++x) pixSetPixel(pix, x, y, page.pixels[y * page.width + x]);
  Pix* leaning = pixRotate(pix, static_cast<float>(2.0 * M_PI / 180), L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, 0, 0);
  GrayImage lean = page;
  for (int y = 0; y < page.height; ++y)
    for (int x = 0; x < page.width; ++x) {
      l_uint32 v = 0;
      pixGetPixel(leaning, x, y, &v);
      lean.pixels[y * page.width + x] = static_cast<std::uint8_t>(v);
    }
  pixDestroy(&pix), pixDestroy(&leaning);
  Deskewed fixed = deskew(lean);
  CHECK(std::abs(std::abs(fixed.degrees) - 2.0) < 0.2);
  CHECK(fixed.confidence > 0);
  Deskewed again = deskew(fixed.image);
  CHECK(std::abs(again.degrees) < 0.3);
}

TEST_CASE("ocr page: every word OCR read reaches the page or is counted as left out", "[ocr][ocr_page]") {
  OcrPage page = read(sample_page(300));
  int reached = 0, counted = 0;
  for (const overleg::Box& b : page.result.boxes) reached += count_words(b.text);
  for (const auto& [reason, n] : page.result.left_out) counted += n;
  CHECK(page.preparation.words_read > 100);
  CHECK(reached + counted == page.preparation.words_read);
}

TEST_CASE("ocr page: a poor photocopy keeps 90% of the clean page's words", "[ocr][ocr_page]") {
  GrayImage clean = sample_page(300);
  OcrPage good = read(clean);
  auto want = words_of(good.result);
  REQUIRE(want.size() > 100);

  // Degrade it as an archive does: 150 dpi, blurred, grey paper with grain,
  // then JPEG at a low quality, read back as an image file.
  Pix* pix = pixCreate(clean.width, clean.height, 8);
  for (int y = 0; y < clean.height; ++y)
    for (int x = 0; x < clean.width; ++x) pixSetPixel(pix, x, y, clean.pixels[y * clean.width + x]);
  Pix* small = pixScale(pix, 0.5f, 0.5f);
  Pix* blurred = pixBlockconv(small, 1, 1);
  std::uint32_t seed = 12345;  // deterministic grain
  for (int y = 0; y < pixGetHeight(blurred); ++y)
    for (int x = 0; x < pixGetWidth(blurred); ++x) {
      l_uint32 v = 0;
      pixGetPixel(blurred, x, y, &v);
      seed = seed * 1664525u + 1013904223u;
      int grain = static_cast<int>((seed >> 24) % 41) - 20;                  // +-20 levels
      int grey = static_cast<int>(v) * 200 / 255 + 30 + grain;               // grey paper, greyer ink
      pixSetPixel(blurred, x, y, static_cast<l_uint32>(std::clamp(grey, 0, 255)));
    }
  pixSetResolution(blurred, 150, 150);
  l_uint8* jpeg = nullptr;
  size_t size = 0;
  REQUIRE(pixWriteMemJpeg(&jpeg, &size, blurred, 40, 0) == 0);
  std::string bytes(reinterpret_cast<char*>(jpeg), size);
  lept_free(jpeg);
  pixDestroy(&pix), pixDestroy(&small), pixDestroy(&blurred);

  auto doc = open_image("poor.jpg", bytes);
  REQUIRE(doc);
  REQUIRE(doc.value()->native_dpi(0) == 150);
  auto poor = read_page_with_ocr(*doc.value(), 0, engine(), &built_lexicon(), 300);
  REQUIRE(poor);
  INFO("passes: " << poor.value().preparation.passes.size() << ", dpi " << poor.value().preparation.dpi);
  CHECK(poor.value().preparation.dpi == 300);
  CHECK(share_kept(want, words_of(poor.value().result)) >= 0.90);
}

// The real engine, each image read once: the test reads a page itself (to
// see the words and where the lines break) and the converter then reads the
// same render again, which costs nothing here. Tesseract is deterministic,
// so the two see the same words.
class ReadOnce : public OcrEngine {
 public:
  Result<OcrResult> recognise(const GrayImage& image) override {
    return once(read_, image, [&] { return engine().recognise(image); });
  }
  Result<OrientationGuess> detect_orientation(const GrayImage& image) override {
    return once(turned_, image, [&] { return engine().detect_orientation(image); });
  }

 private:
  // The engine's answer for `image`, asked the first time only (a failure
  // is not kept).
  template <class T, class Ask>
  static Result<T> once(std::map<std::string, T>& seen, const GrayImage& image, Ask ask) {
    std::string key = key_of(image);
    auto it = seen.find(key);
    if (it == seen.end()) {
      Result<T> r = ask();
      if (!r) return r;
      it = seen.emplace(std::move(key), r.value()).first;
    }
    return it->second;
  }
  static std::string key_of(const GrayImage& image) {
    std::string key = std::to_string(image.width) + "x" + std::to_string(image.height) + "@" + std::to_string(image.dpi) + ":";
    key.append(image.pixels.begin(), image.pixels.end());  // exact: a hash could collide
    return key;
  }
  std::map<std::string, OcrResult> read_;
  std::map<std::string, OrientationGuess> turned_;
};

// Over the dev scans: the record's words are at least the words OCR read,
// minus those counted as left out, minus the line-end hyphen breaks the
// text stage joins and the words repairs joined. The text stage joins a
// word ending in a hyphen at a line end with the next line's first word
// ("zorg-" + "zone", "Zuid-" + "Oost", "2025-" + "2026": two OCR words, one
// record word), whatever the hyphen's outcome, except a suspended part
// ("welzijns-" + "en"), which stays two words (text/normalise.cc).
TEST_CASE("ocr page: every word OCR read is in the record or counted as left out", "[ocr][ledger][dev]") {
  if (!shared_exists("eval/dev")) {
    WARN("no ../shared/eval/dev: skipped");
    return;
  }
  int scans = 0;
  for (const auto& entry : std::filesystem::directory_iterator(shared_dir() + "/eval/dev")) {
    std::string name = entry.path().filename().string();
    if (name.size() < 9 || name.substr(name.size() - 9) != "-scan.pdf" || name.rfind("fr-", 0) == 0) continue;
    ++scans;
    auto once = std::make_unique<ReadOnce>();
    ReadOnce& reader = *once;
    // The line-end breaks: a word ending in a hyphen at the end of a line.
    int joins = 0;
    auto doc = open_document(name, read_text(entry.path().string()));
    REQUIRE(doc);
    for (int i = 0; i < doc.value()->page_count(); ++i) {
      auto page = read_page_with_ocr(*doc.value(), i, reader, &built_lexicon(), ConvertOptions{}.dpi);
      REQUIRE(page);
      const auto& boxes = page.value().result.boxes;
      for (std::size_t k = 0; k + 1 < boxes.size(); ++k) {
        const std::string& t = boxes[k].text;
        const bool hyphen = !t.empty() && (t.back() == '-' || (t.size() >= 3 && t.compare(t.size() - 3, 3, "\u2010") == 0));
        // The next word: a mark with no letter or digit OCR read after it
        // ("geï-" | "_" | "soleerde") is no word and joins nothing.
        std::size_t n = k + 1;
        while (n + 1 < boxes.size() && count_words(boxes[n].text) == 0) ++n;
        const overleg::Box& next = boxes[n];
        // The word ends a line of the layout when the next word Tesseract
        // read stands on another line or across a column gap (Tesseract
        // may read a line through two columns: "over-" | "vormen").
        const double h = boxes[k].bbox.y1 - boxes[k].bbox.y0;
        const bool line_end = std::abs(next.bbox.y0 - boxes[k].bbox.y0) > 0.5 * h || next.bbox.x0 - boxes[k].bbox.x1 > h;
        if (!hyphen || !line_end || count_words(t) == 0 || count_words(next.text) == 0) continue;
        const std::string stem = t.substr(0, t.back() == '-' ? t.size() - 1 : t.size() - 3);
        std::string right = next.text;  // its leading word, as the text stage takes it ("en," -> "en")
        std::size_t end = 0;
        while (end < right.size() && (std::isalnum(static_cast<unsigned char>(right[end])) || right[end] == '-' ||
                                      static_cast<unsigned char>(right[end]) >= 0x80))
          ++end;
        if (decide_line_end_hyphen(stem, right.substr(0, end), false, nullptr, nullptr).outcome != HyphenOutcome::suspend)
          ++joins;
      }
    }
    Converter converter(ConvertOptions{}, &built_lexicon());
    converter.set_ocr_engine(std::move(once));
    auto report = converter.convert(name, read_text(entry.path().string()));
    REQUIRE(report);
    const Report& r = report.value();
    int read = 0, counted = 0;
    for (const PageInfo& p : r.pages) {
      if (!p.preparation) continue;
      read += p.preparation->words_read;
      for (const auto& [reason, n] : p.left_out) counted += n;
    }
    std::string text = r.meeting.title.value_or("") + " " + r.meeting.series.value_or("");
    if (r.meeting.participants) text += " " + r.meeting.participants->text;
    for (const auto& a : r.agenda) text += " " + a;
    for (const auto& s : r.sections) {
      text += " " + s.heading;
      for (const auto& b : s.blocks) {
        text += " " + b.text;
        for (const auto& row : b.rows)
          for (const auto& c : row) text += " " + c;
      }
    }
    for (const auto& e : r.events) text += " " + e.text;
    // Repairs that join words ("ge zondheid" -> "gezondheid") are in the
    // record with the words they took.
    int repaired = 0;
    for (const auto& rep : r.repairs) repaired += std::max(0, count_words(rep.from) - count_words(rep.to));
    INFO(name << ": OCR read " << read << " words, " << counted << " counted as left out, " << joins
              << " line-end breaks joined, " << repaired << " joined by a repair, record " << count_words(text));
    REQUIRE(read > 0);
    CHECK(count_words(text) >= read - counted - joins - repaired);
  }
  CHECK(scans >= 5);
}

TEST_CASE("ocr page: white type on a dark bar is read", "[ocr][ocr_page]") {
  GrayImage page = sample_page(300);
  // The line of the first section heading, as the clean page reads it,
  // turned into white type on a near-black bar with a margin around it.
  OcrPage clean = read(page);
  double top = 1e9, bottom = 0, left = 1e9, right = 0;
  for (const overleg::Box& b : clean.result.boxes)
    if (b.text == "Monitoring") top = b.bbox.y0, bottom = b.bbox.y1;
  REQUIRE(bottom > 0);
  std::vector<std::string> heading;
  for (const overleg::Box& b : clean.result.boxes)
    if (std::abs((b.bbox.y0 + b.bbox.y1) / 2 - (top + bottom) / 2) < 3) {
      heading.push_back(b.text);
      left = std::min(left, b.bbox.x0), right = std::max(right, b.bbox.x1);
    }
  const double px = 300.0 / 72;
  PixelRect bar{static_cast<int>((left - 8) * px), static_cast<int>((top - 6) * px), static_cast<int>((right + 8) * px),
                static_cast<int>((bottom + 6) * px)};
  GrayImage dark = page;
  for (int y = bar.y0; y < bar.y1; ++y)
    for (int x = bar.x0; x < bar.x1; ++x) {
      std::uint8_t& v = dark.pixels[static_cast<std::size_t>(y) * dark.width + x];
      v = static_cast<std::uint8_t>(40 + (255 - v) * 215 / 255);  // bar level 40, type white
    }
  bool found = false;
  INFO("bar " << bar.x0 << "," << bar.y0 << " " << bar.x1 << "," << bar.y1);
  for (const PixelRect& r : find_dark_fills(dark))
    found = found || (std::abs(r.x0 - bar.x0) <= 3 && std::abs(r.y0 - bar.y0) <= 3 && std::abs(r.x1 - bar.x1) <= 3 &&
                      r.y1 <= bar.y1 && r.y1 >= bar.y1 - 12);  // the heading's second line may reach into its margin
  CHECK(found);
  GrayImage alone = inverted_fill(dark, bar);
  CHECK(alone.width == bar.x1 - bar.x0 + 2 * inverted_fill_margin(300));
  CHECK(alone.height == bar.y1 - bar.y0 + 2 * inverted_fill_margin(300));
  CHECK(alone.pixels[0] == 255);  // the margin, and the bar's own level, are white
  CHECK(alone.pixels[static_cast<std::size_t>(inverted_fill_margin(300) + 2) * alone.width +
                     inverted_fill_margin(300) + 2] == 255);
  // The whole heading is read, each word where it stands on the page.
  OcrPage read_dark = read(dark);
  for (const std::string& word : heading) {
    bool there = false;
    for (const overleg::Box& b : read_dark.result.boxes)
      there = there || (b.text == word && b.bbox.y0 > top - 4 && b.bbox.y1 < bottom + 4);
    INFO(word);
    CHECK(there);
  }
  int reached = 0, counted = 0;
  for (const overleg::Box& b : read_dark.result.boxes) reached += count_words(b.text);
  for (const auto& [reason, n] : read_dark.result.left_out) counted += n;
  CHECK(reached + counted == read_dark.preparation.words_read);  // the ledger stays whole
}

TEST_CASE("page_image: a pale tint under dark type is a tinted area, the paper and a bar are not", "[ocr][page_image]") {
  // A 300-dpi page on slightly grey paper (248) with a tinted box (236) that
  // holds lines of dark type, and a dark bar (60) with light type.
  GrayImage page;
  page.width = 1200, page.height = 1600, page.dpi = 300;
  page.pixels.assign(static_cast<std::size_t>(page.width) * page.height, 248);
  auto fill = [&](int x0, int y0, int x1, int y1, std::uint8_t v) {
    for (int y = y0; y < y1; ++y)
      for (int x = x0; x < x1; ++x) page.pixels[static_cast<std::size_t>(y) * page.width + x] = v;
  };
  fill(100, 300, 1000, 800, 236);
  for (int line = 0; line < 8; ++line)  // type: 4-pixel strokes in rows
    for (int x = 140; x < 960; x += 14) fill(x, 340 + line * 55, x + 4, 370 + line * 55, 30);
  fill(100, 1000, 1100, 1120, 60);
  for (int x = 140; x < 1000; x += 16) fill(x, 1030, x + 5, 1090, 250);  // its light type
  std::vector<TintedArea> tints = find_tinted_areas(page);
  REQUIRE(tints.size() == 1);
  CHECK(std::abs(tints[0].rect.x0 - 100) <= 8);
  CHECK(std::abs(tints[0].rect.y0 - 300) <= 8);
  CHECK(std::abs(tints[0].rect.x1 - 1000) <= 8);
  CHECK(std::abs(tints[0].rect.y1 - 800) <= 8);
  CHECK(std::abs(tints[0].level - 236) <= 3);
  // As shapes in points: the tint and the bar, in grey.
  std::vector<Shape> shapes = painted_shapes(page, find_dark_fills(page));
  REQUIRE(shapes.size() == 2);
  CHECK(shapes[0].bbox.x0 == Approx(100 * 72.0 / 300).margin(2));
  CHECK(((shapes[0].fill >> 8) & 0xff) == Approx(236).margin(3));
  CHECK(((shapes[1].fill >> 8) & 0xff) < 100);
  // A blank page has no tint.
  GrayImage blank = page;
  std::fill(blank.pixels.begin(), blank.pixels.end(), 248);
  CHECK(find_tinted_areas(blank).empty());
}

TEST_CASE("page_image: a quarter turn gives Leptonica's pixels (pixRotateOrth)", "[page_image]") {
  // turn_clockwise is plain C++ so that turning needs no OCR module; it must
  // move every pixel where Leptonica's orthogonal rotation did.
  GrayImage image;
  image.width = 7;
  image.height = 3;
  image.dpi = 150;
  for (int i = 0; i < image.width * image.height; ++i) image.pixels.push_back(static_cast<std::uint8_t>(i * 11));
  Pix* pix = pixCreate(image.width, image.height, 8);
  for (int y = 0; y < image.height; ++y)
    for (int x = 0; x < image.width; ++x) pixSetPixel(pix, x, y, image.pixels[y * image.width + x]);
  for (int degrees : {90, 180, 270, -90, 450}) {
    INFO("degrees " << degrees);
    GrayImage turned = turn_clockwise(image, degrees);
    Pix* want = pixRotateOrth(pix, ((degrees % 360) + 360) % 360 / 90);
    REQUIRE(want);
    REQUIRE(turned.width == pixGetWidth(want));
    REQUIRE(turned.height == pixGetHeight(want));
    CHECK(turned.dpi == 150);
    bool same = true;
    for (int y = 0; y < turned.height; ++y)
      for (int x = 0; x < turned.width; ++x) {
        l_uint32 v = 0;
        pixGetPixel(want, x, y, &v);
        same = same && turned.pixels[y * turned.width + x] == v;
      }
    CHECK(same);
    pixDestroy(&want);
  }
  CHECK(turn_clockwise(image, 45).pixels == image.pixels);  // not a quarter: as is
  CHECK(turn_clockwise(image, 0).pixels == image.pixels);
  pixDestroy(&pix);
}
