#include "extract/render_limits.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace overleg {

std::string page_size_text(double width_pt, double height_pt) {
  char buf[96];
  std::snprintf(buf, sizeof buf, "%.6g x %.6g pt", width_pt, height_pt);
  return buf;
}

RenderPlan plan_render(double width_pt, double height_pt, double dpi) {
  RenderPlan plan;
  width_pt = std::abs(width_pt);
  height_pt = std::abs(height_pt);
  if (!std::isfinite(width_pt) || !std::isfinite(height_pt) || width_pt <= 0 || height_pt <= 0) {
    plan.refusal = "page has no size (" + page_size_text(width_pt, height_pt) + ")";
    return plan;
  }
  if (std::min(width_pt, height_pt) < kMinPageSidePt) {
    plan.refusal = "page too small to hold text (" + page_size_text(width_pt, height_pt) + "); not rendered";
    return plan;
  }
  if (!(dpi > 0)) dpi = 300;
  const double asked = dpi;
  dpi = std::min(dpi, kMaxRenderDpi);
  // The side caps and the area cap, each as the highest dpi it allows.
  const double w_in = width_pt / 72.0, h_in = height_pt / 72.0;
  dpi = std::min(dpi, kMaxRenderSide / std::max(w_in, h_in));
  dpi = std::min(dpi, std::sqrt(static_cast<double>(kMaxRenderPixels) / (w_in * h_in)));
  dpi = std::floor(dpi * 100) / 100;  // never round up past a cap
  if (dpi <= 0) {
    plan.refusal = "page too large to render (" + page_size_text(width_pt, height_pt) + ")";
    return plan;
  }
  plan.ok = true;
  plan.dpi = dpi;
  plan.width = std::max(1LL, static_cast<long long>(std::ceil(w_in * dpi)));
  plan.height = std::max(1LL, static_cast<long long>(std::ceil(h_in * dpi)));
  if (dpi < asked - 0.5) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.0f dpi instead of %.0f", dpi, asked);
    plan.warning = "page is " + page_size_text(width_pt, height_pt) + ": rendered at " + buf + " to stay within " +
                   std::to_string(kMaxRenderSide) + " px a side and " +
                   std::to_string(static_cast<long long>(static_cast<double>(kMaxRenderPixels) / 1e6)) + " M pixels";
  }
  return plan;
}

bool image_within_limits(long long width, long long height, std::string& why) {
  if (width <= 0 || height <= 0) {
    why = "image has no size (" + std::to_string(width) + " x " + std::to_string(height) + " px)";
    return false;
  }
  if (static_cast<double>(width) * static_cast<double>(height) > kMaxImagePixels) {
    why = "image too large to decode: " + std::to_string(width) + " x " + std::to_string(height) + " px (at most " +
          std::to_string(static_cast<long long>(kMaxImagePixels / 1e6)) + " M pixels)";
    return false;
  }
  return true;
}

}  // namespace overleg
