#include "extract/unmapped_glyphs.h"

#include <algorithm>

#include "util/text.h"

namespace overleg {
namespace {

bool unmapped(const std::string& text) {
  std::u32string cs = to_u32(text);
  // Unicode's control characters (Cc) and private-use areas (Co).
  return !cs.empty() && std::all_of(cs.begin(), cs.end(), [](char32_t c) {
    return c < 0x20 || (c >= 0x7F && c < 0xA0) || (c >= 0xE000 && c <= 0xF8FF) || (c >= 0xF0000 && c <= 0xFFFFD) ||
           (c >= 0x100000 && c <= 0x10FFFD);
  });
}

}  // namespace

void set_aside_unmapped_glyphs(Page& page) {
  int words = 0;
  auto end = std::remove_if(page.boxes.begin(), page.boxes.end(), [&](const Box& b) {
    if (!unmapped(b.text)) return false;
    ++words;
    return true;
  });
  page.boxes.erase(end, page.boxes.end());
  if (words > 0) page.left_out[kNoUnicode] += words;
}

}  // namespace overleg
