// pdf_objects: what qpdf reads of the page objects (links, image sizes) on
// real PDFs made by tests/data/ocr/make_fixtures.py and samples/.
#include "extract/pdf_objects.h"

#include <catch2/catch.hpp>

#include "extract/pdf_source.h"
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

TEST_CASE("pdf_objects: invisible text over a scan is counted, a text layer's is visible", "[pdf_objects]") {
  std::vector<Diagnostic> warnings;
  // Page 1: a scan with its text in render mode 3 over it; page 2: a text layer.
  auto ocr = read_pdf_objects(test::read_text(test::source_dir() + "/tests/data/ocr/ocr-layer.pdf"), "o.pdf", warnings);
  REQUIRE(ocr.size() == 2);
  CHECK(ocr[0].largest_image_pixels > 0);
  CHECK(ocr[0].invisible_text_share == 1.0);
  CHECK(ocr[1].invisible_text_share == 0.0);
  // A scan without a text layer: nothing shown, nothing invisible.
  auto mixed = read_pdf_objects(test::read_text(test::source_dir() + "/tests/data/ocr/mixed.pdf"), "m.pdf", warnings);
  REQUIRE(mixed.size() == 2);
  CHECK(mixed[1].invisible_text_share == 0.0);
  CHECK(warnings.empty());
}

TEST_CASE("pdf_source: a text layer of invisible words over a scan is marked as OCR", "[pdf_objects]") {
  auto pdf = open_pdf("ocr-layer.pdf", test::read_text(test::source_dir() + "/tests/data/ocr/ocr-layer.pdf"));
  REQUIRE(pdf);
  Page scan = pdf.value()->text_page(0);
  CHECK(scan.boxes.size() > 50);  // poppler reads the invisible words
  CHECK(scan.text_layer_ocr);
  Page text = pdf.value()->text_page(1);
  CHECK_FALSE(text.text_layer_ocr);
  auto plain = open_pdf("text.pdf", test::read_text(test::source_dir() + "/tests/data/ocr/text.pdf"));
  REQUIRE(plain);
  CHECK_FALSE(plain.value()->text_page(0).text_layer_ocr);
}
