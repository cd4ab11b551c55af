// The Leptonica half of image_source.h, inside the OCR module: a PNG, TIFF
// or JPEG file decoded (from memory, by Leptonica; a JPEG by libjpeg with a
// quiet error manager, quiet_jpeg.h) into the ImageSource, the
// DocumentSource of a scan. open_image is the function of the same name in
// image_source.h, where it is documented; the library calls it through the
// module's table (ocr_module.h ImageOps). Thread-safe; a source is used by
// one thread at a time.
#pragma once

#include <memory>
#include <string>

#include "extract/document_source.h"
#include "extract/image_files.h"

namespace overleg::leptonica {

Result<std::unique_ptr<DocumentSource>> open_image(const std::string& label, std::string bytes);

/// Reads the width and height of image `page` (TIFF directory; 0 otherwise)
/// from its header with Leptonica's header readers, and checks them against
/// kMaxImagePixels; false with the reason in `why` when the header cannot be
/// read or the image is too large to decode.
bool check_image_header(const std::string& bytes, ImageKind kind, int page, std::string& why);

}  // namespace overleg::leptonica
