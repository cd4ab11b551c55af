#include "index/columns.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>

namespace overleg {
namespace {

// Cells of one code point, as terminals (wcwidth) count them.
int cells(UChar32 c) {
  if (c == 0) return 0;
  const int category = u_charType(c);
  if (category == U_NON_SPACING_MARK || category == U_ENCLOSING_MARK || category == U_FORMAT_CHAR) return 0;
  if (c >= 0x1160 && c <= 0x11FF) return 0;  // Hangul medial vowels and final consonants join the syllable
  const int width = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
  return (width == U_EA_WIDE || width == U_EA_FULLWIDTH) ? 2 : 1;
}

// Calls f(cells, begin, end) for each code point of `text` (bad bytes count
// as one cell each, as a terminal shows a replacement character).
template <class F>
void each_code_point(std::string_view text, F f) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t n = static_cast<int32_t>(text.size());
  int32_t i = 0;
  while (i < n) {
    const int32_t begin = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    f(c < 0 ? 1 : cells(c), static_cast<std::size_t>(begin), static_cast<std::size_t>(i));
  }
}

}  // namespace

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  each_code_point(text, [&](int w, std::size_t, std::size_t) { width += w; });
  return width;
}

std::string truncate_to_width(std::string_view text, std::size_t width) {
  if (display_width(text) <= width) return std::string(text);
  if (width == 0) return {};
  // Keep what fits in width - 1 cells, then the ellipsis (one cell).
  std::size_t used = 0, keep = 0;
  bool full = false;
  each_code_point(text, [&](int w, std::size_t, std::size_t end) {
    if (full) return;
    if (used + w > width - 1) {
      full = true;
      return;
    }
    used += w;
    keep = end;
  });
  return std::string(text.substr(0, keep)) + "…";
}

std::string align_columns(const std::vector<std::vector<std::string>>& rows, const std::vector<std::size_t>& max_width) {
  std::vector<std::vector<std::string>> cut = rows;
  std::vector<std::size_t> widths;
  for (auto& row : cut)
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i < max_width.size() && max_width[i] > 0) row[i] = truncate_to_width(row[i], max_width[i]);
      if (widths.size() <= i) widths.resize(i + 1, 0);
      widths[i] = std::max(widths[i], display_width(row[i]));
    }
  std::string out;
  for (const auto& row : cut) {
    std::string line;
    for (std::size_t i = 0; i < row.size(); ++i) {
      line += row[i];
      if (i + 1 < row.size()) line += std::string(widths[i] - display_width(row[i]) + 2, ' ');
    }
    out += line + "\n";
  }
  return out;
}

}  // namespace overleg
