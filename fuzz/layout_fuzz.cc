// Fuzz target: layout (areas, lines, blocks, tables, order) from word boxes
// of any position, size and text, on pages of any size.
#include <cstdint>
#include <vector>

#include "fuzz_input.h"
#include "layout/layout.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  overleg::fuzz::FuzzInput in(data, size);
  std::vector<overleg::Page> pages = overleg::fuzz::pages_from(in, 2000, 64, [](overleg::fuzz::FuzzInput& in, overleg::Page& page) {
    overleg::Box b;
    double x = in.number(-50, 2000), y = in.number(-50, 2000);
    b.bbox = {x, y, x + in.number(-5, 400), y + in.number(-5, 60)};
    b.size = in.number(0, 80);
    b.bold = in.byte() & 1;
    b.text = in.text(24);
    page.boxes.push_back(std::move(b));
  });
  auto blocks = overleg::lay_out(pages);
  (void)blocks;
  return 0;
}
