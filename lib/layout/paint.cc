#include "layout/paint.h"

#include <algorithm>
#include <map>

namespace overleg {
namespace {

// A fill whose every channel is at least this (0..255) is the paper, not a
// tint: the lightest tinted boxes drawn for the dev corpus are #ecf5ed
// (236) and #eef6f7 (238); white boxes painted over a page are 255.
constexpr int kPaperWhite = 245;
// A shape covering this share of the page is the page's background: the
// paper's colour, under every block alike, is no evidence about one.
constexpr double kPageBackgroundShare = 0.85;
// Share of a block's area a shape must cover to be what the block stands
// on (a block reaching a little over its box's edge still stands on it).
constexpr double kOnShape = 0.9;

double area(const Rect& r) { return r.empty() ? 0 : r.width() * r.height(); }

double covered(const Rect& shape, const Rect& block) {
  return shape.overlap_x(block) * shape.overlap_y(block) / std::max(area(block), 1e-9);
}

}  // namespace

bool paper_white(Rgb color) {
  if (color == kUnknownColor) return true;
  return ((color >> 16) & 0xff) >= kPaperWhite && ((color >> 8) & 0xff) >= kPaperWhite && (color & 0xff) >= kPaperWhite;
}

void measure_paint(const Page& page, std::vector<Block>& blocks) {
  const double page_area = page.width * page.height;
  for (Block& b : blocks) {
    if (b.page != page.number) continue;
    // The colour of most letters of the words inside the block.
    std::map<Rgb, std::size_t> letters;
    for (const Box& w : page.boxes)
      if (w.color != kUnknownColor && b.bbox.contains(w.bbox.center_x(), w.bbox.center_y()))
        letters[w.color] += w.text.size();
    auto most = std::max_element(letters.begin(), letters.end(),
                                 [](const auto& x, const auto& y) { return x.second < y.second; });
    b.color = most == letters.end() ? kUnknownColor : most->first;
    // The topmost fill under the whole block, and any frame around it.
    b.background = kUnknownColor;
    b.framed = false;
    b.box = {};
    for (const Shape& s : page.shapes) {
      if (page_area > 0 && area(s.bbox) >= kPageBackgroundShare * page_area) continue;
      if (covered(s.bbox, b.bbox) < kOnShape) continue;
      // Shapes come in painting order: a later one lies over the earlier.
      if (s.fill != kUnknownColor) {
        b.background = paper_white(s.fill) ? kUnknownColor : s.fill;
        if (b.background != kUnknownColor) b.box = s.bbox;
      }
      if (s.stroke != kUnknownColor && s.rectangle && !paper_white(s.stroke)) b.framed = true, b.box = s.bbox;
    }
    if (b.background == kUnknownColor && !b.framed) b.box = {};
  }
}

}  // namespace overleg
