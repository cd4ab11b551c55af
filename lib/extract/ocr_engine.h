// OcrEngine: reads the words off a page image. The real one wraps Tesseract
// (tesseract_engine.h); tests use fakes. One instance per worker thread: an
// engine is not thread-safe, and it is initialised once and reused.
#pragma once

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
};

class OcrEngine {
 public:
  virtual ~OcrEngine() = default;
  /// Recognises `image`; the boxes carry text, bbox, size/bold estimates, confidence.
  virtual Result<OcrResult> recognise(const GrayImage& image) = 0;
};

}  // namespace overleg
