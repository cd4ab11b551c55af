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
  std::string rule;    ///< "diacritic", "ij", "ligature", "confusion", "lexicon" (a general edit) or
                       ///< "ocr_choice" (only OCR's alternatives reach it, text/ocr_choices.h)
  Spelling spelling = Spelling::unknown;
  bool general = false;  ///< uses a general edit, not only table confusions
  bool ocr_choice = false;  ///< OCR weighed this reading too (text/ocr_choices.h)
};

struct CorrectionLimits {
  double max_cost = 1.0;        ///< candidates costing more are dropped
  bool general_edits = true;    ///< also try general one-letter edits
  bool two_confusions = true;   ///< also try two table confusions together
};

/// A candidate's score: `cost` plus small penalties for a rare word and for
/// a compound, which decide between candidates of equal cost.
double candidate_score(const Lexicon& lexicon, const std::string& word, double cost, Spelling spelling);

/// Sorts `cands` best (lowest score) first; ties by word, for determinism.
void sort_candidates(std::vector<Candidate>& cands);

/// Candidates for the lower-case token `lower`, best (lowest score) first.
std::vector<Candidate> correction_candidates(std::string_view lower, const Lexicon& lexicon,
                                             const ConfusionTable& table, const CorrectionLimits& limits,
                                             SpellingContext context = {});

}  // namespace overleg
