#include "layout/tables.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>

#include "layout/bullets.h"

namespace overleg {
namespace {

struct Interval {
  double from, to;
};

/// Sets `out` to the horizontal spans of `line` that no word covers, wider
/// than `min_gap` (the margins left and right of the line count as free).
/// `out` is the caller's, so that its memory serves every line.
void free_spans(const Line& line, double min_gap, std::vector<Interval>& out) {
  out.clear();
  out.push_back({-1e9, line.words.front().bbox.x0});
  for (std::size_t i = 1; i < line.words.size(); ++i) {
    double a = line.words[i - 1].bbox.x1, b = line.words[i].bbox.x0;
    if (b - a >= min_gap) out.push_back({a, b});
  }
  out.push_back({line.words.back().bbox.x1, 1e9});
}

/// Where the words right of `x` start on `line`, if it has words on both
/// sides of `x` with real text (not a list marker) on the left; else < 0.
double right_start_if_both_sides(const Line& line, double x) {
  // The left text matters only when it is one word (a marker or not): keep
  // that word rather than the text of all of them.
  const Box* left = nullptr;
  int left_words = 0;
  double right = -1;
  for (const Box& w : line.words) {
    if (w.bbox.x1 <= x) {
      left = &w;
      ++left_words;
    } else if (w.bbox.x0 >= x && right < 0) {
      right = w.bbox.x0;
    }
  }
  if (right < 0 || left_words == 0) return -1;
  if (left_words == 1 && bullet_kind(left->text) != BulletKind::none) return -1;
  return right;
}

/// One interval of a run's free set as a candidate channel, with what the
/// channel test needs of the run's lines at the channel's middle x. What a
/// line gives depends on the line and x alone, so while the interval stays
/// bit-identical from one run length to the next its lines' results stay
/// valid and only the new line is added (issue #11: re-reading every line of
/// the run for every length made find_table_runs cubic in the lines).
struct Channel {
  Interval span{0, 0};
  double x = 0;  ///< the middle of span: where the cut would go
  /// How many times the free set holds this interval. Overlapping words
  /// give overlapping free spans, and a channel cut by two spans that both
  /// hold it is there twice (in fuzzed input, 262,142 times after 18 lines).
  /// Each copy is a cut of its own, so it is counted, not dropped.
  std::size_t copies = 1;
  /// Of the lines with text on both sides of x: where the text right of x
  /// starts and where the line ends, each sorted (not paired), so that
  /// test() finds median and counts by binary search.
  std::vector<double> starts, ends;

  /// A margin of the run (open to one side), not a channel between columns.
  bool margin() const { return span.from < -1e8 || span.to > 1e8; }

  /// Makes this the channel of `s`, with no lines yet (keeping the memory).
  void reset(Interval s) {
    span = s;
    x = (s.from + s.to) / 2;
    starts.clear();
    ends.clear();
  }

  /// Adds what `line` gives at x.
  void add(const Line& line) {
    if (double r = right_start_if_both_sides(line, x); r >= 0) {
      starts.insert(std::upper_bound(starts.begin(), starts.end(), r), r);
      const double e = line.bbox.x1;
      ends.insert(std::upper_bound(ends.begin(), ends.end(), e), e);
    }
  }

  /// Does x cut the lines added so far as a table column's edge does? Text
  /// on both sides in at least three lines, the right text starting at one x
  /// in most of them, the lines not mostly ending flush.
  bool test() const {
    const std::size_t n = starts.size();
    if (n < 3) return false;
    // Justified lines all end at the column's edge; table cells are ragged.
    // Over sorted ends `edge - e < 1.0` holds for a suffix (subtraction
    // rounds monotonically), so its count is one search with the very
    // predicate a plain count would use.
    const double edge = ends.back();
    const std::size_t flush =
        ends.end() - std::partition_point(ends.begin(), ends.end(), [&](double e) { return !(edge - e < 1.0); });
    if (flush >= 2 && flush * 3 >= n * 2) return false;
    // Starts within 1 of the median: a range around it, found on each side.
    const double mid = starts[n / 2];
    auto near = [&](double r) { return std::abs(r - mid) < 1.0; };
    const auto median = starts.begin() + n / 2;
    const auto lo = std::partition_point(starts.begin(), median, [&](double r) { return !near(r); });
    const auto hi = std::partition_point(median, starts.end(), near);
    const std::size_t aligned = hi - lo;
    return aligned >= 3 && aligned * 4 >= n * 3;
  }
};

/// One channel of the run so far cut by one free span of the next line (or,
/// for a run's first line, one of its free spans).
struct Piece {
  Interval span;
  std::size_t parent;  ///< the channel it was cut from; kNoParent for a first line
};

constexpr std::size_t kNoParent = -1;

/// The bits of `x`: equal bits are the same value to every later step (no
/// question of signed zeros), and they order even a NaN.
std::uint64_t bits(double x) { return std::bit_cast<std::uint64_t>(x); }

bool same_span(const Interval& a, const Interval& b) {
  return bits(a.from) == bits(b.from) && bits(a.to) == bits(b.to);
}

/// An order of pieces that puts the pieces of one span together.
bool by_bits(const Piece& a, const Piece& b) {
  if (bits(a.span.from) != bits(b.span.from)) return bits(a.span.from) < bits(b.span.from);
  return bits(a.span.to) < bits(b.span.to);
}

/// The free set of a run of lines first..last: the spans that no word of
/// any of them covers, as channels, each span once with its count of
/// copies. One instance serves every run of a column, so that its channels'
/// memory is allocated once.
class FreeSet {
 public:
  FreeSet(const std::vector<Line>& lines, double min_gap) : lines_(lines), min_gap_(min_gap) {}

  /// Starts a run at line `first`.
  void start(std::size_t first) {
    first_ = first;
    free_spans(lines_[first], min_gap_, spans_);
    pieces_.clear();
    for (const Interval& s : spans_) pieces_.push_back({s, kNoParent});
    take_pieces(first);
  }

  /// Grows the run by line `last` (the one after the run's last line): the
  /// free set cut by that line's free spans. False when nothing is left.
  bool grow(std::size_t last) {
    free_spans(lines_[last], min_gap_, spans_);
    pieces_.clear();
    for (std::size_t p = 0; p < size_; ++p)
      for (const Interval& s : spans_) {
        const double from = std::max(now_[p].span.from, s.from), to = std::min(now_[p].span.to, s.to);
        if (to - from >= min_gap_) pieces_.push_back({{from, to}, p});
      }
    if (pieces_.empty()) return false;
    take_pieces(last);
    return true;
  }

  /// Sets `out` to the x of the channels that pass Channel::test(), once
  /// per copy, sorted.
  void cuts(std::vector<double>& out) const {
    out.clear();
    for (std::size_t k = 0; k < size_; ++k)
      if (!now_[k].margin() && now_[k].test()) out.insert(out.end(), now_[k].copies, now_[k].x);
    std::sort(out.begin(), out.end());
  }

  /// Is any span of the free set closed on both sides?
  bool interior() const {
    for (std::size_t k = 0; k < size_; ++k)
      if (now_[k].span.from > -1e8 && now_[k].span.to < 1e8) return true;
    return false;
  }

 private:
  /// Makes the pieces the free set of lines first_..last. Equal pieces are
  /// one channel: the same x over the same lines gives the same result; only
  /// the copies add up.
  void take_pieces(std::size_t last) {
    std::sort(pieces_.begin(), pieces_.end(), by_bits);
    std::size_t n = 0;
    for (std::size_t k = 0, end = 0; k < pieces_.size(); k = end) {
      const Interval& span = pieces_[k].span;
      std::size_t copies = 0, kept = kNoParent;  // kept: the channel of this very span, if any
      for (end = k; end < pieces_.size() && same_span(pieces_[end].span, span); ++end) {
        const std::size_t p = pieces_[end].parent;
        copies += p == kNoParent ? 1 : now_[p].copies;
        if (p != kNoParent && same_span(now_[p].span, span)) kept = p;
      }
      Channel& c = slot(next_, n++);
      if (kept != kNoParent && !now_[kept].margin()) {
        // The old x: its lines first_..last-1 hold; take them, add the new
        // one. (The free set holds each span once: no other piece wants them.)
        Channel& old = now_[kept];
        c.span = old.span;
        c.x = old.x;
        std::swap(c.starts, old.starts);
        std::swap(c.ends, old.ends);
        c.add(lines_[last]);
      } else {
        // A new x: all lines read again (margins need none).
        c.reset(span);
        if (!c.margin())
          for (std::size_t l = first_; l <= last; ++l) c.add(lines_[l]);
      }
      c.copies = copies;
    }
    std::swap(now_, next_);
    size_ = n;
  }

  /// The `k`-th channel of `pool`, which grows by one when `k` is its size.
  static Channel& slot(std::vector<Channel>& pool, std::size_t k) {
    if (k == pool.size()) pool.emplace_back();
    return pool[k];
  }

  const std::vector<Line>& lines_;
  const double min_gap_;
  std::size_t first_ = 0;
  std::vector<Channel> now_, next_;  ///< the free set: the first size_ channels of now_
  std::size_t size_ = 0;
  std::vector<Interval> spans_;  ///< of the line being added
  std::vector<Piece> pieces_;
};

}  // namespace

std::vector<TableRun> find_table_runs(const std::vector<Line>& lines, double body_size) {
  // Cells are padded less than columns are apart: a narrower channel will do,
  // since the aligned-start test in Channel::test() keeps justified text out.
  const double min_gap = std::max(4.0, 0.5 * body_size);
  std::vector<TableRun> runs;
  FreeSet free(lines, min_gap);
  std::vector<double> cuts;
  // A run has three lines at least: none starts in the last two.
  std::size_t i = 0;
  while (i + 2 < lines.size()) {
    // Grow the run from line i while a channel survives all its lines.
    free.start(i);
    std::size_t best_last = i;
    std::vector<double> best_cuts;
    for (std::size_t j = i + 1; j < lines.size() && free.grow(j); ++j) {
      free.cuts(cuts);
      if (cuts.empty()) {
        // Only margins left: the run may still grow into a channel.
        if (!free.interior()) break;
      } else {
        best_last = j;
        best_cuts = cuts;
      }
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
