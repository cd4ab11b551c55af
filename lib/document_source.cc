#include "document_source.h"

#include "pdf_source.h"

namespace overleg {

Result<std::unique_ptr<DocumentSource>> open_document(const std::string& label, std::string bytes) {
  if (bytes.empty()) return Failure{ErrorKind::not_pdf, {"empty_input", label, 0, "empty file"}};
  return open_pdf(label, std::move(bytes));
}

}  // namespace overleg
