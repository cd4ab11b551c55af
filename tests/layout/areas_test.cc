// Tests of areas.h: a page cut into strips and columns in reading order.
#include <catch2/catch.hpp>

#include "layout/areas.h"
#include "test_support.h"

using namespace overleg;
using overleg::test::add_lines;

namespace {

constexpr double kPageWidth = 595;

const std::vector<std::string> kLeftText = {
    "Toename van de kwetsbaarheid bij alle",
    "doelpublieken. Het sociale aspect, dat",
    "zorgt voor een zekere mate van",
    "stabiliteit voor mensen, verslechtert,",
    "vooral met betrekking tot huisvesting",
    "en de komende maatregelen.",
};
const std::vector<std::string> kRightText = {
    "Mensen thuis ondersteunen brengt ook",
    "veel uitdagingen met zich mee: mensen",
    "die geen hulp vragen ondanks duidelijke",
    "problemen, doorverwijzingen wanneer",
    "mobiele teams overbelast zijn.",
};

// Two columns of running text, 50..280 and 310..545, from y.
std::vector<Box> two_columns(double y) {
  std::vector<Box> boxes;
  add_lines(boxes, kLeftText, 50, y);
  add_lines(boxes, kRightText, 310, y);
  return boxes;
}

bool holds_word(const Area& a, const std::string& w) {
  for (const Box& b : a.boxes)
    if (b.text == w) return true;
  return false;
}

}  // namespace

TEST_CASE("find_areas: two columns side by side are two areas, left first", "[areas]") {
  std::vector<Box> boxes = two_columns(200);
  // The source may give the right column first.
  std::reverse(boxes.begin(), boxes.end());
  std::vector<Area> areas = find_areas(boxes, kPageWidth);
  REQUIRE(areas.size() == 2);
  CHECK(areas[0].bbox.x1 < areas[1].bbox.x0);
  CHECK(holds_word(areas[0], "Toename"));
  CHECK(holds_word(areas[1], "Mensen"));
  CHECK_FALSE(areas[0].table);
  CHECK_FALSE(areas[1].table);
  CHECK(areas[0].boxes.size() + areas[1].boxes.size() == boxes.size());
}

TEST_CASE("find_areas: a band above the columns is a strip of its own, first", "[areas]") {
  std::vector<Box> boxes;
  add_lines(boxes, {"Thematisch overleg geestelijke gezondheid #3 (2025)"}, 50, 60, 20, true);
  overleg::test::add(boxes, two_columns(140));
  std::vector<Area> areas = find_areas(boxes, kPageWidth);
  REQUIRE(areas.size() == 3);
  CHECK(holds_word(areas[0], "Thematisch"));
  CHECK(areas[0].bbox.y1 < areas[1].bbox.y0);
  CHECK(areas[0].bbox.y1 < areas[2].bbox.y0);
  CHECK(holds_word(areas[1], "Toename"));
  CHECK(holds_word(areas[2], "Mensen"));
  CHECK(areas[1].bbox.x1 < areas[2].bbox.x0);
}

TEST_CASE("find_areas: a full-width strip below the columns comes after them", "[areas]") {
  std::vector<Box> boxes = two_columns(140);
  add_lines(boxes,
            {"Met de steun van de GGC - Een initiatief van de vzw BRUSANO - zorgzone Zuid - "
             "www.zorgzone-zuid.brussels - zuid@zorgzone-zuid.brussels"},
            50, 780, 7);
  std::vector<Area> areas = find_areas(boxes, kPageWidth);
  REQUIRE(areas.size() == 3);
  CHECK(holds_word(areas[0], "Toename"));
  CHECK(holds_word(areas[1], "Mensen"));
  CHECK(holds_word(areas[2], "BRUSANO"));
}

TEST_CASE("find_areas: one column of text is one area", "[areas]") {
  std::vector<Box> boxes;
  add_lines(boxes, kLeftText, 50, 100);
  std::vector<Area> areas = find_areas(boxes, kPageWidth);
  REQUIRE(areas.size() == 1);
  CHECK(areas[0].boxes.size() == boxes.size());
}

TEST_CASE("find_areas: a narrow block whose sides line up row by row is a table", "[areas]") {
  std::vector<Box> boxes;
  add_lines(boxes, {"THEMA", "Huiselijk geweld", "Eenzaamheid", "Dakloosheid"}, 60, 300);
  add_lines(boxes, {"ZORGZONES", "CW, ZO", "Noord", "Zuid"}, 200, 300);
  std::vector<Area> areas = find_areas(boxes, kPageWidth);
  REQUIRE(areas.size() == 1);
  CHECK(areas[0].table);
  REQUIRE(areas[0].cell_cuts.size() == 1);
  CHECK(areas[0].cell_cuts[0] > 140);
  CHECK(areas[0].cell_cuts[0] < 200);
}

TEST_CASE("find_areas on no boxes gives no areas", "[areas]") { CHECK(find_areas({}, kPageWidth).empty()); }
