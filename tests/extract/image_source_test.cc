// Image inputs: PNG, multi-page TIFF and JPEG scans through Leptonica, from
// the fixtures in tests/data/ocr/ (make_fixtures.py) and from images made
// here with Leptonica.
#include "extract/image_source.h"

#include <leptonica/allheaders.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <string>

#include "test_support.h"

using namespace overleg;
using overleg::test::StderrCapture;
using overleg::test::read_text;
using overleg::test::source_dir;

namespace {

std::string fixture(const std::string& name) { return read_text(source_dir() + "/tests/data/ocr/" + name); }

std::string to_bytes(l_uint8* data, size_t size) {
  std::string out(reinterpret_cast<char*>(data), size);
  lept_free(data);
  return out;
}

// An 8-bit grey image w x h: white with a black square in the top-left quarter.
Pix* test_pix(int w, int h, int dpi) {
  Pix* pix = pixCreate(w, h, 8);
  pixSetAllArbitrary(pix, 255);
  for (int y = 0; y < h / 2; ++y)
    for (int x = 0; x < w / 2; ++x) pixSetPixel(pix, x, y, 0);
  pixSetResolution(pix, dpi, dpi);
  return pix;
}

double mean(const GrayImage& g) {
  double sum = 0;
  for (auto p : g.pixels) sum += p;
  return g.pixels.empty() ? 0 : sum / g.pixels.size();
}

}  // namespace

TEST_CASE("images: recognised by their magic numbers", "[image_source]") {
  CHECK(looks_like_image("\x89PNG\r\n\x1a\n...."));
  CHECK(looks_like_image(std::string("II*\0....", 8)));
  CHECK(looks_like_image(std::string("MM\0*....", 8)));
  CHECK(looks_like_image("\xFF\xD8\xFF\xE0...."));
  CHECK_FALSE(looks_like_image("%PDF-1.7"));
  CHECK_FALSE(looks_like_image(""));
  CHECK_FALSE(looks_like_image("\x89PN"));

  auto not_image = open_image("notes.txt", "just some text");
  REQUIRE_FALSE(not_image);
  CHECK(not_image.failure().kind == ErrorKind::not_pdf);
}

TEST_CASE("images: a PNG scan is one page of its size in points", "[image_source]") {
  auto src = open_image("scan.png", fixture("scan.png"));
  REQUIRE(src);
  DocumentSource& doc = *src.value();
  REQUIRE(doc.page_count() == 1);

  Page page = doc.text_page(0);
  CHECK(page.number == 1);
  CHECK(page.boxes.empty());
  CHECK(page.method == PageMethod::none);
  CHECK(page.warnings.empty());
  // 1167 x 1653 pixels at 200 dpi: the A5 page it was made from.
  CHECK(page.width == Approx(420).margin(1));
  CHECK(page.height == Approx(595).margin(1));

  auto native = doc.render(0, 200);
  REQUIRE(native);
  CHECK(native->width == 1167);
  CHECK(native->height == 1653);
  CHECK(native->dpi == 200);
  CHECK(native->pixels.size() == 1167u * 1653u);
  // A bilevel scan becomes 0 and 255 only, mostly white.
  bool two_levels = true;
  for (auto p : native->pixels) two_levels = two_levels && (p == 0 || p == 255);
  CHECK(two_levels);
  CHECK(mean(native.value()) > 200);

  auto at300 = doc.render(0, 300);
  REQUIRE(at300);
  CHECK(at300->dpi == 300);
  CHECK(at300->width == Approx(1167 * 1.5).margin(2));
  CHECK(at300->height == Approx(1653 * 1.5).margin(2));

  auto small = doc.render(0, 50);
  REQUIRE(small);
  CHECK(small->dpi == 50);
  CHECK(small->width == Approx(1167 / 4.0).margin(2));
}

TEST_CASE("images: a multi-page TIFF is one page per directory", "[image_source]") {
  auto src = open_image("scan-2pages.tif", fixture("scan-2pages.tif"));
  REQUIRE(src);
  DocumentSource& doc = *src.value();
  REQUIRE(doc.page_count() == 2);
  auto p1 = doc.render(0, 200);
  auto p2 = doc.render(1, 200);
  REQUIRE(p1);
  REQUIRE(p2);
  // WhiteIsZero: the paper must come out white, not black.
  CHECK(mean(p1.value()) > 200);
  CHECK(mean(p2.value()) > 200);
  CHECK(p1->pixels != p2->pixels);
  CHECK(doc.text_page(1).width == Approx(420).margin(1));
  // Pages may be asked for in any order.
  auto again = doc.render(0, 200);
  REQUIRE(again);
  CHECK(again->pixels == p1->pixels);

  CHECK_FALSE(doc.render(2, 200));
  Page missing = doc.text_page(2);
  CHECK(missing.boxes.empty());
  CHECK_FALSE(missing.warnings.empty());
}

TEST_CASE("images: a JPEG without resolution is taken as 300 dpi", "[image_source]") {
  Pix* pix = test_pix(600, 900, 0);
  l_uint8* data = nullptr;
  size_t size = 0;
  REQUIRE(pixWriteMemJpeg(&data, &size, pix, 90, 0) == 0);
  pixDestroy(&pix);
  auto src = open_image("photo.jpg", to_bytes(data, size));
  REQUIRE(src);
  Page page = src.value()->text_page(0);
  CHECK(page.width == Approx(600 * 72.0 / kDefaultImageDpi));
  auto img = src.value()->render(0, kDefaultImageDpi);
  REQUIRE(img);
  CHECK(img->width == 600);
  CHECK(img->pixels[10 * 600 + 10] < 30);     // the black square
  CHECK(img->pixels[800 * 600 + 500] > 225);  // the white paper
}

TEST_CASE("images: colour, transparency and odd depths become grey on white", "[image_source]") {
  // RGBA, fully transparent: white paper, not black.
  Pix* rgba = pixCreate(100, 80, 32);
  pixSetSpp(rgba, 4);
  pixSetAllArbitrary(rgba, 0x00000000);  // black, alpha 0
  pixSetResolution(rgba, 150, 150);
  l_uint8* data = nullptr;
  size_t size = 0;
  REQUIRE(pixWriteMemPng(&data, &size, rgba, 0) == 0);
  pixDestroy(&rgba);
  auto src = open_image("transparent.png", to_bytes(data, size));
  REQUIRE(src);
  auto img = src.value()->render(0, 150);
  REQUIRE(img);
  CHECK(img->width == 100);
  CHECK(mean(img.value()) > 250);

  // Red on RGB: luminance, darker than white.
  Pix* rgb = pixCreate(50, 50, 32);
  pixSetAllArbitrary(rgb, 0xff000000);  // red
  REQUIRE(pixWriteMemPng(&data, &size, rgb, 0) == 0);
  pixDestroy(&rgb);
  auto red = open_image("red.png", to_bytes(data, size));
  REQUIRE(red);
  auto grey = red.value()->render(0, kDefaultImageDpi);
  REQUIRE(grey);
  CHECK(grey->pixels[0] > 40);
  CHECK(grey->pixels[0] < 120);
}

TEST_CASE("images: damaged files fail cleanly and print nothing", "[image_source]") {
  std::string png = fixture("scan.png");
  std::string tif = fixture("scan-2pages.tif");
  StderrCapture capture;

  auto truncated_header = open_image("bad.png", png.substr(0, 20));
  CHECK_FALSE(truncated_header);
  if (!truncated_header) CHECK(truncated_header.failure().kind == ErrorKind::damaged);

  // A PNG cut in its data: the header reads, the page does not.
  auto cut = open_image("cut.png", png.substr(0, png.size() / 3));
  if (cut) {
    CHECK_FALSE(cut.value()->render(0, 200).ok());
    CHECK_FALSE(cut.value()->text_page(0).warnings.empty());
  }

  auto garbage_tiff = open_image("bad.tif", std::string("II*\0\x08\0\0\0garbage", 15));
  CHECK_FALSE(garbage_tiff);

  auto cut_tiff = open_image("cut.tif", tif.substr(0, tif.size() / 2));
  if (cut_tiff)
    for (int i = 0; i < cut_tiff.value()->page_count(); ++i) cut_tiff.value()->render(i, 100);

  // JPEGs: cut short (refused), stray bytes between segments (left out, said
  // once), scrambled image data (decodes to something).
  Pix* pix = test_pix(300, 200, 150);
  l_uint8* data = nullptr;
  size_t size = 0;
  REQUIRE(pixWriteMemJpeg(&data, &size, pix, 80, 0) == 0);
  pixDestroy(&pix);
  std::string jpeg = to_bytes(data, size);
  auto cut_jpeg = open_image("cut.jpg", jpeg.substr(0, jpeg.size() / 2));
  REQUIRE_FALSE(cut_jpeg);
  CHECK(cut_jpeg.failure().kind == ErrorKind::damaged);
  std::size_t after_app0 = 4 + ((std::uint8_t(jpeg[4]) << 8) | std::uint8_t(jpeg[5]));
  std::string stray = jpeg;
  stray.insert(after_app0, "junk");
  auto repaired = open_image("stray.jpg", stray);
  REQUIRE(repaired);
  Page first = repaired.value()->text_page(0);
  REQUIRE(first.warnings.size() == 1);
  CHECK(first.warnings[0].code == "image_repaired");
  CHECK(repaired.value()->render(0, 150));
  std::string scrambled = jpeg;
  for (std::size_t i = scrambled.size() / 2; i < scrambled.size() / 2 + 40; i += 3) scrambled[i] ^= 0x5a;
  auto noisy = open_image("scrambled.jpg", scrambled);
  REQUIRE(noisy);
  Page noisy_page = noisy.value()->text_page(0);
  if (noisy.value()->render(0, 150)) CHECK_FALSE(noisy_page.warnings.empty());

  std::string printed = capture.text();
  CHECK(printed == "");
}
