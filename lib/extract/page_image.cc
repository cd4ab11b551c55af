#include "extract/page_image.h"

#include <leptonica/allheaders.h>

#include <cmath>
#include <memory>

#include "extract/image_source.h"  // silence_leptonica

namespace overleg {
namespace {

struct PixDeleter {
  void operator()(Pix* p) const {
    if (p) pixDestroy(&p);
  }
};
using PixPtr = std::unique_ptr<Pix, PixDeleter>;

PixPtr to_pix(const GrayImage& image) {
  silence_leptonica();
  PixPtr pix(pixCreate(image.width, image.height, 8));
  if (!pix) return pix;
  pixSetResolution(pix.get(), image.dpi, image.dpi);
  l_uint32* data = pixGetData(pix.get());
  int wpl = pixGetWpl(pix.get());
  for (int y = 0; y < image.height; ++y) {
    l_uint32* line = data + static_cast<std::ptrdiff_t>(y) * wpl;
    const std::uint8_t* src = image.pixels.data() + static_cast<std::size_t>(y) * image.width;
    for (int x = 0; x < image.width; ++x) SET_DATA_BYTE(line, x, src[x]);
  }
  return pix;
}


bool usable(const GrayImage& image) {
  return image.width > 0 && image.height > 0 &&
         image.pixels.size() >= static_cast<std::size_t>(image.width) * image.height;
}

// Leptonica's skew search: lines are found on the page reduced 2x (the
// default; 4x missed the lean of small type on 150-dpi scans), over +-7
// degrees, which covers any page laid on a scanner by hand.
constexpr int kSkewSearchReduction = 2;

// Sauvola's window half-size in pixels at 300 dpi and its k factor. The
// window must be larger than a stroke and about a letter high so that the
// local mean is paper and ink; k = 0.34 is Leptonica's (and Sauvola's)
// suggested value for text. The window scales with the resolution.
constexpr int kSauvolaHalfWindowAt300 = 25;
constexpr float kSauvolaFactor = 0.34f;

}  // namespace

// An 8-bit grey Pix (1-bit: black on white) back into a GrayImage.
GrayImage from_pix(Pix* pix, int dpi) {
  PixPtr grey;
  if (pixGetDepth(pix) == 1) {
    grey.reset(pixConvert1To8(nullptr, pix, 255, 0));
    pix = grey.get();
  }
  GrayImage out;
  if (!pix || pixGetDepth(pix) != 8) return out;
  out.width = pixGetWidth(pix);
  out.height = pixGetHeight(pix);
  out.dpi = dpi;
  out.pixels.resize(static_cast<std::size_t>(out.width) * out.height);
  l_uint32* data = pixGetData(pix);
  int wpl = pixGetWpl(pix);
  for (int y = 0; y < out.height; ++y) {
    l_uint32* line = data + static_cast<std::ptrdiff_t>(y) * wpl;
    std::uint8_t* dst = out.pixels.data() + static_cast<std::size_t>(y) * out.width;
    for (int x = 0; x < out.width; ++x) dst[x] = static_cast<std::uint8_t>(GET_DATA_BYTE(line, x));
  }
  return out;
}

GrayImage turn_clockwise(const GrayImage& image, int degrees) {
  int quads = ((degrees % 360) + 360) % 360 / 90;
  if (quads == 0 || degrees % 90 != 0 || !usable(image)) return image;
  PixPtr pix = to_pix(image);
  if (!pix) return image;
  PixPtr turned(pixRotateOrth(pix.get(), quads));
  if (!turned) return image;
  return from_pix(turned.get(), image.dpi);
}

Deskewed deskew(const GrayImage& image) {
  Deskewed out;
  out.image = image;
  if (!usable(image)) return out;
  PixPtr pix = to_pix(image);
  if (!pix) return out;
  l_float32 angle = 0, confidence = 0;
  // It binarises an 8-bit page itself (threshold 130) for the search and
  // turns the grey page with area mapping, bringing in white at the edges;
  // it returns a copy unturned when the angle is small or the search unsure.
  PixPtr turned(pixFindSkewAndDeskew(pix.get(), kSkewSearchReduction, &angle, &confidence));
  if (!turned) return out;
  out.confidence = confidence;
  if (std::abs(angle) < kMinDeskewDegrees || confidence <= 0) return out;
  GrayImage straight = from_pix(turned.get(), image.dpi);
  if (!usable(straight)) return out;
  out.image = std::move(straight);
  out.degrees = angle;
  return out;
}

GrayImage clean_poor_scan(const GrayImage& image) {
  if (!usable(image)) return image;
  PixPtr pix = to_pix(image);
  if (!pix) return image;
  PixPtr level(pixBackgroundNormSimple(pix.get(), nullptr, nullptr));
  if (!level) return image;
  int half = std::max(7, static_cast<int>(std::lround(kSauvolaHalfWindowAt300 * image.dpi / 300.0)));
  Pix* binary = nullptr;
  // Tiles keep Sauvola's integral images small on a big page.
  if (pixSauvolaBinarizeTiled(level.get(), half, kSauvolaFactor, 2, 2, nullptr, &binary) != 0 || !binary)
    return image;
  PixPtr owned(binary);
  GrayImage out = from_pix(owned.get(), image.dpi);
  return usable(out) ? out : image;
}

}  // namespace overleg
