#include "layout/tables.h"

#include <algorithm>
#include <cmath>

#include "layout/bullets.h"

namespace overleg {
namespace {

struct Interval {
  double from, to;
};

// The horizontal spans of a line that no word covers, wider than `min_gap`
// (the margins left and right of the line count as free).
std::vector<Interval> free_spans(const Line& line, double min_gap) {
  std::vector<Interval> out;
  out.push_back({-1e9, line.words.front().bbox.x0});
  for (std::size_t i = 1; i < line.words.size(); ++i) {
    double a = line.words[i - 1].bbox.x1, b = line.words[i].bbox.x0;
    if (b - a >= min_gap) out.push_back({a, b});
  }
  out.push_back({line.words.back().bbox.x1, 1e9});
  return out;
}

std::vector<Interval> intersect(const std::vector<Interval>& a, const std::vector<Interval>& b, double min_gap) {
  std::vector<Interval> out;
  for (const Interval& x : a)
    for (const Interval& y : b) {
      double from = std::max(x.from, y.from), to = std::min(x.to, y.to);
      if (to - from >= min_gap) out.push_back({from, to});
    }
  return out;
}

// Where the words right of `x` start on `line`, if it has words on both
// sides of `x` with real text (not a list marker) on the left; else < 0.
double right_start_if_both_sides(const Line& line, double x) {
  std::string left;
  int left_words = 0;
  double right = -1;
  for (const Box& w : line.words) {
    if (w.bbox.x1 <= x) {
      left += w.text;
      ++left_words;
    } else if (w.bbox.x0 >= x && right < 0) {
      right = w.bbox.x0;
    }
  }
  if (right < 0 || left_words == 0) return -1;
  if (left_words == 1 && bullet_kind(left) != BulletKind::none) return -1;
  return right;
}

// The interior channels of a run: free spans with text on both sides in at
// least three lines, where that text starts at one x, as a table column
// does. (Justified text has rivers of wide spaces too, but their right edges
// wander from line to line.)
std::vector<double> channels(const std::vector<Interval>& free, const std::vector<Line>& lines, std::size_t first,
                             std::size_t last) {
  std::vector<double> cuts;
  for (const Interval& f : free) {
    if (f.from < -1e8 || f.to > 1e8) continue;  // a margin, not a channel
    double x = (f.from + f.to) / 2;
    std::vector<double> starts, ends;
    for (std::size_t i = first; i <= last; ++i)
      if (double r = right_start_if_both_sides(lines[i], x); r >= 0) {
        starts.push_back(r);
        ends.push_back(lines[i].bbox.x1);
      }
    if (starts.size() < 3) continue;
    // Justified lines all end at the column's edge; table cells are ragged.
    double edge = *std::max_element(ends.begin(), ends.end());
    std::size_t flush = std::count_if(ends.begin(), ends.end(), [&](double e) { return edge - e < 1.0; });
    if (flush >= 2 && flush * 3 >= ends.size() * 2) continue;
    std::sort(starts.begin(), starts.end());
    double mid = starts[starts.size() / 2];
    std::size_t aligned = std::count_if(starts.begin(), starts.end(), [&](double r) { return std::abs(r - mid) < 1.0; });
    if (aligned >= 3 && aligned * 4 >= starts.size() * 3) cuts.push_back(x);
  }
  std::sort(cuts.begin(), cuts.end());
  return cuts;
}

}  // namespace

std::vector<TableRun> find_table_runs(const std::vector<Line>& lines, double body_size) {
  // Cells are padded less than columns are apart: a narrower channel will do,
  // since the aligned-start test in channels() keeps justified text out.
  const double min_gap = std::max(4.0, 0.5 * body_size);
  std::vector<TableRun> runs;
  std::size_t i = 0;
  while (i < lines.size()) {
    // Grow the run from line i while a channel survives all its lines.
    std::vector<Interval> free = free_spans(lines[i], min_gap);
    std::size_t best_last = i;
    std::vector<double> best_cuts;
    for (std::size_t j = i + 1; j < lines.size(); ++j) {
      std::vector<Interval> next = intersect(free, free_spans(lines[j], min_gap), min_gap);
      if (next.empty()) break;
      std::vector<double> cuts = channels(next, lines, i, j);
      if (cuts.empty()) {
        // Only margins left: the run may still grow into a channel.
        bool interior = false;
        for (const Interval& f : next) interior = interior || (f.from > -1e8 && f.to < 1e8);
        if (!interior) break;
      } else {
        best_last = j;
        best_cuts = cuts;
      }
      free = std::move(next);
    }
    if (!best_cuts.empty() && best_last >= i + 2) {
      runs.push_back({i, best_last, best_cuts});
      i = best_last + 1;
    } else {
      ++i;
    }
  }
  return runs;
}

std::vector<std::vector<std::string>> table_rows(const std::vector<Line>& lines, const std::vector<double>& cuts) {
  // The space between two lines of one cell: the smaller gaps of the table.
  std::vector<double> gaps;
  for (std::size_t i = 1; i < lines.size(); ++i) gaps.push_back(lines[i].bbox.y0 - lines[i - 1].bbox.y1);
  std::sort(gaps.begin(), gaps.end());
  double cell_gap = gaps.empty() ? 0 : gaps[(gaps.size() - 1) / 3];
  std::vector<std::vector<std::string>> rows;
  double row_bottom = -1e9;
  for (const Line& line : lines) {
    double size = std::max(line.size, 4.0);
    if (rows.empty() || line.bbox.y0 - row_bottom > cell_gap + 0.35 * size)
      rows.emplace_back(cuts.size() + 1);
    row_bottom = std::max(row_bottom, line.bbox.y1);
    // Each cell's part of this line: its words between the cuts.
    std::vector<Line> parts(cuts.size() + 1);
    for (const Box& w : line.words) {
      std::size_t c = std::upper_bound(cuts.begin(), cuts.end(), w.bbox.center_x()) - cuts.begin();
      parts[c].words.push_back(w);
    }
    for (std::size_t c = 0; c < parts.size(); ++c) {
      if (parts[c].words.empty()) continue;
      std::string& cell = rows.back()[c];
      if (!cell.empty()) cell += '\n';
      cell += parts[c].text();
    }
  }
  return rows;
}

}  // namespace overleg
