#include "layout/areas.h"

#include <algorithm>
#include <cmath>
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

// Gaps between the projections of the boxes on one axis.
std::vector<Gap> projection_gaps(const std::vector<Box>& boxes, bool vertical_axis) {
  std::vector<std::pair<double, double>> spans;
  spans.reserve(boxes.size());
  for (const Box& b : boxes)
    spans.emplace_back(vertical_axis ? b.bbox.y0 : b.bbox.x0, vertical_axis ? b.bbox.y1 : b.bbox.x1);
  std::sort(spans.begin(), spans.end());
  std::vector<Gap> gaps;
  double reach = spans.empty() ? 0 : spans.front().second;
  for (std::size_t i = 1; i < spans.size(); ++i) {
    if (spans[i].first > reach) gaps.push_back({reach, spans[i].first});
    reach = std::max(reach, spans[i].second);
  }
  return gaps;
}

Rect bounds(const std::vector<Box>& boxes) {
  Rect r;
  for (const Box& b : boxes) r = r.united(b.bbox);
  return r;
}

double typical_height(const std::vector<Box>& boxes) {
  std::vector<double> h;
  h.reserve(boxes.size());
  for (const Box& b : boxes) h.push_back(b.bbox.height());
  return median(h);
}

// Do the two sides of a vertical cut line up row by row, as a table's cells
// do? Lines on the side with fewer lines start level with a line of the
// other side, and there are at least two such rows.
bool rows_line_up(const std::vector<Line>& left, const std::vector<Line>& right) {
  const auto& few = left.size() <= right.size() ? left : right;
  const auto& many = left.size() <= right.size() ? right : left;
  if (few.size() < 2) return false;
  // Most, not all: a header cell may be centred rather than top-aligned.
  std::size_t level_count = 0;
  for (const Line& a : few) {
    bool level = false;
    for (const Line& b : many)
      if (std::abs(a.bbox.y0 - b.bbox.y0) < 0.35 * std::max(1.0, a.bbox.height())) level = true;
    level_count += level;
  }
  return level_count >= 2 && level_count * 4 >= few.size() * 3;
}

// Does `lower` lie inside the columns of `upper`: `upper` has a channel
// between columns (no word crosses it, words on both sides) and no word of
// `lower` crosses any such channel?
bool within_columns(const std::vector<Box>& lower, const std::vector<Box>& upper, double vmin) {
  Rect u = bounds(upper);
  bool any = false;
  for (const Gap& g : projection_gaps(upper, false)) {
    if (g.width() < vmin || g.from <= u.x0 || g.to >= u.x1) continue;
    any = true;
    for (const Box& b : lower)
      if (b.bbox.x0 < g.to - kChannelEdgeSlack && b.bbox.x1 > g.from + kChannelEdgeSlack) return false;
  }
  return any;
}

// A vertical channel in `boxes` with kOpeningSideLines lines or more on either side.
bool has_columns(const std::vector<Box>& boxes, double vmin) {
  for (const Gap& g : projection_gaps(boxes, false)) {
    if (g.width() < vmin) continue;
    std::vector<Box> left, right;
    for (const Box& b : boxes) (b.bbox.center_x() < g.mid() ? left : right).push_back(b);
    if (build_lines(left).size() >= kOpeningSideLines && build_lines(right).size() >= kOpeningSideLines) return true;
  }
  return false;
}

// Where columns open under lines that run across them (a title, labelled
// info lines, a rule drawn between) with no strip gap between: the first
// small gap below which the rest has columns. nullopt when there is none.
std::optional<double> column_opening(const std::vector<Box>& boxes, const std::vector<Gap>& hgaps, double h,
                                     double vmin) {
  for (const Gap& g : hgaps) {
    if (g.width() < kOpeningGapHeights * h) continue;
    std::vector<Box> below;
    for (const Box& b : boxes)
      if (b.bbox.center_y() > g.mid()) below.push_back(b);
    if (below.size() < boxes.size() / 4) break;  // too little left to be columns
    if (has_columns(below, vmin)) return g.mid();
  }
  return std::nullopt;
}

class Cutter {
 public:
  explicit Cutter(double page_width) : page_width_(page_width) {}

  void cut(std::vector<Box> boxes, std::vector<Area>& out, int depth = 0) {
    if (boxes.empty()) return;
    double h = std::max(1.0, typical_height(boxes));
    const double vmin = std::max(kMinChannel, kChannelHeights * h);  // narrowest channel between columns
    if (depth < 40) {
      // 1. Columns: the widest vertical channel that no word crosses. It
      //    goes first: where one column ends beside another's heading, a
      //    gap runs across the whole width inside the columns, and cutting
      //    there would read the columns' lower parts after both upper parts.
      std::vector<Gap> vgaps = projection_gaps(boxes, false);
      const Gap* best = nullptr;
      for (const Gap& g : vgaps)
        if (!best || g.width() > best->width()) best = &g;
      if (best && best->width() >= vmin) {
        std::vector<Box> left, right;
        for (Box& b : boxes) (b.bbox.center_x() < best->mid() ? left : right).push_back(b);
        std::vector<Line> left_lines = build_lines(left), right_lines = build_lines(right);
        // A single line with one wide space is not two columns.
        bool substantial = (left_lines.size() >= 2 && right_lines.size() >= 2) || best->width() >= 2 * vmin;
        if (substantial) {
          Rect r = bounds(boxes);
          if (r.width() < kTableMaxWidth * page_width_ && rows_line_up(left_lines, right_lines)) {
            Area table;
            table.table = true;
            table.bbox = r;
            for (const Gap& g : vgaps)
              if (g.width() >= vmin) table.cell_cuts.push_back(g.mid());
            table.boxes = std::move(boxes);
            out.push_back(std::move(table));
            return;
          }
          cut(std::move(left), out, depth + 1);
          cut(std::move(right), out, depth + 1);
          return;
        }
      }
      // 2. Strips: horizontal gaps clearly wider than the space between lines.
      std::vector<Gap> hgaps = projection_gaps(boxes, true);
      std::vector<double> cuts;
      for (const Gap& g : hgaps)
        if (g.width() >= kStripGapHeights * h) cuts.push_back(g.mid());
      if (cuts.empty())
        if (auto open = column_opening(boxes, hgaps, h, vmin)) cuts.push_back(*open);
      if (!cuts.empty()) {
        std::vector<std::vector<Box>> strips(cuts.size() + 1);
        for (Box& b : boxes) {
          std::size_t i = std::upper_bound(cuts.begin(), cuts.end(), b.bbox.center_y()) - cuts.begin();
          strips[i].push_back(std::move(b));
        }
        // A gap across the whole width can lie inside columns: where one
        // column ends beside a heading gap of the next. A strip that stays
        // within one column of the strip above goes back into it.
        std::vector<std::vector<Box>> merged;
        for (auto& s : strips) {
          if (s.empty()) continue;
          if (!merged.empty() && within_columns(s, merged.back(), vmin))
            merged.back().insert(merged.back().end(), s.begin(), s.end());
          else
            merged.push_back(std::move(s));
        }
        if (merged.size() > 1) {
          for (auto& s : merged) cut(std::move(s), out, depth + 1);
          return;
        }
        boxes = std::move(merged.front());
      }
    }
    Area leaf;
    leaf.bbox = bounds(boxes);
    leaf.boxes = std::move(boxes);
    out.push_back(std::move(leaf));
  }

 private:
  double page_width_;
};

}  // namespace

std::vector<Area> find_areas(const std::vector<Box>& boxes, double page_width) {
  std::vector<Area> out;
  Cutter(page_width > 0 ? page_width : 595).cut(boxes, out);
  return out;
}

}  // namespace overleg
