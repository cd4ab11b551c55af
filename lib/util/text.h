// Text helpers on UTF-8 strings, backed by ICU: folding for matching,
// letter/case tests on the first code point. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace overleg {

/// Lower case, accents removed, every run of non-letters/digits one space,
/// trimmed: "Gezamenlijk(e) uit te voeren ácties:" -> "gezamenlijk e uit te voeren acties".
std::string fold(std::string_view text);

/// Lower case of `text` (ICU, root locale).
std::string to_lower(std::string_view text);

/// `text` with its first letter in title case (ICU): "geestelijke" -> "Geestelijke".
std::string capitalise_first(std::string_view text);

/// Is the first code point of `text` a lower-case letter?
bool starts_lowercase(std::string_view text);
/// Is the first code point of `text` an upper-case letter?
bool starts_uppercase(std::string_view text);

/// Number of code points in `text`.
std::size_t count_code_points(std::string_view text);

/// The last code point of `text` (0 when empty).
char32_t last_code_point(std::string_view text);

/// Levenshtein distance over code points.
std::size_t edit_distance(std::u32string_view a, std::u32string_view b);

/// UTF-8 <-> UTF-32.
std::u32string to_u32(std::string_view text);
std::string to_utf8(std::u32string_view text);
/// Appends code point `c` as UTF-8; what is no code point (a surrogate,
/// above U+10FFFF) is dropped, as to_utf8 drops it.
void append_utf8(std::string& out, char32_t c);

/// Whitespace trimmed on both ends (ASCII and Unicode spaces).
std::string trim(std::string_view text);

/// Words as the record's scorer counts them: white-space separated tokens
/// with at least one code point that is not punctuation (Unicode P*), so
/// "—" is no word and "©" or "12" is one. The unit of `left_out`.
int count_words(std::string_view text);

}  // namespace overleg
