// TesseractEngine: the OcrEngine that wraps tesseract::TessBaseAPI (C++ API,
// LSTM, automatic page segmentation, as the `tesseract` command does). It is
// initialised once with its languages and reused for every page a worker
// OCRs. Words come out as Boxes in page points, with confidence, a font size
// estimated from the text line's height and a bold estimate from the stroke
// width. Not thread-safe: one engine per worker thread. The engine itself is
// single-threaded (see limit_openmp_threads); parallelism comes from running
// several workers on pages or documents.
#pragma once

#include <atomic>
#include <memory>
#include <optional>
#include <string>

#include "model/diagnostic.h"
#include "extract/ocr_engine.h"

namespace tesseract {
class TessBaseAPI;
}

namespace overleg {

/// Tuning of the engine; the defaults are what the pipeline uses.
struct TesseractOptions {
  /// Tesseract language(s), "nld", "nld+fra", ... (Debian: tesseract-ocr-LANG).
  std::string lang = "nld";
  /// Words below this confidence (0..1) are kept but counted as low-confidence.
  double low_confidence = 0.5;
  /// Point size = this factor x the text line's height (descender bottom to
  /// ascender top) in points; measured against the text layer of the dev PDFs.
  double size_per_line_height = 0.0;  ///< 0 = the built-in calibration
  /// Give a page up after this many seconds (0: never); it then fails with
  /// ErrorKind::timeout.
  double page_timeout_seconds = 0;
  /// When set, recognition stops soon after *cancel becomes true (the page
  /// fails with ErrorKind::cancelled): for a batch that gave up a document.
  const std::atomic<bool>* cancel = nullptr;
  /// Calibration aid (bench/ocr_calibrate.cc): put the measurements in
  /// Box::font: "ocr:lh=<line height pt>:xh=<x-height pt>:sw=<stroke run>:
  /// ms=<stroke mass>:lsw=..:lms=..:line=<n>" (strokes relative to the page).
  bool annotate_measurements = false;
};

class TesseractEngine : public OcrEngine {
 public:
  ~TesseractEngine() override;
  TesseractEngine(const TesseractEngine&) = delete;
  TesseractEngine& operator=(const TesseractEngine&) = delete;

  /// Recognises one page image; fails (internal) only on an unusable image.
  Result<OcrResult> recognise(const GrayImage& image) override;

  /// Tesseract's orientation detection (OSD, osd.traineddata, Debian package
  /// tesseract-ocr-osd) on `image`; its model is loaded on first use (~0.1 s).
  /// Fails with missing_data naming the package when the data is missing.
  Result<OrientationGuess> detect_orientation(const GrayImage& image) override;

  /// The languages this engine was initialised with ("nld+fra").
  const std::string& languages() const { return options_.lang; }

 private:
  friend Result<std::unique_ptr<TesseractEngine>> make_tesseract_engine(const TesseractOptions& options);
  explicit TesseractEngine(TesseractOptions options);

  TesseractOptions options_;
  std::unique_ptr<tesseract::TessBaseAPI> api_;
  std::unique_ptr<tesseract::TessBaseAPI> osd_;  ///< the OSD model, made on first use
  bool osd_missing_ = false;                     ///< its data was looked for and not found
};

/// Makes an engine for `lang` ("nld", "nld+fra"). Fails with missing_data,
/// naming the Debian package, when a language's traineddata is not installed
/// ("Tesseract language data 'nld' not found: install tesseract-ocr-nld").
/// Calls limit_openmp_threads() first. Cost: ~0.1-0.3 s (loads the models).
Result<std::unique_ptr<OcrEngine>> make_tesseract_engine(const std::string& lang);

/// Same, with all options; returns the concrete type (tests, bench).
Result<std::unique_ptr<TesseractEngine>> make_tesseract_engine(const TesseractOptions& options);

/// Makes Tesseract's OpenMP parallel loops single-threaded, unless the user
/// set OMP_THREAD_LIMIT (then their value stands): decides once per process
/// and applies it to the calling thread (recognise() applies it to whichever
/// thread OCRs; libgomp keeps the setting per thread). Idempotent and
/// thread-safe; make_tesseract_engine calls it. Returns a one-line account of
/// what it did (for the bench and verbose output).
std::string limit_openmp_threads();

/// Debian package that holds the traineddata of `lang` ("chi_sim" ->
/// "tesseract-ocr-chi-sim").
std::string tesseract_package_name(const std::string& lang);

/// The Tesseract languages to run for the command line's `--lang`.
struct OcrLanguages {
  std::string lang;                   ///< "nld+fra", "nld", ... for make_tesseract_engine
  std::optional<std::string> warning; ///< set when `auto` had to leave French out (names the package)
};

/// Resolves `--lang`: "auto" is Dutch and French ("nld+fra") when French
/// data is installed, else Dutch with a warning naming tesseract-ocr-fra;
/// anything else ("nld", "nld+fra") is taken as it is.
OcrLanguages resolve_ocr_languages(const std::string& requested);

}  // namespace overleg
