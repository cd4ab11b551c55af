// ConfusionTable: what OCR and PDF extraction write for what was printed
// (rn for m, i for l, é for ö, i for ij...), each with a cost and the repair
// rule it counts as; read from dictionaries/rules/confusions.tsv (compiled
// into the library). Immutable after construction; the standard table is
// built once and is safe to share between threads.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace overleg {

/// One confusion: the text has `seen` where `meant` was printed.
struct Confusion {
  std::u32string seen;
  std::u32string meant;
  double cost = 1.0;  ///< 0..1; a general one-letter edit costs 1.0
  std::string rule;   ///< "confusion", "diacritic", "ij", "ligature"
};

class ConfusionTable {
 public:
  /// The Dutch table (dictionaries/rules/confusions.tsv), parsed on first use.
  static const ConfusionTable& standard();
  /// Language `lang`'s table (its confusions.tsv: fr/confusions.tsv has the
  /// French accents, ç and œ, and none of Dutch's ij), parsed on first use;
  /// empty for a language without one.
  static const ConfusionTable& for_language(std::string_view lang);
  /// A table from rows of (seen, meant, cost, rule); "vowels" rows (a vowel
  /// followed by its accented forms) expand to every pair of the group, an
  /// "accents" row gives the cost between accented letters of two groups.
  static ConfusionTable from_rows(const std::vector<std::vector<std::string>>& rows);

  /// Every confusion, the expanded diacritic pairs included.
  const std::vector<Confusion>& confusions() const { return confusions_; }
  /// Is `c` a vowel with or without accent that the table knows?
  bool is_vowel(char32_t c) const;
  /// What an OCR apostrophe (') inside a word was printed as in this
  /// language's reports (the "apostrophe" row: Dutch ’), or empty when that
  /// cannot be told and the OCR text keeps its '.
  const std::string& ocr_apostrophe() const { return ocr_apostrophe_; }

 private:
  std::vector<Confusion> confusions_;
  std::u32string vowels_;
  std::string ocr_apostrophe_;
};

}  // namespace overleg
