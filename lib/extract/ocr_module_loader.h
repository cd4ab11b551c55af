// The library's side of the OCR module (extract/tesseract/ocr_module.h):
// finds overleg-tesseract.so, loads it once, on the first call that needs
// Tesseract or Leptonica, and hands out its table. The functions of
// tesseract_engine.h, page_image.h, image_source.h (open_image) and
// pdf_render_outlines.h forward to it, so that their callers do not know
// the module is there. Thread-safe.
#pragma once

#include <string>

#include "model/diagnostic.h"

namespace overleg {

struct OcrModule;

/// The module's table, loading the module on the first call (dlopen, once
/// per process); null when it cannot be loaded (ocr_module_status() in
/// tesseract_engine.h says why, and where it was looked for).
const OcrModule* ocr_module();

/// The failure of a call that needs the module when it cannot be loaded:
/// missing_data, code ocr_module_missing, for the input `label` ("" when
/// none), with ocr_module_status()'s reason.
Failure ocr_module_missing(const std::string& label);

}  // namespace overleg
