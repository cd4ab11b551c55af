// WordRepairer: the repair of one word token -- OCR letter confusions,
// diacritics, ij, a general one-letter edit, words run together, stray
// capitals -- decided with the lexicon, the confusion table and where the
// token stands (sentence start, before a hyphen, at a line end). It changes
// only a token the lexicon does not know, and only when one candidate is
// clearly better than the next (see repair.h for the precision rules).
// Immutable after construction; thread-safe over read-only data.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "lexicon/spelling.h"
#include "model/page.h"
#include "text/correction.h"
#include "text/repair.h"

namespace overleg {

class ConfusionTable;

/// A word's replacement and the rule it counts as (Repair::rule).
struct Fix {
  std::string text;
  std::string rule;
  std::optional<RepairEvidence> evidence;  ///< candidates weighed, OCR confidence
};

/// `lower` written in the case pattern `shape` ("IJ" for a capitalised ij).
std::string recase(std::string_view lower, CaseShape shape);
/// `w` with its first letter upper case; Dutch capitalises the digraph: "ijsbaan" -> "IJsbaan".
std::string upper_first(std::string_view w);

class WordRepairer {
 public:
  /// Both must outlive the repairer.
  WordRepairer(const Lexicon& lex, const RepairOptions& options);

  /// The fix for `token`, if any. `line_end`: the token ends its chunk with a
  /// hyphen ("bevor-"), so it may be the first half of a word that a line end split.
  /// `confidence`: OCR's confidence in the token (0..1), when known;
  /// `choices`: OCR's alternatives for each of its symbols, when it gave some
  /// (text/ocr_choices.h: what they spell joins the candidates).
  std::optional<Fix> repair(std::string_view token, bool sentence_start, SpellingContext ctx, bool line_end,
                            std::optional<double> confidence = std::nullopt,
                            std::span<const SymbolChoice> choices = {}) const;

  /// Letters, combining marks and inner apostrophes only: a token with any
  /// other code point (format characters, symbols) is left as it is.
  static bool plain_word(std::string_view token);

  /// The OCR-only apostrophe rule: "thema's" -> "thema’s".
  std::optional<Fix> typographic_apostrophe(std::string_view token) const;

 private:
  /// Is the best candidate clearly better than the next, and believable?
  bool acceptable(const std::vector<Candidate>& cands, std::size_t n) const;
  /// "SOciale": upper case spilled over from a neighbouring letter.
  std::optional<Fix> fix_case(std::string_view token, bool sentence_start, SpellingContext ctx) const;

  const Lexicon& lex_;
  const ConfusionTable& table_;
  const RepairOptions& options_;
};

}  // namespace overleg
