#include "text/document_repair.h"

#include <algorithm>
#include <string>
#include <unordered_map>

#include "text/document_words.h"
#include "text/ocr_text_layer.h"
#include "text/repair.h"

namespace overleg {
namespace {

// A page whose words OCR read with a mean confidence below this is no
// reading of the page (upside down, not text): repairs would only guess.
// Measured on the dev scans: readable pages 0.89-0.96, the upside-down
// seed001-v-scan 0.35-0.40.
constexpr double kMinReadablePage = 0.6;

// Footers, running headers and page numbers are not part of the record;
// their repairs would only be noise in it.
bool skipped(const Block& b) {
  return b.role == Role::footer || b.role == Role::running_header || b.role == Role::page_number;
}

const Page* page_of(const std::vector<Page>& pages, int number) {
  return number >= 1 && number <= static_cast<int>(pages.size()) ? &pages[number - 1] : nullptr;
}

// Each OCR word of a page (punctuation stripped) with the lowest confidence
// it was read with: a word read once badly is not vouched for by a clear
// reading elsewhere.
OcrConfidences confidences_of(const Page& page) {
  OcrConfidences out;
  for (const Box& b : page.boxes) {
    if (b.confidence < 0) continue;
    std::string w(DocumentWords::strip(b.text));
    if (w.empty()) continue;
    auto [it, fresh] = out.emplace(w, b.confidence);
    if (!fresh) it->second = std::min(it->second, b.confidence);
  }
  return out;
}

}  // namespace

std::vector<Repair> repair_blocks(std::vector<Block>& blocks, const std::vector<Page>& pages, const Lexicon& lexicon,
                                  bool language_told) {
  // Whether each page's text is OCR'd, decided once per page (it looks at
  // every word's font): blocks ask page by page.
  std::unordered_map<const Page*, bool> ocr_text;
  auto is_ocr = [&](const Page* page) {
    auto it = ocr_text.find(page);
    if (it == ocr_text.end()) it = ocr_text.emplace(page, page_text_is_ocr(*page)).first;
    return it->second;
  };
  // The document's own words first, from every block the record keeps.
  DocumentWords document;
  for (const Block& b : blocks) {
    if (skipped(b)) continue;
    const Page* page = page_of(pages, b.page);
    bool text_layer = page && !is_ocr(page) && page->method == PageMethod::text;
    document.add(b.text, text_layer);
    for (const auto& row : b.rows)
      for (const auto& cell : row) document.add(cell, text_layer);
  }
  std::unordered_map<int, OcrConfidences> confidences;
  std::unordered_map<int, OcrChoices> choices;
  std::vector<Repair> repairs;
  for (Block& b : blocks) {
    if (skipped(b)) continue;
    const Page* page = page_of(pages, b.page);
    if (page && page->method == PageMethod::ocr && page->ocr_confidence && *page->ocr_confidence < kMinReadablePage)
      continue;
    RepairOptions opts;
    opts.ocr = language_told && page && is_ocr(page);
    opts.document = &document;
    if (page && page->method == PageMethod::ocr) {
      auto it = confidences.find(b.page);
      if (it == confidences.end()) it = confidences.emplace(b.page, confidences_of(*page)).first;
      opts.confidences = &it->second;
      auto c = choices.find(b.page);
      if (c == choices.end()) c = choices.emplace(b.page, choices_of(*page)).first;
      opts.choices = &c->second;
    }
    auto fix = [&](std::string& text) {
      RepairOutcome out = repair_text(text, b.page, lexicon, opts);
      text = std::move(out.text);
      repairs.insert(repairs.end(), out.repairs.begin(), out.repairs.end());
    };
    fix(b.text);
    for (auto& row : b.rows)
      for (auto& cell : row) fix(cell);
  }
  return repairs;
}

}  // namespace overleg
