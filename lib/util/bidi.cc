#include "util/bidi.h"

#include <unicode/ubidi.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <memory>
#include <vector>

namespace overleg {

bool has_right_to_left(std::string_view text) {
  int32_t i = 0, n = static_cast<int32_t>(text.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(text.data(), i, n, c);
    if (c < 0x590) continue;  // nothing right-to-left below Hebrew
    UCharDirection d = u_charDirection(c);
    if (d == U_RIGHT_TO_LEFT || d == U_RIGHT_TO_LEFT_ARABIC) return true;
  }
  return false;
}

std::string visual_to_logical(std::string_view visual) {
  if (!has_right_to_left(visual)) return std::string(visual);
  icu::UnicodeString in = icu::UnicodeString::fromUTF8(icu::StringPiece(visual.data(), static_cast<int32_t>(visual.size())));
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UBiDi, decltype(&ubidi_close)> bidi(ubidi_open(), &ubidi_close);
  if (!bidi) return std::string(visual);
  // Inverse bidi: the input is taken as displayed (a left-to-right line, as
  // a page is laid out) and reordered into the order it is read in.
  ubidi_setInverse(bidi.get(), true);
  ubidi_setPara(bidi.get(), in.getBuffer(), in.length(), UBIDI_DEFAULT_LTR, nullptr, &status);
  if (U_FAILURE(status)) return std::string(visual);
  std::vector<UChar> out(static_cast<std::size_t>(in.length()) * 2 + 8);
  int32_t len = ubidi_writeReordered(bidi.get(), out.data(), static_cast<int32_t>(out.size()),
                                     UBIDI_REMOVE_BIDI_CONTROLS, &status);
  if (U_FAILURE(status)) return std::string(visual);
  std::string result;
  icu::UnicodeString(out.data(), len).toUTF8String(result);
  return result;
}

}  // namespace overleg
