#include "extract/pdf_objects.h"

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/Pl_String.hh>
#include <qpdf/Buffer.hh>

#include <algorithm>
#include <exception>

namespace overleg {
namespace {

// A page's visible box in PDF user space (x0,y0 lower left): poppler
// measures text from the crop box's top-left.
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

// A page's or a form's resources, as the paint reader asks for them.
class QpdfResources : public PaintResources {
 public:
  explicit QpdfResources(QPDFObjectHandle resources) : resources_(resources) {}

  int color_components(std::string_view name) const override {
    QPDFObjectHandle space = entry("/ColorSpace", name);
    if (space.isName()) return color_space_components(space.getName());
    if (!space.isArray() || space.getArrayNItems() < 1 || !space.getArrayItem(0).isName()) return 0;
    const std::string family = space.getArrayItem(0).getName();
    if (family == "/ICCBased" && space.getArrayNItems() >= 2 && space.getArrayItem(1).isStream()) {
      QPDFObjectHandle n = space.getArrayItem(1).getDict().getKey("/N");
      return n.isInteger() && (n.getIntValue() == 1 || n.getIntValue() == 3 || n.getIntValue() == 4)
                 ? static_cast<int>(n.getIntValue())
                 : 0;
    }
    return color_space_components(family);
  }

  bool form(std::string_view name, FormContent& out) const override {
    QPDFObjectHandle xobject = entry("/XObject", name);
    if (!xobject.isStream()) return false;
    QPDFObjectHandle dict = xobject.getDict();
    QPDFObjectHandle subtype = dict.getKey("/Subtype");
    if (!subtype.isName() || subtype.getName() != "/Form") return false;
    try {
      std::shared_ptr<Buffer> data = xobject.getStreamData(qpdf_dl_generalized);
      out.data.assign(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
    } catch (const std::exception&) {
      return false;  // a damaged form paints nothing we can read
    }
    QPDFObjectHandle matrix = dict.getKey("/Matrix");
    if (matrix.isArray() && matrix.getArrayNItems() == 6) {
      for (int i = 0; i < 6; ++i) {
        QPDFObjectHandle v = matrix.getArrayItem(i);
        if (!v.isNumber()) return false;
        out.matrix[i] = v.getNumericValue();
      }
    }
    // A form without resources of its own uses those of where it is drawn
    // (PDF 1.1 practice that readers still honour).
    QPDFObjectHandle own = dict.getKey("/Resources");
    out.resources = std::make_unique<QpdfResources>(own.isDictionary() ? own : resources_);
    return true;
  }

 private:
  QPDFObjectHandle entry(const char* category, std::string_view name) const {
    if (!resources_.isDictionary()) return QPDFObjectHandle::newNull();
    QPDFObjectHandle dict = resources_.getKey(category);
    return dict.isDictionary() ? dict.getKey(std::string(name)) : QPDFObjectHandle::newNull();
  }

  // qpdf 11 reads objects through non-const handles (a handle is a shared
  // pointer; reading resolves it in place).
  mutable QPDFObjectHandle resources_;
};

int rotation_of(QPDFPageObjectHelper& page) {
  QPDFObjectHandle rotate = page.getAttribute("/Rotate", false);
  if (!rotate.isInteger()) return 0;
  long long r = ((rotate.getIntValue() % 360) + 360) % 360;
  return r % 90 == 0 ? static_cast<int>(r) : 0;
}

// What the page's content paints: shapes, text colours, invisible text.
PagePaint page_paint(QPDFPageObjectHelper& page) {
  std::string data;
  try {
    Pl_String out("page contents", nullptr, data);
    page.pipeContents(&out);
  } catch (const std::exception&) {
    // A damaged content stream: what was decoded before the damage counts
    // (poppler reports the damage itself).
  }
  PaintFrame frame;
  frame.crop = page_box(page);
  frame.rotate = rotation_of(page);
  QpdfResources resources(page.getAttribute("/Resources", false));
  return read_paint(data, frame, &resources);
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
    bool structure_damaged = false;
    for (auto& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
      ++number;
      PdfPageObjects& objects = pages.emplace_back();
      objects.largest_image_pixels = largest_image_pixels(page);
      // Damage met while reading the drawing is the content's, which poppler
      // reports per page; the structure's warnings are those before it.
      structure_damaged = structure_damaged || pdf.anyWarnings();
      objects.paint = page_paint(page);
      pdf.getWarnings();
      // Only a page with an image can be a scan with an OCR layer.
      if (objects.largest_image_pixels > 0 && objects.paint.shown > 0)
        objects.invisible_text_share =
            static_cast<double>(objects.paint.invisible) / static_cast<double>(objects.paint.shown);
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
    if (structure_damaged || pdf.anyWarnings())
      warnings.push_back({"pdf_damaged", label, 0, "damaged PDF structure: links read on a best-effort basis"});
  } catch (const std::exception& e) {
    warnings.push_back({"links_unreadable", label, 0, std::string("link annotations not read: ") + e.what()});
  }
  return pages;
}

}  // namespace overleg
