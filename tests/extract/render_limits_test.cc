// Tests of render_limits.h: the render resolution is bounded by construction.
#include "extract/render_limits.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

using namespace overleg;

TEST_CASE("plan_render keeps an ordinary page at the asked dpi", "[render_limits]") {
  RenderPlan a4 = plan_render(595, 842, 300);
  REQUIRE(a4.ok);
  CHECK(a4.dpi == 300);
  CHECK(a4.width == 2480);
  CHECK(a4.warning.empty());
}

TEST_CASE("plan_render bounds sides and area on odd pages (issue #11 cases 1, 9)", "[render_limits][hostile]") {
  // The sliver of case 1: 1e-8 x 14400 pt at the ink render's huge dpi.
  RenderPlan sliver = plan_render(0.00000001, 14400, 2.7e7);
  CHECK_FALSE(sliver.ok);
  CHECK(sliver.refusal.find("too small") != std::string::npos);
  // A narrow but real strip: sides capped.
  RenderPlan strip = plan_render(10, 14400, 5000);
  REQUIRE(strip.ok);
  CHECK(strip.height <= kMaxRenderSide);
  CHECK(strip.dpi <= kMaxRenderDpi);
  // A 200-inch poster: area capped, and said.
  RenderPlan poster = plan_render(14400, 14400, 300);
  REQUIRE(poster.ok);
  CHECK(static_cast<double>(poster.width) * poster.height <= static_cast<double>(kMaxRenderPixels) * 1.01);
  CHECK(poster.dpi < 32);
  CHECK_FALSE(poster.warning.empty());
  for (double bad : {0.0, -1.0, std::numeric_limits<double>::infinity(), std::nan("")}) {
    CHECK_FALSE(plan_render(bad, 842, 300).ok);
    CHECK_FALSE(plan_render(595, bad, 300).ok);
  }
  // Whatever the page, never beyond the caps.
  for (double w : {3.0, 50.0, 595.0, 1e4, 1e6, 1e9})
    for (double h : {3.0, 50.0, 842.0, 1e4, 1e6, 1e9})
      for (double dpi : {1.0, 50.0, 300.0, 1e5}) {
        RenderPlan p = plan_render(w, h, dpi);
        if (!p.ok) continue;
        CHECK(p.width <= kMaxRenderSide + 1);
        CHECK(p.height <= kMaxRenderSide + 1);
        CHECK(static_cast<double>(p.width) * p.height <= static_cast<double>(kMaxRenderPixels) * 1.01 + 2 * kMaxRenderSide);
      }
}

TEST_CASE("image_within_limits refuses image bombs (issue #11 case 2)", "[render_limits][hostile]") {
  std::string why;
  CHECK(image_within_limits(4960, 7016, why));  // A4 at 600 dpi
  CHECK_FALSE(image_within_limits(40000, 40000, why));
  CHECK(why.find("too large") != std::string::npos);
  CHECK_FALSE(image_within_limits(0, 10, why));
}
