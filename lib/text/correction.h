// Correction: candidate words for a token the lexicon does not know, found
// by OCR-aware weighted edit distance: up to two confusions of the
// ConfusionTable (rn->m, é->ö, i->ij...) at cost < 1 each, or one general
// edit (a letter inserted, deleted, replaced or two swapped) at cost 1.0,
// each candidate checked with check_lower (lexicon words and compounds).
// Pure functions over read-only data; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "lexicon/spelling.h"

namespace overleg {

class Lexicon;
class ConfusionTable;

struct Candidate {
  std::string word;    ///< lower case, UTF-8
  double cost = 0;     ///< summed edit costs
  double score = 0;    ///< cost plus rarity and compound penalties: lower is better
  std::string rule;    ///< "diacritic", "ij", "ligature", "confusion" or "lexicon" (a general edit)
  Spelling spelling = Spelling::unknown;
  bool general = false;  ///< uses a general edit, not only table confusions
};

struct CorrectionLimits {
  double max_cost = 1.0;        ///< candidates costing more are dropped
  bool general_edits = true;    ///< also try general one-letter edits
  bool two_confusions = true;   ///< also try two table confusions together
};

/// Candidates for the lower-case token `lower`, best (lowest score) first.
std::vector<Candidate> correction_candidates(std::string_view lower, const Lexicon& lexicon,
                                             const ConfusionTable& table, const CorrectionLimits& limits,
                                             SpellingContext context = {});

}  // namespace overleg
