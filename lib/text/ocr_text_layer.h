// OcrTextLayer: is a page's text OCR'd? Either this run read it with OCR
// (method "ocr"), or its text layer is itself OCR output -- invisible text
// that a scanner or OCR program laid over the page image. Such a layer is
// recognised (1) by Page::text_layer_ocr, which the extract stage sets when
// it sees it, and (2) by its fonts: Tesseract and OCRmyPDF write the
// invisible words in a font of dictionaries/rules/ocr-fonts.tsv
// ("GlyphLessFont"). OCR'd text gets the OCR repairs (confusions,
// diacritics, run-ons); a real text layer only the extraction repairs.
// Pure functions; thread-safe.
#pragma once

#include "model/page.h"

namespace overleg {

/// Is most of `page`'s text layer in a font OCR programs write invisible text in?
bool text_layer_in_ocr_font(const Page& page);

/// Does `page`'s text come from OCR (this run's or an OCR text layer)?
bool page_text_is_ocr(const Page& page);

}  // namespace overleg
