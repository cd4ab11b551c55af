#include "extract/pdf_repair.h"

#include <qpdf/Buffer.hh>
#include <qpdf/Constants.h>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFWriter.hh>
#include <qpdf/QUtil.hh>

#include <algorithm>
#include <cctype>
#include <exception>

#include "extract/pdf_source.h"  // looks_like_pdf
#include "util/saslprep.h"

namespace overleg {
namespace {

/// At most this many of qpdf's warnings are kept (a badly damaged file can
/// give thousands; the first ones say what happened).
constexpr std::size_t kMaxRepairLines = 5;

// qpdf's warning without the file name it starts with.
std::string repair_line(const QPDFExc& e) {
  std::string line = e.getMessageDetail();
  return line.empty() ? std::string(e.what()) : line;
}

// A page tree whose /Count disagrees with the pages found under /Kids (the
// /Count of 9999999999 that makes poppler see no page) is replaced by one flat
// /Pages node holding every page found; the attributes pages inherit are
// copied onto them first so that none is lost.
void rebuild_page_tree(QPDF& pdf, std::vector<std::string>& repairs) {
  QPDFObjectHandle pages = pdf.getRoot().getKey("/Pages");
  if (!pages.isDictionary()) return;
  std::vector<QPDFObjectHandle> all = pdf.getAllPages();
  QPDFObjectHandle count = pages.getKey("/Count");
  bool count_right = count.isInteger() && count.getIntValue() == static_cast<long long>(all.size());
  if (count_right || all.empty()) return;
  pdf.pushInheritedAttributesToPage();
  QPDFObjectHandle kids = QPDFObjectHandle::newArray();
  for (QPDFObjectHandle& page : all) {
    page.replaceKey("/Parent", pages);
    kids.appendItem(page);
  }
  pages.replaceKey("/Kids", kids);
  pages.replaceKey("/Count", QPDFObjectHandle::newInteger(static_cast<long long>(all.size())));
  repairs.push_back("page tree rebuilt: /Count said " + (count.isInteger() ? std::to_string(count.getIntValue()) : "nothing") +
                    ", " + std::to_string(all.size()) + " pages found");
}

}  // namespace

bool looks_like_headerless_pdf(const std::string& bytes) {
  std::size_t limit = std::min<std::size_t>(bytes.size(), 1024);
  std::string_view head(bytes.data(), limit);
  // "N G obj": digits, white space, digits, white space, "obj".
  for (std::size_t at = head.find("obj"); at != std::string_view::npos; at = head.find("obj", at + 1)) {
    std::size_t i = at;
    auto space = [&] { std::size_t n = 0; while (i > 0 && std::isspace(static_cast<unsigned char>(head[i - 1]))) --i, ++n; return n; };
    auto digits = [&] { std::size_t n = 0; while (i > 0 && std::isdigit(static_cast<unsigned char>(head[i - 1]))) --i, ++n; return n; };
    if (space() && digits() && space() && digits()) return true;
  }
  return false;
}

std::vector<std::string> password_candidates(const std::vector<std::string>& given) {
  std::vector<std::string> out{""};
  auto add = [&](const std::string& p) {
    if (std::find(out.begin(), out.end(), p) == out.end()) out.push_back(p);
  };
  for (const std::string& p : given) {
    add(p);
    if (auto prepared = saslprep(p)) add(*prepared);  // R5/R6: SASLprep'd UTF-8
    std::string pdfdoc;
    if (QUtil::utf8_to_pdf_doc(p, pdfdoc)) add(pdfdoc);  // R2-R4: PDFDocEncoding
  }
  return out;
}

Result<RepairedPdf> repair_with_qpdf(const std::string& label, const std::string& bytes,
                                     const std::vector<std::string>& passwords) {
  // Without a header qpdf still reconstructs the objects, except one that
  // starts at offset 0 (it takes 0 for "no offset"): a header is put in
  // front, and the reconstruction finds every object at its new place.
  const bool headerless = !looks_like_pdf(bytes);
  const std::string with_header = headerless ? "%PDF-1.4\n" + bytes : std::string();
  const std::string& input = headerless ? with_header : bytes;
  std::string last_error = "qpdf cannot read it";
  bool wrong_password = false;
  for (const std::string& password : passwords) {
    try {
      QPDF pdf;
      pdf.setSuppressWarnings(true);  // kept as values below, never printed
      pdf.setAttemptRecovery(true);
      pdf.processMemoryFile(label.c_str(), input.data(), input.size(), password.c_str());
      RepairedPdf out;
      out.decrypted = pdf.isEncrypted();
      out.password_used = !password.empty();
      rebuild_page_tree(pdf, out.repairs);
      QPDFWriter writer(pdf);
      writer.setOutputMemory();
      writer.setPreserveEncryption(false);  // poppler gets the plain objects
      writer.write();
      std::shared_ptr<Buffer> buffer = writer.getBufferSharedPointer();
      out.bytes.assign(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
      std::vector<QPDFExc> warnings = pdf.getWarnings();
      std::vector<std::string> lines;
      for (const QPDFExc& w : warnings)
        if (lines.size() < kMaxRepairLines) lines.push_back(repair_line(w));
      if (warnings.size() > kMaxRepairLines) lines.push_back("(+" + std::to_string(warnings.size() - kMaxRepairLines) + " more)");
      out.repairs.insert(out.repairs.begin(), lines.begin(), lines.end());
      if (headerless) out.repairs.insert(out.repairs.begin(), "no %PDF- header");
      return out;
    } catch (const QPDFExc& e) {
      if (e.getErrorCode() == qpdf_e_password) {
        wrong_password = true;
        continue;
      }
      last_error = repair_line(e);
      break;  // not a password matter: another password will not help
    } catch (const std::exception& e) {
      last_error = e.what();
      break;
    }
  }
  if (wrong_password)
    return Failure{ErrorKind::encrypted, {"pdf_encrypted", label, 0, "encrypted PDF: no password given opens it"}};
  return Failure{ErrorKind::damaged, {"pdf_damaged", label, 0, "damaged PDF: " + last_error}};
}

}  // namespace overleg
