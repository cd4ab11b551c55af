// Tests of layout/paint.h: a block's text colour, the fill it stands on and
// its frame, from hand-made words and shapes.
#include "layout/paint.h"

#include <catch2/catch.hpp>

#include "test_support.h"

using namespace overleg;

namespace {

Block block_at(Rect bbox) {
  Block b;
  b.page = 1;
  b.bbox = bbox;
  return b;
}

Shape fill(Rect bbox, Rgb color) {
  Shape s;
  s.bbox = bbox;
  s.fill = color;
  s.rectangle = true;
  return s;
}

}  // namespace

TEST_CASE("paint: the colour of most letters, the topmost fill, paper and page backgrounds", "[layout][paint]") {
  std::vector<Box> boxes;
  Box red = test::word("Rood", 50, 100, 10);
  red.color = 0xff0000;
  Box dark = test::word("donkergrijs", 80, 100, 10);
  dark.color = 0x222222;
  boxes = {red, dark};
  Page page = test::a4_page(1, boxes);
  page.shapes = {fill({0, 0, 595, 842}, 0xfff8e0),    // the page's own background: the paper
                 fill({40, 90, 300, 130}, 0xecf5ed),  // a tinted box ...
                 fill({45, 95, 200, 125}, 0xffffff)}; // ... with a white card over part of it
  std::vector<Block> blocks = {block_at({50, 98, 150, 112}), block_at({210, 98, 290, 112}),
                               block_at({400, 300, 500, 320})};
  measure_paint(page, blocks);
  CHECK(blocks[0].color == 0x222222);          // 11 letters against 4
  CHECK(blocks[0].background == kUnknownColor);  // on the white card
  CHECK(blocks[0].box.empty());
  CHECK(blocks[1].background == 0xecf5ed);
  CHECK(blocks[1].box.x0 == 40);
  CHECK(blocks[2].background == kUnknownColor);  // the page's background is no box
  CHECK(blocks[2].color == kUnknownColor);       // no words
}

TEST_CASE("paint: a stroked rectangle frames the blocks inside it, a curve does not", "[layout][paint]") {
  Page page = test::a4_page(1, {});
  Shape frame;
  frame.bbox = {40, 90, 300, 200};
  frame.stroke = 0x3b8f4a;
  frame.rectangle = true;
  Shape curve = frame;
  curve.bbox = {400, 90, 560, 200};
  curve.rectangle = false;
  page.shapes = {frame, curve};
  std::vector<Block> blocks = {block_at({50, 100, 250, 150}), block_at({410, 100, 550, 150}),
                               block_at({250, 180, 350, 220})};
  measure_paint(page, blocks);
  CHECK(blocks[0].framed);
  CHECK(blocks[0].box.x1 == 300);
  CHECK_FALSE(blocks[1].framed);
  CHECK_FALSE(blocks[2].framed);  // reaches out of the frame
  CHECK(paper_white(0xffffff));
  CHECK(paper_white(0xf7f8f9));
  CHECK_FALSE(paper_white(0xecf5ed));
}
