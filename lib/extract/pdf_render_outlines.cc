#include "extract/pdf_render_outlines.h"

#include <leptonica/allheaders.h>
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <system_error>

#include "extract/image_source.h"  // silence_leptonica
#include "extract/render_limits.h"

namespace overleg {
namespace {

struct PixDeleter {
  void operator()(PIX* p) const { pixDestroy(&p); }
};
using PixPtr = std::unique_ptr<PIX, PixDeleter>;

// The label's type: Leptonica's bitmap font, generated from the strings
// compiled into the library (no font files), made once.
L_BMF* label_font() {
  static L_BMF* font = bmfCreate(nullptr, 4);  // Leptonica sizes are for 300 ppi: about 16 px tall
  return font;
}

// poppler's ARGB32 (little-endian B, G, R, A bytes; paper is opaque white)
// as Leptonica's 32-bit RGB words (0xRRGGBB00).
PixPtr to_pix(const poppler::image& img) {
  PixPtr pix(pixCreate(img.width(), img.height(), 32));
  if (!pix) return pix;
  l_uint32* data = pixGetData(pix.get());
  const int wpl = pixGetWpl(pix.get());
  for (int y = 0; y < img.height(); ++y) {
    const auto* row = reinterpret_cast<const unsigned char*>(img.const_data() + static_cast<std::ptrdiff_t>(y) * img.bytes_per_row());
    l_uint32* line = data + static_cast<std::ptrdiff_t>(y) * wpl;
    for (int x = 0; x < img.width(); ++x) {
      const unsigned char* p = row + 4 * x;
      composeRGBPixel(p[2], p[1], p[0], line + x);
    }
  }
  return pix;
}

void draw(PIX* pix, const PageOutline& o, double scale) {
  const l_int32 x = static_cast<l_int32>(o.box.x0 * scale), y = static_cast<l_int32>(o.box.y0 * scale);
  const l_int32 w = std::max<l_int32>(1, static_cast<l_int32>(o.box.width() * scale));
  const l_int32 h = std::max<l_int32>(1, static_cast<l_int32>(o.box.height() * scale));
  const l_uint8 r = (o.rgb >> 16) & 0xff, g = (o.rgb >> 8) & 0xff, b = o.rgb & 0xff;
  // The outline stands just outside the words so that it hides none.
  BOX* box = boxCreate(x - kOutlinePixels, y - kOutlinePixels, w + 2 * kOutlinePixels, h + 2 * kOutlinePixels);
  pixRenderBoxArb(pix, box, kOutlinePixels, r, g, b);
  boxDestroy(&box);
  if (L_BMF* font = label_font(); font && !o.label.empty()) {
    // Above the box when there is room, else inside its top.
    l_int32 baseline = y - kOutlinePixels - 2;
    if (baseline < font->baseline1 + 2) baseline = y + font->baseline1 + 2;
    pixSetTextline(pix, font, o.label.c_str(), (static_cast<l_uint32>(r) << 24) | (g << 16) | (b << 8),
                   std::max(0, x - kOutlinePixels), baseline, nullptr, nullptr);
  }
}

Failure failure(ErrorKind kind, const char* code, const std::string& label, int page, const std::string& why) {
  return Failure{kind, {code, label, page, why}};
}

}  // namespace

Result<std::vector<OutlinedPage>> write_outlined_pages(const std::string& label, const std::string& pdf,
                                                       const std::vector<PageOutline>& outlines,
                                                       const std::string& dir, int dpi) {
  silence_leptonica();
  if (!poppler::page_renderer::can_render())
    return failure(ErrorKind::damaged, "page_render_failed", label, 0, "poppler was built without a renderer");
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(pdf.data(), static_cast<int>(pdf.size())));
  if (!doc || doc->is_locked())
    return failure(ErrorKind::not_pdf, "not_pdf", label, 0, "--png draws the pages of a readable PDF only");
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
    PixPtr pix = to_pix(img);
    if (!pix) return failure(ErrorKind::damaged, "page_render_failed", label, i + 1, "no memory for the picture");
    for (const PageOutline& o : outlines)
      if (o.page == i + 1) draw(pix.get(), o, plan.dpi / 72.0);
    char name[32];
    std::snprintf(name, sizeof name, "page-%03d.png", i + 1);
    std::string path = (std::filesystem::path(dir) / name).string();
    if (pixWrite(path.c_str(), pix.get(), IFF_PNG) != 0)
      return failure(ErrorKind::io, "output_failed", path, i + 1, "cannot write the picture");
    written.push_back({i + 1, path, img.width(), img.height(), static_cast<int>(plan.dpi)});
  }
  return written;
}

}  // namespace overleg
