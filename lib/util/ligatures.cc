#include "util/ligatures.h"

#include <array>

namespace overleg {
namespace {

// U+FB05 (long s + t) and U+FB06 are both "st": Dutch text has no long s.
constexpr std::array<Ligature, 9> kLigatures{{
    {U'\u0132', U"IJ", true},
    {U'\u0133', U"ij", true},
    {U'\uFB00', U"ff", false},
    {U'\uFB01', U"fi", false},
    {U'\uFB02', U"fl", false},
    {U'\uFB03', U"ffi", false},
    {U'\uFB04', U"ffl", false},
    {U'\uFB05', U"st", false},
    {U'\uFB06', U"st", false},
}};

}  // namespace

std::span<const Ligature> ligatures() { return kLigatures; }

std::u32string_view ligature_letters(char32_t c) {
  for (const Ligature& l : kLigatures)
    if (l.code_point == c) return l.letters;
  return {};
}

}  // namespace overleg
