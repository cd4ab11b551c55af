#include "extract/pdf_objects.h"

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/Pl_String.hh>

#include <algorithm>
#include <exception>

namespace overleg {
namespace {

// A page's visible box: poppler measures text from the crop box's top-left.
Rect page_box(QPDFPageObjectHelper& page) {
  QPDFObjectHandle box = page.getAttribute("/CropBox", false);
  if (!box.isRectangle()) box = page.getAttribute("/MediaBox", false);
  if (!box.isRectangle()) return {0, 0, 612, 792};
  auto r = box.getArrayAsRectangle();
  return {std::min(r.llx, r.urx), std::min(r.lly, r.ury), std::max(r.llx, r.urx), std::max(r.lly, r.ury)};
}

std::string uri_of(QPDFObjectHandle annot) {
  QPDFObjectHandle action = annot.getKey("/A");
  if (!action.isDictionary()) return {};
  QPDFObjectHandle kind = action.getKey("/S");
  if (!kind.isName() || kind.getName() != "/URI") return {};
  QPDFObjectHandle uri = action.getKey("/URI");
  return uri.isString() ? uri.getUTF8Value() : std::string();
}

// Width x height of the largest image the page draws, through its forms.
double largest_image_pixels(QPDFPageObjectHelper& page) {
  double largest = 0;
  page.forEachImage(/*recursive=*/true, [&](QPDFObjectHandle& image, QPDFObjectHandle&, std::string const&) {
    QPDFObjectHandle dict = image.getDict();
    QPDFObjectHandle w = dict.getKey("/Width"), h = dict.getKey("/Height");
    if (w.isNumber() && h.isNumber()) largest = std::max(largest, w.getNumericValue() * h.getNumericValue());
  });
  return largest;
}

// Counts the text-showing operators of a content stream and those drawn in
// render mode 3 (neither filled nor stroked: invisible), following q/Q,
// which save and restore the render mode with the graphics state. Form
// XObjects are not entered: Tesseract and OCRmyPDF's hOCR renderer write
// the invisible words in the page's own content.
class TextRenderModes : public QPDFObjectHandle::ParserCallbacks {
 public:
  void handleObject(QPDFObjectHandle obj) override {
    if (!obj.isOperator()) {
      if (obj.isNumber()) last_number_ = obj.getNumericValue();
      return;
    }
    const std::string op = obj.getOperatorValue();
    if (op == "Tr") mode_ = static_cast<int>(last_number_);
    else if (op == "q") saved_.push_back(mode_);
    else if (op == "Q" && !saved_.empty()) mode_ = saved_.back(), saved_.pop_back();
    else if (op == "Tj" || op == "TJ" || op == "'" || op == "\"") ++shown_, invisible_ += mode_ == 3;
  }
  void handleEOF() override {}
  double invisible_share() const { return shown_ ? static_cast<double>(invisible_) / static_cast<double>(shown_) : 0; }

 private:
  double last_number_ = 0;
  int mode_ = 0;
  std::vector<int> saved_;
  long shown_ = 0, invisible_ = 0;
};

// Whether `data` (a page's decoded content) may set render mode 3: a
// "Tr" operator after a 3. A byte scan: a text layer's page with a logo
// has none, and is then not parsed into an object per token; a page that
// has one is decoded again by the parse (rare: OCR layers).
bool may_set_invisible(const std::string& data) {
  for (std::size_t at = data.find("Tr"); at != std::string::npos; at = data.find("Tr", at + 2)) {
    std::size_t k = at;
    while (k > 0 && (data[k - 1] == ' ' || data[k - 1] == '\n' || data[k - 1] == '\r' || data[k - 1] == '\t')) --k;
    if (k > 0 && data[k - 1] == '3' && k != at) return true;
  }
  return false;
}

double invisible_text_share(QPDFPageObjectHelper& page) {
  TextRenderModes modes;
  try {
    std::string data;
    Pl_String out("page contents", nullptr, data);
    page.pipeContents(&out);
    if (!may_set_invisible(data)) return 0;
    page.parseContents(&modes);
  } catch (const std::exception&) {
    // A damaged content stream: what was read before the damage counts
    // (poppler reports the damage itself).
  }
  return modes.invisible_share();
}

}  // namespace

std::vector<PdfPageObjects> read_pdf_objects(const std::string& bytes, const std::string& label,
                                             std::vector<Diagnostic>& warnings) {
  std::vector<PdfPageObjects> pages;
  try {
    QPDF pdf;
    pdf.setSuppressWarnings(true);
    pdf.setAttemptRecovery(true);
    pdf.processMemoryFile(label.c_str(), bytes.data(), bytes.size());
    int number = 0;
    for (auto& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
      ++number;
      PdfPageObjects& objects = pages.emplace_back();
      objects.largest_image_pixels = largest_image_pixels(page);
      // Only a page with an image can be a scan with an OCR layer; parsing
      // every text page's content stream would cost text-layer documents.
      if (objects.largest_image_pixels > 0) objects.invisible_text_share = invisible_text_share(page);
      Rect box = page_box(page);
      QPDFObjectHandle annots = page.getObjectHandle().getKey("/Annots");
      if (!annots.isArray()) continue;
      for (auto& annot : annots.aitems()) {
        if (!annot.isDictionary()) continue;
        QPDFObjectHandle subtype = annot.getKey("/Subtype");
        if (!subtype.isName() || subtype.getName() != "/Link") continue;
        std::string url = uri_of(annot);
        if (url.empty()) continue;
        Link link;
        link.url = url;
        link.page = number;
        QPDFObjectHandle rect = annot.getKey("/Rect");
        if (rect.isRectangle()) {
          auto r = rect.getArrayAsRectangle();
          double x0 = std::min(r.llx, r.urx), x1 = std::max(r.llx, r.urx);
          double y0 = std::min(r.lly, r.ury), y1 = std::max(r.lly, r.ury);
          link.rect = {x0 - box.x0, box.y1 - y1, x1 - box.x0, box.y1 - y0};
        }
        objects.links.push_back(std::move(link));
      }
    }
    if (pdf.anyWarnings())
      warnings.push_back({"pdf_damaged", label, 0, "damaged PDF structure: links read on a best-effort basis"});
  } catch (const std::exception& e) {
    warnings.push_back({"links_unreadable", label, 0, std::string("link annotations not read: ") + e.what()});
  }
  return pages;
}

}  // namespace overleg
