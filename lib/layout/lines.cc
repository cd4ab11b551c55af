#include "layout/lines.h"

#include <algorithm>
#include <cmath>

#include "util/bidi.h"
#include "util/stats.h"
#include "util/text.h"

namespace overleg {

namespace {

// A word turned on its side has a box this many times as tall as its type
// (and twice as tall as wide); upright words, even a tall bracket or a
// letter with a superscript, stay under 1.75 (geotopo's "∀s": 1.73).
constexpr double kVerticalHeightToSize = 2.0;

// Two words this close (a share of the smaller type size) are one line's
// neighbours to the PDF reader too; further apart, its "no space after"
// may only mean the end of its line (table cells, a page number).
constexpr double kNearGap = 0.3;

// A box taller than this many times a line's tallest ordinary word (a
// bracket or arrow set over two lines) does not widen its core.
constexpr double kCoreGrowth = 1.5;

// Two words of one line overlapping horizontally by more than this share
// of the narrower stand one over the other.
constexpr double kStacked = 0.5;

// Letters of a word, for weighting (UTF-8 bytes are close enough here).
double weight(const Box& b) { return static_cast<double>(std::max<std::size_t>(1, b.text.size())); }

void finish(Line& line) {
  // Left to right; words that start level (a fraction's numerator and
  // denominator) in the order the source gave them.
  std::stable_sort(line.words.begin(), line.words.end(), [](const Box& a, const Box& b) {
    return a.bbox.x0 < b.bbox.x0 || (a.bbox.x0 == b.bbox.x0 && a.order < b.order);
  });
  Rect r;
  std::vector<double> sizes;
  double bold = 0, total = 0, conf = 0;
  int conf_n = 0;
  for (const Box& b : line.words) {
    r = r.united(b.bbox);
    sizes.push_back(b.size > 0 ? b.size : b.bbox.height());
    total += weight(b);
    if (b.bold) bold += weight(b);
    if (b.confidence >= 0) conf += b.confidence, ++conf_n;
  }
  line.bbox = r;
  line.size = median(sizes);
  line.bold_share = total > 0 ? bold / total : 0;
  line.confidence = conf_n ? conf / conf_n : -1;
}

}  // namespace

std::string Line::text() const {
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i > 0) {
      // Two boxes that touch are one word split by a font change ("hier" +
      // "."); anything wider than a sliver of the smaller font size is a
      // space (of the larger, a large emoji after a word would glue to it).
      const Box &a = words[i - 1], &b = words[i];
      double gap = vertical ? a.bbox.y0 - b.bbox.y1 : b.bbox.x0 - a.bbox.x1;
      double size = a.size > 0 && b.size > 0 ? std::min(a.size, b.size) : std::max(a.size, b.size);
      if (size <= 0) size = std::max(vertical ? b.bbox.width() : b.bbox.height(), 1.0);
      // Where the reader gave the two one after the other, close together,
      // it saw whether a space stands between (as pdftotext prints it); at
      // the end of its line it sees none, so a wider gap is decided here.
      bool adjacent = a.order >= 0 && b.order == a.order + 1 && std::abs(gap) <= kNearGap * size;
      bool space = adjacent ? a.space_after : gap > 0.12 * size;
      // Words set one over the other (a "~" over "=", a label over an
      // arrow) overlap by most of the narrower: two words, not one.
      if (!vertical && -gap > kStacked * std::min(a.bbox.width(), b.bbox.width())) space = true;
      // OCR gives words, split where it saw white space: two of its boxes
      // are two words even where they touch or overlap ("per" | "situatie:").
      if (a.confidence >= 0 && b.confidence >= 0) space = true;
      if (space) out += ' ';
    }
    out += words[i].text;
  }
  // A text layer gives right-to-left script in the order it is drawn.
  return confidence < 0 ? visual_to_logical(out) : out;
}

namespace {

// The order lines are grouped in: by the middle of the word, then its left edge.
bool reading_before(const Rect& a, const Rect& b) {
  return a.center_y() < b.center_y() || (a.center_y() == b.center_y() && a.x0 < b.x0);
}

// The grouping of build_lines, on the words' extents in reading_before
// order: the index of each word's line, lines numbered as they open.
// With `enough`, the grouping stops once that many lines have opened (a line
// once opened never closes or merges, so the count only grows).
std::vector<std::size_t> group_lines(const std::vector<Rect>& sorted, std::size_t& line_count,
                                     std::size_t enough = static_cast<std::size_t>(-1)) {
  std::vector<std::size_t> line_of;
  line_of.reserve(sorted.size());
  // Each line's core: the extent of its ordinary words. A box much taller
  // than the core (a display formula's bracket, a large operator) joins the
  // line but does not widen the core, or the next line's words would join
  // through it.
  std::vector<Rect> cores;
  std::vector<double> heights;  // the tallest ordinary word of each line
  for (const Rect& box : sorted) {
    // A box joins the line whose core it overlaps most vertically, if the
    // overlap is at least half the smaller of the two heights (superscripts
    // and a bigger first word still join; the next line never does).
    std::size_t best = cores.size();
    double best_overlap = 0;
    for (std::size_t k = cores.size(); k-- > 0 && cores.size() - k <= 4;) {
      double ov = cores[k].overlap_y(box);
      double smaller = std::min(cores[k].height(), box.height());
      if (smaller > 0 && ov >= 0.5 * smaller && ov > best_overlap) best = k, best_overlap = ov;
    }
    if (best < cores.size()) {
      if (box.height() <= kCoreGrowth * heights[best]) {
        cores[best] = cores[best].united(box);
        heights[best] = std::max(heights[best], box.height());
      }
    } else {
      cores.push_back(box);
      heights.push_back(box.height());
      if (cores.size() >= enough) break;
    }
    line_of.push_back(best);
  }
  line_count = cores.size();
  return line_of;
}

}  // namespace

std::vector<Line> build_lines(std::vector<Box> boxes) {
  std::sort(boxes.begin(), boxes.end(), [](const Box& a, const Box& b) { return reading_before(a.bbox, b.bbox); });
  std::vector<Rect> extents;
  extents.reserve(boxes.size());
  for (const Box& b : boxes) extents.push_back(b.bbox);
  std::size_t count = 0;
  const std::vector<std::size_t> line_of = group_lines(extents, count);
  std::vector<Line> lines(count);
  for (std::size_t i = 0; i < boxes.size(); ++i) lines[line_of[i]].words.push_back(std::move(boxes[i]));
  for (Line& line : lines) finish(line);
  std::sort(lines.begin(), lines.end(), [](const Line& a, const Line& b) { return a.bbox.y0 < b.bbox.y0; });
  return lines;
}

bool has_lines(std::vector<Rect> boxes, std::size_t n) {
  if (n == 0) return true;
  if (boxes.size() < n) return false;  // each line holds a word at least
  std::sort(boxes.begin(), boxes.end(), reading_before);
  std::size_t count = 0;
  group_lines(boxes, count, n);
  return count >= n;
}

std::vector<Rect> line_extents(std::vector<Rect> boxes) {
  std::sort(boxes.begin(), boxes.end(), reading_before);
  std::size_t count = 0;
  const std::vector<std::size_t> line_of = group_lines(boxes, count);
  std::vector<Rect> lines(count);
  for (std::size_t i = 0; i < boxes.size(); ++i) lines[line_of[i]] = lines[line_of[i]].united(boxes[i]);
  std::sort(lines.begin(), lines.end(), [](const Rect& a, const Rect& b) { return a.y0 < b.y0; });
  return lines;
}

bool is_vertical_word(const Box& box) {
  if (box.size <= 0 || count_code_points(box.text) < 2) return false;
  double h = box.bbox.height(), w = box.bbox.width();
  return h > kVerticalHeightToSize * box.size && h > 2 * w;
}

std::vector<Line> build_vertical_lines(std::vector<Box> boxes) {
  std::sort(boxes.begin(), boxes.end(), [](const Box& a, const Box& b) { return a.bbox.center_x() < b.bbox.center_x(); });
  std::vector<Line> lines;
  for (Box& box : boxes) {
    // A word joins the line it overlaps most horizontally (half the narrower).
    Line* best = nullptr;
    double best_overlap = 0;
    for (Line& line : lines) {
      double ov = line.bbox.overlap_x(box.bbox);
      double smaller = std::min(line.bbox.width(), box.bbox.width());
      if (smaller > 0 && ov >= 0.5 * smaller && ov > best_overlap) best = &line, best_overlap = ov;
    }
    if (!best) {
      lines.emplace_back();
      best = &lines.back();
      best->vertical = true;
    }
    best->bbox = best->bbox.united(box.bbox);
    best->words.push_back(std::move(box));
  }
  for (Line& line : lines) {
    finish(line);
    std::sort(line.words.begin(), line.words.end(), [](const Box& a, const Box& b) { return a.bbox.y1 > b.bbox.y1; });
  }
  return lines;
}

}  // namespace overleg
