#include "extract/page_image.h"

#include <algorithm>
#include <cmath>

#include "extract/ocr_module_loader.h"
#include "extract/tesseract/ocr_module.h"

namespace overleg {

// The Leptonica work is the OCR module's (tesseract/leptonica_pages.cc).
// Without the module (never on the pipeline's path: a page reaches these
// only with an engine made from the module) each does nothing: the page as
// it is, no turn known, no fill or tint found.

Deskewed deskew(const GrayImage& image) {
  if (const OcrModule* m = ocr_module()) return m->images.deskew(image);
  Deskewed out;
  out.image = image;
  return out;
}

std::optional<int> likely_turn(const GrayImage& image) {
  if (const OcrModule* m = ocr_module()) return m->images.likely_turn(image);
  return std::nullopt;
}

std::vector<PixelRect> find_dark_fills(const GrayImage& image) {
  if (const OcrModule* m = ocr_module()) return m->images.find_dark_fills(image);
  return {};
}

std::vector<TintedArea> find_tinted_areas(const GrayImage& image) {
  if (const OcrModule* m = ocr_module()) return m->images.find_tinted_areas(image);
  return {};
}

GrayImage clean_poor_scan(const GrayImage& image) {
  if (const OcrModule* m = ocr_module()) return m->images.clean_poor_scan(image);
  return image;
}

// A quarter turn is a permutation of the pixels: plain C++, the same bytes
// as Leptonica's pixRotateOrth, and no module needed.
GrayImage turn_clockwise(const GrayImage& image, int degrees) {
  const int quads = ((degrees % 360) + 360) % 360 / 90;
  if (quads == 0 || degrees % 90 != 0 || !usable_image(image)) return image;
  const int w = image.width, h = image.height;
  GrayImage out;
  out.dpi = image.dpi;
  out.width = quads == 2 ? w : h;
  out.height = quads == 2 ? h : w;
  out.pixels.resize(static_cast<std::size_t>(w) * h);
  const std::uint8_t* src = image.pixels.data();
  std::uint8_t* dst = out.pixels.data();
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      // Where source pixel (x, y) lands in the turned image.
      int tx = x, ty = y;
      if (quads == 1) tx = h - 1 - y, ty = x;
      if (quads == 2) tx = w - 1 - x, ty = h - 1 - y;
      if (quads == 3) tx = y, ty = w - 1 - x;
      dst[static_cast<std::size_t>(ty) * out.width + tx] = src[static_cast<std::size_t>(y) * w + x];
    }
  return out;
}

std::vector<Shape> painted_shapes(const GrayImage& image, const std::vector<PixelRect>& dark_fills) {
  std::vector<Shape> shapes;
  if (!usable_image(image) || image.dpi <= 0) return shapes;
  const double to_points = 72.0 / image.dpi;
  auto shape = [&](const PixelRect& r, int level) {
    Shape s;
    s.bbox = {r.x0 * to_points, r.y0 * to_points, r.x1 * to_points, r.y1 * to_points};
    s.fill = (level << 16) | (level << 8) | level;
    s.rectangle = true;
    return s;
  };
  for (const TintedArea& a : find_tinted_areas(image)) shapes.push_back(shape(a.rect, a.level));
  // Dark fills over the tints (a bar in a sidebar is painted over it).
  for (const PixelRect& r : dark_fills) {
    std::size_t sum = 0;
    for (int y = r.y0; y < r.y1; ++y)
      for (int x = r.x0; x < r.x1; ++x) sum += image.pixels[static_cast<std::size_t>(y) * image.width + x];
    std::size_t n = static_cast<std::size_t>(r.x1 - r.x0) * (r.y1 - r.y0);
    if (n) shapes.push_back(shape(r, static_cast<int>(sum / n)));
  }
  return shapes;
}

GrayImage inverted_fill(const GrayImage& image, const PixelRect& r) {
  GrayImage out;
  if (!usable_image(image) || r.x1 <= r.x0 || r.y1 <= r.y0 || r.x0 < 0 || r.y0 < 0 || r.x1 > image.width ||
      r.y1 > image.height)
    return out;
  // The fill's own level (its dark pixels' mean) becomes white, not the mid
  // grey of its complement, which Tesseract may take for a picture.
  std::size_t dark_px = 0, dark_sum = 0;
  for (int y = r.y0; y < r.y1; ++y)
    for (int x = r.x0; x < r.x1; ++x) {
      const std::uint8_t v = image.pixels[static_cast<std::size_t>(y) * image.width + x];
      if (v < kDarkFillLevel) ++dark_px, dark_sum += v;
    }
  const double fill = dark_px ? static_cast<double>(dark_sum) / static_cast<double>(dark_px) : 0.0;
  const double stretch = 255.0 / std::max(1.0, 255.0 - fill);
  const int margin = inverted_fill_margin(image.dpi);
  out.dpi = image.dpi;
  out.width = r.x1 - r.x0 + 2 * margin;
  out.height = r.y1 - r.y0 + 2 * margin;
  out.pixels.assign(static_cast<std::size_t>(out.width) * out.height, 255);
  for (int y = r.y0; y < r.y1; ++y)
    for (int x = r.x0; x < r.x1; ++x) {
      const std::uint8_t v = image.pixels[static_cast<std::size_t>(y) * image.width + x];
      out.pixels[static_cast<std::size_t>(y - r.y0 + margin) * out.width + (x - r.x0 + margin)] =
          static_cast<std::uint8_t>(std::lround(std::min(255.0, (255 - v) * stretch)));
    }
  return out;
}

int inverted_fill_margin(int dpi) { return std::max(4, dpi / 10); }

}  // namespace overleg
