#include "model/diagnostic.h"

#include <cstdio>

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

std::string quote_file_name(const std::string& name) {
  auto is_control = [](unsigned char c) { return c < 0x20 || c == 0x7f; };
  bool plain = true;
  for (unsigned char c : name) plain = plain && !is_control(c);
  if (plain) return name;
  // coreutils' shell-escape style (ls, mv): printable runs in '...', each
  // control byte as $'\n' or $'\033', so the line can be pasted into a shell
  // and no byte of the name acts on the terminal or starts a new line.
  std::string out;
  bool open = false;
  for (unsigned char c : name) {
    if (!is_control(c)) {
      if (!open) out += '\'';
      open = true;
      if (c == '\'') out += "'\\''";
      else out += static_cast<char>(c);
      continue;
    }
    if (open) out += '\'';
    open = false;
    static const char* kNamed = "abtnvfr";
    char esc[8];
    if (c >= 7 && c <= 13) std::snprintf(esc, sizeof esc, "\\%c", kNamed[c - 7]);
    else std::snprintf(esc, sizeof esc, "\\%03o", c);
    out += "$'" + std::string(esc) + "'";
  }
  if (open) out += '\'';
  return out;
}

std::string Diagnostic::to_line() const {
  std::string line = file.empty() ? std::string("overleg") : quote_file_name(file);
  line += ": ";
  if (page > 0) line += "page " + std::to_string(page) + ": ";
  // A diagnostic is one line, and only text: fold any line break or other
  // control character (an ANSI escape from a name) the message picked up.
  for (char c : message) line += (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) ? ' ' : c;
  return line;
}

}  // namespace overleg
