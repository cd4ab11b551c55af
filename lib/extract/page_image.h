// Page-image preparation for OCR with Leptonica: turning a page upright,
// straightening it, and cleaning a poor scan (background normalisation and
// adaptive binarisation). Each takes and gives a GrayImage (8-bit grey, the
// same dpi); the choice of when to use them is ocr_page.h's. Pure functions;
// thread-safe.
//
// The functions that use Leptonica (deskew, likely_turn, find_dark_fills,
// find_tinted_areas, clean_poor_scan) run in the OCR module
// (tesseract/leptonica_pages.cc), which the first of them loads
// (ocr_module_loader.h): the binary does not link Leptonica (issue #13).
// Without the module they do nothing (the page as it is, nothing found);
// the pipeline reaches them only with an engine made from the module. The
// others are plain C++ here.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "extract/document_source.h"
#include "model/page.h"

namespace overleg {

/// Has `image` a size and all its pixels?
inline bool usable_image(const GrayImage& image) {
  return image.width > 0 && image.height > 0 &&
         image.pixels.size() >= static_cast<std::size_t>(image.width) * image.height;
}

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

/// Which way a page's text seems to run, from Leptonica's count of
/// ascenders and descenders (pixOrientDetect on the page binarised and
/// reduced to about 150 dpi): the clockwise turn (90, 180, 270) that would
/// set it upright, 0 when it is upright, null when the count cannot tell.
/// A hint, not a call: it
/// costs about 20 ms on a 300-dpi page (Tesseract's orientation detection
/// at 100 dpi several times that, a pass over a page read upside down two
/// seconds), so it decides only whether Tesseract is asked before the page's
/// first pass (and whether a poor page's retry needs it at all); Tesseract's
/// answer decides the turn.
std::optional<int> likely_turn(const GrayImage& image);

/// How sure the ascender/descender count must be (Leptonica's confidence,
/// the winning direction against upright) to ask Tesseract before the first
/// pass. Dev scans: upright pages +28 to +31 (a 150-dpi one -1.4), the
/// upside-down page -20, a page turned a quarter -28.
constexpr double kMinTurnHint = 8.0;

/// Smallest skew worth turning for (degrees): below it Tesseract's own line
/// finding copes and a rotation only softens the type.
constexpr double kMinDeskewDegrees = 0.1;

/// Grey level below which a full-resolution pixel is dark: a dark fill's
/// (find_dark_fills), and the level inverted_fill stretches to white.
constexpr int kDarkFillLevel = 140;

/// A rectangle of an image, in pixels: [x0, x1) x [y0, y1).
struct PixelRect {
  int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

/// The dark fills of a page that hold light type (white headings on a colour
/// bar, a title band, a table's header row): found as solid regions (the
/// page reduced, thresholded, opened so that ordinary type, even bold, drops
/// out), each pulled in to its own edges at full resolution and kept when
/// it is large enough and has light pixels in it.
std::vector<PixelRect> find_dark_fills(const GrayImage& image);

/// A light tint of a page (a sidebar, an info box printed in a pale colour):
/// a solid region a little darker than the paper, where dark type stands.
struct TintedArea {
  PixelRect rect;
  int level = 0;  ///< its grey level, 0..255
};

/// The tinted areas of a page: regions of the page reduced to
/// kFillSearchDpi whose grey lies between the paper's and the type's,
/// opened so that type edges drop out, closed over the type in them, kept
/// when large and mostly tinted. The page's own paper is none.
std::vector<TintedArea> find_tinted_areas(const GrayImage& image);

/// What a page image paints besides its type, as the text layer's shapes
/// are (model/page.h): its tinted areas and `dark_fills` (find_dark_fills
/// of the same frame, found once for reading them), in points at the
/// image's dpi, with their grey as the fill colour.
std::vector<Shape> painted_shapes(const GrayImage& image, const std::vector<PixelRect>& dark_fills);

/// The fill `r` of `image` on its own, made dark type on white: inverted,
/// its own level stretched to white, with a white margin around it (so
/// that Tesseract, which reads dark type and can take a dark bar or a
/// framed box for a picture, reads it like any line). Same dpi.
GrayImage inverted_fill(const GrayImage& image, const PixelRect& r);

/// The white margin inverted_fill puts around a fill, in pixels at `dpi`.
int inverted_fill_margin(int dpi);

/// A poor scan cleaned for OCR: grey paper, shading and show-through levelled
/// by Leptonica's background normalisation (pixBackgroundNormSimple), then
/// binarised with Sauvola's adaptive threshold (pixSauvolaBinarizeTiled),
/// which keeps faint strokes that one global threshold loses. The result is
/// black on white, 0 and 255. Returns `image` unchanged if Leptonica fails.
GrayImage clean_poor_scan(const GrayImage& image);

}  // namespace overleg
