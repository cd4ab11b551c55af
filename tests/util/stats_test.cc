// Tests of util/stats.h: median and quantile of measurements.
#include <catch2/catch.hpp>

#include "util/stats.h"

using namespace overleg;

TEST_CASE("median", "[stats]") {
  CHECK(median({}) == 0);
  CHECK(median({3}) == 3);
  CHECK(median({5, 1, 3}) == 3);
  CHECK(median({10, 10, 12, 10, 30}) == 10);
}

TEST_CASE("quantile: nearest rank, the smaller third's top", "[stats]") {
  CHECK(quantile({}, 0.5) == 0);
  CHECK(quantile({4, 1, 3, 2}, 1.0 / 3) == 2);
  CHECK(quantile({4, 1, 3, 2}, 0) == 1);
  CHECK(quantile({4, 1, 3, 2}, 1) == 4);
  CHECK(quantile({4, 1, 3, 2}, 7) == 4);  // clamped
}
