// ImageSource: a scanned page or pages given as a PNG, TIFF (a multi-page
// TIFF is one page per directory) or JPEG file, as a DocumentSource. Decoded
// from memory with Leptonica. Such a page has no text layer: text_page gives
// its size (from the image's resolution, 300 dpi when the file states none)
// and no boxes, and render gives its pixels as 8-bit grey for OCR.
// One instance per thread. The decoding runs in the OCR module
// (tesseract/leptonica_images.cc), which open_image loads: the binary does
// not link Leptonica, a PDF never loads it (issue #13). Leptonica's
// messages are switched off (the library never prints).
#pragma once

#include <memory>
#include <string>

#include "extract/document_source.h"

namespace overleg {

/// Resolution assumed for an image file that does not state one.
constexpr int kDefaultImageDpi = 300;

/// Does `bytes` start like a PNG, TIFF or JPEG file (magic numbers)?
bool looks_like_image(const std::string& bytes);

/// Opens `bytes` as a PNG/TIFF/JPEG image; `label` names the input in
/// diagnostics. Fails with not_pdf (not an image we read), damaged (an
/// image file that does not decode) or missing_data (code
/// ocr_module_missing: the OCR module cannot be loaded).
Result<std::unique_ptr<DocumentSource>> open_image(const std::string& label, std::string bytes);

}  // namespace overleg
