#include "extract/pdf_render.h"

#include "extract/render_limits.h"

#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>

namespace overleg {
namespace {

Failure render_failure(const std::string& why) {
  return Failure{ErrorKind::damaged, {"page_render_failed", "", 0, "page could not be rendered: " + why}};
}

// Grey from ARGB32 (little-endian BGRA bytes), over white where transparent,
// with the Rec. 601 luma weights that pdftoppm -gray and Leptonica use.
std::uint8_t grey_of_argb(const unsigned char* p) {
  unsigned b = p[0], g = p[1], r = p[2], a = p[3];
  unsigned y = (299 * r + 587 * g + 114 * b + 500) / 1000;
  return static_cast<std::uint8_t>((y * a + 255 * (255 - a) + 127) / 255);
}

}  // namespace

Result<GrayImage> render_pdf_page(poppler::page& page, int dpi) {
  if (!poppler::page_renderer::can_render()) return render_failure("poppler was built without a renderer");
  if (dpi <= 0) dpi = 300;

  // The resolution is settled before poppler allocates anything: the caps of
  // render_limits.h on each side and on the area, from the page's size.
  poppler::rectf box = page.page_rect(poppler::crop_box);
  RenderPlan plan = plan_render(box.width(), box.height(), dpi);
  if (!plan.ok) return Failure{ErrorKind::damaged, {"page_not_rendered", "", 0, plan.refusal}};
  double effective = plan.dpi;

  poppler::page_renderer renderer;
  // pdftoppm's defaults (anti-aliased text and vectors): OCR should see the
  // same pixels as with `pdftoppm -r 300`. White paper, no transparency.
  renderer.set_render_hints(poppler::page_renderer::antialiasing | poppler::page_renderer::text_antialiasing);
  renderer.set_paper_color(0xffffffff);
  // Grey straight from Splash saves the 4-byte ARGB buffer and its conversion.
  renderer.set_image_format(poppler::image::format_gray8);

  poppler::image img = renderer.render_page(&page, effective, effective);
  if (!img.is_valid() || img.width() <= 0 || img.height() <= 0) return render_failure("renderer returned no image");

  GrayImage out;
  out.width = img.width();
  out.height = img.height();
  out.dpi = static_cast<int>(effective);
  if (!plan.warning.empty()) out.warnings.push_back({"render_dpi_lowered", "", 0, plan.warning});
  out.pixels.resize(static_cast<std::size_t>(out.width) * out.height);
  const char* data = img.const_data();
  int stride = img.bytes_per_row();
  for (int y = 0; y < out.height; ++y) {
    const auto* row = reinterpret_cast<const unsigned char*>(data + static_cast<std::ptrdiff_t>(y) * stride);
    std::uint8_t* dst = out.pixels.data() + static_cast<std::size_t>(y) * out.width;
    switch (img.format()) {
      case poppler::image::format_gray8:
        std::memcpy(dst, row, out.width);
        break;
      case poppler::image::format_argb32:
        for (int x = 0; x < out.width; ++x) dst[x] = grey_of_argb(row + 4 * x);
        break;
      case poppler::image::format_rgb24:  // stored as B,G,R bytes like argb32 without alpha
      case poppler::image::format_bgr24:
        for (int x = 0; x < out.width; ++x) {
          const unsigned char* p = row + 3 * x;
          unsigned b = p[0], g = p[1], r = p[2];
          if (img.format() == poppler::image::format_rgb24) std::swap(r, b);
          dst[x] = static_cast<std::uint8_t>((299 * r + 587 * g + 114 * b + 500) / 1000);
        }
        break;
      case poppler::image::format_mono:
        for (int x = 0; x < out.width; ++x) dst[x] = (row[x / 8] >> (7 - x % 8)) & 1 ? 255 : 0;
        break;
      default:
        return render_failure("unexpected image format");
    }
  }
  return out;
}

}  // namespace overleg
