// Page-image preparation for OCR with Leptonica: turning a page upright,
// straightening it, and cleaning a poor scan (background normalisation and
// adaptive binarisation). Each takes and gives a GrayImage (8-bit grey, the
// same dpi); the choice of when to use them is ocr_page.h's. Pure functions;
// thread-safe (Leptonica's messages are switched off by silence_leptonica).
#pragma once

#include "extract/document_source.h"

struct Pix;  // Leptonica's image

namespace overleg {

/// An 8-bit grey Pix (1-bit: black on white) as a GrayImage of `dpi`;
/// empty for other depths. The one copy of Leptonica pixels into ours.
GrayImage from_pix(Pix* pix, int dpi);

/// `image` turned clockwise by `degrees` (0, 90, 180, 270; others: as is).
/// Width and height swap at 90 and 270.
GrayImage turn_clockwise(const GrayImage& image, int degrees);

/// A straightened page and what was done.
struct Deskewed {
  GrayImage image;          ///< the page, turned by `degrees` (a copy of it when not turned)
  double degrees = 0;       ///< the correction made (Leptonica's sign: clockwise positive); 0 when none
  double confidence = 0;    ///< Leptonica's confidence of the skew search (0 when it found none)
};

/// Finds the skew of the text lines (Leptonica's pixFindSkew on the page
/// binarised at 2x reduction) and turns the page level when the search is
/// confident and the angle is at least kMinDeskewDegrees.
Deskewed deskew(const GrayImage& image);

/// Smallest skew worth turning for (degrees): below it Tesseract's own line
/// finding copes and a rotation only softens the type.
constexpr double kMinDeskewDegrees = 0.1;

/// A poor scan cleaned for OCR: grey paper, shading and show-through levelled
/// by Leptonica's background normalisation (pixBackgroundNormSimple), then
/// binarised with Sauvola's adaptive threshold (pixSauvolaBinarizeTiled),
/// which keeps faint strokes that one global threshold loses. The result is
/// black on white, 0 and 255. Returns `image` unchanged if Leptonica fails.
GrayImage clean_poor_scan(const GrayImage& image);

}  // namespace overleg
