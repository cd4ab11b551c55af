#include "extract/image_source.h"

#include "extract/image_files.h"
#include "extract/ocr_module_loader.h"
#include "extract/tesseract/ocr_module.h"

namespace overleg {

bool looks_like_image(const std::string& bytes) { return image_kind(bytes) != ImageKind::none; }

// The decoding is Leptonica's, in the OCR module
// (tesseract/leptonica_images.cc): an image input loads it, a PDF never.
Result<std::unique_ptr<DocumentSource>> open_image(const std::string& label, std::string bytes) {
  if (!looks_like_image(bytes))
    return Failure{ErrorKind::not_pdf, {"not_pdf", label, 0, "not a PDF, PNG, TIFF or JPEG file"}};
  const OcrModule* m = ocr_module();
  if (!m) return ocr_module_missing(label);
  return m->images.open_image(label, std::move(bytes));
}

}  // namespace overleg
