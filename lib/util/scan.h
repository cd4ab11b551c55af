// Scanning bytes for the small fixed grammars of report text -- dates,
// clock times, heading numbers, edition marks, web addresses -- without
// std::regex, whose patterns cost about 2 M instructions each to compile
// (a third of a text-layer report's own work, issue #13) and whose matching
// goes through a locale facet per character.
//
// The readers built on these helpers keep the byte semantics the regular
// expressions had: the "classic" character classes (\s, \d, \w) are ASCII,
// case is compared ASCII-insensitively, and other bytes (UTF-8 letters
// included) are neither space nor digit nor word characters.
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace overleg::scan {

/// A white-space byte of the classic locale (space, \t, \n, \v, \f, \r).
inline bool space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
/// An ASCII digit.
inline bool digit(char c) { return c >= '0' && c <= '9'; }
/// An ASCII letter.
inline bool letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
/// A word byte as \w and \b see it: ASCII letter, digit or '_'.
inline bool word(char c) { return letter(c) || digit(c) || c == '_'; }

/// The index after the run of white space at `i` (`i` when there is none).
std::size_t skip_spaces(std::string_view s, std::size_t i);

/// The length of the run of ASCII digits at `i`.
std::size_t digit_run(std::string_view s, std::size_t i);

/// The value of the `n` digits at `i` (the caller has checked they are digits).
int number_at(std::string_view s, std::size_t i, std::size_t n);

/// A word boundary at `i` (\b): a word byte on exactly one side.
bool boundary(std::string_view s, std::size_t i);

/// Is `word` at `i`, compared ASCII-case-insensitively (other bytes exactly)?
bool word_at(std::string_view s, std::size_t i, std::string_view word);

/// Is the byte at `i` one of `set`?
bool one_of(std::string_view s, std::size_t i, std::string_view set);

/// `words` ordered as alternatives are tried: longer first, then in byte
/// order, empty ones dropped ("heures" before "h").
std::vector<std::string> longest_first(std::vector<std::string> words);

}  // namespace overleg::scan
