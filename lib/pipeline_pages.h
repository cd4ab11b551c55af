// The per-page steps of the pipeline's extract, wired: the OCR decision
// (with the page's ink when the text layer does not settle it), OCR words in
// place of the text layer, and the page's entry in extraction.pages[].
// Internal to the pipeline (pipeline.cc); wiring only.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "extract/document_source.h"
#include "extract/ocr_decision.h"
#include "extract/ocr_page.h"
#include "model/page.h"
#include "model/report.h"

namespace overleg {

class Lexicon;

/// A render's warnings on the page, each once (the ink and the OCR render of
/// a page meet the same damage).
void add_warnings(Page& page, const std::vector<Diagnostic>& warnings);

/// Decides how page `index` of `doc` is read, rendering its ink first when
/// the text layer alone does not settle it (that low-dpi render is cheap
/// next to OCR); the decision's warning goes on the page.
PageDecision decide_page(DocumentSource& doc, int index, Page& page, OcrMode mode, const Lexicon* lexicon,
                         const std::string& path);

/// The OCR words replace the page's text layer (in the prepared page's
/// frame; the links stay, they are annotations), with OCR's warnings and
/// left-out words. Returns the words read below the confidence threshold.
int take_ocr_words(Page& page, OcrPage& read, const std::string& path);

/// The page's entry in extraction.pages[], with the OCR preparation when it
/// was OCR'd.
PageInfo page_info(const Page& page, std::optional<OcrPreparation> preparation);

}  // namespace overleg
