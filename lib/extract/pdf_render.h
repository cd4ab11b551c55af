// Rendering a PDF page to grey pixels for OCR and for the ink measure of the
// OCR decision, with poppler's Splash output device (what poppler-cpp's
// page_renderer and pdftoppm use). The PdfSource calls it from render().
// Stateless; safe on different documents from different threads (poppler
// documents themselves are one-thread-at-a-time, see document_source.h).
#pragma once

#include <functional>

#include "model/diagnostic.h"
#include "extract/document_source.h"
#include "extract/poppler_document.h"

namespace overleg {

/// Largest image we render, in pixels; a bigger page is rendered at a lower
/// dpi (GrayImage::dpi says which), so that a poster cannot exhaust memory.
constexpr long long kMaxRenderPixels = 40'000'000;

/// A page's pixels as poppler's Splash device drew them: rows of `stride`
/// bytes, one byte a pixel in grey, four (B, G, R, 255) in colour.
struct SplashPixels {
  const unsigned char* data = nullptr;
  int width = 0, height = 0, stride = 0;
};

/// Draws page `index` of `doc` at `dpi` as displayed (crop box, /Rotate
/// applied), anti-aliased like pdftoppm, on white, in grey or in colour, and
/// hands the pixels to `use` (they live for the call only). No size caps:
/// the caller plans the resolution (render_limits.h). False when poppler
/// cannot read the page or drew nothing.
bool draw_pdf_page(const PopplerDocument& doc, int index, double dpi, bool color,
                   const std::function<void(const SplashPixels&)>& use);

/// Renders page `index` of `doc` at `dpi` (as displayed: crop box, the
/// page's /Rotate applied), anti-aliased like pdftoppm, as 8-bit grey. Fails
/// (damaged) when poppler cannot render it.
Result<GrayImage> render_pdf_page(const PopplerDocument& doc, int index, int dpi);

}  // namespace overleg
