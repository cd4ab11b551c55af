// Adding a language is adding files: a German report, which no code knows
// of, segmented with German rule tables loaded at run time from
// tests/data/rules/de/ (headings, labels, cues, months, weekdays, times,
// number words, qualifiers, series, title and announcement words, zones).
// Hand-made pages go through the real layout, roles and segment stages.
#include <catch2/catch.hpp>

#include "layout/layout.h"
#include "pipeline.h"
#include "roles/cues.h"
#include "roles/headings.h"
#include "roles/roles.h"
#include "segment/segment.h"
#include "test_support.h"
#include "util/rules.h"

using namespace overleg;
using overleg::test::add_lines;

namespace {


// layout -> roles -> segment with language `lang`'s tables, as the pipeline
// runs them (line breaks read as spaces, as normalise leaves them).
Report segment_pages(const std::vector<Page>& pages, const std::string& lang) {
  HeadingCue cue = heading_cue(lang, nullptr);
  std::vector<Block> blocks = lay_out(pages, cue);
  for (Block& b : blocks)
    for (char& c : b.text)
      if (c == '\n') c = ' ';
  assign_roles(blocks, lang);
  Report report;
  report.language = lang;
  for (const Page& p : pages) {
    PageInfo info;
    info.number = p.number;
    report.pages.push_back(info);
  }
  segment(blocks, report);
  return report;
}

// A German "Thematische Konsultation" on one page: band, sidebar, two
// columns, the "Termine" box, a footer.
std::vector<Page> german_report() {
  std::vector<Box> boxes;
  add_lines(boxes, {"Thematische Konsultation"}, 40, 30, 11);
  add_lines(boxes, {"13.03.25"}, 510, 30, 11);
  add_lines(boxes, {"Thematische Konsultation zu psychischer Gesundheit #2 (2025)"}, 40, 50, 16, true);
  add_lines(boxes, {"Etwa zwanzig Fachleute", "aus dem Sozialbereich.", "", "Die thematische", "Konsultation in den",
                    "Gesundheitszonen wird", "von den Zonen", "organisiert."},
            30, 130, 9);
  double y = add_lines(boxes, {"Feststellungen"}, 190, 130, 14, true);
  add_lines(boxes,
            {"Die Dienste der Gesundheitszone", "Süd kennen einander noch zu", "wenig, und die Wartezeiten",
             "werden in allen Bereichen", "länger, vor allem bei den", "jungen Erwachsenen."},
            190, y + 4);
  y = add_lines(boxes, {"Gemeinsame Maßnahmen"}, 395, 130, 14, true);
  add_lines(boxes,
            {"Ein Verzeichnis der Dienste", "wird erstellt und an alle", "Partner der Zone verteilt,",
             "damit sie einander besser", "kennenlernen."},
            395, y + 4);
  add_lines(boxes, {"Termine"}, 60, 600, 14, true);
  add_lines(boxes,
            {"Die nächste Thematische Konsultation zu psychischer Gesundheit findet am Donnerstag, 12. Juni",
             "2025 statt, von 9.30 bis 12 Uhr, im Gesundheitshaus, Hauptstraße 5, 1000 Brüssel."},
            60, 624, 10);
  add_lines(boxes, {"Mit der Unterstützung der GGC - Eine Initiative der VoG BRUSANO"}, 40, 800, 7);
  return {test::a4_page(1, boxes)};
}

}  // namespace

TEST_CASE("a third language: German rules from a test folder segment a German report", "[segment]") {
  REQUIRE(load_rule_folder("de", test::source_dir() + "/tests/data/rules/de"));
  Report r = segment_pages(german_report(), "de");

  CHECK(r.meeting.series == std::optional<std::string>("Thematische Konsultation"));
  CHECK(r.meeting.title == std::optional<std::string>("Thematische Konsultation zu psychischer Gesundheit #2 (2025)"));
  CHECK(r.meeting.theme == std::optional<std::string>("Psychischer Gesundheit"));
  CHECK(r.meeting.edition == std::optional<int>(2));
  CHECK(r.meeting.date == std::optional<std::string>("2025-03-13"));
  CHECK(r.meeting.zone == std::optional<std::string>("Zuid"));
  REQUIRE(r.meeting.participants);
  CHECK(r.meeting.participants->count == std::optional<int>(20));
  CHECK(r.meeting.participants->qualifier == std::optional<std::string>("approximately"));

  REQUIRE(r.sections.size() == 2);
  CHECK(r.sections[0].kind == "findings");
  CHECK(r.sections[0].heading == "Feststellungen");
  CHECK(r.sections[1].kind == "actions");
  CHECK(r.sections[1].heading == "Gemeinsame Maßnahmen");

  REQUIRE(r.events.size() == 1);
  const Event& e = r.events[0];
  CHECK(e.date == std::optional<std::string>("2025-06-12"));
  CHECK(e.start == std::optional<std::string>("09:30"));
  CHECK(e.end == std::optional<std::string>("12:00"));
  CHECK(e.title == std::optional<std::string>("Thematische Konsultation psychischer Gesundheit"));
  CHECK(e.location == std::optional<std::string>("Gesundheitshaus, Hauptstraße 5, 1000 Brüssel"));
}

TEST_CASE("a third language: the same German report read with the Dutch rules finds none of it", "[segment]") {
  // Without its tables the report is text: the rules, not the code, know German.
  Report r = segment_pages(german_report(), "nl");
  CHECK_FALSE(r.meeting.series);
  CHECK_FALSE(r.meeting.participants);
  CHECK_FALSE(r.meeting.theme == std::optional<std::string>("Psychischer Gesundheit"));
  for (const Section& s : r.sections) CHECK(s.kind == "other");
}
