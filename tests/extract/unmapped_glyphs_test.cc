// Tests of unmapped_glyphs.h: words of no character set aside and counted.
#include <catch2/catch.hpp>

#include "extract/unmapped_glyphs.h"

using namespace overleg;

TEST_CASE("words of control and private-use code points are set aside, counted", "[extract]") {
  Page page;
  for (const char* t : {"Sei", "\x04", "\uf8eb", "H\uf8edx", "\x12\x13", "•", "🇮🇩"}) page.boxes.emplace_back().text = t;
  set_aside_unmapped_glyphs(page);
  std::vector<std::string> kept;
  for (const Box& b : page.boxes) kept.push_back(b.text);
  CHECK(kept == std::vector<std::string>{"Sei", "H\uf8edx", "•", "🇮🇩"});
  CHECK(page.left_out.at(kNoUnicode) == 3);
  Page clean;
  clean.boxes.emplace_back().text = "woord";
  set_aside_unmapped_glyphs(clean);
  CHECK(clean.left_out.empty());
}
