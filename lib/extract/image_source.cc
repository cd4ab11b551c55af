#include "extract/image_source.h"

#include <dlfcn.h>
#include <leptonica/allheaders.h>

#include <csetjmp>
#include <cstdio>
// libjpeg's types only: its functions are looked up at run time (see
// QuietJpeg), so that the library needs no link dependency of its own.
#include <jpeglib.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <optional>

#include "extract/pdf_render.h"  // kMaxRenderPixels

namespace overleg {
namespace {

enum class ImageKind { none, png, jpeg, tiff };

ImageKind image_kind(const std::string& b) {
  auto starts = [&](const char* magic, std::size_t n) { return b.size() >= n && std::memcmp(b.data(), magic, n) == 0; };
  if (starts("\x89PNG\r\n\x1a\n", 8)) return ImageKind::png;
  if (starts("\xFF\xD8\xFF", 3)) return ImageKind::jpeg;
  // Classic TIFF (II*\0, MM\0*) and BigTIFF (II+\0, MM\0+).
  if (starts("II*\0", 4) || starts("MM\0*", 4) || starts("II+\0", 4) || starts("MM\0+", 4)) return ImageKind::tiff;
  return ImageKind::none;
}

const char* kind_name(ImageKind k) {
  switch (k) {
    case ImageKind::png:
      return "PNG";
    case ImageKind::jpeg:
      return "JPEG";
    case ImageKind::tiff:
      return "TIFF";
    default:
      return "image";
  }
}

void ignore_message(const char*) {}

// --- Checking PNG and JPEG files before Leptonica sees them. Leptonica hands
// them to libpng and libjpeg with those libraries' default message handlers,
// which print to stderr ("libpng error: ...", "Corrupt JPEG data: ...") and
// cannot be replaced through Leptonica. So a damaged file is refused here,
// with a diagnostic, and the chunks that make libpng warn about valid files
// (colour profiles, text) are left out; what Leptonica decodes is then clean.
// Only a file whose structure and checksums are right but whose compressed
// data is corrupt can still make the codec speak.

std::uint32_t be32(const std::string& b, std::size_t at) {
  return (std::uint32_t(std::uint8_t(b[at])) << 24) | (std::uint32_t(std::uint8_t(b[at + 1])) << 16) |
         (std::uint32_t(std::uint8_t(b[at + 2])) << 8) | std::uint32_t(std::uint8_t(b[at + 3]));
}

std::uint32_t crc32(const char* data, std::size_t n) {
  static const auto table = [] {
    std::array<std::uint32_t, 256> t{};
    for (std::uint32_t i = 0; i < 256; ++i) {
      std::uint32_t c = i;
      for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      t[i] = c;
    }
    return t;
  }();
  std::uint32_t c = 0xFFFFFFFFu;
  for (std::size_t i = 0; i < n; ++i) c = table[(c ^ std::uint8_t(data[i])) & 0xFF] ^ (c >> 8);
  return c ^ 0xFFFFFFFFu;
}

// The PNG with only the chunks a scan's pixels need, every chunk's CRC
// checked; or the reason it is refused.
std::optional<std::string> clean_png(const std::string& b, std::string& why) {
  std::string out = b.substr(0, 8);
  std::size_t pos = 8;
  bool header = false, data = false;
  while (true) {
    if (pos + 12 > b.size()) {
      why = "truncated PNG";
      return std::nullopt;
    }
    std::uint32_t len = be32(b, pos);
    std::string type = b.substr(pos + 4, 4);
    if (len > b.size() || pos + 12 + len > b.size()) {
      why = "truncated PNG (in chunk " + type + ")";
      return std::nullopt;
    }
    if (crc32(b.data() + pos + 4, 4 + len) != be32(b, pos + 8 + len)) {
      why = "damaged PNG (checksum of chunk " + type + ")";
      return std::nullopt;
    }
    if (!header && type != "IHDR") {
      why = "damaged PNG (no IHDR first)";
      return std::nullopt;
    }
    header = true;
    data = data || type == "IDAT";
    if (type == "IHDR" || type == "PLTE" || type == "tRNS" || type == "pHYs" || type == "IDAT" || type == "IEND")
      out.append(b, pos, 12 + len);
    pos += 12 + len;
    if (type == "IEND") break;
  }
  if (!data) {
    why = "damaged PNG (no image data)";
    return std::nullopt;
  }
  return out;
}

// The JPEG with stray bytes between its segments left out (libjpeg warns
// about them), its marker structure checked up to the end-of-image marker;
// or the reason it is refused.
std::optional<std::string> clean_jpeg(const std::string& b, std::string& why, int& stray) {
  auto byte = [&](std::size_t i) { return std::uint8_t(b[i]); };
  std::string out = b.substr(0, 2);  // SOI
  std::size_t pos = 2;
  stray = 0;
  while (true) {
    // Junk before the next marker: skip it.
    while (pos < b.size() && byte(pos) != 0xFF) ++pos, ++stray;
    while (pos + 1 < b.size() && byte(pos + 1) == 0xFF) ++pos;  // fill bytes
    if (pos + 1 >= b.size()) {
      why = "truncated JPEG (no end-of-image marker)";
      return std::nullopt;
    }
    std::uint8_t marker = byte(pos + 1);
    if (marker == 0xD9) {
      out.append("\xFF\xD9", 2);
      return out;
    }
    if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {  // no length
      out.append(b, pos, 2);
      pos += 2;
      continue;
    }
    if (marker == 0x00 || marker == 0xD8) {
      why = "damaged JPEG (unexpected marker)";
      return std::nullopt;
    }
    if (pos + 4 > b.size()) {
      why = "truncated JPEG";
      return std::nullopt;
    }
    std::size_t len = (std::size_t(byte(pos + 2)) << 8) | byte(pos + 3);
    if (len < 2 || pos + 2 + len > b.size()) {
      why = "truncated JPEG";
      return std::nullopt;
    }
    std::size_t end = pos + 2 + len;
    if (marker == 0xDA) {
      // Entropy-coded data runs to the next marker other than a stuffed
      // 0xFF00 or a restart marker.
      while (end + 1 < b.size() &&
             !(byte(end) == 0xFF && byte(end + 1) != 0x00 && !(byte(end + 1) >= 0xD0 && byte(end + 1) <= 0xD7)))
        ++end;
      if (end + 1 >= b.size()) {
        why = "truncated JPEG (image data cut off)";
        return std::nullopt;
      }
    }
    out.append(b, pos, end - pos);
    pos = end;
  }
}

// --- Decoding JPEGs without libjpeg's voice. libjpeg reports damaged data
// ("Corrupt JPEG data: premature end of data segment") through an error
// manager that prints to stderr; Leptonica uses libjpeg's default one, and
// this is the one message a clean marker structure cannot rule out. So a
// JPEG is decoded here with libjpeg itself and an error manager that counts
// warnings instead. libjpeg is already in the process (Leptonica, poppler and
// Tesseract link it); its functions are looked up with dlsym, so the library
// needs no link dependency of its own. Without them (not expected) Leptonica
// decodes the file. CMYK JPEGs also go to Leptonica: libjpeg does not turn
// them into grey.
struct QuietJpeg {
  decltype(&jpeg_std_error) std_error = nullptr;
  decltype(&jpeg_CreateDecompress) create = nullptr;
  decltype(&jpeg_mem_src) mem_src = nullptr;
  decltype(&jpeg_read_header) read_header = nullptr;
  decltype(&jpeg_start_decompress) start = nullptr;
  decltype(&jpeg_read_scanlines) read_scanlines = nullptr;
  decltype(&jpeg_finish_decompress) finish = nullptr;
  decltype(&jpeg_destroy_decompress) destroy = nullptr;

  bool available() const {
    return std_error && create && mem_src && read_header && start && read_scanlines && finish && destroy;
  }
  static const QuietJpeg& get() {
    static const QuietJpeg api = [] {
      QuietJpeg a;
      auto find = [](auto& fn, const char* name) {
        fn = reinterpret_cast<std::decay_t<decltype(fn)>>(::dlsym(RTLD_DEFAULT, name));
      };
      find(a.std_error, "jpeg_std_error");
      find(a.create, "jpeg_CreateDecompress");
      find(a.mem_src, "jpeg_mem_src");
      find(a.read_header, "jpeg_read_header");
      find(a.start, "jpeg_start_decompress");
      find(a.read_scanlines, "jpeg_read_scanlines");
      find(a.finish, "jpeg_finish_decompress");
      find(a.destroy, "jpeg_destroy_decompress");
      return a;
    }();
    return api;
  }
};

struct QuietJpegError {
  jpeg_error_mgr mgr;
  std::jmp_buf jump;
};

extern "C" void quiet_jpeg_error_exit(j_common_ptr cinfo) {
  std::longjmp(reinterpret_cast<QuietJpegError*>(cinfo->err)->jump, 1);
}
// Warnings (level -1) are counted by libjpeg in num_warnings; trace messages
// are dropped; nothing is written.
extern "C" void quiet_jpeg_emit(j_common_ptr cinfo, int level) {
  if (level < 0) ++cinfo->err->num_warnings;
}
extern "C" void quiet_jpeg_output(j_common_ptr) {}

enum class JpegDecode { done, failed, not_here };

// Decodes `bytes` into an 8-bit grey Pix with the JFIF resolution; counts
// libjpeg's warnings in `warnings`. not_here: leave it to Leptonica.
JpegDecode decode_jpeg_quietly(const std::string& bytes, Pix** out, long& warnings) {
  const QuietJpeg& api = QuietJpeg::get();
  if (!api.available()) return JpegDecode::not_here;
  // Everything the error path touches lives before setjmp, and nothing with
  // a destructor is created between setjmp and the end of decoding.
  jpeg_decompress_struct cinfo{};
  QuietJpegError err{};
  std::vector<JSAMPLE> row;
  Pix* volatile pix = nullptr;
  volatile bool created = false;
  cinfo.err = api.std_error(&err.mgr);
  err.mgr.error_exit = quiet_jpeg_error_exit;
  err.mgr.emit_message = quiet_jpeg_emit;
  err.mgr.output_message = quiet_jpeg_output;
  if (setjmp(err.jump)) {
    warnings = err.mgr.num_warnings;
    Pix* partial = pix;
    if (partial) pixDestroy(&partial);
    if (created) api.destroy(&cinfo);
    return JpegDecode::failed;
  }
  api.create(&cinfo, JPEG_LIB_VERSION, sizeof cinfo);
  created = true;
  api.mem_src(&cinfo, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  api.read_header(&cinfo, TRUE);
  if (cinfo.jpeg_color_space == JCS_CMYK || cinfo.jpeg_color_space == JCS_YCCK) {
    api.destroy(&cinfo);
    return JpegDecode::not_here;
  }
  cinfo.out_color_space = JCS_GRAYSCALE;
  api.start(&cinfo);
  pix = pixCreate(static_cast<l_int32>(cinfo.output_width), static_cast<l_int32>(cinfo.output_height), 8);
  if (!pix) {
    api.destroy(&cinfo);
    return JpegDecode::failed;
  }
  row.resize(cinfo.output_width);
  l_uint32* data = pixGetData(pix);
  int wpl = pixGetWpl(pix);
  while (cinfo.output_scanline < cinfo.output_height) {
    JSAMPROW rows[1] = {row.data()};
    JDIMENSION y = cinfo.output_scanline;
    if (api.read_scanlines(&cinfo, rows, 1) != 1) break;
    l_uint32* line = data + static_cast<std::ptrdiff_t>(y) * wpl;
    for (JDIMENSION x = 0; x < cinfo.output_width; ++x) SET_DATA_BYTE(line, x, row[x]);
  }
  if (cinfo.density_unit == 1) pixSetResolution(pix, cinfo.X_density, cinfo.Y_density);
  if (cinfo.density_unit == 2)
    pixSetResolution(pix, std::lround(cinfo.X_density * 2.54), std::lround(cinfo.Y_density * 2.54));
  api.finish(&cinfo);
  api.destroy(&cinfo);
  warnings = err.mgr.num_warnings;
  *out = pix;
  return JpegDecode::done;
}

// Owns a Pix.
struct PixDeleter {
  void operator()(Pix* p) const {
    if (p) pixDestroy(&p);
  }
};
using PixPtr = std::unique_ptr<Pix, PixDeleter>;

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
          {"page_unreadable", label_, page.number, std::string(kind_name(kind_)) + " page could not be decoded"});
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
          {"page_unreadable", label_, index + 1, std::string(kind_name(kind_)) + " page could not be decoded"}};
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
    GrayImage out;
    out.width = pixGetWidth(pix);
    out.height = pixGetHeight(pix);
    out.dpi = out_dpi;
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

  std::optional<int> native_dpi(int index) override {
    const DecodedPage* decoded = decode(index);
    if (!decoded) return std::nullopt;
    return decoded->dpi;
  }

 private:
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

void silence_leptonica() {
  static std::once_flag once;
  std::call_once(once, [] {
    setMsgSeverity(L_SEVERITY_NONE);
    leptSetStderrHandler(ignore_message);
  });
}

bool looks_like_image(const std::string& bytes) { return image_kind(bytes) != ImageKind::none; }

Result<std::unique_ptr<DocumentSource>> open_image(const std::string& label, std::string bytes) {
  silence_leptonica();
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
  } else {
    l_int32 format = 0, w = 0, h = 0, bps = 0, spp = 0, cmap = 0;
    if (pixReadHeaderMem(reinterpret_cast<const l_uint8*>(bytes.data()), bytes.size(), &format, &w, &h, &bps, &spp,
                         &cmap) != 0 ||
        w <= 0 || h <= 0)
      return Failure{
          ErrorKind::damaged,
          {"image_damaged", label, 0, std::string("damaged ") + kind_name(kind) + ": cannot read its header"}};
  }
  return std::unique_ptr<DocumentSource>(std::make_unique<ImageSource>(label, std::move(bytes), kind, pages, note));
}

}  // namespace overleg
