// Decoding a JPEG to 8-bit grey without libjpeg's voice: libjpeg's default
// error manager prints "Corrupt JPEG data: ..." to stderr; this one counts
// the warnings instead, so that damage becomes a record warning. Part of the
// OCR module (it decodes into a Leptonica Pix for leptonica_images.cc).
// Thread-safe (no shared state beyond the functions looked up once).
#pragma once

#include <string>

struct Pix;

namespace overleg {

enum class JpegDecode { done, failed, not_here };

/// Decodes `bytes` into an 8-bit grey Pix (owned by the caller) with the
/// JFIF resolution; counts libjpeg's warnings in `warnings`. not_here: leave
/// it to Leptonica (CMYK, or libjpeg's functions not found).
JpegDecode decode_jpeg_quietly(const std::string& bytes, Pix** out, long& warnings);

}  // namespace overleg
