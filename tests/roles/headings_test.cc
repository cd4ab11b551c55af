// Tests of headings.h: the section kind a heading names (record.md "Section
// kinds", dictionaries/rules/sections.tsv).
#include <catch2/catch.hpp>

#include "roles/headings.h"

using namespace overleg;

TEST_CASE("heading_kind: monitoring", "[headings]") {
  CHECK(heading_kind("Monitoring van de behoeften") == "monitoring");
  CHECK(heading_kind("Monitoring van de behoeften van de bevolking") == "monitoring");
  CHECK(heading_kind("Monitoring van de behoeften 2025") == "monitoring");
  CHECK(heading_kind("MONITORING VAN DE BEHOEFTEN") == "monitoring");
  CHECK(heading_kind("monitoring van de behoeften:") == "monitoring");
}

TEST_CASE("heading_kind: findings", "[headings]") {
  CHECK(heading_kind("Bevindingen") == "findings");
  CHECK(heading_kind("Bevindingen en aanpassingen van het aanbod") == "findings");
  CHECK(heading_kind("Aanpassingen, samenwerking en actiemogelijkheden") == "findings");
  CHECK(heading_kind("BEVINDINGEN") == "findings");
}

TEST_CASE("heading_kind: actions", "[headings]") {
  CHECK(heading_kind("Gezamenlijke acties") == "actions");
  CHECK(heading_kind("Gezamenlijk uit te voeren acties") == "actions");
  CHECK(heading_kind("Gezamenlijke uit te voeren acties en vooruitzichten") == "actions");
  CHECK(heading_kind("Gezamenlijk(e) uit te voeren acties en vooruitzichten") == "actions");
  CHECK(heading_kind("Actiepistes") == "actions");
  CHECK(heading_kind("Vooruitzichten") == "actions");
  CHECK(heading_kind("gezamenlijke acties") == "actions");
}

TEST_CASE("heading_kind: one damaged letter is tolerated", "[headings]") {
  CHECK(heading_kind("Monitoring van de behoeftcn") == "monitoring");
  CHECK(heading_kind("Monitoring van de behoeftcn van de bevolking") == "monitoring");
  CHECK(heading_kind("Gezamenlijke actles") == "actions");
}

TEST_CASE("heading_kind: accents and punctuation do not matter", "[headings]") {
  CHECK(heading_kind("Bevíndingen:") == "findings");
  CHECK(heading_kind("  Vooruitzichten.") == "actions");
}

TEST_CASE("heading_kind: other headings", "[headings]") {
  CHECK(heading_kind("Monitoring en nieuws uit de sector") == "other");
  CHECK(heading_kind("Vastgestelde thema's") == "other");
  CHECK(heading_kind("Lees meer") == "other");
  CHECK(heading_kind("Lees meer:") == "other");
  CHECK(heading_kind("") == "other");
  // A word that only starts like a known heading is not it.
  CHECK(heading_kind("Bevindingenrapport") == "other");
}

TEST_CASE("heading_kind: Save the date is events, not a section", "[headings]") {
  CHECK(heading_kind("Save the date") == "events");
  CHECK(heading_kind("SAVE THE DATE") == "events");
  CHECK(heading_kind("Save the date!") == "events");
  CHECK(heading_kind("Save the dates") == "events");
}

TEST_CASE("is_known_heading: any heading of sections.tsv, 'other' rows included", "[headings]") {
  CHECK(is_known_heading("Bevindingen"));
  CHECK(is_known_heading("Save the date"));
  CHECK(is_known_heading("Lees meer"));
  CHECK_FALSE(is_known_heading("Nieuwe aandachtspunten"));
  CHECK_FALSE(is_known_heading("Toename van de kwetsbaarheid bij alle doelpublieken."));
}

TEST_CASE("is_known_heading_start: a known heading cut short by a line break", "[headings]") {
  CHECK(is_known_heading_start("Gezamenlijke uit te voeren"));
  CHECK(is_known_heading_start("Monitoring van de"));
  CHECK_FALSE(is_known_heading_start("Gezamenlijke uit te voeren acties"));  // whole, not a start
  CHECK_FALSE(is_known_heading_start("Toename van de"));
  CHECK_FALSE(is_known_heading_start("Mon"));
}
