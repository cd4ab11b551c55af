// Lexicon: the compiled Dutch word list (dictionaries/, built at build time
// into data/nl.lex) with word frequencies, memory-mapped so that loading it
// costs milliseconds. Immutable once loaded: safe to share between threads.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "model/diagnostic.h"
#include "lexicon/lexicon_format.h"

namespace overleg {

class Lexicon {
 public:
  /// Maps the compiled lexicon at `path`; fails with missing_data.
  static Result<std::shared_ptr<const Lexicon>> load(const std::string& path);
  /// The compiled lexicon's path: $OVERLEG_DATA_DIR/nl.lex if that is set,
  /// else found from the running binary: ../share/overleg/ (installed) or
  /// the build tree's data/.
  static std::string default_path();
  /// The compiled lexicon of language `lang` ("nl", "fr": data/<lang>.lex),
  /// in the folder where default_path() finds nl.lex.
  static std::string default_path(std::string_view lang);
  /// Maps the compiled lexicon of language `lang`; fails with missing_data.
  static Result<std::shared_ptr<const Lexicon>> load_language(std::string_view lang);

  virtual ~Lexicon() = default;
  /// Is `word` (UTF-8, NFC) a word, exactly as written?
  virtual bool contains(std::string_view word) const = 0;
  /// Is `word` a word as written or with its first letter / all letters lower-cased?
  virtual bool contains_any_case(std::string_view word) const = 0;
  /// How common `word` is (0 = unknown, larger = more common); for ranking.
  virtual std::uint32_t frequency(std::string_view word) const = 0;
  /// Number of words.
  virtual std::size_t size() const = 0;
  /// The language whose words these are (ISO 639-1, "nl", "fr"): the stages
  /// that use a lexicon take that language's rule tables with it (line-end
  /// hyphens, OCR confusions, suffixes, compounds, elisions), so a French
  /// lexicon never meets the Dutch rules. A compiled lexicon is named by
  /// its file ("fr.lex"); the default is Dutch.
  virtual std::string_view language() const { return "nl"; }

  /// What the lexicon holds about one spelling.
  struct Info {
    bool found = false;
    std::uint8_t zipf20 = 0;  ///< Zipf frequency x 20 (lexicon_format::kZipfScale)
    std::uint8_t flags = 0;   ///< lexicon_format::WordFlag bits
    /// Zipf value (log10 of occurrences per billion words; 0 = unknown).
    double zipf() const { return zipf20 / lexicon_format::kZipfScale; }
    bool has(lexicon_format::WordFlag f) const { return (flags & f) != 0; }
  };
  /// The entry of `word` exactly as written (’ counts as '); the default
  /// builds it from contains() and frequency(), for simple test lexicons.
  virtual Info info(std::string_view word) const;
  /// Calls `fn(length)` with the byte length of every entry that is a prefix
  /// of `text` and at least `min_length` bytes long, shortest first.
  virtual void for_each_prefix(std::string_view text, std::size_t min_length,
                               const std::function<void(std::size_t)>& fn) const;
  /// Does some entry begin with `text` and go on for at least `extra` more
  /// bytes? ("verduide" begins "verduidelijken"; the default says no.)
  virtual bool begins_longer_word(std::string_view text, std::size_t extra) const;
  /// Does some lower-case entry end with `text`, with at least `extra` more
  /// bytes before it? ("telijke" ends "geestelijke"; the default says no.)
  virtual bool ends_longer_word(std::string_view text, std::size_t extra) const;
};

}  // namespace overleg
