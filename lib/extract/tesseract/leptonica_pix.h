// Leptonica's images and ours, inside the OCR module: a Pix owned by a
// unique_ptr, the copies between a Pix and a GrayImage, and the one switch
// that keeps Leptonica quiet. Only the module's units use Leptonica
// (ocr_module.h); the library reaches them through the module's table.
// Pure functions; thread-safe.
#pragma once

#include <memory>

#include "extract/document_source.h"  // GrayImage

struct Pix;  // Leptonica's image

namespace overleg::leptonica {

/// Destroys a Pix.
struct PixDeleter {
  void operator()(Pix* p) const;
};
/// A Pix owned.
using PixPtr = std::unique_ptr<Pix, PixDeleter>;

/// `image` as an 8-bit grey Pix of its dpi; null when Leptonica cannot make it.
PixPtr to_pix(const GrayImage& image);

/// An 8-bit grey Pix (1-bit: black on white) as a GrayImage of `dpi`;
/// empty for other depths. The one copy of Leptonica pixels into ours.
GrayImage from_pix(Pix* pix, int dpi);

/// Switches off Leptonica's messages to stderr for the whole process (the
/// library never prints; Tesseract uses the same Leptonica). Idempotent,
/// thread-safe; the module's entry point calls it, so that nothing of the
/// module can speak before it.
void silence();

}  // namespace overleg::leptonica
