#include "extract/pdf_source.h"

#include <algorithm>
#include <cstring>
#include <optional>

#include "extract/pdf_objects.h"
#include "extract/pdf_render.h"
#include "extract/render_limits.h"  // kMaxDrawnImagePixels
#include "extract/pdf_repair.h"
#include "extract/pdf_uncropped.h"
#include "extract/poppler_document.h"
#include "extract/scan_resolution.h"
#include "util/text.h"

namespace overleg {
namespace {

// A page that draws an image and shows at least this share of its text
// invisible (render mode 3) has an OCR text layer. Tesseract's and
// OCRmyPDF's layers are all invisible (1.0), a text layer none; half leaves
// room for a visible header or page number stamped on after OCR.
constexpr double kMinInvisibleTextShare = 0.5;

// A font name in ASCII lower case, for the weight and slant words in it.
std::string lower_font_name(const std::string& name) {
  std::string lower(name);
  for (char& c : lower)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return lower;
}

class PdfSource : public DocumentSource {
 public:
  PdfSource(std::string label, std::string bytes) : label_(std::move(label)), bytes_(std::move(bytes)) {}

  /// Parses the bytes this source owns (poppler keeps pointing into them):
  /// with poppler as they are when they are sound; else through qpdf's
  /// repair (page tree, cross-references, header, decryption with
  /// `passwords`), its bytes handed to poppler in memory; else, when qpdf
  /// cannot, poppler's own reading of the original bytes.
  std::optional<Failure> open(const std::vector<std::string>& passwords) {
    std::vector<std::string> messages;
    PopplerMessages collect(messages);
    if (looks_like_pdf(bytes_)) doc_ = PopplerDocument::open(bytes_);
    const bool sound = doc_ && !doc_->locked() && doc_->page_count() > 0 && messages.empty();
    std::optional<Failure> qpdf_failure;
    if (!sound) {
      std::vector<std::string> repair_messages;
      PopplerMessages collect_repaired(repair_messages);
      auto repaired = repair_with_qpdf(label_, bytes_, password_candidates(passwords));
      if (!repaired) {
        qpdf_failure = repaired.failure();
      } else if (!repaired->repairs.empty() || repaired->decrypted || !doc_ || doc_->locked() ||
                 doc_->page_count() <= 0) {
        repaired_ = std::move(repaired->bytes);
        std::unique_ptr<PopplerDocument> fixed = PopplerDocument::open(repaired_);
        if (fixed && !fixed->locked() && fixed->page_count() > 0) {
          doc_ = std::move(fixed);
          if (!repaired->repairs.empty()) {
            std::string what = repaired->repairs.front();
            for (std::size_t i = 1; i < repaired->repairs.size(); ++i) what += "; " + repaired->repairs[i];
            object_warnings_.push_back({"pdf_repaired", label_, 0, "damaged PDF repaired with qpdf: " + what});
          }
          objects_ = read_pdf_objects(repaired_, label_, object_warnings_);
          return std::nullopt;
        }
        repaired_.clear();
      }
    }
    // qpdf could not help: poppler's own reading, with the passwords.
    if (doc_ && doc_->locked())
      for (const std::string& pw : password_candidates(passwords))
        if (doc_->unlock(pw)) break;
    if (!doc_) {
      if (qpdf_failure && qpdf_failure->kind == ErrorKind::encrypted) return encrypted_failure(passwords);
      std::string why = messages.empty() ? std::string("poppler cannot parse it") : messages.front();
      if (!looks_like_pdf(bytes_)) why = "no %PDF- header, and qpdf cannot recover it either";
      return Failure{ErrorKind::damaged, {"pdf_damaged", label_, 0, "damaged PDF: " + why}};
    }
    if (doc_->locked()) return encrypted_failure(passwords);
    if (doc_->page_count() <= 0) return Failure{ErrorKind::damaged, {"pdf_no_pages", label_, 0, "damaged PDF: no pages"}};
    objects_ = read_pdf_objects(bytes_, label_, object_warnings_);
    return std::nullopt;
  }

  Failure encrypted_failure(const std::vector<std::string>& passwords) const {
    std::string why = passwords.empty()
                          ? "encrypted PDF: a password is needed to read it (--password or --password-file)"
                          : "encrypted PDF: none of the " + std::to_string(passwords.size()) + " password(s) given opens it";
    return Failure{ErrorKind::encrypted, {"pdf_encrypted", label_, 0, why}};
  }

  int page_count() const override { return doc_->page_count(); }

  Page text_page(int index) override {
    Page page;
    page.number = index + 1;
    std::vector<std::string> messages;
    PopplerMessages collect(messages);
    std::optional<PopplerPageBoxes> boxes = doc_->page_boxes(index);
    if (!boxes) {
      page.method = PageMethod::none;
      page.warnings.push_back({"page_unreadable", label_, page.number, "page could not be read"});
      return page;
    }
    page.width = boxes->crop_box.width;
    page.height = boxes->crop_box.height;
    std::string style_font;  // the last font's name, weight and slant
    bool style_bold = false, style_italic = false;
    for (PopplerWord& word : doc_->words(index, true)) {
      Box b;
      b.text = std::move(word.text);
      if (b.text.empty()) continue;
      b.bbox = {word.bbox.left(), word.bbox.top(), word.bbox.right(), word.bbox.bottom()};
      b.font = base_font_name(word.font);
      b.size = word.font_size;
      b.order = static_cast<int>(page.boxes.size());
      b.space_after = word.space_after;
      if (b.font != style_font) {  // runs of words share a font
        style_font = b.font;
        style_bold = font_name_is_bold(b.font);
        style_italic = font_name_is_italic(b.font);
      }
      b.bold = style_bold;
      b.italic = style_italic;
      page.chars += word.utf16_units;
      page.boxes.push_back(std::move(b));
    }
    count_outside_crop_box(*boxes, index, page);
    if (index < static_cast<int>(objects_.size())) {
      page.links = objects_[index].links;
      page.largest_image_pixels = objects_[index].largest_image_pixels;
      page.shapes = objects_[index].paint.shapes;
      color_boxes(objects_[index].paint, page.boxes);
      // Invisible text over a page image is an OCR layer (as scanners and
      // OCR programs write it): repair treats it as OCR'd text.
      page.text_layer_ocr = !page.boxes.empty() && objects_[index].largest_image_pixels > 0 &&
                            objects_[index].invisible_text_share >= kMinInvisibleTextShare;
    }
    if (index == 0)
      for (auto& w : object_warnings_) page.warnings.push_back(w);
    if (!messages.empty())
      page.warnings.push_back({"pdf_damaged", label_, page.number,
                               "poppler: " + messages.front() +
                                   (messages.size() > 1 ? " (+" + std::to_string(messages.size() - 1) + " more)" : "")});
    return page;
  }

  Result<GrayImage> render(int index, int dpi) override {
    if (index >= 0 && static_cast<std::size_t>(index) < objects_.size() &&
        objects_[index].largest_image_pixels > kMaxDrawnImagePixels)
      return Failure{ErrorKind::damaged,
                     {"image_too_large", label_, index + 1,
                      "the page draws an image of " +
                          std::to_string(static_cast<long long>(objects_[index].largest_image_pixels / 1e6)) +
                          " M pixels (at most " + std::to_string(static_cast<long long>(kMaxDrawnImagePixels / 1e6)) +
                          " M are drawn): page not rendered"}};
    std::vector<std::string> messages;
    PopplerMessages collect(messages);
    if (!doc_->page_boxes(index))
      return Failure{ErrorKind::damaged, {"page_unreadable", label_, index + 1, "page could not be read"}};
    Result<GrayImage> image = render_pdf_page(*doc_, index, dpi);
    if (!image) {
      Failure f = image.failure();
      f.diagnostic.file = label_;
      f.diagnostic.page = index + 1;
      return f;
    }
    // What only drawing the page meets (a damaged image: "Corrupt JPEG
    // data", a bad CCITT stream) goes into the record, not to stderr.
    for (Diagnostic& w : image.value().warnings) {
      w.file = label_;
      w.page = index + 1;
    }
    if (!messages.empty())
      image.value().warnings.push_back({"pdf_damaged", label_, index + 1,
                                        "poppler (rendering): " + messages.front() +
                                            (messages.size() > 1 ? " (+" + std::to_string(messages.size() - 1) + " more)" : "")});
    return image;
  }

  // The words page `index` holds outside its crop box (pdf_uncropped.h),
  // counted in page.left_out. Upright pages only: a turned page's words
  // come in turned coordinates.
  void count_outside_crop_box(const PopplerPageBoxes& boxes, int index, Page& page) {
    // Page boxes are in PDF space: top() is the lower y.
    const PopplerRect& crop = boxes.crop_box;
    const PopplerRect& media = boxes.media_box;
    const double slack = 0.5;
    bool inside = crop.left() > media.left() + slack || crop.top() > media.top() + slack ||
                  crop.right() < media.right() - slack || crop.bottom() < media.bottom() - slack;
    const bool upright = boxes.rotate != 90 && boxes.rotate != 180 && boxes.rotate != 270;
    if (!inside || !upright) return;
    if (!uncropped_tried_) {
      uncropped_tried_ = true;
      if (auto bytes = uncropped_pdf(repaired_.empty() ? bytes_ : repaired_)) {
        uncropped_bytes_ = std::move(*bytes);
        uncropped_ = PopplerDocument::open(uncropped_bytes_);
        if (uncropped_ && (uncropped_->locked() || uncropped_->page_count() != doc_->page_count())) uncropped_.reset();
      }
    }
    if (!uncropped_) return;
    // The crop box in the whole sheet's text coordinates (top-left origin).
    Rect visible{crop.left() - media.left(), media.bottom() - crop.bottom(), crop.right() - media.left(),
                 media.bottom() - crop.top()};
    int words = 0;
    for (const PopplerWord& word : uncropped_->words(index, false)) {
      const PopplerRect& r = word.bbox;
      if (!visible.contains((r.left() + r.right()) / 2, (r.top() + r.bottom()) / 2)) words += count_words(word.text);
    }
    if (words > 0) page.left_out[kOutsideCropBox] += words;
  }

  std::optional<int> native_dpi(int index) override {
    if (!scan_dpi_read_) {
      scan_dpi_ = scan_resolutions(bytes_, label_);  // only OCR'd pages ask
      scan_dpi_read_ = true;
    }
    if (index < 0 || index >= static_cast<int>(scan_dpi_.size())) return std::nullopt;
    return scan_dpi_[index];
  }

 private:
  std::string label_;
  std::string bytes_;     // poppler reads from these bytes for the document's lifetime
  std::string repaired_;  // or from these, qpdf's rewrite of them
  std::unique_ptr<PopplerDocument> doc_;
  std::vector<PdfPageObjects> objects_;  // by page index, as qpdf reads them
  std::vector<Diagnostic> object_warnings_;
  std::vector<std::optional<int>> scan_dpi_;  // per page, read on first use
  bool scan_dpi_read_ = false;
  // The document with its crop boxes widened to the media boxes, made on the
  // first page whose crop box is smaller (count_outside_crop_box).
  std::string uncropped_bytes_;
  std::unique_ptr<PopplerDocument> uncropped_;
  bool uncropped_tried_ = false;
};

}  // namespace

bool looks_like_pdf(const std::string& bytes) {
  // The header may follow some junk; readers accept it within the first KiB.
  std::size_t limit = std::min<std::size_t>(bytes.size(), 1024);
  return std::string_view(bytes.data(), limit).find("%PDF-") != std::string_view::npos;
}

std::string base_font_name(const std::string& name) {
  auto plus = name.find('+');
  if (plus == 6) return name.substr(7);
  return name;
}

bool font_name_is_bold(const std::string& name) {
  const std::string lower = lower_font_name(name);
  for (const char* w : {"bold", "black", "heavy", "semibold", "demi", "extrab"})
    if (lower.find(w) != std::string::npos) return true;
  return false;
}

bool font_name_is_italic(const std::string& name) {
  const std::string lower = lower_font_name(name);
  return lower.find("italic") != std::string::npos || lower.find("oblique") != std::string::npos;
}

Result<std::unique_ptr<DocumentSource>> open_pdf(const std::string& label, std::string bytes,
                                                 const std::vector<std::string>& passwords) {
  if (!looks_like_pdf(bytes) && !looks_like_headerless_pdf(bytes))
    return Failure{ErrorKind::not_pdf, {"not_pdf", label, 0, "not a PDF (no %PDF- header)"}};
  auto source = std::make_unique<PdfSource>(label, std::move(bytes));
  if (auto failure = source->open(passwords)) return *failure;
  return std::unique_ptr<DocumentSource>(std::move(source));
}

}  // namespace overleg
