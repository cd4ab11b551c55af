// Tests of lines.h: boxes of one region grouped into printed lines.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include "layout/lines.h"
#include "test_support.h"

using namespace overleg;
using overleg::test::line_words;
using overleg::test::word;

TEST_CASE("build_lines groups words into lines top to bottom, words left to right", "[lines]") {
  std::vector<Box> boxes = line_words("Toename van de kwetsbaarheid", 50, 100);
  overleg::test::add(boxes, line_words("bij alle doelpublieken.", 50, 112));
  overleg::test::add(boxes, line_words("Het sociale aspect", 50, 124));
  // The source order is not reading order.
  std::mt19937 rng(7);
  std::shuffle(boxes.begin(), boxes.end(), rng);

  std::vector<Line> lines = build_lines(boxes);
  REQUIRE(lines.size() == 3);
  CHECK(lines[0].text() == "Toename van de kwetsbaarheid");
  CHECK(lines[1].text() == "bij alle doelpublieken.");
  CHECK(lines[2].text() == "Het sociale aspect");
  for (const Line& l : lines)
    for (std::size_t i = 1; i < l.words.size(); ++i) CHECK(l.words[i - 1].bbox.x0 < l.words[i].bbox.x0);
  CHECK(lines[0].bbox.y1 <= lines[1].bbox.y0);
  CHECK(lines[0].bbox.x0 == Approx(50));
}

TEST_CASE("build_lines: a bigger first word or a raised mark stays on its line", "[lines]") {
  std::vector<Box> boxes;
  boxes.push_back(word("Groot", 50, 98, 14));  // 98..112, the rest 100..110
  overleg::test::add(boxes, line_words("en klein", 90, 100));
  boxes.push_back(word("1", 132, 97, 6));  // a footnote mark, raised
  overleg::test::add(boxes, line_words("Volgende regel", 50, 114));

  std::vector<Line> lines = build_lines(boxes);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].words.size() == 4);
  CHECK(lines[1].text() == "Volgende regel");
}

TEST_CASE("build_lines on no boxes gives no lines", "[lines]") { CHECK(build_lines({}).empty()); }

TEST_CASE("Line::text puts a space only where the page has one", "[lines]") {
  Line line;
  line.words.push_back(word("Zie", 50, 100));
  line.words.push_back(word("presentatie", line.words.back().bbox.x1 + 3, 100));
  // "hier" and "." touch: one word split by a font change.
  line.words.push_back(word("hier", line.words.back().bbox.x1 + 3, 100, 10, true));
  line.words.push_back(word(".", line.words.back().bbox.x1, 100));
  CHECK(line.text() == "Zie presentatie hier.");

  // A gap of a sliver of the font size (kerning) is no space either.
  Line kerned;
  kerned.words.push_back(word("ge", 50, 100));
  kerned.words.push_back(word("zond", kerned.words.back().bbox.x1 + 0.5, 100));
  CHECK(kerned.text() == "gezond");

  CHECK(Line{}.text().empty());
}

TEST_CASE("build_lines measures size, weight and confidence of a line", "[lines]") {
  SECTION("text layer: median size, bold share, no confidence") {
    std::vector<Box> boxes = line_words("Monitoring van de behoeften", 50, 100, 14, true);
    std::vector<Line> lines = build_lines(boxes);
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].size == Approx(14));
    CHECK(lines[0].bold_share == Approx(1.0));
    CHECK(lines[0].bold());
    CHECK(lines[0].confidence == Approx(-1));
  }
  SECTION("one bold word of many does not make a bold line") {
    std::vector<Box> boxes = line_words("Zie de agendapagina", 50, 100);
    boxes.push_back(word("hier", boxes.back().bbox.x1 + 3, 100, 10, true));
    std::vector<Line> lines = build_lines(boxes);
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].bold_share > 0);
    CHECK(lines[0].bold_share < 0.75);
    CHECK_FALSE(lines[0].bold());
  }
  SECTION("OCR words: mean confidence") {
    std::vector<Box> boxes = line_words("twee woorden", 50, 100);
    boxes[0].confidence = 0.9;
    boxes[1].confidence = 0.5;
    std::vector<Line> lines = build_lines(boxes);
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].confidence == Approx(0.7));
  }
}

TEST_CASE("a word turned on its side is no part of the upright lines beside it", "[lines]") {
  // A margin stamp: a 5 pt word on its side, its box 47 pt tall beside
  // four upright lines (the federal register's "DSKJLSW7X2PROD").
  Box stamp = word("DSKJLSW7X2PROD", 18, 100, 5);
  stamp.bbox = {18, 100, 23, 147};
  Box with = word("with", 18, 150, 5);
  with.bbox = {18, 150, 23, 160};
  CHECK(is_vertical_word(stamp));
  CHECK_FALSE(is_vertical_word(word("Toename", 50, 100)));
  Box bracket = word("∀s", 50, 100, 10.9);
  bracket.bbox = {50, 100, 61, 118.9};  // a tall math glyph, upright
  CHECK_FALSE(is_vertical_word(bracket));
  std::vector<Line> turned = build_vertical_lines({stamp, with});
  REQUIRE(turned.size() == 1);
  CHECK(turned[0].vertical);
  CHECK(turned[0].text() == "with DSKJLSW7X2PROD");  // read bottom to top
}

TEST_CASE("a bracket over two lines joins one of them without joining them", "[lines]") {
  std::vector<Box> boxes = line_words("Die Produkttopologie auf", 150, 100);
  overleg::test::add(boxes, line_words("stimmt überein.", 150, 110.5));
  Box arrow = word("⇒", 137, 98);
  arrow.bbox = {137, 98, 148, 117};  // 1.9 lines tall
  boxes.push_back(arrow);
  std::vector<Line> lines = build_lines(boxes);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].text() == "⇒ Die Produkttopologie auf");
  CHECK(lines[1].text() == "stimmt überein.");
}

TEST_CASE("line text: the reader's spaces between neighbours, stacked and RTL words", "[lines]") {
  // "H" + subscript "i": no space in the PDF, however the gap looks.
  Box h = word("H", 50, 100), i = word("i", 0, 103, 7);
  i.bbox = {h.bbox.x1 + 0.2, 103, h.bbox.x1 + 2.2, 110};
  h.order = 0, i.order = 1, h.space_after = false;
  Box eine = word("eine", i.bbox.x1 + 4, 100);
  i.space_after = true, eine.order = 2;
  CHECK(build_lines({h, i, eine}).front().text() == "Hi eine");
  // A large emoji after a word is a word of its own.
  Box country = word("Indonesia", 147, 421, 11), flag = word("🇮🇩", 201.4, 405, 27.4);
  country.bbox.x1 = 198.3;
  flag.bbox = {201.4, 405, 215.1, 440.8};
  CHECK(build_lines({country, flag}).front().text() == "Indonesia 🇮🇩");
  // "~" set over "=": two words.
  Box tilde = word("∼", 100, 98), eq = word("=", 100, 100);
  tilde.bbox.x1 = eq.bbox.x1;
  CHECK(build_lines({tilde, eq}).front().text() == "∼ =");
  // Arabic in a text layer comes in visual order: read in logical order.
  std::vector<Box> arabic = line_words("ملاعلاب ابحرم", 56, 112);
  CHECK(build_lines(arabic).front().text() == "مرحبا بالعالم");
}

TEST_CASE("line_extents and has_lines group as build_lines does", "[lines]") {
  // Words of random size and place, some overlapping, some tall (a bracket
  // over two lines), some tied on their middle: the geometry-only grouping
  // must give build_lines' lines exactly.
  std::mt19937 rng(13);
  std::uniform_real_distribution<double> x(20, 500), y(20, 300), w(2, 60), h(4, 16);
  for (int round = 0; round < 300; ++round) {
    std::vector<Box> boxes;
    const int n = static_cast<int>(rng() % 40);
    for (int i = 0; i < n; ++i) {
      double x0 = x(rng), y0 = i % 7 == 3 && !boxes.empty() ? boxes.back().bbox.y0 : y(rng);
      double height = i % 11 == 5 ? 3 * h(rng) : h(rng);
      Box b;
      b.text = "w";
      b.bbox = {x0, y0, x0 + w(rng), y0 + height};
      b.order = i;
      boxes.push_back(b);
    }
    std::vector<Rect> rects;
    for (const Box& b : boxes) rects.push_back(b.bbox);
    const std::vector<Line> lines = build_lines(boxes);
    const std::vector<Rect> extents = line_extents(rects);
    REQUIRE(extents.size() == lines.size());
    for (std::size_t i = 0; i < lines.size(); ++i) {
      CHECK(extents[i].x0 == lines[i].bbox.x0);
      CHECK(extents[i].y0 == lines[i].bbox.y0);
      CHECK(extents[i].x1 == lines[i].bbox.x1);
      CHECK(extents[i].y1 == lines[i].bbox.y1);
    }
    for (std::size_t k = 0; k <= lines.size() + 1; ++k) CHECK(has_lines(rects, k) == (lines.size() >= k));
  }
}
