// Fuzz target: the block stages after layout, from word boxes: layout with
// the heading cues, normalise, roles, segment into a Report, and the record
// JSON. Words are taken from the bytes, or (when a byte says so) from a
// list of the words these reports are made of (labels, headings, dates,
// times, counts), so that the role and segment readers are reached.
#include <cstdint>
#include <iterator>
#include <string>
#include <vector>

#include "fuzz_input.h"
#include "layout/layout.h"
#include "pipeline.h"
#include "model/report.h"
#include "record/record.h"
#include "roles/cues.h"
#include "roles/headings.h"
#include "roles/roles.h"
#include "segment/segment.h"
#include "text/normalise.h"

namespace {

const char* const kWords[] = {"Thematisch", "overleg", "Datum:", "Tijd:", "Locatie:", "Deelnemers:", "Agenda", "1.",
                              "2.", "II.", "3)", "Verslag", "Save", "the", "date", "12", "maart", "2025", "10:00",
                              "-", "12:00", "uur", "tot", "en", "met", "acht", "deelnemers", "Gebiedsteam", "Zuid",
                              "www.brusano.brussels", "info@brusano.brussels", "Pagina", "van", "inschrij-", "ving",
                              "Aanwezig:", "Verontschuldigd:", "Volgende", "vergadering", "donderdag", "2024-05-16",
                              "16/05/2024", "Bijlage", "•", "–", "Réunion", "thématique", "mars"};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  overleg::fuzz::FuzzInput in(data, size);
  double x = 40, y = 40;
  std::vector<overleg::Page> pages = overleg::fuzz::pages_from(in, 1200, 96, [&](overleg::fuzz::FuzzInput& in, overleg::Page& page) {
    if (page.boxes.empty()) x = 40, y = 40;
    overleg::Box b;
    const std::uint8_t how = in.byte();
    // Mostly words laid out in lines (as real pages are), sometimes anywhere.
    if (how & 0x80) {
      x = in.number(-20, 1200);
      y = in.number(-20, 1200);
    } else if (how & 0x40) {
      x = 40;
      y += in.number(8, 40);
    }
    const double size_pt = (how & 0x20) ? in.number(0, 40) : 10 + (how & 7);
    b.text = (how & 0x10) ? in.text(16) : kWords[in.byte() % std::size(kWords)];
    const double width = 0.5 * size_pt * static_cast<double>(b.text.size());
    b.bbox = {x, y, x + width, y + size_pt};
    b.size = size_pt;
    b.bold = how & 0x08;
    x += width + size_pt * 0.3;
    page.boxes.push_back(std::move(b));
  });
  const overleg::Lexicon* lex = overleg::fuzz::lexicon();
  // Either language's rules, as the pipeline picks them by the document's.
  const std::string lang = size % 2 ? "fr" : "nl";
  overleg::HeadingCue cue = overleg::heading_cue(lang, lex);
  std::vector<overleg::Block> blocks = overleg::lay_out(pages, cue);
  overleg::normalise_blocks(blocks, lex);
  overleg::assign_roles(blocks, lang);
  overleg::Report report;
  report.source.path = "fuzz.pdf";
  report.source.pages = static_cast<int>(pages.size());
  overleg::segment(blocks, report);
  (void)overleg::to_json_text(report, false);
  return 0;
}
