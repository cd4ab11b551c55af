// What qpdf reads of a PDF's page objects that poppler's word list does not give:
// the URI link annotations, how large the raster images drawn on each
// page are, what its content paints (shapes, the colour of its text:
// pdf_paint.h) and how much of its text is drawn invisible (render mode 3)
// (the OCR decision's evidence that a page may hold text the text layer
// lacks). One parse per document; a hand-written PDF parser would be
// the wrong tool. Stateless; safe to call from several threads on different
// inputs.
#pragma once

#include <string>
#include <vector>

#include "extract/pdf_paint.h"
#include "model/diagnostic.h"
#include "model/page.h"

namespace overleg {

/// One page's objects, in page order.
struct PdfPageObjects {
  /// The page's URI links, each with its rectangle in top-left page
  /// coordinates (as poppler's text boxes).
  std::vector<Link> links;
  /// Width x height of the largest image XObject the page draws (forms
  /// included); 0 when it draws none.
  double largest_image_pixels = 0;
  /// Share of the page's text-showing operators drawn invisible (text
  /// render mode 3), 0..1: an OCR text layer over a scan is all invisible.
  /// Only read on pages that draw an image (0 on the others).
  double invisible_text_share = 0;
  /// What the page's content paints: shapes and the colour of its text.
  PagePaint paint;
};

/// The objects of every page of the PDF in `bytes`. A damaged file yields
/// what could be read plus a warning in `warnings`; a page whose objects
/// could not be read is missing from the end of the list.
std::vector<PdfPageObjects> read_pdf_objects(const std::string& bytes, const std::string& label,
                                             std::vector<Diagnostic>& warnings);

}  // namespace overleg
