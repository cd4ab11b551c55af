// OCR choices: what else OCR took a word for. Tesseract gives, for each
// symbol of a word it read with little confidence, the other readings it
// weighed with their confidence (Box::symbol_choices, extract's engine); this
// spells whole-word readings from them, bounded, cheapest first, and weighs
// them into the correction candidates of a word repair: a candidate that OCR
// itself weighed costs less, and a word the lexicon knows that only OCR's
// alternatives reach becomes a candidate of its own (rule "ocr_choice").
// Pure functions over values; thread-safe.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "lexicon/spelling.h"
#include "model/page.h"
#include "text/correction.h"

namespace overleg {

class Lexicon;

/// OCR words of a page (punctuation stripped) -> OCR's alternatives for each
/// of their symbols, from the reading with the lowest confidence.
using OcrChoices = std::unordered_map<std::string, std::vector<SymbolChoice>>;

/// The choices of every OCR word of `page` that has some.
OcrChoices choices_of(const Page& page);

/// The symbols of `word` that spell `piece` (a word piece of it: "huip" of
/// "-huip"), when `piece` stands in it exactly once; empty otherwise.
std::vector<SymbolChoice> choices_for(std::span<const SymbolChoice> word, std::string_view piece);

/// A whole-word reading spelled from OCR's alternatives.
struct ChoiceReading {
  std::string word;  ///< lower case
  double cost = 0;   ///< summed over the symbols read otherwise; see choice_readings
};

/// The readings of `symbols` other than the one OCR chose, lower case,
/// cheapest first, costing at most `max_cost`: letters only, at most a few
/// symbols changed, a bounded number of readings (see ocr_choices.cc).
std::vector<ChoiceReading> choice_readings(std::span<const SymbolChoice> symbols, double max_cost);

/// Weighs `readings` into `cands` (correction_candidates' output, best
/// first): a candidate OCR also weighed costs the lesser of the two costs and
/// is marked ocr_choice; a reading the lexicon knows that no candidate is
/// becomes one (rule "ocr_choice"). Keeps `cands` best first.
void weigh_ocr_readings(std::vector<Candidate>& cands, const std::vector<ChoiceReading>& readings,
                        const Lexicon& lexicon, SpellingContext context = {});

}  // namespace overleg
