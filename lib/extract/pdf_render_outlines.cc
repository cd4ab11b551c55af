#include "extract/pdf_render_outlines.h"

#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <system_error>

#include "extract/ocr_module_loader.h"
#include "extract/pdf_render.h"
#include "extract/poppler_document.h"
#include "extract/render_limits.h"
#include "extract/tesseract/ocr_module.h"

namespace overleg {
namespace {

Failure failure(ErrorKind kind, const char* code, const std::string& label, int page, const std::string& why) {
  return Failure{kind, {code, label, page, why}};
}

}  // namespace

Result<std::vector<OutlinedPage>> write_outlined_pages(const std::string& label, const std::string& pdf,
                                                       const std::vector<PageOutline>& outlines,
                                                       const std::string& dir, int dpi) {
  std::vector<std::string> messages;  // poppler's, not printed: inspect has shown the record's
  PopplerMessages collect(messages);
  std::unique_ptr<PopplerDocument> doc = PopplerDocument::open(pdf);
  if (!doc || doc->locked())
    return failure(ErrorKind::not_pdf, "not_pdf", label, 0, "--png draws the pages of a readable PDF only");
  // Drawing and writing the PNG are Leptonica's, in the OCR module
  // (tesseract/outline_drawing.cc); poppler renders here.
  const OcrModule* module = ocr_module();
  if (!module) return ocr_module_missing(label);
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return failure(ErrorKind::io, "output_failed", dir, 0, "cannot make the folder: " + ec.message());
  std::vector<OutlinedPage> written;
  for (int i = 0; i < doc->page_count(); ++i) {
    std::optional<PopplerPageBoxes> boxes = doc->page_boxes(i);
    if (!boxes) return failure(ErrorKind::damaged, "page_unreadable", label, i + 1, "page could not be read");
    RenderPlan plan = plan_render(boxes->crop_box.width, boxes->crop_box.height, dpi);
    if (!plan.ok) return failure(ErrorKind::damaged, "page_not_rendered", label, i + 1, plan.refusal);
    std::vector<PageOutline> on_page;
    for (const PageOutline& o : outlines)
      if (o.page == i + 1) on_page.push_back(o);
    char name[32];
    std::snprintf(name, sizeof name, "page-%03d.png", i + 1);
    std::string path = (std::filesystem::path(dir) / name).string();
    OutlineWrite result = OutlineWrite::not_written;
    int width = 0, height = 0;
    if (!draw_pdf_page(*doc, i, plan.dpi, true, [&](const SplashPixels& pixels) {
          width = pixels.width;
          height = pixels.height;
          const ArgbPage page{reinterpret_cast<const char*>(pixels.data), pixels.width, pixels.height, pixels.stride};
          result = module->images.write_outlined_png(page, on_page, plan.dpi / 72.0, path);
        }))
      return failure(ErrorKind::damaged, "page_render_failed", label, i + 1, "page could not be rendered");
    switch (result) {
      case OutlineWrite::written:
        break;
      case OutlineWrite::no_memory:
        return failure(ErrorKind::damaged, "page_render_failed", label, i + 1, "no memory for the picture");
      case OutlineWrite::not_written:
        return failure(ErrorKind::io, "output_failed", path, i + 1, "cannot write the picture");
    }
    written.push_back({i + 1, path, width, height, static_cast<int>(plan.dpi)});
  }
  return written;
}

}  // namespace overleg
