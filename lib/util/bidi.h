// Right-to-left text as PDFs draw it: the glyphs of Arabic or Hebrew stand
// left to right in the order they are shown (visual order), so a text
// layer read glyph by glyph gives each word backwards and the words of a
// line in reverse. The record wants the order they are read in (logical
// order), as pdftotext gives it. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace overleg {

/// Does `text` hold a strong right-to-left letter (Unicode bidi class R or AL)?
bool has_right_to_left(std::string_view text);

/// `visual` (one line, glyphs left to right as drawn) in logical order, by
/// the Unicode bidi algorithm run backwards (ICU's inverse bidi); text
/// without right-to-left letters comes back unchanged.
std::string visual_to_logical(std::string_view visual);

}  // namespace overleg
