// Lexicon: the compiled Dutch word list (dictionaries/, built at build time
// into data/nl.lex) with word frequencies, memory-mapped so that loading it
// costs milliseconds. Immutable once loaded: safe to share between threads.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "diagnostic.h"

namespace overleg {

class Lexicon {
 public:
  /// Maps the compiled lexicon at `path`; fails with missing_data.
  static Result<std::shared_ptr<const Lexicon>> load(const std::string& path);
  /// The compiled lexicon's path: $OVERLEG_DATA_DIR/nl.lex if that is set,
  /// else the build tree's data/, else the installed share/overleg/.
  static std::string default_path();

  virtual ~Lexicon() = default;
  /// Is `word` (UTF-8, NFC) a word, exactly as written?
  virtual bool contains(std::string_view word) const = 0;
  /// Is `word` a word as written or with its first letter / all letters lower-cased?
  virtual bool contains_any_case(std::string_view word) const = 0;
  /// How common `word` is (0 = unknown, larger = more common); for ranking.
  virtual std::uint32_t frequency(std::string_view word) const = 0;
  /// Number of words.
  virtual std::size_t size() const = 0;
};

}  // namespace overleg
