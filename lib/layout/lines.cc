#include "layout/lines.h"

#include <algorithm>
#include <cmath>

#include "util/stats.h"

namespace overleg {

namespace {

// Letters of a word, for weighting (UTF-8 bytes are close enough here).
double weight(const Box& b) { return static_cast<double>(std::max<std::size_t>(1, b.text.size())); }

void finish(Line& line) {
  std::sort(line.words.begin(), line.words.end(),
            [](const Box& a, const Box& b) { return a.bbox.x0 < b.bbox.x0; });
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
      // "."); anything wider than a sliver of the font size is a space.
      double gap = words[i].bbox.x0 - words[i - 1].bbox.x1;
      double size = std::max(words[i].size, words[i - 1].size);
      if (size <= 0) size = std::max(words[i].bbox.height(), 1.0);
      if (gap > 0.12 * size) out += ' ';
    }
    out += words[i].text;
  }
  return out;
}

std::vector<Line> build_lines(std::vector<Box> boxes) {
  std::sort(boxes.begin(), boxes.end(), [](const Box& a, const Box& b) {
    return a.bbox.center_y() < b.bbox.center_y() ||
           (a.bbox.center_y() == b.bbox.center_y() && a.bbox.x0 < b.bbox.x0);
  });
  std::vector<Line> lines;
  for (Box& box : boxes) {
    // A box joins the line it overlaps most vertically, if the overlap is at
    // least half the smaller of the two heights (superscripts and a bigger
    // first word still join; the next line never does).
    Line* best = nullptr;
    double best_overlap = 0;
    for (auto it = lines.rbegin(); it != lines.rend() && it - lines.rbegin() < 4; ++it) {
      double ov = it->bbox.overlap_y(box.bbox);
      double smaller = std::min(it->bbox.height(), box.bbox.height());
      if (smaller > 0 && ov >= 0.5 * smaller && ov > best_overlap) best = &*it, best_overlap = ov;
    }
    if (best) {
      best->words.push_back(std::move(box));
      best->bbox = best->bbox.united(best->words.back().bbox);
    } else {
      Line line;
      line.bbox = box.bbox;
      line.words.push_back(std::move(box));
      lines.push_back(std::move(line));
    }
  }
  for (Line& line : lines) finish(line);
  std::sort(lines.begin(), lines.end(), [](const Line& a, const Line& b) { return a.bbox.y0 < b.bbox.y0; });
  return lines;
}

}  // namespace overleg
