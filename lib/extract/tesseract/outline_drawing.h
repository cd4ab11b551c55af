// The Leptonica half of pdf_render_outlines.h, inside the OCR module: the
// outlines and labels drawn over a page that poppler rendered in colour,
// and the picture written as a PNG. The library renders the page and calls
// this through the module's table (ocr_module.h ImageOps). Thread-safe.
#pragma once

#include <string>
#include <vector>

#include "extract/pdf_render_outlines.h"
#include "extract/tesseract/ocr_module.h"  // ArgbPage, OutlineWrite

namespace overleg::leptonica {

/// Draws the `outlines` (page points; `scale` pixels a point) over `page`,
/// each kOutlinePixels wide with its label, and writes it as a PNG to `path`.
OutlineWrite write_outlined_png(const ArgbPage& page, const std::vector<PageOutline>& outlines, double scale,
                                const std::string& path);

}  // namespace overleg::leptonica
