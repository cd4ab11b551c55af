#include "extract/tesseract/leptonica_pages.h"

#include <leptonica/allheaders.h>

#include <algorithm>
#include <cmath>
#include <memory>

#include "extract/tesseract/leptonica_pix.h"

namespace overleg::leptonica {
namespace {

// Leptonica's skew search: lines are found on the page reduced 2x (the
// default; 4x missed the lean of small type on 150-dpi scans), over +-7
// degrees, which covers any page laid on a scanner by hand.
constexpr int kSkewSearchReduction = 2;
// likely_turn: the grey level below which a pixel is ink (as the skew
// search's), and the resolution the page is reduced to (by halves) first.
constexpr int kTurnHintThreshold = 130;
constexpr int kTurnHintDpi = 150;

// Sauvola's window half-size in pixels at 300 dpi and its k factor. The
// window must be larger than a stroke and about a letter high so that the
// local mean is paper and ink; k = 0.34 is Leptonica's (and Sauvola's)
// suggested value for text. The window scales with the resolution.
constexpr int kSauvolaHalfWindowAt300 = 25;
constexpr float kSauvolaFactor = 0.34f;

// Dark fills are looked for on the page reduced to this resolution: a bar
// of heading type is still several pixels high, letters of body and bold
// type are one or two pixels of stroke, so an opening drops them.
constexpr double kFillSearchDpi = 75;
// Grey level below which a reduced pixel is dark (of 255). A dark bar with
// white letters averages 110-150 at the reduced size (bold heading type
// fills up to half of a tight bar); body type on white paper averages above
// 190. A candidate must then pass the full-resolution shares below.
constexpr int kReducedDarkLevel = 170;
// Opening brick at the reduced size, in pixels (~1.7 mm): wider than any
// stroke of body or title type there, narrower than a heading bar.
constexpr int kFillOpening = 5;
// Closing brick width at the reduced size (~3 mm), joining the parts of one
// bar that its letters split.
constexpr int kFillClosing = 9;
// Share of an edge row or column that must be dark for it to be the fill's.
constexpr double kSolidEdgeShare = 0.9;
// A fill must be at least this large (inches) to be a bar and not a blot:
// a heading bar of one short word is about 1.2 x 0.3 inch.
constexpr double kMinFillWidth = 0.6;
constexpr double kMinFillHeight = 0.15;
// At full resolution, a fill is inverted when at least this share of its
// pixels is dark and this share light (its letters): a dark photo with no
// light type, or a mid-grey box with dark type, is left as it is.
constexpr double kMinDarkShare = 0.45;
constexpr double kMinLightShare = 0.015;
constexpr int kLightLevel = 180;

// A tint is at least this much darker than the paper (grey levels): the
// palest dev tints (#ecf5ed, #f3eaf1) are 14-19 below white, scanner noise
// averages out to a level or two at the reduced size.
constexpr int kTintMinDepth = 8;
// ... and at most this much: darker is type, a photo or a dark fill.
constexpr int kTintMaxDepth = 90;
// A tinted area is at least this large (inches): a sidebar is 2 x 8, an
// info box 6 x 1.5; a highlighted word is smaller.
constexpr double kMinTintWidth = 0.8;
constexpr double kMinTintHeight = 0.4;
// Share of its bounding box the tint must fill (type and pictures in it
// are holes; a ring of noise around the page is not an area).
constexpr double kMinTintShare = 0.5;
// A region covering this share of the page is the paper itself.
constexpr double kPaperShare = 0.85;

}  // namespace

Deskewed deskew(const GrayImage& image) {
  Deskewed out;
  out.image = image;
  if (!usable_image(image)) return out;
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
  if (!usable_image(straight)) return out;
  out.image = std::move(straight);
  out.degrees = angle;
  return out;
}

std::optional<int> likely_turn(const GrayImage& image) {
  if (!usable_image(image) || image.dpi <= 0) return std::nullopt;
  PixPtr pix = to_pix(image);
  if (!pix) return std::nullopt;
  PixPtr binary(pixConvertTo1(pix.get(), kTurnHintThreshold));
  if (!binary) return std::nullopt;
  // The count's structuring elements are sized for 150-300 dpi text:
  // a 300-dpi or finer page is halved (or more) first, which is also faster.
  int halvings[4] = {0, 0, 0, 0};
  int n = 0;
  for (int dpi = image.dpi; dpi >= 2 * kTurnHintDpi && n < 4; dpi /= 2) halvings[n++] = 1;
  PixPtr reduced(n ? pixReduceRankBinaryCascade(binary.get(), halvings[0], halvings[1], halvings[2], halvings[3])
                   : pixCopy(nullptr, binary.get()));
  if (!reduced) return std::nullopt;
  l_float32 up = 0, left = 0;
  if (pixOrientDetect(reduced.get(), &up, &left, 0, 0) != 0) return std::nullopt;
  // Upright text gives a large positive `up`; upside-down a large negative
  // one; text on its side a large `left` (positive: turned a quarter
  // anticlockwise, so a quarter clockwise sets it upright).
  if (std::abs(left) > std::abs(up)) {
    if (std::abs(left) < kMinTurnHint) return std::nullopt;
    return left > 0 ? 90 : 270;
  }
  if (std::abs(up) < kMinTurnHint) return std::nullopt;
  return up > 0 ? 0 : 180;
}

namespace {

// `image` reduced to kFillSearchDpi, where fills and tints are looked for,
// and the factor back to full resolution; null when it cannot be made.
PixPtr reduce_for_fills(const GrayImage& image, double& to_full) {
  if (!usable_image(image) || image.dpi <= 0) return nullptr;
  PixPtr pix = to_pix(image);
  if (!pix) return nullptr;
  const float scale = static_cast<float>(std::min(1.0, kFillSearchDpi / image.dpi));
  to_full = 1.0 / scale;
  return PixPtr(pixScaleAreaMap(pix.get(), scale, scale));
}

// The solid regions of a reduced page's `mask`: opened so that strokes of
// type drop out, closed again (`close_height` high) over what type split,
// as bounding boxes; null on failure. The caller destroys the Boxa.
Boxa* solid_regions(Pix* mask, int close_height) {
  if (!mask) return nullptr;
  PixPtr opened(pixOpenBrick(nullptr, mask, kFillOpening, kFillOpening));
  if (!opened) return nullptr;
  PixPtr solid(pixCloseSafeBrick(nullptr, opened.get(), kFillClosing, close_height));
  return solid ? pixConnCompBB(solid.get(), 8) : nullptr;
}

}  // namespace

std::vector<PixelRect> find_dark_fills(const GrayImage& image) {
  std::vector<PixelRect> fills;
  double to_full = 1;
  PixPtr small = reduce_for_fills(image, to_full);
  if (!small) return fills;
  PixPtr dark(pixThresholdToBinary(small.get(), kReducedDarkLevel));
  // Letters cut a bar's mask where they run close to its edge: closed
  // again (only across) so that one bar is one region.
  Boxa* found = solid_regions(dark.get(), kFillOpening);
  if (!found) return fills;
  auto at = [&](int x, int y) { return image.pixels[static_cast<std::size_t>(y) * image.width + x]; };
  for (int i = 0; i < boxaGetCount(found); ++i) {
    l_int32 bx = 0, by = 0, bw = 0, bh = 0;
    boxaGetBoxGeometry(found, i, &bx, &by, &bw, &bh);
    // Back to full resolution, a reduced pixel out on each side, then the
    // edges pulled in to the fill's own. An edge row or column belongs to
    // the fill when nearly all of it is dark: a fill has a margin of its
    // own colour around its type, and a row dark only in part is its edge.
    PixelRect r;
    r.x0 = std::max(0, static_cast<int>(std::lround((bx - 1) * to_full)));
    r.y0 = std::max(0, static_cast<int>(std::lround((by - 1) * to_full)));
    r.x1 = std::min(image.width, static_cast<int>(std::lround((bx + bw + 1) * to_full)));
    r.y1 = std::min(image.height, static_cast<int>(std::lround((by + bh + 1) * to_full)));
    auto dark_row = [&](int y) {
      int n = 0;
      for (int x = r.x0; x < r.x1; ++x) n += at(x, y) < kDarkFillLevel;
      return n >= kSolidEdgeShare * (r.x1 - r.x0);
    };
    auto dark_column = [&](int x) {
      int n = 0;
      for (int y = r.y0; y < r.y1; ++y) n += at(x, y) < kDarkFillLevel;
      return n >= kSolidEdgeShare * (r.y1 - r.y0);
    };
    for (int pass = 0; pass < 2; ++pass) {  // columns shorten rows' spans and back
      while (r.y0 < r.y1 && !dark_row(r.y0)) ++r.y0;
      while (r.y1 > r.y0 && !dark_row(r.y1 - 1)) --r.y1;
      while (r.x0 < r.x1 && !dark_column(r.x0)) ++r.x0;
      while (r.x1 > r.x0 && !dark_column(r.x1 - 1)) --r.x1;
    }
    if (r.x1 - r.x0 < kMinFillWidth * image.dpi || r.y1 - r.y0 < kMinFillHeight * image.dpi) continue;
    std::size_t dark_px = 0, light_px = 0, all = static_cast<std::size_t>(r.x1 - r.x0) * (r.y1 - r.y0);
    for (int y = r.y0; y < r.y1; ++y)
      for (int x = r.x0; x < r.x1; ++x) {
        dark_px += at(x, y) < kDarkFillLevel;
        light_px += at(x, y) > kLightLevel;
      }
    if (dark_px >= kMinDarkShare * all && light_px >= kMinLightShare * all) fills.push_back(r);
  }
  boxaDestroy(&found);
  return fills;
}

std::vector<TintedArea> find_tinted_areas(const GrayImage& image) {
  std::vector<TintedArea> areas;
  double to_full = 1;
  PixPtr small = reduce_for_fills(image, to_full);
  if (!small) return areas;
  // The paper: the commonest of the bright levels.
  const int w = pixGetWidth(small.get()), h = pixGetHeight(small.get());
  Numa* histogram = pixGetGrayHistogram(small.get(), 1);
  if (!histogram) return areas;
  int paper = 255;
  l_float32 most = -1;
  for (int level = 128; level < 256; ++level) {
    l_float32 n = 0;
    numaGetFValue(histogram, level, &n);
    if (n > most) most = n, paper = level;
  }
  numaDestroy(&histogram);
  const int lower = std::max(0, paper - kTintMaxDepth), upper = paper - kTintMinDepth;
  if (upper <= lower) return areas;
  PixPtr band(pixGenerateMaskByBand(small.get(), lower, upper, 1, 0));
  Boxa* found = solid_regions(band.get(), kFillClosing);  // closed over the type in it
  if (!found) return areas;
  for (int i = 0; i < boxaGetCount(found); ++i) {
    l_int32 bx = 0, by = 0, bw = 0, bh = 0;
    boxaGetBoxGeometry(found, i, &bx, &by, &bw, &bh);
    if (bw * to_full < kMinTintWidth * image.dpi || bh * to_full < kMinTintHeight * image.dpi) continue;
    if (static_cast<double>(bw) * bh >= kPaperShare * w * h) continue;
    std::size_t tinted = 0, sum = 0;
    for (int y = by; y < by + bh; ++y)
      for (int x = bx; x < bx + bw; ++x) {
        l_uint32 v = 0;
        pixGetPixel(small.get(), x, y, &v);
        if (static_cast<int>(v) >= lower && static_cast<int>(v) <= upper) ++tinted, sum += v;
      }
    if (tinted < kMinTintShare * bw * bh) continue;
    TintedArea area;
    area.rect.x0 = static_cast<int>(std::lround(bx * to_full));
    area.rect.y0 = static_cast<int>(std::lround(by * to_full));
    area.rect.x1 = std::min(image.width, static_cast<int>(std::lround((bx + bw) * to_full)));
    area.rect.y1 = std::min(image.height, static_cast<int>(std::lround((by + bh) * to_full)));
    area.level = static_cast<int>(sum / tinted);
    areas.push_back(area);
  }
  boxaDestroy(&found);
  return areas;
}

GrayImage clean_poor_scan(const GrayImage& image) {
  if (!usable_image(image)) return image;
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
  return usable_image(out) ? out : image;
}

}  // namespace overleg::leptonica
