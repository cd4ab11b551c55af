// `overleg inspect --png DIR` (issue #8): one picture per page, of the
// page's size at the drawing resolution, each block outlined in its role's
// colour. The pictures are read back with Leptonica; the blocks' positions
// come from the library, as inspect computes them.
#include <catch2/catch.hpp>

#include <leptonica/allheaders.h>

#include <cmath>
#include <filesystem>

#include "pipeline.h"
#include "test_support.h"

namespace fs = std::filesystem;
using overleg::test::RunResult;
using overleg::test::run_overleg;
using overleg::test::shell_quote;
using overleg::test::TempDir;
using namespace overleg;

namespace {

std::uint32_t pixel_rgb(PIX* pix, int x, int y) {
  l_int32 r = 0, g = 0, b = 0;
  l_uint32 v = 0;
  pixGetPixel(pix, x, y, &v);
  extractRGBValues(v, &r, &g, &b);
  return (static_cast<std::uint32_t>(r) << 16) | (g << 8) | b;
}

}  // namespace

TEST_CASE("cli: inspect --png draws each page, its blocks outlined in their role's colour", "[cli][inspect]") {
  const std::string sample = std::string(OVERLEG_SOURCE_DIR) + "/samples/gg-zuid-2025-09-25.pdf";
  TempDir tmp;
  const std::string dir = tmp / "pictures";  // made by inspect
  RunResult r = run_overleg("inspect --png " + shell_quote(dir) + " " + shell_quote(sample));
  REQUIRE(r.exit_code == 0);

  Converter converter(ConvertOptions{}, &overleg::test::built_lexicon());
  std::vector<PageInfo> pages;
  auto blocks = converter.inspect(sample, overleg::test::read_text(sample), &pages);
  REQUIRE(blocks);
  REQUIRE(pages.size() == 2);
  std::size_t pngs = 0;
  for (const auto& e : fs::directory_iterator(dir)) pngs += e.path().extension() == ".png";
  CHECK(pngs == pages.size());

  const double scale = 100 / 72.0;  // drawn at 100 dpi
  int checked_roles = 0;
  bool title_seen = false;
  for (std::size_t p = 1; p <= pages.size(); ++p) {
    char name[32];
    std::snprintf(name, sizeof name, "page-%03zu.png", p);
    PIX* pix = pixRead((fs::path(dir) / name).c_str());
    REQUIRE(pix);
    // A4: 595 x 842 pt.
    CHECK(std::abs(pixGetWidth(pix) - 595 * scale) <= 1.5);
    CHECK(std::abs(pixGetHeight(pix) - 842 * scale) <= 1.5);
    for (const Block& b : blocks.value()) {
      if (b.page != static_cast<int>(p) || b.bbox.height() < 8) continue;
      // The left edge of the outline, 3 px wide just outside the words, at
      // the middle of the block's height.
      int x = static_cast<int>(b.bbox.x0 * scale) - 2;
      int y = static_cast<int>(b.bbox.center_y() * scale);
      std::uint32_t want = b.role == Role::title ? 0x9467bd : b.role == Role::section_heading ? 0xd62728
                           : b.role == Role::body ? 0x1f77b4 : 0;
      if (!want) continue;
      INFO("page " << p << " block \"" << b.text.substr(0, 40) << "\" role " << to_string(b.role));
      CHECK(pixel_rgb(pix, x, y) == want);
      ++checked_roles;
      title_seen = title_seen || b.role == Role::title;
    }
    pixDestroy(&pix);
  }
  CHECK(title_seen);
  CHECK(checked_roles >= 5);
}
