// Rendering a PDF page to grey pixels for OCR and for the ink measure of the
// OCR decision, with poppler-cpp's page_renderer. The PdfSource calls it from
// render(). Stateless; safe on different pages from different threads (poppler
// documents themselves are one-thread-at-a-time, see document_source.h).
#pragma once

#include "model/diagnostic.h"
#include "extract/document_source.h"

namespace poppler {
class page;
}

namespace overleg {

/// Largest image we render, in pixels; a bigger page is rendered at a lower
/// dpi (GrayImage::dpi says which), so that a poster cannot exhaust memory.
constexpr long long kMaxRenderPixels = 40'000'000;

/// Renders `page` at `dpi` (as displayed: crop box, the page's /Rotate
/// applied), anti-aliased like pdftoppm, as 8-bit grey. Fails (damaged) when
/// poppler cannot render it.
Result<GrayImage> render_pdf_page(poppler::page& page, int dpi);

}  // namespace overleg
