// The block stages of the pipeline, wired: layout -> normalise -> roles,
// with repair between when asked (pipeline.h). Wiring only.
#include "layout/layout.h"
#include "pipeline.h"
#include "roles/cues.h"
#include "roles/headings.h"
#include "roles/roles.h"
#include "text/normalise.h"
#include "text/repair.h"

namespace overleg {

void Converter::repair_blocks(std::vector<Block>& blocks, const std::vector<Page>& pages, Report& report) const {
  for (Block& b : blocks) {
    // Footers, running headers and page numbers are not part of the
    // record; their repairs would only be noise in it.
    if (b.role == Role::footer || b.role == Role::running_header || b.role == Role::page_number) continue;
    RepairOptions opts;
    opts.ocr = b.page >= 1 && b.page <= static_cast<int>(pages.size()) && pages[b.page - 1].method == PageMethod::ocr;
    auto fix = [&](std::string& text) {
      RepairOutcome out = repair_text(text, b.page, *lexicon_, opts);
      text = std::move(out.text);
      report.repairs.insert(report.repairs.end(), out.repairs.begin(), out.repairs.end());
    };
    fix(b.text);
    for (auto& row : b.rows)
      for (auto& cell : row) fix(cell);
  }
}

std::vector<Block> Converter::read_blocks(const std::vector<Page>& pages, Report& report, bool repair) const {
  // layout -> normalise -> roles; repair needs the roles (it skips the
  // furniture), and the roles are weighed again on the repaired words.
  std::vector<Block> blocks = lay_out(pages, HeadingCue{is_known_heading, is_known_heading_start, is_label_line});
  normalise_blocks(blocks, lexicon_);
  assign_roles(blocks);
  if (repair && options_.repair && lexicon_) {
    repair_blocks(blocks, pages, report);
    assign_roles(blocks);
  }
  return blocks;
}

}  // namespace overleg
