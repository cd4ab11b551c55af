// Reading one page with OCR, prepared: the resolution chosen from the scan's
// own, the page straightened (Leptonica's skew search), one OCR pass, and
// only when that pass reads poorly one retry -- the page turned upright when
// Tesseract's orientation detection says it is not, else the page cleaned
// (background levelled, adaptive binarisation) -- keeping the better pass by
// confidence x share of lexicon words. Nothing the engine read is dropped
// without a count (OcrResult::left_out). Stateless functions; the engine is
// the caller's (one per thread), the Lexicon is immutable.
#pragma once

#include <optional>
#include <vector>

#include "extract/document_source.h"
#include "extract/ocr_engine.h"
#include "model/diagnostic.h"
#include "model/report.h"

namespace overleg {

class Lexicon;

/// A pass reads poorly below this quality (mean confidence x share of
/// lexicon words; confidence alone without a lexicon). Measured on the dev
/// scans' pages: clean and 150-dpi pages read 0.70-0.90, the upside-down
/// page 0.05; see ocr_page.cc.
constexpr double kPoorPassQuality = 0.60;
/// A pass whose words are mostly (this share) in blocks Tesseract found not
/// upright is retried like a poor one: the page was fed sideways.
constexpr double kMaxNotUprightShare = 0.5;
/// Resolution of the render the orientation check reads (Tesseract OSD):
/// at 100 dpi it calls the upside-down dev scan as surely as at 300 dpi
/// (confidence 8.8 against 13.4) in a fraction of the time.
constexpr int kOrientationDpi = 100;
/// The orientation check's confidence from which a page is turned (the
/// turned pass is then kept only if it reads better). Tesseract calls 15
/// "reasonably confident"; at 100 dpi the upside-down dev scan gave 9.2, the
/// upside-down sample page 4.3, a non-turn call at 75 dpi 2.2.
constexpr double kMinOrientationConfidence = 2.0;
/// A sideways page turned upright is kept when it reads at least this share
/// of the sideways pass's quality (Tesseract reads vertical lines fairly well).
constexpr double kSidewaysKeep = 0.8;
/// The resolution to OCR a page at: --dpi (`requested`), whatever the scan's
/// own (`native`): a scan with more pixels is read at --dpi (sooner), one with
/// fewer is read resampled up to it (measured better, see ocr_page.cc).
/// `reason` (optional) says which case it was, for inspect.
int choose_ocr_dpi(std::optional<int> native, int requested, std::string* reason = nullptr);

/// Mean confidence x share of lexicon words of a pass; fills `pass`.
void judge_pass(const OcrResult& result, const Lexicon* lexicon, OcrPass& pass);

/// What reading a page gave.
struct OcrPage {
  OcrResult result;             ///< the kept pass's words, in points of the prepared page
  double width = 0;             ///< the prepared page's size in points (turned: width and height swap)
  double height = 0;
  OcrPreparation preparation;   ///< the choices and their evidence
  /// What the page image paints besides type (tints, dark fills), in the
  /// prepared page's points (page_image.h painted_shapes).
  std::vector<Shape> shapes;
  std::vector<Diagnostic> warnings;  ///< e.g. the orientation data is missing (file left empty)
};

/// Reads page `index` of `doc` with `engine`; `requested_dpi` is --dpi,
/// `lexicon` may be null. Fails as the render or the first pass fails.
Result<OcrPage> read_page_with_ocr(DocumentSource& doc, int index, OcrEngine& engine, const Lexicon* lexicon,
                                   int requested_dpi);

}  // namespace overleg
