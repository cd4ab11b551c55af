#include "extract/document_source.h"

#include "extract/image_source.h"
#include "extract/pdf_repair.h"
#include "extract/pdf_source.h"

namespace overleg {

Result<std::unique_ptr<DocumentSource>> open_document(const std::string& label, std::string bytes,
                                                      const std::vector<std::string>& passwords) {
  if (bytes.empty()) return Failure{ErrorKind::not_pdf, {"empty_input", label, 0, "empty file"}};
  if (looks_like_pdf(bytes)) return open_pdf(label, std::move(bytes), passwords);
  if (looks_like_image(bytes)) return open_image(label, std::move(bytes));
  // A PDF whose header is missing (objects from the first line on): qpdf
  // recovers it when it can.
  if (looks_like_headerless_pdf(bytes)) return open_pdf(label, std::move(bytes), passwords);
  return Failure{ErrorKind::not_pdf, {"not_pdf", label, 0, "neither a PDF nor a PNG, TIFF or JPEG image"}};
}

}  // namespace overleg
