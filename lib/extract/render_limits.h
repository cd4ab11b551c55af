// Render limits: the resolution a page (or an image) is turned into pixels
// at, chosen before anything is allocated, from the page's real size in
// points and the resolution asked for. Every render and decode goes through
// plan_render(), so that no page, however odd its MediaBox, and no image,
// however large its header says it is, can make a buffer beyond the caps
// below. Pure functions; thread-safe.
//
// Memory budget (README "Limits"): one document holds at most one page image
// of kMaxRenderPixels grey bytes plus the renderer's own buffer of the same
// size (Splash renders grey8 directly), and for an image input one decoded
// image of at most kMaxImagePixels at 4 bytes a pixel plus its grey copy:
// about 450 MB in the worst case, per document being converted (so -j N
// needs up to N times that).
#pragma once

#include <string>

#include "extract/pdf_render.h"  // kMaxRenderPixels, the area cap

namespace overleg {

/// Widest or tallest page image, in pixels (Tesseract and Leptonica keep
/// sides below 2^15; A0 at 300 dpi is 9933 x 14043).
constexpr int kMaxRenderSide = 20'000;
/// Highest resolution ever rendered: the CLI's --dpi maximum; the ink render
/// of a small page asks for more only on labels smaller than a stamp.
constexpr double kMaxRenderDpi = 1200;
/// A page narrower or lower than this, in points (1 mm), holds nothing
/// readable: it is not rendered at all (a MediaBox of [0 0 1e-8 14400]).
constexpr double kMinPageSidePt = 2.83;
/// Largest image input decoded, in pixels (A3 at 600 dpi is 69.6 M, A4 at
/// 600 dpi 34.8 M; a 40000 x 40000 "image bomb" is 1600 M).
constexpr double kMaxImagePixels = 72'000'000;
/// A PDF page that draws an image of more pixels than this is not rendered:
/// poppler's Splash scales an image by walking every source pixel (a page
/// declaring a 200000 x 200000 image did not return for minutes), and no
/// scanner writes such an image (an A0 sheet at 1200 dpi is 1.7 G pixels;
/// the real-world corpus's 35000-pixel JBIG2 page renders in ~12 s).
constexpr double kMaxDrawnImagePixels = 2'000'000'000;
/// How to render one page.
struct RenderPlan {
  bool ok = false;        ///< false: do not render (`refusal` says why)
  double dpi = 0;         ///< the resolution to render at (<= the one asked for)
  long long width = 0;    ///< expected pixels, for the caller's checks
  long long height = 0;
  std::string refusal;    ///< why not, for a diagnostic
  std::string warning;    ///< set when dpi had to be lowered, for a diagnostic
};

/// The plan for a page of `width_pt` x `height_pt` points at `dpi`: the dpi
/// is lowered until both sides are within kMaxRenderSide and the area within
/// kMaxRenderPixels (never raised above kMaxRenderDpi); a page without a size
/// or with a side under kMinPageSidePt is refused.
RenderPlan plan_render(double width_pt, double height_pt, double dpi);

/// Is an image of `width` x `height` pixels small enough to decode? Sets
/// `why` when it is not.
bool image_within_limits(long long width, long long height, std::string& why);

/// "612 x 792 pt" (for messages).
std::string page_size_text(double width_pt, double height_pt);

}  // namespace overleg
