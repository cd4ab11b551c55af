#include "extract/tesseract/outline_drawing.h"

#include <leptonica/allheaders.h>

#include <algorithm>
#include <cstdint>

#include "extract/tesseract/leptonica_pix.h"

namespace overleg::leptonica {
namespace {

// The label's type: Leptonica's bitmap font, generated from the strings
// compiled into the library (no font files), made once.
L_BMF* label_font() {
  static L_BMF* font = bmfCreate(nullptr, 4);  // Leptonica sizes are for 300 ppi: about 16 px tall
  return font;
}

// poppler's ARGB32 (little-endian B, G, R, A bytes; paper is opaque white)
// as Leptonica's 32-bit RGB words (0xRRGGBB00).
PixPtr to_pix(const ArgbPage& page) {
  PixPtr pix(pixCreate(page.width, page.height, 32));
  if (!pix) return pix;
  l_uint32* data = pixGetData(pix.get());
  const int wpl = pixGetWpl(pix.get());
  for (int y = 0; y < page.height; ++y) {
    const auto* row = reinterpret_cast<const unsigned char*>(page.data + static_cast<std::ptrdiff_t>(y) * page.bytes_per_row);
    l_uint32* line = data + static_cast<std::ptrdiff_t>(y) * wpl;
    for (int x = 0; x < page.width; ++x) {
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

}  // namespace

OutlineWrite write_outlined_png(const ArgbPage& page, const std::vector<PageOutline>& outlines, double scale,
                                const std::string& path) {
  PixPtr pix = to_pix(page);
  if (!pix) return OutlineWrite::no_memory;
  for (const PageOutline& o : outlines) draw(pix.get(), o, scale);
  return pixWrite(path.c_str(), pix.get(), IFF_PNG) == 0 ? OutlineWrite::written : OutlineWrite::not_written;
}

}  // namespace overleg::leptonica
