// poppler_document: the core-API reader reports what poppler-cpp's
// text_list reported for the same PDFs (text, rectangles, fonts, sizes,
// spacing), its text conversion keeps what poppler-cpp's iconv kept, and
// encrypted documents lock and unlock as poppler-cpp's did.
#include "extract/poppler_document.h"

#include <catch2/catch.hpp>
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <UnicodeMapFuncs.h>

#include <filesystem>
#include <random>

#include "test_support.h"

using namespace overleg;

namespace {

// UTF-16 as UTF-8, surrogate pairs joined (iconv's output has no lone one).
std::string utf8_of(const poppler::ustring& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    std::uint32_t c = s[i];
    if (c >= 0xD800 && c <= 0xDBFF && i + 1 < s.size()) c = 0x10000 + ((c - 0xD800) << 10) + (s[++i] - 0xDC00);
    char buf[8];
    int n = mapUTF8(c, buf, sizeof buf);
    out.append(buf, n);
  }
  return out;
}

// What poppler-cpp's text_list made of a word's characters: poppler's
// TextWord::getText (UTF-8 through the text encoding map), then
// ustring::from_utf8.
poppler::ustring poppler_cpp_text(const std::vector<std::uint32_t>& chars) {
  std::string utf8;
  for (std::uint32_t c : chars) {
    char buf[8];
    utf8.append(buf, mapUTF8(c, buf, sizeof buf));
  }
  return poppler::ustring::from_utf8(utf8.c_str());
}

void check_same_text(const std::vector<std::uint32_t>& chars) {
  int units = -1;
  std::string ours = poppler_word_text(chars.data(), static_cast<int>(chars.size()), units);
  poppler::ustring theirs = poppler_cpp_text(chars);
  INFO("first char U+" << std::hex << (chars.empty() ? 0u : chars[0]));
  CHECK(ours == utf8_of(theirs));
  CHECK(units == static_cast<int>(theirs.size()));
}

std::vector<std::string> text_layer_pdfs() {
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(test::source_dir() + "/samples"))
    if (e.path().extension() == ".pdf") files.push_back(e.path().string());
  files.push_back(test::source_dir() + "/tests/data/ocr/mixed.pdf");
  files.push_back(test::source_dir() + "/tests/data/ocr/ocr-layer.pdf");
  if (test::shared_exists("eval/dev"))
    for (const auto& e : std::filesystem::directory_iterator(test::shared_dir() + "/eval/dev"))
      if (e.path().extension() == ".pdf" && e.path().string().find("-scan") == std::string::npos)
        files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

TEST_CASE("poppler_word_text: what poppler-cpp's UTF-8 to UTF-16 conversion kept", "[poppler_document]") {
  const std::vector<std::uint32_t> edges = {0x41,    0x7F,    0x80,     0x7FF,    0x800,    0xD7FF,  0xD800,
                                            0xDBFF,  0xDC00,  0xDFFF,   0xE000,   0xFDD0,   0xFFFD,  0xFFFE,
                                            0xFFFF,  0x10000, 0x1F600,  0x10FFFF, 0x110000, 0x7FFFFFFF, 0xFFFFFFFF,
                                            0x0};
  for (std::uint32_t c : edges) {
    check_same_text({c});
    check_same_text({0x61, c, 0x62});  // what follows a refused character
  }
  // Random words over those values and ordinary text.
  std::mt19937 random(13);
  std::vector<std::uint32_t> pool = edges;
  for (std::uint32_t c : {0x20u, 0x65u, 0xE9u, 0x2019u, 0x4E2Du}) pool.push_back(c);
  for (int n = 0; n < 2000; ++n) {
    std::vector<std::uint32_t> chars(1 + random() % 6);
    for (auto& c : chars) c = random() % 3 == 0 ? pool[random() % pool.size()] : 0x61 + random() % 26;
    check_same_text(chars);
  }
}

TEST_CASE("PopplerDocument: the words poppler-cpp's text_list gave, with their fonts", "[poppler_document]") {
  int compared = 0;
  for (const std::string& path : text_layer_pdfs()) {
    INFO(path);
    const std::string bytes = test::read_text(path);
    std::unique_ptr<PopplerDocument> ours = PopplerDocument::open(bytes);
    std::unique_ptr<poppler::document> theirs(
        poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
    REQUIRE(ours);
    REQUIRE(theirs);
    CHECK_FALSE(ours->locked());
    REQUIRE(ours->page_count() == theirs->pages());
    for (int i = 0; i < theirs->pages(); ++i) {
      INFO("page " << i + 1);
      std::unique_ptr<poppler::page> page(theirs->create_page(i));
      auto boxes = ours->page_boxes(i);
      REQUIRE(boxes);
      poppler::rectf crop = page->page_rect(poppler::crop_box), media = page->page_rect(poppler::media_box);
      CHECK(boxes->crop_box.width == crop.width());
      CHECK(boxes->crop_box.bottom() == crop.bottom());
      CHECK(boxes->media_box.right() == media.right());
      CHECK((boxes->rotate == 0) == (page->orientation() == poppler::page::portrait));
      std::vector<PopplerWord> words = ours->words(i, true);
      std::vector<poppler::text_box> boxes_of_page = page->text_list(poppler::page::text_list_include_font);
      REQUIRE(words.size() == boxes_of_page.size());
      for (std::size_t w = 0; w < words.size(); ++w) {
        const poppler::text_box& tb = boxes_of_page[w];
        CHECK(words[w].text == utf8_of(tb.text()));
        CHECK(words[w].utf16_units == static_cast<int>(tb.text().size()));
        CHECK(words[w].bbox.left() == tb.bbox().left());
        CHECK(words[w].bbox.top() == tb.bbox().top());
        CHECK(words[w].bbox.right() == tb.bbox().right());
        CHECK(words[w].bbox.bottom() == tb.bbox().bottom());
        CHECK(words[w].font == tb.get_font_name());
        CHECK(words[w].font_size == tb.get_font_size());
        CHECK(words[w].space_after == tb.has_space_after());
        ++compared;
      }
      // Without fonts: the same words, no font facts.
      std::vector<PopplerWord> plain = ours->words(i, false);
      REQUIRE(plain.size() == words.size());
      if (!plain.empty()) {
        CHECK(plain[0].font.empty());
        CHECK(plain[0].font_size == -1);
      }
    }
    CHECK_FALSE(ours->page_boxes(ours->page_count()));
    CHECK(ours->words(-1, true).empty());
  }
  CHECK(compared > 500);
}

TEST_CASE("PopplerDocument: an encrypted PDF is locked until its password is given", "[poppler_document]") {
  // qpdf's command (poppler-utils' sibling in .ci/setup) makes the encrypted copy.
  const std::string dir = test::fs::temp_directory_path() / ("overleg-poppler-doc-" + std::to_string(::getpid()));
  test::fs::create_directories(dir);
  const std::string plain = test::source_dir() + "/tests/data/ocr/text.pdf";
  const std::string locked_path = dir + "/locked.pdf";
  REQUIRE(test::run("qpdf --encrypt geheim baas 256 -- " + test::shell_quote(plain) + " " + test::shell_quote(locked_path))
              .exit_code == 0);
  const std::string bytes = test::read_text(locked_path);
  std::vector<std::string> messages;
  PopplerMessages collect(messages);
  std::unique_ptr<PopplerDocument> doc = PopplerDocument::open(bytes);
  REQUIRE(doc);
  CHECK(doc->locked());
  CHECK(doc->page_count() == 0);
  CHECK_FALSE(doc->page_boxes(0));
  CHECK_FALSE(doc->unlock("fout"));
  CHECK(doc->locked());
  CHECK(doc->unlock("geheim"));
  CHECK_FALSE(doc->locked());
  CHECK(doc->page_count() == 2);
  CHECK_FALSE(doc->words(0, true).empty());
  // The owner password opens it too.
  std::unique_ptr<PopplerDocument> by_owner = PopplerDocument::open(bytes, "baas");
  REQUIRE(by_owner);
  CHECK_FALSE(by_owner->locked());
  test::fs::remove_all(dir);
}

TEST_CASE("PopplerDocument: bytes poppler cannot read give no document, and its messages are collected",
          "[poppler_document]") {
  std::vector<std::string> messages;
  {
    PopplerMessages collect(messages);
    const std::string junk = "%PDF-1.7\nnot a PDF at all\n";
    CHECK_FALSE(PopplerDocument::open(junk));
  }
  REQUIRE_FALSE(messages.empty());
  CHECK(messages.front().rfind("error", 0) == 0);
}
