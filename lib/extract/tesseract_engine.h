// The Tesseract OcrEngine: tesseract::TessBaseAPI (C++ API, LSTM, automatic
// page segmentation, as the `tesseract` command does), initialised once with
// its languages and reused for every page a worker OCRs. Words come out as
// Boxes in page points, with confidence, a font size estimated from the text
// line's height and a bold estimate from the stroke width; detect_orientation
// is Tesseract's OSD (osd.traineddata, Debian package tesseract-ocr-osd).
// An engine is not thread-safe: one per worker thread. The engine itself is
// single-threaded (see limit_openmp_threads); parallelism comes from running
// several workers on pages or documents.
//
// The engine lives in a shared module, overleg-tesseract.so
// (extract/tesseract/, with the Leptonica image code), loaded by the first
// make_tesseract_engine call (or the first image operation, see
// ocr_module_loader.h): a run that OCRs nothing never loads Tesseract
// (issue #13).
#pragma once

#include <atomic>
#include <memory>
#include <optional>
#include <string>

#include "model/diagnostic.h"
#include "extract/ocr_engine.h"
#include "extract/tessdata.h"  // resolve_ocr_languages, tesseract_package_name

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
  /// Words read with less confidence than this (0..1) carry OCR's
  /// alternatives for each of their symbols (Box::symbol_choices), which
  /// repair weighs (text/ocr_choices.h); 0: none, and Tesseract does not
  /// compute them (lstm_choice_mode off). The default is repair's
  /// confident-word threshold (text/word_repair.cc kConfidentWord): repair
  /// never changes a word read with more confidence.
  double choices_below = 0.95;
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

/// Makes an engine for `lang` ("nld", "nld+fra"). Fails with missing_data,
/// naming the Debian package, when a language's traineddata is not installed
/// ("Tesseract language data 'nld' not found: install tesseract-ocr-nld"),
/// and with missing_data (code ocr_module_missing) when the OCR module
/// cannot be loaded (ocr_module_status() says why). Calls
/// limit_openmp_threads() first. Cost: ~0.1-0.3 s (loads the models).
Result<std::unique_ptr<OcrEngine>> make_tesseract_engine(const std::string& lang);

/// Same, with all options (tests, bench).
Result<std::unique_ptr<OcrEngine>> make_tesseract_engine(const TesseractOptions& options);

/// Makes Tesseract's OpenMP parallel loops single-threaded, unless the user
/// set OMP_THREAD_LIMIT (then their value stands): decides once per process
/// and applies it to the calling thread (recognise() applies it to whichever
/// thread OCRs; libgomp keeps the setting per thread). Idempotent and
/// thread-safe; make_tesseract_engine calls it. Returns a one-line account of
/// what it did (for the bench and verbose output).
std::string limit_openmp_threads();

/// Where the OCR module was loaded from, or why it could not be: the first
/// call loads it (dlopen, once per process; thread-safe). It is looked for
/// in $OVERLEG_OCR_MODULE (a file) when set, else from the binary's own
/// location: <libdir>/overleg when installed (OVERLEG_MODULE_FROM_BINDIR),
/// <bindir>/modules in a build tree, <bindir>/../modules for the test and
/// bench binaries.
struct OcrModuleStatus {
  bool loaded = false;
  std::string path;   ///< the file loaded, when loaded
  std::string error;  ///< why not, naming the places looked in, when not
};
const OcrModuleStatus& ocr_module_status();

}  // namespace overleg
