// Fuzz target: layout (areas, lines, blocks, tables, order) from word boxes
// of any position, size and text, on pages of any size.
#include <cstdint>
#include <vector>

#include "fuzz_input.h"
#include "layout/layout.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  overleg::fuzz::FuzzInput in(data, size);
  std::vector<overleg::Page> pages(1 + in.byte() % 3);
  int number = 0;
  for (auto& page : pages) {
    page.number = ++number;
    page.width = in.number(0, 2000);
    page.height = in.number(0, 2000);
    int boxes = in.byte() % 64;
    for (int i = 0; i < boxes && !in.empty(); ++i) {
      overleg::Box b;
      double x = in.number(-50, 2000), y = in.number(-50, 2000);
      b.bbox = {x, y, x + in.number(-5, 400), y + in.number(-5, 60)};
      b.size = in.number(0, 80);
      b.bold = in.byte() & 1;
      b.text = in.text(24);
      page.boxes.push_back(std::move(b));
    }
  }
  auto blocks = overleg::lay_out(pages);
  (void)blocks;
  return 0;
}
