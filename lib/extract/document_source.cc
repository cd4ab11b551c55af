#include "extract/document_source.h"

#include "extract/image_source.h"
#include "extract/pdf_source.h"

namespace overleg {

Result<std::unique_ptr<DocumentSource>> open_document(const std::string& label, std::string bytes) {
  if (bytes.empty()) return Failure{ErrorKind::not_pdf, {"empty_input", label, 0, "empty file"}};
  if (looks_like_pdf(bytes)) return open_pdf(label, std::move(bytes));
  if (looks_like_image(bytes)) return open_image(label, std::move(bytes));
  return Failure{ErrorKind::not_pdf, {"not_pdf", label, 0, "neither a PDF nor a PNG, TIFF or JPEG image"}};
}

}  // namespace overleg
