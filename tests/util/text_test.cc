// Tests of text.h: folding for matching and small UTF-8 helpers.
#include <catch2/catch.hpp>

#include "util/text.h"

using namespace overleg;

TEST_CASE("fold: lower case, no accents, non-letters one space", "[text]") {
  CHECK(fold("Gezamenlijk(e) uit te voeren ácties:") == "gezamenlijk e uit te voeren acties");
  CHECK(fold("  Coördinatie --  Zuid-Oost ") == "coordinatie zuid oost");
  CHECK(fold("thema's") == "themas");
  CHECK(fold("") == "");
}

TEST_CASE("case tests on the first code point", "[text]") {
  CHECK(starts_lowercase("één"));
  CHECK_FALSE(starts_lowercase("Één"));
  CHECK(starts_uppercase("Éénmaal"));
  CHECK_FALSE(starts_uppercase("(haakjes"));
  CHECK_FALSE(starts_lowercase(""));
  CHECK(to_lower("ÉÉN Zorg") == "één zorg");
  CHECK(to_lower("GlyphLessFont AZ-az 09@[`{") == "glyphlessfont az-az 09@[`{");  // the ASCII path
}

TEST_CASE("code points, UTF-32 round trip, edit distance, trim", "[text]") {
  CHECK(count_code_points("coördinatie") == 11);
  CHECK(last_code_point("ë") == U'ë');
  CHECK(last_code_point("") == 0);
  CHECK(to_utf8(to_u32("welzijns- en gezondheidssector “€”")) == "welzijns- en gezondheidssector “€”");
  CHECK(edit_distance(U"behoeften", U"behoeftcn") == 1);
  CHECK(edit_distance(U"", U"abc") == 3);
  CHECK(trim("\u00a0 tekst \t\n") == "tekst");
}

TEST_CASE("trim: Unicode spaces on both ends, inner ones kept, damaged bytes as U+FFFD", "[text]") {
  CHECK(trim("\u2003\u3000co\u00f6rdinatie  \u00e9t\u00e9\u2009\u00a0") == "co\u00f6rdinatie  \u00e9t\u00e9");
  CHECK(trim(" \u2003 \u00a0\n") == "");
  CHECK(trim("") == "");
  CHECK(trim("\u00e9") == "\u00e9");
  // A bad byte (here a lone continuation byte and a cut-off sequence) reads
  // as U+FFFD, as to_u32 reads it.
  CHECK(trim(" a\x80" "b \xc3") == "a\ufffdb \ufffd");
  CHECK(trim("\x80 ") == "\ufffd");
}
