// Ligatures: the typographic ligature code points (U+FB00..U+FB06: ﬀ ﬁ ﬂ ﬃ ﬄ
// ﬅ ﬆ) and the Dutch ij digraph as one code point (U+0132/U+0133: Ĳ ĳ), with
// the letters each stands for. PDF text layers and OCR write them; the
// record never holds them (docs/record.md "Text"). One table for the whole
// pipeline: normalise expands them, repair logs what it expands, the OCR
// decision counts them as letters. Constant data; thread-safe.
#pragma once

#include <span>
#include <string_view>

namespace overleg {

/// One ligature code point and the letters it stands for.
struct Ligature {
  char32_t code_point;
  std::u32string_view letters;  ///< "ffi", "IJ", ...
  bool digraph;                 ///< the ij digraph (repair rule "ij"), not a typographic ligature ("ligature")
};

/// Every ligature code point, in code point order.
std::span<const Ligature> ligatures();

/// The letters `c` stands for when it is a ligature or the ij digraph, else empty.
std::u32string_view ligature_letters(char32_t c);

}  // namespace overleg
