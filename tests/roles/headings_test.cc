// Tests of headings.h: the section kind a heading names (record.md "Section
// kinds", dictionaries/rules/sections.tsv).
#include <catch2/catch.hpp>

#include "roles/cues.h"
#include "roles/headings.h"

using namespace overleg;

TEST_CASE("heading_kind: monitoring", "[headings]") {
  CHECK(heading_kind("nl", "Monitoring van de behoeften") == "monitoring");
  CHECK(heading_kind("nl", "Monitoring van de behoeften van de bevolking") == "monitoring");
  CHECK(heading_kind("nl", "Monitoring van de behoeften 2025") == "monitoring");
  CHECK(heading_kind("nl", "MONITORING VAN DE BEHOEFTEN") == "monitoring");
  CHECK(heading_kind("nl", "monitoring van de behoeften:") == "monitoring");
}

TEST_CASE("heading_kind: findings", "[headings]") {
  CHECK(heading_kind("nl", "Bevindingen") == "findings");
  CHECK(heading_kind("nl", "Bevindingen en aanpassingen van het aanbod") == "findings");
  CHECK(heading_kind("nl", "Aanpassingen, samenwerking en actiemogelijkheden") == "findings");
  CHECK(heading_kind("nl", "BEVINDINGEN") == "findings");
}

TEST_CASE("heading_kind: actions", "[headings]") {
  CHECK(heading_kind("nl", "Gezamenlijke acties") == "actions");
  CHECK(heading_kind("nl", "Gezamenlijk uit te voeren acties") == "actions");
  CHECK(heading_kind("nl", "Gezamenlijke uit te voeren acties en vooruitzichten") == "actions");
  CHECK(heading_kind("nl", "Gezamenlijk(e) uit te voeren acties en vooruitzichten") == "actions");
  CHECK(heading_kind("nl", "Actiepistes") == "actions");
  CHECK(heading_kind("nl", "Vooruitzichten") == "actions");
  CHECK(heading_kind("nl", "gezamenlijke acties") == "actions");
}

TEST_CASE("heading_kind: one damaged letter is tolerated", "[headings]") {
  CHECK(heading_kind("nl", "Monitoring van de behoeftcn") == "monitoring");
  CHECK(heading_kind("nl", "Monitoring van de behoeftcn van de bevolking") == "monitoring");
  CHECK(heading_kind("nl", "Gezamenlijke actles") == "actions");
}

TEST_CASE("heading_kind: accents and punctuation do not matter", "[headings]") {
  CHECK(heading_kind("nl", "Bevíndingen:") == "findings");
  CHECK(heading_kind("nl", "  Vooruitzichten.") == "actions");
}

TEST_CASE("heading_kind: other headings", "[headings]") {
  CHECK(heading_kind("nl", "Monitoring en nieuws uit de sector") == "other");
  CHECK(heading_kind("nl", "Vastgestelde thema's") == "other");
  CHECK(heading_kind("nl", "Lees meer") == "other");
  CHECK(heading_kind("nl", "Lees meer:") == "other");
  CHECK(heading_kind("nl", "") == "other");
  // A word that only starts like a known heading is not it.
  CHECK(heading_kind("nl", "Bevindingenrapport") == "other");
}

TEST_CASE("heading_kind: Save the date is events, not a section", "[headings]") {
  CHECK(heading_kind("nl", "Save the date") == "events");
  CHECK(heading_kind("nl", "SAVE THE DATE") == "events");
  CHECK(heading_kind("nl", "Save the date!") == "events");
  CHECK(heading_kind("nl", "Save the dates") == "events");
}

TEST_CASE("is_known_heading: any heading of sections.tsv, 'other' rows included", "[headings]") {
  CHECK(is_known_heading("nl", "Bevindingen"));
  CHECK(is_known_heading("nl", "Save the date"));
  CHECK(is_known_heading("nl", "Lees meer"));
  CHECK_FALSE(is_known_heading("nl", "Nieuwe aandachtspunten"));
  CHECK_FALSE(is_known_heading("nl", "Toename van de kwetsbaarheid bij alle doelpublieken."));
}

TEST_CASE("is_known_heading_start: a known heading cut short by a line break", "[headings]") {
  CHECK(is_known_heading_start("nl", "Gezamenlijke uit te voeren"));
  CHECK(is_known_heading_start("nl", "Monitoring van de"));
  CHECK_FALSE(is_known_heading_start("nl", "Gezamenlijke uit te voeren acties"));  // whole, not a start
  CHECK_FALSE(is_known_heading_start("nl", "Toename van de"));
  CHECK_FALSE(is_known_heading_start("nl", "Mon"));
}

TEST_CASE("heading_kind: French headings with the French table (fr/sections.tsv)", "[headings]") {
  CHECK(heading_kind("fr", "Monitoring des besoins") == "monitoring");
  CHECK(heading_kind("fr", "Monitoring des besoins de la population") == "monitoring");
  CHECK(heading_kind("fr", "Constats et adaptations de l’offre") == "findings");
  CHECK(heading_kind("fr", "Constats") == "findings");
  CHECK(heading_kind("fr", "Actions communes à mener et perspectives") == "actions");
  CHECK(heading_kind("fr", "Pistes d’action") == "actions");
  CHECK(heading_kind("fr", "Perspectives") == "actions");
  CHECK(heading_kind("fr", "À vos agendas") == "events");
  CHECK(heading_kind("fr", "Nouvelles du secteur") == "other");
  // Each language's headings are its own.
  CHECK(heading_kind("nl", "Constats et adaptations de l’offre") == "other");
  CHECK(heading_kind("fr", "Bevindingen") == "other");
}

TEST_CASE("cues: French labels, series and presentation line (fr/cues.tsv)", "[headings]") {
  CHECK(label_kind("fr", "Participants : 42 participants du secteur social-santé.") == LabelKind::participants);
  CHECK(strip_label("fr", "Participants : 42 participants.") == "42 participants.");
  CHECK(label_kind("fr", "À l’ordre du jour") == LabelKind::agenda);
  CHECK(is_series_label("fr", "Concertation thématique"));
  CHECK(is_presentation_line("fr", "Voir la présentation ici."));
  CHECK(is_standing_description("fr", "La concertation thématique dans les zones de soins est organisée pour se tenir "
                                      "informé des derniers développements."));
  CHECK(is_weekday("fr", "jeudi"));
  CHECK_FALSE(is_weekday("nl", "jeudi"));
  CHECK(label_kind("nl", "À l’ordre du jour") == LabelKind::none);
}
