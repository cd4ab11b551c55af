// The block stages of the pipeline, wired: layout -> normalise -> roles,
// with repair between when asked (pipeline.h). Wiring only.
#include "layout/layout.h"
#include "lexicon/lexicon.h"
#include "pipeline.h"
#include "roles/cues.h"
#include "roles/headings.h"
#include "roles/roles.h"
#include "text/normalise.h"
#include "text/document_repair.h"
#include "util/text.h"

namespace overleg {

void Converter::repair_blocks(std::vector<Block>& blocks, const std::vector<Page>& pages, const Lexicon& lexicon,
                              Report& report) const {
  // The lexicon is the told language's, or the default one when the
  // language could not be told: then no OCR rule runs on the text.
  std::vector<Repair> repairs = overleg::repair_blocks(blocks, pages, lexicon, report.language.has_value());
  report.repairs.insert(report.repairs.end(), repairs.begin(), repairs.end());
}

HeadingCue heading_cue(const std::string& lang, const Lexicon* lexicon) {
  return HeadingCue{
      [lang](std::string_view t) { return is_known_heading(lang, t); },
      [lang](std::string_view t) { return is_known_heading_start(lang, t); },
      [lang](std::string_view t) { return is_label_line(lang, t); },
      [lang, lexicon](std::string_view line, std::string_view next) {
        // It matches a longer heading with the next line, or it ends in a
        // function word before a line that is a known heading too
        // ("acties en" + "VOORUITZICHTEN").
        if (known_heading_length(lang, std::string(line) + " " + std::string(next)) > known_heading_length(lang, line))
          return true;
        const std::size_t space = line.find_last_of(' ');
        if (!lexicon || space == std::string_view::npos || !is_known_heading(lang, next)) return false;
        return lexicon->info(to_lower(line.substr(space + 1))).has(lexicon_format::kFunction);
      }};
}

std::vector<Block> Converter::read_blocks(const std::vector<Page>& pages, Report& report, bool repair) const {
  // layout -> normalise -> roles; repair needs the roles (it skips the
  // furniture), and the roles are weighed again on the repaired words.
  // The rules (headings, labels, dates...) are those of the document's
  // language, known by now; Dutch when it cannot be told.
  const std::string lang = report.language.value_or("nl");
  // Line-end hyphens, repair and the headings' last words with the lexicon
  // of the document's language, which brings that language's hyphen rules
  // and OCR confusions with it: never Dutch words on French text.
  const Lexicon* lexicon = lexicon_for(report);
  HeadingCue cue = heading_cue(lang, lexicon);
  std::map<int, int> specks;  // OCR lines layout took for specks, by page: in the ledger
  std::vector<Block> blocks = lay_out(pages, cue, &specks);
  for (PageInfo& p : report.pages)
    if (auto it = specks.find(p.number); it != specks.end()) p.left_out["speck"] += it->second;
  normalise_blocks(blocks, lexicon);
  assign_roles(blocks, lang);
  if (repair && options_.repair && lexicon) {
    repair_blocks(blocks, pages, *lexicon, report);
    assign_roles(blocks, lang);
  }
  return blocks;
}

const Lexicon* Converter::lexicon_for(Report& report) const {
  if (!lexicon_ || !report.language || *report.language == lexicon_->language()) return lexicon_;
  const std::string& lang = *report.language;
  auto it = language_lexicons_.find(lang);
  if (it == language_lexicons_.end()) {
    auto loaded = Lexicon::load_language(lang);
    it = language_lexicons_.emplace(lang, loaded ? loaded.value() : nullptr).first;
  }
  bool warned = false;
  for (const Diagnostic& w : report.warnings) warned = warned || w.code == "lexicon_missing";
  if (!it->second && !warned)
    report.warnings.push_back({"lexicon_missing", report.source.path, 0,
                               Lexicon::default_path(lang) + " not found: the text in language '" + lang +
                                   "' is not repaired and its line-end hyphens are decided without a lexicon"});
  return it->second.get();
}

}  // namespace overleg
