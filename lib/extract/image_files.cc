#include "extract/image_files.h"

#include <array>
#include <cstdint>
#include <cstring>

namespace overleg {
namespace {

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

}  // namespace

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
}  // namespace overleg
