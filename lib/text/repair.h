// Repair: the stage between normalise and segment that mends what OCR and PDF
// extraction did to words -- misread letters and diacritics (huip, coérdinatie),
// ij (belangrik), words run together (vande, heeftzijnwerkover) or broken
// apart (wei nig), stray bullets, "=", underscores and doubled spaces -- and
// logs every change as a Repair (page, from, to, rule).
//
// Precision first: a token the lexicon knows (any case, compound, linking
// form before a hyphen) is never changed, nor a number, date, URL, e-mail
// address or all-capital abbreviation; a capitalised unknown word inside a
// sentence is taken for a name and only gets cheap confusion fixes to a known
// word; any other unknown word is changed only when one candidate is clearly
// better than the next. Text without such damage comes out byte-identical.
//
// Rules (Repair::rule): "diacritic", "ij", "ligature", "confusion" (OCR
// letter confusions of dictionaries/rules/confusions.tsv), "lexicon" (a
// general one-letter edit), "case" (SOciale), "split" (run-on words), "join"
// (a word broken by a space), "punctuation" (bullets, "=", "_", spaces,
// quotes glued to words, commas), "quote" (' -> ’ in OCR text).
// Pure functions over read-only data; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/report.h"

namespace overleg {

class Lexicon;

struct RepairOptions {
  /// The text comes from OCR: also apply the OCR-only rules (a straight
  /// apostrophe inside a word becomes ’, as printed). Off for text layers,
  /// whose apostrophes are what the author typed.
  bool ocr = false;
};

struct RepairOutcome {
  std::string text;             ///< the repaired text
  std::vector<Repair> repairs;  ///< every change, in the order they were made
};

/// Repairs one block's text (NFC, single line: lines already joined), e.g. a
/// paragraph, a heading or one table cell; `page` goes into the repairs.
RepairOutcome repair_text(std::string_view text, int page, const Lexicon& lexicon, const RepairOptions& options = {});

}  // namespace overleg
