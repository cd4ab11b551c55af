// ImageSource: a scanned page or pages given as a PNG, TIFF (a multi-page
// TIFF is one page per directory) or JPEG file, as a DocumentSource. Decoded
// from memory with Leptonica. Such a page has no text layer: text_page gives
// its size (from the image's resolution, 300 dpi when the file states none)
// and no boxes, and render gives its pixels as 8-bit grey for OCR.
// One instance per thread. Leptonica's messages are switched off (the library
// never prints).
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
/// diagnostics. Fails with not_pdf (not an image we read) or damaged (an
/// image file that does not decode).
Result<std::unique_ptr<DocumentSource>> open_image(const std::string& label, std::string bytes);

/// Switches off Leptonica's messages to stderr for the whole process
/// (Leptonica is also used inside Tesseract). Idempotent, thread-safe.
void silence_leptonica();

}  // namespace overleg
