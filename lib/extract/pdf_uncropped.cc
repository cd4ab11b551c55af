#include "extract/pdf_uncropped.h"

#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <exception>
#include <memory>

namespace overleg {

std::optional<std::string> uncropped_pdf(const std::string& pdf) {
  try {
    QPDF q;
    q.setSuppressWarnings(true);
    q.processMemoryFile("uncropped", pdf.data(), pdf.size());
    for (QPDFPageObjectHelper& page : QPDFPageDocumentHelper(q).getAllPages()) {
      QPDFObjectHandle media = page.getMediaBox();  // inherited from the page tree where it is
      if (media.isArray()) page.getObjectHandle().replaceKey("/CropBox", media.shallowCopy());
    }
    QPDFWriter w(q);
    w.setOutputMemory();
    w.write();
    std::unique_ptr<Buffer> out(w.getBuffer());
    return std::string(reinterpret_cast<const char*>(out->getBuffer()), out->getSize());
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

}  // namespace overleg
