// Image files before decoding: what kind a file is (magic numbers), its
// structure checked and cleaned (PNG chunks and their CRCs, JPEG markers),
// all before a pixel is decoded (its size, read from its header with
// Leptonica, is checked in the OCR module: tesseract/leptonica_images.h).
// Plain C++, compiled into both the library and the module. Pure
// functions; thread-safe.
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

}  // namespace overleg
