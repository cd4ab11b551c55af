// pdf_paint: the shapes and text colours read from content-stream
// operators, on literal content (the operators one at a time) and on real
// PDFs of samples/.
#include "extract/pdf_paint.h"

#include <cmath>
#include <catch2/catch.hpp>

#include "extract/pdf_objects.h"
#include "test_support.h"

using namespace overleg;

namespace {

// An A4 page, no rotation: top-left y = 842 - PDF y.
PaintFrame a4(int rotate = 0) {
  PaintFrame f;
  f.crop = {0, 0, 595, 842};
  f.rotate = rotate;
  return f;
}

// Resources a test writes by hand: one colour space and one form.
class FakeResources : public PaintResources {
 public:
  int color_components(std::string_view name) const override { return name == "/CS0" ? 3 : 0; }
  bool form(std::string_view name, FormContent& out) const override {
    if (name != "/Fm0") return false;
    out.data = "0 0 1 rg 0 0 100 20 re f";
    double m[6] = {1, 0, 0, 1, 50, 100};
    std::copy(m, m + 6, out.matrix);
    return true;
  }
};

Box word_at(double x0, double y0, double x1, double y1) {
  Box b;
  b.text = "word";
  b.bbox = {x0, y0, x1, y1};
  return b;
}

}  // namespace

TEST_CASE("pdf_paint: a filled rectangle is a shape in top-left coordinates", "[pdf_paint]") {
  PagePaint p = read_paint(".9255 .9608 .9294 rg 45 261 703 134 re f", a4(), nullptr);
  REQUIRE(p.shapes.size() == 1);
  const Shape& s = p.shapes[0];
  CHECK(s.bbox.x0 == Approx(45));
  CHECK(s.bbox.x1 == Approx(748));
  CHECK(s.bbox.y0 == Approx(842 - 395));
  CHECK(s.bbox.y1 == Approx(842 - 261));
  CHECK(s.fill == 0xecf5ed);
  CHECK(s.stroke == kUnknownColor);
  CHECK(s.rectangle);
}

TEST_CASE("pdf_paint: the current matrix, q and Q place and colour shapes", "[pdf_paint]") {
  PagePaint p = read_paint("q 2 0 0 2 0 0 cm 1 0 0 rg 10 10 20 20 re f Q 0 0 20 20 re f", a4(), nullptr);
  REQUIRE(p.shapes.size() == 2);
  CHECK(p.shapes[0].bbox.x0 == Approx(20));
  CHECK(p.shapes[0].bbox.x1 == Approx(60));
  CHECK(p.shapes[0].fill == 0xff0000);
  // Q restored the identity matrix and black.
  CHECK(p.shapes[1].bbox.x1 == Approx(20));
  CHECK(p.shapes[1].fill == 0x000000);
}

TEST_CASE("pdf_paint: gray, CMYK, named and pattern colours; strokes and frames", "[pdf_paint]") {
  FakeResources res;
  PagePaint p = read_paint(
      "0.5 g 0 0 50 50 re f "
      "0 0 0 1 k 0 0 50 50 re f "
      "/CS0 cs 0 1 0 sc 0 0 50 50 re f "
      "/Pattern cs /P0 scn 0 0 50 50 re f "
      "0 0 1 RG 10 10 m 200 10 l 200 100 l h S "
      "1 0 0 RG 0 0 80 40 re S",
      a4(), &res);
  REQUIRE(p.shapes.size() == 5);  // the pattern fill's colour is unknown: not kept
  CHECK(p.shapes[0].fill == 0x808080);
  CHECK(p.shapes[1].fill == 0x000000);
  CHECK(p.shapes[2].fill == 0x00ff00);
  CHECK(p.shapes[3].stroke == 0x0000ff);
  CHECK_FALSE(p.shapes[3].rectangle);  // a polygon, not a box
  CHECK(p.shapes[4].stroke == 0xff0000);
  CHECK(p.shapes[4].fill == kUnknownColor);
  CHECK(p.shapes[4].rectangle);
}

TEST_CASE("pdf_paint: shapes too small to hold a line of text are not kept", "[pdf_paint]") {
  // A bullet and a rule; clipping paths (n) paint nothing.
  PagePaint p = read_paint("0 0 1 rg 10 10 3 3 re f 10 30 200 0.8 re f 0 0 595 842 re W n", a4(), nullptr);
  CHECK(p.shapes.empty());
}

TEST_CASE("pdf_paint: text runs start where the text matrix puts them, in their fill colour", "[pdf_paint]") {
  PagePaint p = read_paint(
      "BT /F1 12 Tf 14 TL 1 0 0 rg 1 0 0 1 100 700 Tm (Hi) Tj 0 0 1 rg (there) Tj "
      "T* 0 g (next) Tj 20 -14 Td (moved) Tj ET",
      a4(), nullptr);
  REQUIRE(p.text.size() == 4);
  CHECK(p.text[0].x == Approx(100));
  CHECK(p.text[0].y == Approx(842 - 700));
  CHECK(p.text[0].size == Approx(12));
  CHECK(p.text[0].color == 0xff0000);
  // No new position: the previous run's origin, the new colour.
  CHECK(p.text[1].x == Approx(100));
  CHECK(p.text[1].color == 0x0000ff);
  // T* moves down by the leading, Td from the line's start.
  CHECK(p.text[2].y == Approx(842 - 686));
  CHECK(p.text[2].color == 0x000000);
  CHECK(p.text[3].x == Approx(120));
  CHECK(p.text[3].y == Approx(842 - 672));
  CHECK(p.shown == 4);
  CHECK(p.invisible == 0);
}

TEST_CASE("pdf_paint: a flipped text matrix under a scaled page (Chromium's output)", "[pdf_paint]") {
  PagePaint p = read_paint(
      ".24 0 0 -.24 0 842 cm q 3.125 0 0 3.125 0 0 cm "
      ".2314 .5608 .2902 rg BT /F4 16 Tf 1 0 0 -1 45 108 Tm <0102> Tj ET Q",
      a4(), nullptr);
  REQUIRE(p.text.size() == 1);
  CHECK(p.text[0].x == Approx(45 * 0.75));
  CHECK(p.text[0].y == Approx(108 * 0.75));
  CHECK(p.text[0].size == Approx(16 * 0.75));
  CHECK(p.text[0].color == 0x3b8f4a);
}

TEST_CASE("pdf_paint: invisible text is counted and has no colour", "[pdf_paint]") {
  PagePaint p = read_paint("BT 3 Tr /F1 10 Tf 10 10 Td (a) Tj (b) Tj ET BT 0 Tr 10 30 Td (c) Tj ET", a4(), nullptr);
  CHECK(p.shown == 3);
  CHECK(p.invisible == 2);
  REQUIRE(p.text.size() == 3);
  CHECK(p.text[0].color == kUnknownColor);
  CHECK(p.text[2].color == 0);
}

TEST_CASE("pdf_paint: a page's rotation turns the shapes with the words", "[pdf_paint]") {
  // A box at the PDF's lower left; the page turned 90 degrees clockwise
  // shows it at the top left, 842 wide.
  PagePaint p = read_paint("1 0 0 rg 0 0 100 50 re f", a4(90), nullptr);
  REQUIRE(p.shapes.size() == 1);
  CHECK(p.shapes[0].bbox.x0 == Approx(0));
  CHECK(p.shapes[0].bbox.x1 == Approx(50));
  CHECK(p.shapes[0].bbox.y0 == Approx(0));
  CHECK(p.shapes[0].bbox.y1 == Approx(100));
}

TEST_CASE("pdf_paint: inline image data is not read as operators", "[pdf_paint]") {
  std::string content = "BI /W 23 /H 1 /BPC 8 /CS /G ID ";
  content += "1 0 0 rg 0 0 90 90 re f";  // image bytes that look like operators
  content += "\nEI 0 1 0 rg 0 0 50 50 re f";
  PagePaint p = read_paint(content, a4(), nullptr);
  REQUIRE(p.shapes.size() == 1);
  CHECK(p.shapes[0].fill == 0x00ff00);
}

TEST_CASE("pdf_paint: forms are entered with their matrix; damage keeps what was read", "[pdf_paint]") {
  FakeResources res;
  PagePaint p = read_paint("q 1 0 0 1 10 0 cm /Fm0 Do Q /Im1 Do 1 0 0 rg 0 0 50 50 re f ) ] >> (", a4(), &res);
  REQUIRE(p.shapes.size() == 2);
  CHECK(p.shapes[0].fill == 0x0000ff);
  CHECK(p.shapes[0].bbox.x0 == Approx(60));
  CHECK(p.shapes[0].bbox.y1 == Approx(842 - 100));
  CHECK(p.shapes[1].fill == 0xff0000);
  // Without resources no form is entered.
  CHECK(read_paint("/Fm0 Do", a4(), nullptr).shapes.empty());
}

TEST_CASE("pdf_paint: a word takes the colour of the run that starts nearest before it on its line", "[pdf_paint]") {
  PagePaint p;
  p.text.push_back({100, 92, 12, 0xff0000, 0});   // "Lees" ... on the line at baseline 92
  p.text.push_back({160, 92, 12, 0x0000ff, 0});   // "hier"
  p.text.push_back({100, 120, 12, 0x00ff00, 0});  // the next line
  std::vector<Box> boxes = {word_at(100.4, 82, 130, 95), word_at(132, 82, 150, 95), word_at(160.2, 82, 180, 95),
                            word_at(100, 110, 130, 123), word_at(20, 82, 60, 95)};
  color_boxes(p, boxes);
  CHECK(boxes[0].color == 0xff0000);
  CHECK(boxes[1].color == 0xff0000);  // within the first run
  CHECK(boxes[2].color == 0x0000ff);
  CHECK(boxes[3].color == 0x00ff00);
  CHECK(boxes[4].color == kUnknownColor);  // no run starts before it
}

TEST_CASE("pdf_paint: runs drawn in any order colour words as in page order", "[pdf_paint]") {
  // Lines drawn bottom first, a line's runs right to left and in two
  // stretches, and two runs at one origin (the later drawn over the first).
  PagePaint p;
  p.text.push_back({100, 120, 12, 0x00ff00, 0});  // the lower line, drawn first
  p.text.push_back({160, 92, 12, 0x0000ff, 0});   // the upper line's second run
  p.text.push_back({100, 120, 12, 0x00ffff, 0});  // the lower line again, at the same origin: it wins
  p.text.push_back({100, 92, 12, 0xff0000, 0});   // the upper line's first run, drawn last
  p.text.push_back({130, 92, 12, 0xff00ff, 0});   // between them
  p.text.push_back({std::nan(""), 92, 12, 0x111111, 0});  // damage: no origin, no colour given
  std::vector<Box> boxes = {word_at(100.4, 82, 128, 95), word_at(131, 82, 150, 95), word_at(170, 82, 180, 95),
                            word_at(100, 110, 130, 123), word_at(20, 82, 60, 95)};
  color_boxes(p, boxes);
  CHECK(boxes[0].color == 0xff0000);
  CHECK(boxes[1].color == 0xff00ff);
  CHECK(boxes[2].color == 0x0000ff);
  CHECK(boxes[3].color == 0x00ffff);
  CHECK(boxes[4].color == kUnknownColor);
}

TEST_CASE("pdf_paint: a sample's title band and text colours, read through qpdf", "[pdf_paint]") {
  std::vector<Diagnostic> warnings;
  auto pages = read_pdf_objects(test::read_text(test::source_dir() + "/samples/gg-zuid-oost-2025-10-10.pdf"),
                                "s.pdf", warnings);
  REQUIRE_FALSE(pages.empty());
  const PagePaint& first = pages[0].paint;
  CHECK(first.shown > 0);
  CHECK(first.text.size() == static_cast<std::size_t>(first.shown));
  bool coloured_fill = false, dark_text = false;
  for (const Shape& s : first.shapes) coloured_fill = coloured_fill || (s.fill != kUnknownColor && s.fill != 0xffffff);
  // The sample's text is #222222; its band's title white.
  for (const TextPaint& t : first.text) dark_text = dark_text || t.color == 0x222222;
  CHECK(coloured_fill);  // the title band
  CHECK(dark_text);
}
