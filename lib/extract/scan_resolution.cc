#include "extract/scan_resolution.h"

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <cmath>
#include <exception>

namespace overleg {
namespace {

// The image must have the page's proportions within this share to be "the
// page": a scan has them exactly up to rounding (img2pdf, scanners); a photo
// placed on a page does not.
constexpr double kAspectTolerance = 0.02;

}  // namespace

std::vector<std::optional<int>> scan_resolutions(const std::string& pdf_bytes, const std::string& label) {
  std::vector<std::optional<int>> out;
  try {
    QPDF pdf;
    pdf.setSuppressWarnings(true);
    pdf.setAttemptRecovery(true);
    pdf.processMemoryFile(label.c_str(), pdf_bytes.data(), pdf_bytes.size());
    for (auto& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
      std::optional<int> dpi;
      auto images = page.getImages();
      QPDFObjectHandle box = page.getAttribute("/CropBox", false);
      if (!box.isRectangle()) box = page.getAttribute("/MediaBox", false);
      if (images.size() == 1 && box.isRectangle()) {
        QPDFObjectHandle dict = images.begin()->second.getDict();
        QPDFObjectHandle w = dict.getKey("/Width"), h = dict.getKey("/Height");
        auto r = box.getArrayAsRectangle();
        double pw = std::abs(r.urx - r.llx), ph = std::abs(r.ury - r.lly);
        QPDFObjectHandle rotate = page.getAttribute("/Rotate", false);
        bool sideways = rotate.isInteger() && (rotate.getIntValue() / 90) % 2 != 0;
        if (w.isInteger() && h.isInteger() && pw > 0 && ph > 0) {
          double iw = static_cast<double>(w.getIntValue()), ih = static_cast<double>(h.getIntValue());
          if (sideways) std::swap(pw, ph);
          if (iw > 0 && ih > 0 && std::abs((iw / ih) / (pw / ph) - 1.0) <= kAspectTolerance)
            dpi = static_cast<int>(std::lround(iw * 72.0 / pw));
        }
      }
      out.push_back(dpi);
    }
  } catch (const std::exception&) {
    out.clear();  // unreadable for qpdf: no resolutions, the default applies
  }
  return out;
}

}  // namespace overleg
