// The Leptonica half of page_image.h, inside the OCR module: the skew
// search, the turn hint, the dark fills and tints, the cleaning of a poor
// scan. Each function is the one of the same name in page_image.h, where
// they are documented; the library calls them through the module's table
// (ocr_module.h ImageOps). Pure functions; thread-safe.
#pragma once

#include <optional>
#include <vector>

#include "extract/page_image.h"

namespace overleg::leptonica {

Deskewed deskew(const GrayImage& image);
std::optional<int> likely_turn(const GrayImage& image);
std::vector<PixelRect> find_dark_fills(const GrayImage& image);
std::vector<TintedArea> find_tinted_areas(const GrayImage& image);
GrayImage clean_poor_scan(const GrayImage& image);

}  // namespace overleg::leptonica
