// Tests of bullets.h: which words open a list item.
#include <catch2/catch.hpp>

#include "layout/bullets.h"

using namespace overleg;

TEST_CASE("bullet_kind: text-layer glyphs", "[bullets]") {
  for (const char* g : {"•", "▪", "◦", "–", "›", "-", "*"}) {
    INFO(g);
    CHECK(bullet_kind(g) == BulletKind::glyph);
  }
}

TEST_CASE("bullet_kind: numbers and letters as markers", "[bullets]") {
  CHECK(bullet_kind("1.") == BulletKind::number);
  CHECK(bullet_kind("9.") == BulletKind::number);
  CHECK(bullet_kind("12)") == BulletKind::number);
  CHECK(bullet_kind("a)") == BulletKind::number);
  CHECK(bullet_kind("2025.") == BulletKind::none);  // a year ending a sentence
}

TEST_CASE("bullet_kind: what OCR reads a bullet as is only a guess", "[bullets]") {
  CHECK(bullet_kind("@") == BulletKind::ocr_guess);
  CHECK(bullet_kind("e") == BulletKind::ocr_guess);
  CHECK(bullet_kind("®") == BulletKind::ocr_guess);
}

TEST_CASE("bullet_kind: words are no markers", "[bullets]") {
  CHECK(bullet_kind("Toename") == BulletKind::none);
  CHECK(bullet_kind("de") == BulletKind::none);
  CHECK(bullet_kind("") == BulletKind::none);
  CHECK(bullet_kind("•Tekst") == BulletKind::none);  // glued: see glued_bullet_length
}

TEST_CASE("glued_bullet_length: a glyph glued to the text", "[bullets]") {
  CHECK(glued_bullet_length("•Tekst") == std::string("•").size());
  CHECK(glued_bullet_length("•\u00a0Tekst") == std::string("•\u00a0").size());
  CHECK(glued_bullet_length("›Agenda") == std::string("›").size());
  // Dashes and asterisks glue into real words ("–" in "2024–2025").
  CHECK(glued_bullet_length("-zorg") == 0);
  CHECK(glued_bullet_length("–2025") == 0);
  CHECK(glued_bullet_length("•") == 0);  // the glyph alone is a marker word
  CHECK(glued_bullet_length("Tekst") == 0);
}
