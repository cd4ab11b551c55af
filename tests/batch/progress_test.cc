#include "batch/progress.h"

#include <catch2/catch.hpp>

using namespace overleg;

TEST_CASE("format_progress shows done/total, pages/s, ETA and failures", "[progress]") {
  BatchProgress p;
  p.total = 10;
  p.done = 4;
  p.failed = 1;
  p.pages = 8;
  p.elapsed_seconds = 4;
  CHECK(pages_per_second(p) == Approx(2.0));
  CHECK(eta_seconds(p) == Approx(6.0));
  CHECK(format_progress(p) == "4/10 docs, 2.0 pages/s, ETA 0m06s, 1 failed");
  BatchProgress start;
  start.total = 3;
  CHECK(format_progress(start) == "0/3 docs, 0.0 pages/s");
}
