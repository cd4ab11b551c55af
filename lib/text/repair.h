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
// Only OCR'd text gets the OCR rules; a text layer only the extraction
// repairs (RepairOptions::ocr). A word the document itself repeats or writes
// in a text layer, or a capitalised word inside a sentence (a name), is left
// alone; a confidently read OCR word too.
//
// Rules (Repair::rule): "diacritic", "ij", "ligature", "confusion" (OCR
// letter confusions of dictionaries/rules/confusions.tsv), "lexicon" (a
// general one-letter edit), "ocr_choice" (a word that only OCR's own
// alternatives for its letters reach, text/ocr_choices.h), "case"
// (SOciale), "split" (run-on words), "join" (a word broken by a space),
// "punctuation" (bullets, "=", "_", spaces, quotes glued to words, commas),
// "quote" (' -> ’ in OCR text).
// Pure functions over read-only data; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/report.h"
#include "text/ocr_choices.h"

namespace overleg {

class Lexicon;
class DocumentWords;

/// OCR words of a page (punctuation stripped) -> the lowest confidence (0..1)
/// OCR read them with.
using OcrConfidences = std::unordered_map<std::string, double>;

struct RepairOptions {
  /// The text is OCR'd (read by OCR, or a text layer that is OCR output):
  /// the OCR rules run -- confusions, diacritics, ij, general edits, run-ons,
  /// broken words, stray signs, case, straight apostrophes. Off, for a real
  /// text layer, only the extraction repairs run: ligature and ij code points
  /// ("ligature", "ij") and white space ("punctuation").
  bool ocr = false;
  /// The document's own words (evidence: a word it repeats or a text layer
  /// writes is left alone); may be null.
  const DocumentWords* document = nullptr;
  /// The OCR confidence of the page's words; may be null (not OCR'd, unknown).
  const OcrConfidences* confidences = nullptr;
  /// OCR's alternatives for the symbols of the page's low-confidence words;
  /// may be null (none given).
  const OcrChoices* choices = nullptr;
};

struct RepairOutcome {
  std::string text;             ///< the repaired text
  std::vector<Repair> repairs;  ///< every change, in the order they were made
};

/// Repairs one block's text (NFC, single line: lines already joined), e.g. a
/// paragraph, a heading or one table cell; `page` goes into the repairs.
RepairOutcome repair_text(std::string_view text, int page, const Lexicon& lexicon, const RepairOptions& options = {});

}  // namespace overleg
