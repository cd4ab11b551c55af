#include "extract/tesseract/leptonica_images.h"

#include <leptonica/allheaders.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>

#include "extract/image_source.h"  // kDefaultImageDpi
#include "extract/pdf_render.h"    // kMaxRenderPixels
#include "extract/render_limits.h"
#include "extract/tesseract/leptonica_pix.h"
#include "extract/tesseract/quiet_jpeg.h"

namespace overleg::leptonica {
namespace {

// Number of pages (directories) of a TIFF in memory. Leptonica counts from a
// FILE*, so the bytes are wrapped in one without copying them.
int tiff_page_count(const std::string& bytes) {
  FILE* fp = ::fmemopen(const_cast<char*>(bytes.data()), bytes.size(), "rb");
  if (!fp) return 0;
  l_int32 n = 0;
  if (tiffGetCount(fp, &n) != 0) n = 0;
  std::fclose(fp);
  return n;
}

// One decoded page: 8-bit grey without colormap, square pixels.
struct DecodedPage {
  PixPtr pix;
  int dpi = kDefaultImageDpi;
  std::string warning;  // the decoder's complaint, for the page's warnings
};

// Brings any Leptonica image to 8-bit grey on white: alpha is laid over white
// (a transparent background must not turn black), colormaps are resolved.
PixPtr to_grey8(Pix* pix) {
  PixPtr current(pixClone(pix));
  if (pixGetDepth(current.get()) == 32 && pixGetSpp(current.get()) == 4) {
    PixPtr blended(pixAlphaBlendUniform(current.get(), 0xffffff00));
    if (blended) current = std::move(blended);
  }
  if (pixGetDepth(current.get()) == 8 && !pixGetColormap(current.get())) return current;
  return PixPtr(pixConvertTo8(current.get(), 0));
}

class ImageSource : public DocumentSource {
 public:
  ImageSource(std::string label, std::string bytes, ImageKind kind, int pages, std::string note)
      : label_(std::move(label)), bytes_(std::move(bytes)), kind_(kind), pages_(pages), note_(std::move(note)) {}

  int page_count() const override { return pages_; }

  Page text_page(int index) override {
    Page page;
    page.number = index + 1;
    page.method = PageMethod::none;  // no text layer: the pipeline decides about OCR
    if (index == 0 && !note_.empty()) page.warnings.push_back({"image_repaired", label_, 0, note_});
    const DecodedPage* decoded = decode(index);
    if (!decoded) {
      page.warnings.push_back(
          {"page_unreadable", label_, page.number, undecoded_reason()});
      return page;
    }
    if (!decoded->warning.empty()) page.warnings.push_back({"image_damaged", label_, page.number, decoded->warning});
    page.width = pixGetWidth(decoded->pix.get()) * 72.0 / decoded->dpi;
    page.height = pixGetHeight(decoded->pix.get()) * 72.0 / decoded->dpi;
    return page;
  }

  Result<GrayImage> render(int index, int dpi) override {
    const DecodedPage* decoded = decode(index);
    if (!decoded)
      return Failure{
          ErrorKind::damaged,
          {"page_unreadable", label_, index + 1, undecoded_reason()}};
    Pix* pix = decoded->pix.get();
    int native = decoded->dpi;
    if (dpi <= 0) dpi = native;
    // Scale to the asked resolution, so that an image page is OCR'd like a
    // PDF page rendered at --dpi (Tesseract reads small type better when it
    // is scaled up to ~300 dpi; a 600-dpi scan costs 4x the time for nothing).
    // Within 2 % of it the native pixels are used as they are.
    double factor = static_cast<double>(dpi) / native;
    double w = pixGetWidth(pix), h = pixGetHeight(pix);
    if (w * h * factor * factor > static_cast<double>(kMaxRenderPixels))
      factor = std::sqrt(static_cast<double>(kMaxRenderPixels) / (w * h));
    PixPtr scaled;
    int out_dpi = native;
    if (std::abs(factor - 1.0) > 0.02) {
      scaled.reset(pixScale(pix, static_cast<float>(factor), static_cast<float>(factor)));
      if (!scaled)
        return Failure{ErrorKind::internal, {"page_render_failed", label_, index + 1, "image could not be scaled"}};
      pix = scaled.get();
      out_dpi = static_cast<int>(std::lround(native * factor));
    }
    return from_pix(pix, out_dpi);
  }

  std::optional<int> native_dpi(int index) override {
    const DecodedPage* decoded = decode(index);
    if (!decoded) return std::nullopt;
    return decoded->dpi;
  }

 private:
  // Why the last page asked for has no pixels.
  std::string undecoded_reason() const {
    return cached_.warning.empty() ? std::string(kind_name(kind_)) + " page could not be decoded" : cached_.warning;
  }

  // Decodes page `index`, keeping the last one: the pipeline asks for a
  // page's size and then for its pixels.
  const DecodedPage* decode(int index) {
    if (index < 0 || index >= pages_) return nullptr;
    if (cached_index_ == index) return cached_.pix ? &cached_ : nullptr;
    cached_index_ = index;
    cached_ = DecodedPage{};
    const auto* data = reinterpret_cast<const l_uint8*>(bytes_.data());
    PixPtr raw;
    JpegDecode jpeg = JpegDecode::not_here;
    if (kind_ == ImageKind::jpeg) {
      Pix* pix = nullptr;
      long warnings = 0;
      jpeg = decode_jpeg_quietly(bytes_, &pix, warnings);
      raw.reset(pix);
      if (warnings > 0)
        cached_.warning = "JPEG image data damaged (" + std::to_string(warnings) +
                          " decoder warnings): parts of the page may be grey";
    }
    if (kind_ == ImageKind::tiff && index > 0) {
      std::string why;
      if (!check_image_header(bytes_, kind_, index, why)) {
        cached_.warning = why;
        return nullptr;
      }
    }
    if (jpeg == JpegDecode::not_here)
      raw.reset(kind_ == ImageKind::tiff ? pixReadMemTiff(data, bytes_.size(), index)
                                         : pixReadMem(data, bytes_.size()));
    if (!raw) return nullptr;
    int xres = pixGetXRes(raw.get()), yres = pixGetYRes(raw.get());
    if (xres <= 0) xres = yres;
    if (yres <= 0) yres = xres;
    // Resolutions below 50 dpi are placeholders (72 or 1 written by tools
    // that do not know), not real scans: use the default.
    if (xres < 50 || yres < 50) xres = yres = kDefaultImageDpi;
    PixPtr grey = to_grey8(raw.get());
    if (!grey) return nullptr;
    raw.reset();
    if (xres != yres) {
      // Non-square pixels (fax modes): stretch vertically to square ones.
      PixPtr square(pixScale(grey.get(), 1.0f, static_cast<float>(xres) / yres));
      if (!square) return nullptr;
      grey = std::move(square);
    }
    cached_.pix = std::move(grey);
    cached_.dpi = xres;
    return &cached_;
  }

  std::string label_;
  std::string bytes_;
  ImageKind kind_;
  int pages_;
  std::string note_;  // what was repaired in the file, said once (page 1)
  int cached_index_ = -1;
  DecodedPage cached_;
};

}  // namespace

Result<std::unique_ptr<DocumentSource>> open_image(const std::string& label, std::string bytes) {
  ImageKind kind = image_kind(bytes);
  if (kind == ImageKind::none)
    return Failure{ErrorKind::not_pdf, {"not_pdf", label, 0, "not a PDF, PNG, TIFF or JPEG file"}};
  int pages = 1;
  std::string why, note;
  if (kind == ImageKind::png) {
    auto clean = clean_png(bytes, why);
    if (!clean) return Failure{ErrorKind::damaged, {"image_damaged", label, 0, why}};
    bytes = std::move(*clean);
  } else if (kind == ImageKind::jpeg) {
    int stray = 0;
    auto clean = clean_jpeg(bytes, why, stray);
    if (!clean) return Failure{ErrorKind::damaged, {"image_damaged", label, 0, why}};
    if (stray > 0) note = "JPEG: " + std::to_string(stray) + " stray bytes between segments left out";
    bytes = std::move(*clean);
  }
  if (kind == ImageKind::tiff) {
    pages = tiff_page_count(bytes);
    if (pages <= 0) return Failure{ErrorKind::damaged, {"image_damaged", label, 0, "damaged TIFF: no readable page"}};
  }
  // The size from the header, before any pixel is decoded: an "image bomb"
  // (a 281 KB PNG of 40000 x 40000 pixels) is refused here. A TIFF's other
  // pages are checked when they are decoded.
  if (!check_image_header(bytes, kind, 0, why)) {
    const bool large = why.rfind("image too large", 0) == 0;
    return Failure{ErrorKind::damaged, {large ? "image_too_large" : "image_damaged", label, 0, why}};
  }
  return std::unique_ptr<DocumentSource>(std::make_unique<ImageSource>(label, std::move(bytes), kind, pages, note));
}

bool check_image_header(const std::string& bytes, ImageKind kind, int page, std::string& why) {
  const auto* data = reinterpret_cast<const l_uint8*>(bytes.data());
  l_int32 format = 0, w = 0, h = 0, bps = 0, spp = 0, cmap = 0, res = 0;
  l_ok bad = kind == ImageKind::tiff ? readHeaderMemTiff(data, bytes.size(), page, &w, &h, &bps, &spp, &res, &cmap, &format)
                                     : pixReadHeaderMem(data, bytes.size(), &format, &w, &h, &bps, &spp, &cmap);
  if (bad != 0) {
    why = std::string("damaged ") + kind_name(kind) + ": cannot read its header";
    return false;
  }
  return image_within_limits(w, h, why);
}

}  // namespace overleg::leptonica
