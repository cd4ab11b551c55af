// Tests of bidi.h: right-to-left text from visual into logical order.
#include <catch2/catch.hpp>

#include "util/bidi.h"

using namespace overleg;

TEST_CASE("visual_to_logical reverses right-to-left runs, leaves other text alone", "[bidi]") {
  CHECK_FALSE(has_right_to_left("Hello World, Привет, 你好"));
  CHECK(has_right_to_left("ملاعلاب"));
  CHECK(has_right_to_left("םולש"));
  CHECK(visual_to_logical("Thematisch overleg #3") == "Thematisch overleg #3");
  CHECK(visual_to_logical("ملاعلاب ابحرم") == "مرحبا بالعالم");
  CHECK(visual_to_logical("םלוע םולש") == "שלום עולם");
}
