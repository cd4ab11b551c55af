#include "model/diagnostic.h"

namespace overleg {

const char* to_string(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::none: return "none";
    case ErrorKind::not_pdf: return "not_pdf";
    case ErrorKind::damaged: return "damaged";
    case ErrorKind::encrypted: return "encrypted";
    case ErrorKind::io: return "io";
    case ErrorKind::missing_data: return "missing_data";
    case ErrorKind::timeout: return "timeout";
    case ErrorKind::cancelled: return "cancelled";
    case ErrorKind::internal: return "internal";
  }
  return "internal";
}

std::string Diagnostic::to_line() const {
  std::string line = file.empty() ? std::string("overleg") : file;
  line += ": ";
  if (page > 0) line += "page " + std::to_string(page) + ": ";
  // A diagnostic is one line: fold any line break the message picked up.
  for (char c : message) line += (c == '\n' || c == '\r') ? ' ' : c;
  return line;
}

}  // namespace overleg
