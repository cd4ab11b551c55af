// Helpers shared by the tests of lib/index/: a small record made as the
// pipeline makes them (a Report through record/record.h's to_json), and a
// fresh archive file in a temporary folder. Header-only; not a test itself.
#pragma once

#include <filesystem>
#include <string>

#include <catch2/catch.hpp>

#include "index/archive.h"
#include "index/record_reader.h"
#include "record/record.h"

namespace overleg::test {

/// A report of `zone` on `date` with one text in each place the archive
/// indexes: an agenda item, a findings and an actions section, an event.
inline Report small_report(const std::string& sha, const std::string& zone = "Zuid",
                           const std::string& date = "2025-09-25") {
  Report r;
  r.source.path = "archive/" + sha + ".pdf";
  r.source.sha256 = sha;
  r.source.bytes = 1000;
  r.source.pages = 2;
  r.language = "nl";
  for (int n : {1, 2}) {
    PageInfo page;
    page.number = n;
    page.chars = 100;
    r.pages.push_back(page);
  }
  r.meeting.series = "Thematisch overleg";
  r.meeting.title = "Thematisch overleg geestelijke gezondheid #3 (2025)";
  r.meeting.theme = "Geestelijke gezondheid";
  r.meeting.edition = 3;
  r.meeting.date = date;
  r.meeting.zone = zone;
  r.meeting.participants = Participants{20, "approximately", "Een twintigtal professionals."};
  r.agenda = {"Follow-up van het repertorium van ondersteunende diensten."};
  auto block = [](const std::string& type, const std::string& text, int level = 0) {
    SectionBlock b;
    b.type = type;
    b.text = text;
    b.level = level;
    return b;
  };
  Section findings;
  findings.kind = "findings";
  findings.heading = "Bevindingen";
  findings.page = 1;
  findings.blocks.push_back(block("paragraph", "Betere coördinatie tussen de eerste lijn en het ziekenhuis."));
  SectionBlock table = block("table", "");
  table.rows = {{"THEMA", "ZONES"}, {"Huiselijk geweld", "CW, ZO"}};
  findings.blocks.push_back(table);
  Section actions;
  actions.kind = "actions";
  actions.heading = "Gezamenlijke acties";
  actions.page = 2;
  actions.blocks.push_back(block("list_item", "Een gedeelde wachtlijst voor daklozen opzetten.", 1));
  r.sections = {findings, actions};
  Event e;
  e.title = "Thematisch overleg";
  e.date = "2026-03-03";
  e.start = "10:00";
  e.end = "12:00";
  e.text = "Het volgende overleg vindt plaats op 3 maart 2026.";
  r.events = {e};
  LinkRef link;
  link.url = "https://example.org/";
  link.text = "hier";
  link.page = 1;
  r.links = {link};
  Repair repair;
  repair.page = 1;
  repair.from = "coérdinatie";
  repair.to = "coördinatie";
  repair.rule = "lexicon";
  repair.evidence = RepairEvidence{{"coördinatie"}, 0.41};
  r.repairs = {repair};
  Diagnostic warning;
  warning.code = "ocr_low_confidence";
  warning.page = 2;
  warning.message = "low confidence";
  r.warnings = {warning};
  return r;
}

/// The record of `r` as the archive reads it.
inline IndexedRecord indexed(const Report& r) {
  auto rec = read_record(to_json_text(r, false), "test");
  REQUIRE(rec);
  return rec.value();
}

/// A temporary folder removed at the end of the test.
struct TempDir {
  std::filesystem::path path;
  TempDir() {
    path = std::filesystem::temp_directory_path() /
           ("overleg-index-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter()++));
    std::filesystem::remove_all(path);
    std::filesystem::create_directories(path);
  }
  ~TempDir() { std::filesystem::remove_all(path); }
  std::string file(const std::string& name) const { return (path / name).string(); }
  static int& counter() {
    static int n = 0;
    return n;
  }
};

/// An archive at `path`, opened or failed the test.
inline Archive open_archive(const std::string& path) {
  auto a = Archive::open(path, true);
  REQUIRE(a);
  return std::move(a.value());
}

}  // namespace overleg::test
