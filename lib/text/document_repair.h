// DocumentRepair: the repair stage over one document's blocks. Each block's
// text and table cells go through repair_text with what the document knows
// about them: whether its page's text is OCR'd (ocr_text_layer.h; a real
// text layer gets only the extraction repairs), the document's own words
// (document_words.h: recurring words, words a text layer writes), the OCR
// confidence of each word on the page and, for the words OCR read with
// little confidence, its alternatives for their letters (ocr_choices.h).
// Footers and running headers are skipped (they are not in the record).
// Pure function over values; thread-safe (the lexicon is read-only).
#pragma once

#include <vector>

#include "model/block.h"
#include "model/page.h"
#include "model/report.h"

namespace overleg {

class Lexicon;

/// Repairs `blocks` in place; returns every repair, in block order. The
/// OCR rules (confusions, diacritics, run-ons, splits) run on OCR'd text
/// only, and only when `language_told`: the document's language was told
/// and `lexicon` is that language's. Text in an untold language (English
/// OCR under a Dutch default) gets the extraction repairs alone.
std::vector<Repair> repair_blocks(std::vector<Block>& blocks, const std::vector<Page>& pages, const Lexicon& lexicon,
                                  bool language_told = true);

}  // namespace overleg
