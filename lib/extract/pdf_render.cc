#include "extract/pdf_render.h"

#include "extract/render_limits.h"

#include <PDFDoc.h>
#include <SplashOutputDev.h>
#include <splash/SplashBitmap.h>

#include <cstring>
#include <optional>

namespace overleg {
namespace {

Failure render_failure(const std::string& why) {
  return Failure{ErrorKind::damaged, {"page_render_failed", "", 0, "page could not be rendered: " + why}};
}

}  // namespace

bool draw_pdf_page(const PopplerDocument& doc, int index, double dpi, bool color,
                   const std::function<void(const SplashPixels&)>& use) {
  if (!doc.page_boxes(index)) return false;
  // What poppler-cpp's page_renderer does with pdftoppm's defaults
  // (anti-aliased text and vectors, no hinting): OCR should see the same
  // pixels as with `pdftoppm -r 300`. White paper. Grey straight from
  // Splash (Mono8) saves a 4-byte buffer and its conversion; colour is
  // XBGR8, which is ARGB32 in memory.
  SplashColor paper;
  paper[0] = paper[1] = paper[2] = paper[3] = 0xff;
  SplashOutputDev device(color ? splashModeXBGR8 : splashModeMono8, 4, false, paper, true, splashThinLineDefault);
  device.setFontAntialias(true);
  device.setVectorAntialias(true);
  device.setFreeTypeHinting(false, false);
  device.startDoc(&doc.pdf());
  doc.pdf().displayPageSlice(&device, index + 1, dpi, dpi, 0, false, true, false, -1, -1, -1, -1, nullptr, nullptr,
                             nullptr, nullptr, true);
  const SplashBitmap* bitmap = device.getBitmap();
  if (!bitmap || bitmap->getWidth() <= 0 || bitmap->getHeight() <= 0 || !bitmap->getDataPtr()) return false;
  use({bitmap->getDataPtr(), bitmap->getWidth(), bitmap->getHeight(), bitmap->getRowSize()});
  return true;
}

Result<GrayImage> render_pdf_page(const PopplerDocument& doc, int index, int dpi) {
  if (dpi <= 0) dpi = 300;
  std::optional<PopplerPageBoxes> boxes = doc.page_boxes(index);
  if (!boxes) return render_failure("poppler cannot read the page");

  // The resolution is settled before poppler allocates anything: the caps of
  // render_limits.h on each side and on the area, from the page's size.
  RenderPlan plan = plan_render(boxes->crop_box.width, boxes->crop_box.height, dpi);
  if (!plan.ok) return Failure{ErrorKind::damaged, {"page_not_rendered", "", 0, plan.refusal}};

  GrayImage out;
  out.dpi = static_cast<int>(plan.dpi);
  if (!plan.warning.empty()) out.warnings.push_back({"render_dpi_lowered", "", 0, plan.warning});
  const bool drawn = draw_pdf_page(doc, index, plan.dpi, false, [&out](const SplashPixels& pixels) {
    out.width = pixels.width;
    out.height = pixels.height;
    out.pixels.resize(static_cast<std::size_t>(out.width) * out.height);
    for (int y = 0; y < out.height; ++y)
      std::memcpy(out.pixels.data() + static_cast<std::size_t>(y) * out.width,
                  pixels.data + static_cast<std::ptrdiff_t>(y) * pixels.stride, out.width);
  });
  if (!drawn) return render_failure("renderer returned no image");
  return out;
}

}  // namespace overleg
