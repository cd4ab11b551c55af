// Tests of written_values.h: dates, times, number words and participant
// counts read with a language's tables: French (dictionaries/rules/fr/),
// Dutch (the same answers as roles/dutch.h), and German from files
// loaded at run time (tests/data/rules/de/), which no code knows about.
#include <catch2/catch.hpp>

#include "roles/dutch.h"
#include "roles/written_values.h"
#include "test_support.h"
#include "util/rules.h"

using namespace overleg;

namespace {

std::string iso_of(std::string_view lang, std::string_view text) {
  auto d = read_date(lang, text);
  if (!d) return "none";
  return d->year ? d->iso() : "--" + std::to_string(d->month) + "-" + std::to_string(d->day);
}

std::string times_of(std::string_view lang, std::string_view text) {
  auto t = read_time_range(lang, text);
  if (!t) return "none";
  return t->start.value_or("null") + "-" + t->end.value_or("null");
}

std::string participants_of(std::string_view lang, std::string_view text) {
  auto p = read_participants(lang, text);
  if (!p) return "none";
  return std::to_string(p->count) + " " + p->qualifier;
}

void load_german() {
  static const bool loaded = static_cast<bool>(load_rule_folder("de", test::source_dir() + "/tests/data/rules/de"));
  REQUIRE(loaded);
}

}  // namespace

TEST_CASE("written values: French dates", "[written_values]") {
  CHECK(iso_of("fr", "jeudi 13 mars 2025") == "2025-03-13");
  CHECK(iso_of("fr", "Jeudi 13 mars 2025") == "2025-03-13");
  CHECK(iso_of("fr", "le 1er avril 2025") == "2025-04-01");
  CHECK(iso_of("fr", "aura lieu le jeudi 15 mai 2025, de 9h30 à 12h") == "2025-05-15");
  CHECK(iso_of("fr", "le 6 févr. 2025") == "2025-02-06");
  CHECK(iso_of("fr", "mardi 12 août 2025") == "2025-08-12");
  CHECK(iso_of("fr", "le 3 décembre 2024") == "2024-12-03");
  CHECK(iso_of("fr", "06/02/25") == "2025-02-06");
  CHECK(iso_of("fr", "le 9 octobre") == "--10-9");
  CHECK(iso_of("fr", "Plus de 40 professionnels") == "none");
  CHECK(iso_of("fr", "12 participants, 3 ateliers") == "none");
  // Dutch month names are not French ones.
  CHECK(iso_of("fr", "7 novembre 2024") == "2024-11-07");
  CHECK(iso_of("fr", "7 november 2024") == "none");
  CHECK(iso_of("fr", "8 oktober 2024") == "none");
}

TEST_CASE("written values: the match's position", "[written_values]") {
  std::string text = "La concertation aura lieu le jeudi 13 mars 2025 à Evere.";
  auto d = read_date("fr", text);
  REQUIRE(d);
  CHECK(text.substr(d->begin, d->end - d->begin) == "13 mars 2025");
  auto t = read_time_range("fr", std::string_view("Accueil de 9h30 à 12h, puis lunch."));
  REQUIRE(t);
  CHECK(std::string("Accueil de 9h30 à 12h, puis lunch.").substr(t->begin, t->end_pos - t->begin) ==
        "de 9h30 à 12h");
}

TEST_CASE("written values: French times", "[written_values]") {
  CHECK(times_of("fr", "de 9h30 à 12h") == "09:30-12:00");
  CHECK(times_of("fr", "14h-16h30") == "14:00-16:30");
  CHECK(times_of("fr", "de 14h à 16h30") == "14:00-16:30");
  CHECK(times_of("fr", "14 h – 16 h 30") == "14:00-16:30");
  CHECK(times_of("fr", "entre 9h et 11h") == "09:00-11:00");
  CHECK(times_of("fr", "de 14 à 16 heures") == "14:00-16:00");
  CHECK(times_of("fr", "à partir de 18h") == "18:00-null");
  CHECK(times_of("fr", "Accueil à 9h15.") == "09:15-null");
  CHECK(times_of("fr", "13:00-15:30") == "13:00-15:30");
  CHECK(times_of("fr", "le jeudi 5 juin 2025, de 14h à 16h30, au Centre culturel") == "14:00-16:30");
  CHECK(times_of("fr", "pour les 12-25 ans") == "none");
  CHECK(times_of("fr", "le cycle 2024-2025") == "none");
  CHECK(times_of("fr", "rue de Paris 43, 1140 Evere") == "none");
  CHECK(times_of("fr", "") == "none");
}

TEST_CASE("written values: French number words", "[written_values]") {
  using P = std::pair<int, bool>;
  CHECK(read_count_word("fr", "42") == P{42, false});
  CHECK(read_count_word("fr", "vingt") == P{20, false});
  CHECK(read_count_word("fr", "vingt-cinq") == P{25, false});
  CHECK(read_count_word("fr", "trente-et-un") == P{31, false});
  CHECK(read_count_word("fr", "soixante-dix") == P{70, false});
  CHECK(read_count_word("fr", "quatre-vingt-douze") == P{92, false});
  CHECK(read_count_word("fr", "septante-cinq") == P{75, false});
  CHECK(read_count_word("fr", "vingtaine") == P{20, true});
  CHECK(read_count_word("fr", "Quinzaine") == P{15, true});
  CHECK(read_count_word("fr", "cent vingt") == P{120, false});
  CHECK_FALSE(read_count_word("fr", "professionnels"));
  CHECK_FALSE(read_count_word("fr", "vingt-professionnels"));
  CHECK_FALSE(read_count_word("fr", ""));
  CHECK_FALSE(read_count_word("fr", "twintig"));  // a Dutch word
}

TEST_CASE("written values: French participant counts and qualifiers", "[written_values]") {
  CHECK(participants_of("fr", "Une vingtaine de professionnels du secteur social-santé.") == "20 approximately");
  CHECK(participants_of("fr", "Une quinzaine de participants") == "15 approximately");
  CHECK(participants_of("fr", "Plus de 40 professionnels du secteur social-santé") == "40 more_than");
  CHECK(participants_of("fr", "42 participants du secteur social-santé.") == "42 exact");
  CHECK(participants_of("fr", "au moins 20 participants") == "20 at_least");
  CHECK(participants_of("fr", "environ 25 personnes") == "25 approximately");
  CHECK(participants_of("fr", "moins de 15 participants") == "15 fewer_than");
  CHECK(participants_of("fr", "Vingt-cinq intervenants de la zone") == "25 exact");
  CHECK(participants_of("fr", "Trois ateliers en sous-groupes") == "none");
  CHECK(participants_of("fr", "pour les 12-25 ans") == "none");
  CHECK(participants_of("fr", "") == "none");
}

TEST_CASE("written values: Dutch numbers and counts read as roles/dutch.h does", "[written_values]") {
  // The cases of tests/roles/dutch_test.cc: the table-driven reader gives
  // the same answers, so dutch.h can move onto it (its dates and times have).
  for (const char* word : {"57", "twintig", "vijfentwintig", "eenentwintig", "dertigtal", "twintigtal",
                           "Vijftigtal", "tien", "professionals", "tal", ""})
    CHECK(read_count_word("nl", word) == parse_count_word(word));
  for (const char* text : {"57 professionals uit de sector",
                           "Een twintigtal professionals uit de welzijns- en gezondheidssector.",
                           "ongeveer 25 deelnemers", "Meer dan 40 professionals", "minstens 20 deelnemers",
                           "minder dan 15 aanwezigen", "Twintig professionals namen deel.",
                           "Er waren 6 bijeenkomsten over dit thema", "In 2025 werkten we aan drie thema's", ""}) {
    INFO(text);
    auto a = find_participants(text);
    auto b = read_participants("nl", text);
    REQUIRE(a.has_value() == b.has_value());
    if (a) CHECK((a->count == b->count && a->qualifier == b->qualifier));
  }
}

TEST_CASE("written values: a third language from files only", "[written_values]") {
  load_german();
  CHECK(iso_of("de", "Donnerstag, 13. März 2025") == "2025-03-13");
  CHECK(iso_of("de", "am 1. Oktober 2025") == "2025-10-01");
  CHECK(times_of("de", "von 9.30 bis 12 Uhr") == "09:30-12:00");
  CHECK(times_of("de", "14-16 Uhr") == "14:00-16:00");
  CHECK(participants_of("de", "Etwa zwanzig Fachleute aus dem Sozialbereich") == "20 approximately");
  CHECK(participants_of("de", "Mehr als 40 Teilnehmende") == "40 more_than");
  CHECK(read_count_word("de", "fünfundzwanzig") == std::pair<int, bool>{25, false});
  // German words mean nothing to French.
  CHECK(iso_of("fr", "13. März 2025") == "none");
}
