// pdf_objects: what qpdf reads of the page objects (links, image sizes) on
// real PDFs made by tests/data/ocr/make_fixtures.py and samples/.
#include "extract/pdf_objects.h"

#include <catch2/catch.hpp>

#include "test_support.h"

using namespace overleg;

TEST_CASE("pdf_objects: the largest image of each page, 0 on a page without one", "[pdf_objects]") {
  std::vector<Diagnostic> warnings;
  // Page 1 is a text layer, page 2 a 1167x1653 scan.
  auto pages = read_pdf_objects(test::read_text(test::source_dir() + "/tests/data/ocr/mixed.pdf"), "mixed.pdf", warnings);
  REQUIRE(pages.size() == 2);
  CHECK(pages[0].largest_image_pixels == 0);
  CHECK(pages[1].largest_image_pixels == 1167.0 * 1653);
  CHECK(warnings.empty());
}

TEST_CASE("pdf_objects: links come with their page and rectangle", "[pdf_objects]") {
  std::vector<Diagnostic> warnings;
  auto pages = read_pdf_objects(test::read_text(test::source_dir() + "/samples/gg-zuid-oost-2025-10-10.pdf"), "s.pdf", warnings);
  REQUIRE_FALSE(pages.empty());
  int links = 0;
  for (std::size_t i = 0; i < pages.size(); ++i)
    for (const Link& l : pages[i].links) {
      ++links;
      CHECK(l.page == static_cast<int>(i) + 1);
      CHECK(l.url.rfind("http", 0) == 0);
      CHECK(l.rect.x1 > l.rect.x0);
    }
  CHECK(links > 0);
}

TEST_CASE("pdf_objects: not a PDF is a warning, not an exception", "[pdf_objects]") {
  std::vector<Diagnostic> warnings;
  auto pages = read_pdf_objects("this is no PDF", "x.pdf", warnings);
  CHECK(pages.empty());
  CHECK(warnings.size() == 1);
}
