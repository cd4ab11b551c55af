#include "extract/pdf_render_outlines.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <system_error>

#include "extract/ocr_module_loader.h"
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
  if (!poppler::page_renderer::can_render())
    return failure(ErrorKind::damaged, "page_render_failed", label, 0, "poppler was built without a renderer");
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(pdf.data(), static_cast<int>(pdf.size())));
  if (!doc || doc->is_locked())
    return failure(ErrorKind::not_pdf, "not_pdf", label, 0, "--png draws the pages of a readable PDF only");
  // Drawing and writing the PNG are Leptonica's, in the OCR module
  // (tesseract/outline_drawing.cc); poppler renders here.
  const OcrModule* module = ocr_module();
  if (!module) return ocr_module_missing(label);
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return failure(ErrorKind::io, "output_failed", dir, 0, "cannot make the folder: " + ec.message());
  std::vector<OutlinedPage> written;
  for (int i = 0; i < doc->pages(); ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    if (!page) return failure(ErrorKind::damaged, "page_unreadable", label, i + 1, "page could not be read");
    poppler::rectf crop = page->page_rect(poppler::crop_box);
    RenderPlan plan = plan_render(crop.width(), crop.height(), dpi);
    if (!plan.ok) return failure(ErrorKind::damaged, "page_not_rendered", label, i + 1, plan.refusal);
    poppler::page_renderer renderer;
    renderer.set_render_hints(poppler::page_renderer::antialiasing | poppler::page_renderer::text_antialiasing);
    renderer.set_paper_color(0xffffffff);
    renderer.set_image_format(poppler::image::format_argb32);
    poppler::image img = renderer.render_page(page.get(), plan.dpi, plan.dpi);
    if (!img.is_valid() || img.format() != poppler::image::format_argb32)
      return failure(ErrorKind::damaged, "page_render_failed", label, i + 1, "page could not be rendered");
    std::vector<PageOutline> on_page;
    for (const PageOutline& o : outlines)
      if (o.page == i + 1) on_page.push_back(o);
    char name[32];
    std::snprintf(name, sizeof name, "page-%03d.png", i + 1);
    std::string path = (std::filesystem::path(dir) / name).string();
    const ArgbPage pixels{img.const_data(), img.width(), img.height(), img.bytes_per_row()};
    switch (module->images.write_outlined_png(pixels, on_page, plan.dpi / 72.0, path)) {
      case OutlineWrite::written:
        break;
      case OutlineWrite::no_memory:
        return failure(ErrorKind::damaged, "page_render_failed", label, i + 1, "no memory for the picture");
      case OutlineWrite::not_written:
        return failure(ErrorKind::io, "output_failed", path, i + 1, "cannot write the picture");
    }
    written.push_back({i + 1, path, img.width(), img.height(), static_cast<int>(plan.dpi)});
  }
  return written;
}

}  // namespace overleg
