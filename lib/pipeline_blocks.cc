// The block stages of the pipeline, wired: layout -> normalise -> roles,
// with repair between when asked (pipeline.h). Wiring only.
#include "layout/layout.h"
#include "pipeline.h"
#include "roles/cues.h"
#include "roles/headings.h"
#include "roles/roles.h"
#include "text/normalise.h"
#include "text/document_repair.h"

namespace overleg {

void Converter::repair_blocks(std::vector<Block>& blocks, const std::vector<Page>& pages, Report& report) const {
  std::vector<Repair> repairs = overleg::repair_blocks(blocks, pages, *lexicon_);
  report.repairs.insert(report.repairs.end(), repairs.begin(), repairs.end());
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
