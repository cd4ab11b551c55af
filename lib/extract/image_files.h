// Image files before decoding: what kind a file is (magic numbers), its
// structure checked and cleaned (PNG chunks and their CRCs, JPEG markers),
// and its size read from its header and held against the decode limits of
// render_limits.h, all before a pixel is decoded. Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string>

namespace overleg {

enum class ImageKind { none, png, jpeg, tiff };

/// The kind of image `bytes` starts like (magic numbers).
ImageKind image_kind(const std::string& bytes);

/// "PNG", "JPEG", "TIFF" (or "image"), for messages.
const char* kind_name(ImageKind kind);

/// The PNG with only the chunks a scan's pixels need, every chunk's CRC
/// checked; or nullopt and the reason in `why`.
std::optional<std::string> clean_png(const std::string& bytes, std::string& why);

/// The JPEG with stray bytes between segments left out (counted in `stray`),
/// its marker structure checked to the end-of-image marker; or nullopt and
/// the reason in `why`.
std::optional<std::string> clean_jpeg(const std::string& bytes, std::string& why, int& stray);

/// Reads the width and height of image `page` (TIFF directory; 0 otherwise)
/// from its header with Leptonica's header readers, and checks them against
/// kMaxImagePixels; false with the reason in `why` when the header cannot be
/// read or the image is too large to decode.
bool check_image_header(const std::string& bytes, ImageKind kind, int page, std::string& why);

}  // namespace overleg
