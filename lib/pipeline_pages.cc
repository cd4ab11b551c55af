#include "pipeline_pages.h"

#include "util/text.h"

namespace overleg {

void add_warnings(Page& page, const std::vector<Diagnostic>& warnings) {
  for (const Diagnostic& w : warnings) {
    bool seen = false;
    for (const Diagnostic& have : page.warnings) seen = seen || (have.code == w.code && have.message == w.message);
    if (!seen) page.warnings.push_back(w);
  }
}

PageDecision decide_page(DocumentSource& doc, int index, Page& page, OcrMode mode, const Lexicon* lexicon,
                         const std::string& path) {
  TextLayerStats stats = measure_text_layer(page, nullptr, lexicon);
  if (decision_needs_ink(page, stats, mode)) {
    auto ink = doc.render(index, ink_dpi(page.width, page.height));
    add_warnings(page, ink ? ink.value().warnings : std::vector<Diagnostic>{ink.failure().diagnostic});
    if (ink) add_ink_measure(page, ink.value(), stats);
  }
  PageDecision decision = decide_page_method(stats, mode, lexicon != nullptr);
  if (auto w = decision_warning(decision, path, page.number)) page.warnings.push_back(*w);
  return decision;
}

int take_ocr_words(Page& page, OcrPage& read, const std::string& path) {
  page.boxes = std::move(read.result.boxes);
  page.shapes = std::move(read.shapes);  // the image's, in the OCR'd page's frame
  page.method = PageMethod::ocr;
  page.width = read.width, page.height = read.height;
  page.ocr_confidence = read.result.mean_confidence;
  page.chars = 0;
  for (const Box& b : page.boxes) page.chars += static_cast<int>(count_code_points(b.text));
  for (const Diagnostic& w : read.warnings) add_warnings(page, {{w.code, path, page.number, w.message}});
  for (const auto& [reason, words] : read.result.left_out) page.left_out[reason] += words;
  return read.result.low_confidence_words;
}

PageInfo page_info(const Page& page, std::optional<OcrPreparation> preparation) {
  PageInfo info;
  info.number = page.number, info.method = page.method, info.chars = page.chars;
  info.ocr_confidence = page.ocr_confidence;
  info.left_out = page.left_out;  // what extract read and leaves out (OCR's specks, outside the crop box)
  if (page.method == PageMethod::ocr && preparation) {
    info.rotation = preparation->rotation;
    info.skew = preparation->skew;
    info.dpi = preparation->dpi;
    info.preparation = std::move(preparation);
  }
  return info;
}

}  // namespace overleg
