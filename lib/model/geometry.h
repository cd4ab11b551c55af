// Rect: an axis-aligned rectangle on a page, in PDF points (1/72 in), with the
// origin at the top-left corner of the page and y growing downwards (the way
// poppler reports text and the way a reader scans a page).
// A plain value type; safe to copy and share between threads.
#pragma once

#include <algorithm>

namespace overleg {

struct Rect {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;

  double width() const { return x1 - x0; }
  double height() const { return y1 - y0; }
  double center_x() const { return (x0 + x1) / 2; }
  double center_y() const { return (y0 + y1) / 2; }
  bool empty() const { return x1 <= x0 || y1 <= y0; }

  /// The smallest rectangle holding both (an empty one is ignored).
  Rect united(const Rect& o) const {
    if (empty()) return o;
    if (o.empty()) return *this;
    return {std::min(x0, o.x0), std::min(y0, o.y0), std::max(x1, o.x1), std::max(y1, o.y1)};
  }
  /// Length of the overlap of the two vertical extents (0 when apart).
  double overlap_y(const Rect& o) const { return std::max(0.0, std::min(y1, o.y1) - std::max(y0, o.y0)); }
  /// Length of the overlap of the two horizontal extents (0 when apart).
  double overlap_x(const Rect& o) const { return std::max(0.0, std::min(x1, o.x1) - std::max(x0, o.x0)); }
  bool contains(double x, double y) const { return x >= x0 && x <= x1 && y >= y0 && y <= y1; }
};

}  // namespace overleg
