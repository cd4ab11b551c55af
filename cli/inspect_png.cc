#include "inspect_png.h"

namespace overleg {

std::uint32_t role_colour(Role role) {
  switch (role) {
    case Role::body: return 0x1f77b4;
    case Role::section_heading: return 0xd62728;
    case Role::title: return 0x9467bd;
    case Role::series: return 0x8c564b;
    case Role::masthead: return 0xe377c2;
    case Role::date_line: return 0xff7f0e;
    case Role::participants: return 0x2ca02c;
    case Role::agenda_item: return 0x17becf;
    case Role::standing_description: return 0x7f7f7f;
    case Role::presentation_line: return 0xbcbd22;
    case Role::label: return 0x393b79;
    case Role::aside: return 0x637939;
    case Role::save_the_date: return 0xad494a;
    case Role::event: return 0xe7969c;
    case Role::running_header: return 0x8c6d31;
    case Role::footer: return 0x843c39;
    case Role::page_number: return 0x7b4173;
  }
  return 0x000000;
}

std::vector<PageOutline> block_outlines(const std::vector<Block>& blocks) {
  std::vector<PageOutline> out;
  int n = 0;
  for (const Block& b : blocks) {
    ++n;
    if (b.bbox.empty()) continue;
    out.push_back({b.page, b.bbox, role_colour(b.role), std::to_string(n) + " " + to_string(b.role)});
  }
  return out;
}

}  // namespace overleg
