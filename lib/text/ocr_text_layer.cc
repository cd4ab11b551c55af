#include "text/ocr_text_layer.h"

#include <string>
#include <vector>

#include "util/rules.h"
#include "util/text.h"

namespace overleg {
namespace {

// A page counts as an OCR layer when at least this share of its words are in
// an OCR font. Tesseract's PDFs have every word in GlyphLessFont (share 1.0);
// a real text layer has none. Half leaves room for a page that a program
// stamped a header or page number on in a real font after OCR.
constexpr double kMinOcrFontShare = 0.5;

const std::vector<std::string>& ocr_fonts() {
  static const std::vector<std::string> fonts = [] {
    std::vector<std::string> out;
    for (const auto& row : rule_table("ocr-fonts.tsv"))
      if (!row.empty() && !row[0].empty()) out.push_back(to_lower(row[0]));
    return out;
  }();
  return fonts;
}

bool ocr_font(const std::string& font) {
  if (font.empty()) return false;
  std::string lower = to_lower(font);
  for (const auto& f : ocr_fonts())
    if (lower.find(f) != std::string::npos) return true;
  return false;
}

}  // namespace

bool text_layer_in_ocr_font(const Page& page) {
  if (page.boxes.empty()) return false;
  // A page has a handful of fonts and thousands of boxes: decide per run of
  // boxes in one font (lower-casing every box's font name cost a text-layer
  // page ~9 M instructions, callgrind).
  std::size_t hits = 0;
  const std::string* last = nullptr;
  bool last_is_ocr = false;
  for (const Box& b : page.boxes) {
    if (!last || b.font != *last) last = &b.font, last_is_ocr = ocr_font(b.font);
    hits += last_is_ocr;
  }
  return static_cast<double>(hits) >= kMinOcrFontShare * static_cast<double>(page.boxes.size());
}

bool page_text_is_ocr(const Page& page) {
  if (page.method == PageMethod::ocr) return true;
  if (page.method != PageMethod::text) return false;
  return page.text_layer_ocr || text_layer_in_ocr_font(page);
}

}  // namespace overleg
