// OcrEngine: reads the words off a page image. The real one wraps Tesseract
// (tesseract_engine.h); tests use fakes. One instance per worker thread: an
// engine is not thread-safe, and it is initialised once and reused.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "model/diagnostic.h"
#include "extract/document_source.h"
#include "model/page.h"

namespace overleg {

struct OcrResult {
  std::vector<Box> boxes;          ///< words in page points (image pixels * 72 / dpi)
  double mean_confidence = 0;      ///< over all words, 0..1
  int low_confidence_words = 0;    ///< words kept although below the engine's threshold
  std::vector<Diagnostic> warnings;  ///< about the page image OCR read (e.g. rendered below --dpi)
  /// Words the engine read but left out of `boxes`, by reason ("speck": a
  /// text line with hardly a letter and little confidence; "picture": a word
  /// inside a region the engine took for an image). Counted as the record's
  /// scorer counts words (white-space tokens with a letter or digit).
  std::map<std::string, int> left_out;
  int words_read = 0;              ///< all words the engine read, counted the same way
  /// Share of the words in blocks the engine found not upright (text running
  /// up, down or upside down): a page fed sideways can read well and still
  /// be the wrong way round.
  double not_upright_share = 0;
};

/// Which way up a page image is, as the engine's orientation detection sees it.
struct OrientationGuess {
  bool known = false;      ///< false: the engine cannot tell (no detector, no text)
  int turn = 0;            ///< degrees to turn the image clockwise to make it upright: 0, 90, 180, 270
  double confidence = 0;   ///< the detector's own confidence (Tesseract OSD: ~0-20; > 2 is a clear call)
};

class OcrEngine {
 public:
  virtual ~OcrEngine() = default;
  /// Recognises `image`; the boxes carry text, bbox, size/bold estimates, confidence.
  virtual Result<OcrResult> recognise(const GrayImage& image) = 0;
  /// Which way up `image` is (a small render is enough, ~100 dpi). The
  /// default knows nothing: engines without a detector never turn a page.
  /// Fails with missing_data when the detector's data is not installed.
  virtual Result<OrientationGuess> detect_orientation(const GrayImage& image) {
    (void)image;
    return OrientationGuess{};
  }
};

}  // namespace overleg
