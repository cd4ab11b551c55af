#include "layout/areas.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <optional>

#include "layout/lines.h"
#include "util/stats.h"

namespace overleg {
namespace {

// The narrowest channel between columns, as a share of the typical word
// height (gutters of the dev flyers and samples: 1.0–2.3 word heights;
// justified word spaces stay under 0.6), and never under kMinChannel points.
constexpr double kChannelHeights = 0.9;
constexpr double kMinChannel = 7.0;
// A horizontal gap this many typical word heights tall splits strips.
constexpr double kStripGapHeights = 1.5;
// Where columns open under full-width lines (a title, labelled info lines)
// without a strip gap between, a gap this many word heights tall is enough
// to cut: the space after a paragraph (dev flyers: 0.3–1.2).
constexpr double kOpeningGapHeights = 0.25;
// ... and the columns below need this many lines on either side (a
// two-row table under a line is not where columns open).
constexpr std::size_t kOpeningSideLines = 3;
// A narrow area whose sides line up row by row is a table (not columns)
// when it is at most this share of the page wide.
constexpr double kTableMaxWidth = 0.55;
// A word of a strip below reaches into a channel of the strip above only
// past this many points: justified lines of one column end on the same x
// as the column above them (a sample without sidebar: 0.00 apart), and the
// narrowest channel is kMinChannel.
constexpr double kChannelEdgeSlack = 0.5;

struct Gap {
  double from = 0, to = 0;
  double width() const { return to - from; }
  double mid() const { return (from + to) / 2; }
};

// The cut decides on the words' extents alone: its tests (gaps, line
// counts, rows) run many times over the same words at each level, and
// copying words (text, font) for each of them cost more than the tests.
using Rects = std::vector<Rect>;

// Gaps between the projections of the rectangles on one axis.
std::vector<Gap> projection_gaps(const Rects& rects, bool vertical_axis) {
  std::vector<std::pair<double, double>> spans;
  spans.reserve(rects.size());
  for (const Rect& r : rects) spans.emplace_back(vertical_axis ? r.y0 : r.x0, vertical_axis ? r.y1 : r.x1);
  std::sort(spans.begin(), spans.end());
  std::vector<Gap> gaps;
  double reach = spans.empty() ? 0 : spans.front().second;
  for (std::size_t i = 1; i < spans.size(); ++i) {
    if (spans[i].first > reach) gaps.push_back({reach, spans[i].first});
    reach = std::max(reach, spans[i].second);
  }
  return gaps;
}

Rect bounds(const Rects& rects) {
  Rect u;
  for (const Rect& r : rects) u = u.united(r);
  return u;
}

double typical_height(const Rects& rects) {
  std::vector<double> h;
  h.reserve(rects.size());
  for (const Rect& r : rects) h.push_back(r.height());
  return median(h);
}

// Do the two sides of a vertical cut line up row by row, as a table's cells
// do? Lines on the side with fewer lines start level with a line of the
// other side, and there are at least two such rows.
bool rows_line_up(const Rects& left, const Rects& right) {
  const auto& few = left.size() <= right.size() ? left : right;
  const auto& many = left.size() <= right.size() ? right : left;
  if (few.size() < 2) return false;
  // Most, not all: a header cell may be centred rather than top-aligned.
  std::size_t level_count = 0;
  for (const Rect& a : few) {
    bool level = false;
    for (const Rect& b : many)
      if (std::abs(a.y0 - b.y0) < 0.35 * std::max(1.0, a.height())) level = true;
    level_count += level;
  }
  return level_count >= 2 && level_count * 4 >= few.size() * 3;
}

// Does `lower` lie inside the columns of `upper`: `upper` has a channel
// between columns (no word crosses it, words on both sides) and no word of
// `lower` crosses any such channel?
bool within_columns(const Rects& lower, const Rects& upper, double vmin) {
  Rect u = bounds(upper);
  bool any = false;
  for (const Gap& g : projection_gaps(upper, false)) {
    if (g.width() < vmin || g.from <= u.x0 || g.to >= u.x1) continue;
    any = true;
    for (const Rect& b : lower)
      if (b.x0 < g.to - kChannelEdgeSlack && b.x1 > g.from + kChannelEdgeSlack) return false;
  }
  return any;
}

// A vertical channel in `rects` with kOpeningSideLines lines or more on either side.
bool has_columns(const Rects& rects, double vmin) {
  for (const Gap& g : projection_gaps(rects, false)) {
    if (g.width() < vmin) continue;
    Rects left, right;
    for (const Rect& r : rects) (r.center_x() < g.mid() ? left : right).push_back(r);
    if (has_lines(std::move(left), kOpeningSideLines) && has_lines(std::move(right), kOpeningSideLines)) return true;
  }
  return false;
}

// Where columns open under lines that run across them (a title, labelled
// info lines, a rule drawn between) with no strip gap between: the first
// small gap below which the rest has columns. nullopt when there is none.
std::optional<double> column_opening(const Rects& rects, const std::vector<Gap>& hgaps, double h, double vmin) {
  for (const Gap& g : hgaps) {
    if (g.width() < kOpeningGapHeights * h) continue;
    Rects below;
    for (const Rect& r : rects)
      if (r.center_y() > g.mid()) below.push_back(r);
    if (below.size() < rects.size() / 4) break;  // too little left to be columns
    if (has_columns(below, vmin)) return g.mid();
  }
  return std::nullopt;
}

// The XY-cut over the page's words, each part a list of their indices (in
// the page's order); the words themselves are copied once, into the leaves.
class Cutter {
 public:
  Cutter(const std::vector<Box>& boxes, double page_width) : boxes_(boxes), page_width_(page_width) {}

  void cut(std::vector<std::size_t> ids, std::vector<Area>& out, int depth = 0) {
    if (ids.empty()) return;
    const Rects rects = extents(ids);
    double h = std::max(1.0, typical_height(rects));
    const double vmin = std::max(kMinChannel, kChannelHeights * h);  // narrowest channel between columns
    if (depth < 40) {
      // 1. Columns: the widest vertical channel that no word crosses. It
      //    goes first: where one column ends beside another's heading, a
      //    gap runs across the whole width inside the columns, and cutting
      //    there would read the columns' lower parts after both upper parts.
      std::vector<Gap> vgaps = projection_gaps(rects, false);
      const Gap* best = nullptr;
      for (const Gap& g : vgaps)
        if (!best || g.width() > best->width()) best = &g;
      if (best && best->width() >= vmin) {
        std::vector<std::size_t> left, right;
        Rects left_rects, right_rects;
        for (std::size_t k = 0; k < ids.size(); ++k) {
          bool is_left = rects[k].center_x() < best->mid();
          (is_left ? left : right).push_back(ids[k]);
          (is_left ? left_rects : right_rects).push_back(rects[k]);
        }
        Rects left_lines = line_extents(std::move(left_rects)), right_lines = line_extents(std::move(right_rects));
        // A single line with one wide space is not two columns.
        bool substantial = (left_lines.size() >= 2 && right_lines.size() >= 2) || best->width() >= 2 * vmin;
        if (substantial) {
          Rect r = bounds(rects);
          if (r.width() < kTableMaxWidth * page_width_ && rows_line_up(left_lines, right_lines)) {
            Area table;
            table.table = true;
            table.bbox = r;
            for (const Gap& g : vgaps)
              if (g.width() >= vmin) table.cell_cuts.push_back(g.mid());
            table.boxes = words(ids);
            out.push_back(std::move(table));
            return;
          }
          cut(std::move(left), out, depth + 1);
          cut(std::move(right), out, depth + 1);
          return;
        }
      }
      // 2. Strips: horizontal gaps clearly wider than the space between lines.
      std::vector<Gap> hgaps = projection_gaps(rects, true);
      std::vector<double> cuts;
      for (const Gap& g : hgaps)
        if (g.width() >= kStripGapHeights * h) cuts.push_back(g.mid());
      if (cuts.empty())
        if (auto open = column_opening(rects, hgaps, h, vmin)) cuts.push_back(*open);
      if (!cuts.empty()) {
        std::vector<std::vector<std::size_t>> strips(cuts.size() + 1);
        for (std::size_t k = 0; k < ids.size(); ++k) {
          std::size_t i = std::upper_bound(cuts.begin(), cuts.end(), rects[k].center_y()) - cuts.begin();
          strips[i].push_back(ids[k]);
        }
        // A gap across the whole width can lie inside columns: where one
        // column ends beside a heading gap of the next. A strip that stays
        // within one column of the strip above goes back into it.
        std::vector<std::vector<std::size_t>> merged;
        for (auto& s : strips) {
          if (s.empty()) continue;
          if (!merged.empty() && within_columns(extents(s), extents(merged.back()), vmin))
            merged.back().insert(merged.back().end(), s.begin(), s.end());
          else
            merged.push_back(std::move(s));
        }
        if (merged.size() > 1) {
          for (auto& s : merged) cut(std::move(s), out, depth + 1);
          return;
        }
        ids = std::move(merged.front());
      }
    }
    Area leaf;
    leaf.bbox = bounds(extents(ids));
    leaf.boxes = words(ids);
    out.push_back(std::move(leaf));
  }

 private:
  Rects extents(const std::vector<std::size_t>& ids) const {
    Rects r;
    r.reserve(ids.size());
    for (std::size_t i : ids) r.push_back(boxes_[i].bbox);
    return r;
  }
  std::vector<Box> words(const std::vector<std::size_t>& ids) const {
    std::vector<Box> w;
    w.reserve(ids.size());
    for (std::size_t i : ids) w.push_back(boxes_[i]);
    return w;
  }

  const std::vector<Box>& boxes_;
  double page_width_;
};

}  // namespace

std::vector<Area> find_areas(const std::vector<Box>& boxes, double page_width) {
  std::vector<Area> out;
  std::vector<std::size_t> ids(boxes.size());
  std::iota(ids.begin(), ids.end(), std::size_t{0});
  Cutter(boxes, page_width > 0 ? page_width : 595).cut(std::move(ids), out);
  return out;
}

}  // namespace overleg
