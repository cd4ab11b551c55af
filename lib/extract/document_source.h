// DocumentSource: one opened input document, page by page: the words of a
// page's text layer, and the page as pixels for OCR. PDFs come through poppler
// (pdf_source.h), scans as PNG/TIFF/JPEG through Leptonica (image_source.h);
// tests use hand-made fakes. An instance is used by one thread at a time.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/diagnostic.h"
#include "model/page.h"

namespace overleg {

/// An 8-bit grey image, rows top to bottom, `width` bytes per row.
struct GrayImage {
  int width = 0;
  int height = 0;
  int dpi = 300;  ///< pixels per inch: maps pixels back to page points
  std::vector<std::uint8_t> pixels;
  std::vector<Diagnostic> warnings;  ///< what the render gave up or met (lower dpi, damaged images)
};

class DocumentSource {
 public:
  virtual ~DocumentSource() = default;
  virtual int page_count() const = 0;
  /// Page `index` (0-based) with its size, text-layer words and links; a page
  /// without a text layer has no boxes. Never throws; problems go to warnings.
  virtual Page text_page(int index) = 0;
  /// Page `index` rendered at `dpi` for OCR.
  virtual Result<GrayImage> render(int index, int dpi) = 0;
  /// The resolution page `index` was scanned at, when the source knows it (an
  /// image file; a PDF page that is one image); nullopt otherwise.
  virtual std::optional<int> native_dpi(int index) {
    (void)index;
    return std::nullopt;
  }
};

/// Opens `bytes` as a PDF or, failing that, as a PNG/TIFF/JPEG image; `label`
/// names the input in diagnostics; `passwords` are tried on an encrypted PDF.
/// Fails with not_pdf, damaged or encrypted.
Result<std::unique_ptr<DocumentSource>> open_document(const std::string& label, std::string bytes,
                                                      const std::vector<std::string>& passwords = {});

}  // namespace overleg
