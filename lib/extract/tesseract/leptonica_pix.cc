#include "extract/tesseract/leptonica_pix.h"

#include <leptonica/allheaders.h>

#include <cstdint>
#include <mutex>

namespace overleg::leptonica {
namespace {

void ignore_message(const char*) {}

}  // namespace

void PixDeleter::operator()(Pix* p) const {
  if (p) pixDestroy(&p);
}

PixPtr to_pix(const GrayImage& image) {
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

GrayImage from_pix(Pix* pix, int dpi) {
  PixPtr grey;
  if (pix && pixGetDepth(pix) == 1) {
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

void silence() {
  static std::once_flag once;
  std::call_once(once, [] {
    setMsgSeverity(L_SEVERITY_NONE);
    leptSetStderrHandler(ignore_message);
  });
}

}  // namespace overleg::leptonica
