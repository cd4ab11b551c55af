// Pictures of what the tool understood, for `overleg inspect --png DIR`
// (pdfplumber's visual debugging is the model): each page of a PDF rendered
// in colour by poppler, with rectangles and labels drawn over it by
// Leptonica, written as one PNG per page. The drawing runs in the OCR
// module (tesseract/outline_drawing.cc), which the first picture loads: the
// binary does not link Leptonica (issue #13). The caller says what to draw
// (blocks by role and reading order); this unit only draws. Stateless;
// thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/diagnostic.h"
#include "model/geometry.h"

namespace overleg {

/// A rectangle to draw on page `page` (1-based), in page points (the text
/// layer's frame: top-left origin, crop box), in colour 0xRRGGBB, with a
/// label written at its top-left corner.
struct PageOutline {
  int page = 0;
  Rect box;
  std::uint32_t rgb = 0;
  std::string label;
};

/// One picture written.
struct OutlinedPage {
  int page = 0;
  std::string path;   ///< DIR/page-001.png, ...
  int width = 0;      ///< pixels
  int height = 0;
  int dpi = 0;        ///< the resolution rendered at (lowered for a huge page)
};

/// Outline width in pixels.
constexpr int kOutlinePixels = 3;

/// Renders every page of the PDF in `pdf` at `dpi`, draws the page's
/// `outlines` (kOutlinePixels wide) and writes DIR/page-NNN.png, making DIR
/// when it is absent. Fails (not_pdf, damaged, output; missing_data, code
/// ocr_module_missing, when the OCR module cannot be loaded) naming the file.
Result<std::vector<OutlinedPage>> write_outlined_pages(const std::string& label, const std::string& pdf,
                                                       const std::vector<PageOutline>& outlines,
                                                       const std::string& dir, int dpi);

}  // namespace overleg
