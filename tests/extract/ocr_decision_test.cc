// The per-page OCR decision: hand-made text layers, a fake lexicon and drawn
// ink images, one rule at a time.
#include "extract/ocr_decision.h"

#include <catch2/catch.hpp>
#include <set>
#include <string>

#include "lexicon/lexicon.h"
#include "test_support.h"

using namespace overleg;
using overleg::test::add_lines;

namespace {

// A lexicon of a handful of Dutch words.
class FakeLexicon : public Lexicon {
 public:
  FakeLexicon() {
    for (const char* w :
         {"de",           "het",           "een",         "en",         "van",           "voor",          "mensen",
          "zorg",         "bij",           "alle",        "toename",    "kwetsbaarheid", "doelpublieken", "sociale",
          "aspect",       "zorgt",         "stabiliteit", "monitoring", "behoeften",     "bevolking",     "thuis",
          "ondersteunen", "brengt",        "ook",         "veel",       "uitdagingen",   "met",           "zich",
          "mee",          "professionals", "in",          "zorgzone"})
      words_.insert(w);
  }
  bool contains(std::string_view w) const override { return words_.count(std::string(w)) > 0; }
  bool contains_any_case(std::string_view w) const override {
    std::string lower(w);
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return contains(w) || contains(lower);
  }
  std::uint32_t frequency(std::string_view w) const override { return contains(w) ? 1 : 0; }
  std::size_t size() const override { return words_.size(); }

 private:
  std::set<std::string> words_;
};

const std::vector<std::string> kDutch = {
    "Toename van de kwetsbaarheid bij alle doelpublieken. Het sociale aspect",
    "zorgt voor stabiliteit voor mensen. Mensen thuis ondersteunen brengt ook",
    "veel uitdagingen met zich mee voor de professionals in de zorgzone.",
    "Monitoring van de behoeften van de bevolking en de zorg voor mensen.",
};

// The same text with every letter shifted by three (a font without a usable
// ToUnicode map gives text like this).
std::string caesar(const std::string& s) {
  std::string out = s;
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>('a' + (c - 'a' + 3) % 26);
    if (c >= 'A' && c <= 'Z') c = static_cast<char>('A' + (c - 'A' + 3) % 26);
  }
  return out;
}

Page page_with(const std::vector<std::string>& lines, double y = 80) {
  Page p;
  p.number = 1;
  p.width = 595;
  p.height = 842;
  add_lines(p.boxes, lines, 60, y, 10);
  return p;
}

// An A4 page at kInkDpi, white.
GrayImage blank_ink() {
  GrayImage g;
  g.dpi = kInkDpi;
  g.width = static_cast<int>(595 * kInkDpi / 72.0);
  g.height = static_cast<int>(842 * kInkDpi / 72.0);
  g.pixels.assign(static_cast<std::size_t>(g.width) * g.height, 255);
  return g;
}

// Draws `lines` lines of fake type (2x4-pixel letters, 1 pixel apart, words of
// five letters) from (x, y) points, 14 points apart.
void draw_type(GrayImage& g, double x_pt, double y_pt, int lines, double width_pt = 450) {
  double s = g.dpi / 72.0;
  for (int l = 0; l < lines; ++l) {
    int y0 = static_cast<int>((y_pt + 14 * l) * s);
    int x = static_cast<int>(x_pt * s);
    int x_end = static_cast<int>((x_pt + width_pt) * s);
    for (int letter = 0; x + 2 <= x_end; ++letter) {
      for (int dy = 0; dy < 4; ++dy)
        for (int dx = 0; dx < 2; ++dx) g.pixels[static_cast<std::size_t>(y0 + dy) * g.width + x + dx] = 20;
      x += (letter % 5 == 4) ? 6 : 3;
    }
  }
}

// Draws fake type (2x4-pixel letters, 1 pixel apart) inside every box of `page`.
void draw_under_boxes(GrayImage& g, const Page& page) {
  double s = g.dpi / 72.0;
  for (const Box& b : page.boxes) {
    int y0 = static_cast<int>((b.bbox.y0 + 3) * s);
    for (int x = static_cast<int>(b.bbox.x0 * s); x + 2 <= static_cast<int>(b.bbox.x1 * s); x += 3)
      for (int dy = 0; dy < 4; ++dy)
        for (int dx = 0; dx < 2; ++dx) g.pixels[static_cast<std::size_t>(y0 + dy) * g.width + x + dx] = 20;
  }
}

}  // namespace

TEST_CASE("decision: a page without text layer is OCR'd, a blank one is not", "[ocr_decision]") {
  Page empty;
  empty.number = 1;
  empty.width = 595;
  empty.height = 842;

  PageDecision no_ink = decide_page_method(empty, nullptr, OcrMode::automatic, nullptr);
  CHECK(no_ink.ocr);
  CHECK(no_ink.code == decision::no_text_layer);

  GrayImage ink = blank_ink();
  PageDecision blank = decide_page_method(empty, &ink, OcrMode::automatic, nullptr);
  CHECK_FALSE(blank.ocr);
  CHECK(blank.code == decision::blank_page);

  draw_type(ink, 60, 100, 30);
  PageDecision scan = decide_page_method(empty, &ink, OcrMode::automatic, nullptr);
  CHECK(scan.ocr);
  CHECK(scan.code == decision::no_text_layer);
  CHECK(scan.stats.uncovered_ink > 1500);
  CHECK(scan.stats.covered_ink == 0);
}

TEST_CASE("decision: a good Dutch text layer is used", "[ocr_decision]") {
  FakeLexicon lexicon;
  Page page = page_with(kDutch);
  GrayImage ink = blank_ink();
  draw_under_boxes(ink, page);  // the ink of those four lines
  PageDecision d = decide_page_method(page, &ink, OcrMode::automatic, &lexicon);
  CHECK_FALSE(d.ocr);
  CHECK(d.code == decision::text_layer_ok);
  CHECK(d.stats.dutch_tokens > 0.8 * d.stats.tokens);
  CHECK(d.stats.uncovered_ink < 100);
  CHECK(d.reason.find("text layer used") != std::string::npos);
  CHECK_FALSE(decision_warning(d, "x.pdf", 1));
}

TEST_CASE("decision: a text layer too small for the ink is OCR'd", "[ocr_decision]") {
  FakeLexicon lexicon;
  // Only the first line has a text layer; the page shows 40 lines of type.
  Page page = page_with({kDutch[0]});
  GrayImage ink = blank_ink();
  draw_type(ink, 60, 80, 40);
  PageDecision d = decide_page_method(page, &ink, OcrMode::automatic, &lexicon);
  CHECK(d.ocr);
  CHECK(d.code == decision::sparse_text);
  CHECK(d.stats.uncovered_ink > d.stats.covered_ink);

  // A big picture, a coloured band and a frame are not type.
  GrayImage art = blank_ink();
  draw_type(art, 60, 80, 1);
  for (int y = 300; y < 500; ++y)
    for (int x = 40; x < 380; ++x) art.pixels[static_cast<std::size_t>(y) * art.width + x] = (x + y) % 7 ? 60 : 200;
  for (int y = 10; y < 40; ++y)
    for (int x = 0; x < art.width; ++x) art.pixels[static_cast<std::size_t>(y) * art.width + x] = 90;
  PageDecision pictures = decide_page_method(page, &art, OcrMode::automatic, &lexicon);
  CHECK_FALSE(pictures.ocr);
  CHECK(pictures.code == decision::text_layer_ok);
}

TEST_CASE("decision: U+FFFD and private-use glyphs mean OCR", "[ocr_decision]") {
  Page page = page_with(kDutch);
  for (std::size_t i = 0; i < page.boxes.size(); i += 2) page.boxes[i].text = "\xEF\xBF\xBD\xEF\xBF\xBD\xEE\x80\x81";
  PageDecision d = decide_page_method(page, nullptr, OcrMode::automatic, nullptr);
  CHECK(d.ocr);
  CHECK(d.code == decision::bad_glyphs);
  CHECK(d.stats.bad_glyphs >= 0.3 * d.stats.chars);
  CHECK_FALSE(decision_needs_ink(page, OcrMode::automatic, nullptr));
}

TEST_CASE("decision: a text layer that is not Dutch nor any language means OCR", "[ocr_decision]") {
  FakeLexicon lexicon;
  std::vector<std::string> garbled;
  for (const auto& l : kDutch) garbled.push_back(caesar(l));
  PageDecision d = decide_page_method(page_with(garbled), nullptr, OcrMode::automatic, &lexicon);
  CHECK(d.ocr);
  CHECK(d.code == decision::not_dutch);
  CHECK(d.stats.dutch_tokens < 0.3 * d.stats.tokens);

  // French is not Dutch, but it is words: the text layer is kept.
  std::vector<std::string> french = {
      "Augmentation de la vulnérabilité chez tous les publics cibles. Le volet social",
      "qui assure une certaine stabilité aux personnes se dégrade, surtout pour le logement",
      "et les mesures de chômage annoncées par le gouvernement fédéral. Soutenir les gens",
      "à domicile pose aussi beaucoup de défis aux professionnels de la zone de soins.",
  };
  PageDecision fr = decide_page_method(page_with(french), nullptr, OcrMode::automatic, &lexicon);
  CHECK_FALSE(fr.ocr);
  CHECK(fr.code == decision::text_layer_ok);

  // Without a lexicon only the look of the words counts: Dutch passes.
  PageDecision plain = decide_page_method(page_with(kDutch), nullptr, OcrMode::automatic, nullptr);
  CHECK_FALSE(plain.ocr);
}

TEST_CASE("decision: --ocr always and --ocr never", "[ocr_decision]") {
  FakeLexicon lexicon;
  Page good = page_with(kDutch);
  PageDecision forced = decide_page_method(good, nullptr, OcrMode::always, &lexicon);
  CHECK(forced.ocr);
  CHECK(forced.code == decision::forced);
  CHECK_FALSE(decision_needs_ink(good, OcrMode::always, &lexicon));

  PageDecision kept = decide_page_method(good, nullptr, OcrMode::never, &lexicon);
  CHECK_FALSE(kept.ocr);
  CHECK_FALSE(kept.text_unusable);
  CHECK_FALSE(decision_warning(kept, "x.pdf", 1));

  Page empty;
  empty.number = 2;
  GrayImage ink = blank_ink();
  draw_type(ink, 60, 100, 30);
  PageDecision off = decide_page_method(empty, &ink, OcrMode::never, &lexicon);
  CHECK_FALSE(off.ocr);
  CHECK(off.code == decision::disabled);
  CHECK(off.text_unusable);
  auto warning = decision_warning(off, "scan.pdf", 2);
  REQUIRE(warning);
  CHECK(warning->code == "ocr_disabled");
  CHECK(warning->page == 2);
  CHECK(warning->to_line().find("--ocr never") != std::string::npos);
}

TEST_CASE("decision: a page number alone with nothing else on the page", "[ocr_decision]") {
  Page page;
  page.number = 3;
  add_lines(page.boxes, {"pagina 3"}, 280, 800, 10);
  GrayImage ink = blank_ink();
  draw_under_boxes(ink, page);
  PageDecision d = decide_page_method(page, &ink, OcrMode::automatic, nullptr);
  CHECK_FALSE(d.ocr);
  // Without the ink the few characters are no text layer.
  CHECK(decide_page_method(page, nullptr, OcrMode::automatic, nullptr).ocr);
}

TEST_CASE("decision: ink images of other resolutions and sizes", "[ocr_decision]") {
  CHECK(ink_dpi(595, 842) == kInkDpi);
  CHECK(ink_dpi(120, 86) > kInkDpi);             // a label: finer
  CHECK(ink_dpi(72 * 200, 72 * 200) < kInkDpi);  // a 200-inch poster: coarser
  double poster = 72 * 200.0 / 72 * ink_dpi(72 * 200, 72 * 200);
  CHECK(poster * poster <= kMaxInkPixels * 1.01);

  // The same page measured at 100 dpi gives about the same figures.
  Page empty;
  GrayImage at50 = blank_ink();
  draw_type(at50, 60, 100, 20);
  GrayImage at100;
  at100.dpi = 100;
  at100.width = at50.width * 2;
  at100.height = at50.height * 2;
  at100.pixels.resize(static_cast<std::size_t>(at100.width) * at100.height);
  for (int y = 0; y < at100.height; ++y)
    for (int x = 0; x < at100.width; ++x)
      at100.pixels[static_cast<std::size_t>(y) * at100.width + x] =
          at50.pixels[static_cast<std::size_t>(y / 2) * at50.width + x / 2];
  auto a = measure_text_layer(empty, &at50, nullptr);
  auto b = measure_text_layer(empty, &at100, nullptr);
  CHECK(b.uncovered_ink == Approx(a.uncovered_ink).epsilon(0.05));
}

TEST_CASE("decision: counting characters, tokens and ligatures", "[ocr_decision]") {
  FakeLexicon lexicon;
  Page page;
  Box b;
  b.text = "zorg\xC2\xAD";  // soft hyphen: not a character
  page.boxes.push_back(b);
  b.text = "\xEF\xAC\x81nanciering";  // ﬁnanciering
  page.boxes.push_back(b);
  b.text = "voor-mensen";
  page.boxes.push_back(b);
  TextLayerStats s = measure_text_layer(page, nullptr, &lexicon);
  CHECK(s.chars == 4 + 11 + 11);
  CHECK(s.tokens == 4);  // zorg, financiering, voor, mensen
  CHECK(s.dutch_tokens == 3);
  CHECK(s.bad_glyphs == 0);
}

TEST_CASE("decision: the ink render is needed only where a picture may hold text", "[ocr_decision]") {
  FakeLexicon lexicon;
  Page page = page_with(kDutch);
  TextLayerStats words = measure_text_layer(page, nullptr, &lexicon);

  // Unknown images (not a PDF, objects unreadable): the ink must say.
  page.largest_image_pixels = -1;
  CHECK(decision_needs_ink(page, words, OcrMode::automatic));
  // No image, or only a logo: the text layer is all the text there is.
  page.largest_image_pixels = 0;
  CHECK_FALSE(decision_needs_ink(page, words, OcrMode::automatic));
  page.largest_image_pixels = 300.0 * 120;  // a logo
  CHECK_FALSE(decision_needs_ink(page, words, OcrMode::automatic));
  // A page-sized picture (half a scan?) wants the ink measure.
  page.largest_image_pixels = 1240.0 * 1754;  // A4 at 150 dpi
  CHECK(decision_needs_ink(page, words, OcrMode::automatic));

  // An empty text layer needs the ink whatever the images (blank or scan?).
  Page empty;
  empty.largest_image_pixels = 0;
  CHECK(decision_needs_ink(empty, measure_text_layer(empty, nullptr, &lexicon), OcrMode::automatic));

  // Without ink the decision stands on the words: a good layer is used.
  page.largest_image_pixels = 0;
  PageDecision d = decide_page_method(words, OcrMode::automatic, /*have_lexicon=*/true);
  CHECK_FALSE(d.ocr);
  CHECK(d.code == decision::text_layer_ok);
  // add_ink_measure on the same stats gives what measuring with ink gives.
  GrayImage ink = blank_ink();
  draw_type(ink, 60, 300, 30);
  TextLayerStats with_ink = words;
  add_ink_measure(page, ink, with_ink);
  TextLayerStats direct = measure_text_layer(page, &ink, &lexicon);
  CHECK(with_ink.uncovered_ink == direct.uncovered_ink);
  CHECK(with_ink.covered_ink == direct.covered_ink);
  CHECK(decide_page_method(with_ink, OcrMode::automatic, true).code == decision::sparse_text);
}
