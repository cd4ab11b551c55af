// Tests of extract/small_caps.h: small-caps lines get their written case
// back from word heights; lines of real capitals keep theirs.
#include <catch2/catch.hpp>

#include "extract/small_caps.h"

using namespace overleg;

namespace {

std::vector<std::string> texts(const std::vector<OcrWordShape>& words) {
  std::vector<std::string> out;
  for (const auto& w : words) out.push_back(w.text);
  return out;
}

}  // namespace

TEST_CASE("small caps: two heights on one baseline are capitals and small capitals", "[small_caps]") {
  // As Tesseract boxed seed001-v-scan's heading: M tall (50 px), the rest 35.
  std::vector<OcrWordShape> words = {{"MONITORING", 100, 150, 0}, {"VAN", 115, 150, 0}, {"DE", 115, 150, 0},
                                     {"BEHOEFTEN", 115, 150, 0}, {"2025", 100, 150, 0},
                                     {"Het", 200, 230, 1}, {"overleg", 200, 230, 1}};
  lower_small_capitals(words);
  CHECK(texts(words) == std::vector<std::string>{"Monitoring", "van", "de", "behoeften", "2025", "Het", "overleg"});
  std::vector<OcrWordShape> accented = {{"ÉÉN", 100, 150, 0}, {"ÉTAPE", 115, 150, 0}};
  lower_small_capitals(accented);
  CHECK(texts(accented) == std::vector<std::string>{"Één", "étape"});
}

TEST_CASE("small caps: real capitals, a tail below the line, mixed case are left alone", "[small_caps]") {
  std::vector<OcrWordShape> capitals = {{"THEMA", 100, 150, 0}, {"ZONES", 101, 150, 0}};
  lower_small_capitals(capitals);
  CHECK(texts(capitals) == std::vector<std::string>{"THEMA", "ZONES"});
  // A Q's tail makes its word taller at the bottom, not at the top.
  std::vector<OcrWordShape> tail = {{"QUALITY", 100, 162, 0}, {"CARE", 100, 150, 0}};
  lower_small_capitals(tail);
  CHECK(texts(tail) == std::vector<std::string>{"QUALITY", "CARE"});
  std::vector<OcrWordShape> mixed = {{"Monitoring", 100, 150, 0}, {"VAN", 115, 150, 0}};
  lower_small_capitals(mixed);
  CHECK(texts(mixed) == std::vector<std::string>{"Monitoring", "VAN"});
  std::vector<OcrWordShape> one = {{"AGENDA", 100, 150, 0}};
  lower_small_capitals(one);
  CHECK(texts(one) == std::vector<std::string>{"AGENDA"});
}
