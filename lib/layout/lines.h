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
  bool vertical = false;   ///< a line of text turned on its side, words bottom to top (a margin stamp)

  /// The words joined with single spaces (no space where the page has none),
  /// right-to-left script of a text layer in reading order (util/bidi.h).
  std::string text() const;
  bool bold() const { return bold_share >= 0.75; }
};

/// Groups `boxes` (one region, any order) into lines, top to bottom.
std::vector<Line> build_lines(std::vector<Box> boxes);

/// The extents of the lines build_lines makes of words with these extents
/// (the same grouping, on geometry alone), top to bottom: for tests that
/// count or compare lines without needing their words.
std::vector<Rect> line_extents(std::vector<Rect> boxes);

/// Does build_lines make at least `n` lines of words with these extents?
/// line_extents(boxes).size() >= n, stopping at the n-th line.
bool has_lines(std::vector<Rect> boxes, std::size_t n);

/// Is `box` a word turned on its side (a margin stamp, a spine)? Its box is
/// much taller than its type and than it is wide. A rotated word's box would
/// otherwise reach over many upright lines and join them into one.
bool is_vertical_word(const Box& box);

/// Groups vertical words (is_vertical_word) into lines: the words one above
/// the other in one narrow column, bottom to top (text turned a quarter left,
/// as stamps and spines are set), the lines left to right.
std::vector<Line> build_vertical_lines(std::vector<Box> boxes);

}  // namespace overleg
