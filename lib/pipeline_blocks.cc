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
  // The rules (headings, labels, dates...) are those of the document's
  // language, known by now; Dutch when it cannot be told.
  const std::string lang = report.language.value_or("nl");
  HeadingCue cue{[&](std::string_view t) { return is_known_heading(lang, t); },
                 [&](std::string_view t) { return is_known_heading_start(lang, t); },
                 [&](std::string_view t) { return is_label_line(lang, t); }};
  std::vector<Block> blocks = lay_out(pages, cue);
  normalise_blocks(blocks, lexicon_);
  assign_roles(blocks, lang);
  // The repair's lexicon and confusions are Dutch: text in another language
  // (report.language, known by now) is left as read rather than "corrected"
  // into Dutch words, until that language has its own (issue #15).
  const bool dutch = report.language.value_or("nl") == "nl";
  if (repair && options_.repair && lexicon_ && dutch) {
    repair_blocks(blocks, pages, report);
    assign_roles(blocks, lang);
  }
  return blocks;
}

}  // namespace overleg
