// Line: the words of one printed line, left to right, with the line's extent
// and dominant font. build_lines groups the boxes of one region (a column, a
// box, a cell) into lines; it assumes the region has no columns of its own.
// Pure functions over values; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "model/page.h"

namespace overleg {

struct Line {
  std::vector<Box> words;  ///< left to right
  Rect bbox;
  double size = 0;         ///< median font size of the words
  double bold_share = 0;   ///< share of letters set in a bold font
  double confidence = -1;  ///< mean OCR confidence, -1 for the text layer

  /// The words joined with single spaces (no space where the page has none).
  std::string text() const;
  bool bold() const { return bold_share >= 0.75; }
};

/// Groups `boxes` (one region, any order) into lines, top to bottom.
std::vector<Line> build_lines(std::vector<Box> boxes);

}  // namespace overleg
