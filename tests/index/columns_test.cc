// Tests of index/columns.h: widths in terminal cells, cutting, alignment.
#include <catch2/catch.hpp>

#include "index/columns.h"

using namespace overleg;

TEST_CASE("display_width counts terminal cells", "[index][columns]") {
  CHECK(display_width("zorg") == 4);
  CHECK(display_width("coördinatie") == 11);           // precomposed ö
  CHECK(display_width("coo\xCC\x88rdinatie") == 11);   // o + combining diaeresis
  CHECK(display_width("漢字") == 4);
  CHECK(display_width("…") == 1);
}

TEST_CASE("truncate_to_width cuts on code points and marks the cut", "[index][columns]") {
  CHECK(truncate_to_width("coördinatie", 20) == "coördinatie");
  CHECK(truncate_to_width("coördinatie", 4) == "coö…");
  CHECK(display_width(truncate_to_width("漢字漢字", 5)) <= 5);
}

TEST_CASE("align_columns pads by display width", "[index][columns]") {
  const std::string out = align_columns({{"zone", "x"}, {"Zuid-Oost", "y"}, {"Brüssel", "z"}});
  CHECK(out == "zone       x\nZuid-Oost  y\nBrüssel    z\n");
  CHECK(align_columns({{"abcdef", "x"}}, {4, 0}) == "abc…  x\n");
}
