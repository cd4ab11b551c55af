// Tests of Dutch dates and times (written_values.h with the Dutch tables)
// and of dutch.h's number words and participant counts, as the reports
// write them.
#include <catch2/catch.hpp>

#include "roles/dutch.h"
#include "roles/written_values.h"

using namespace overleg;

namespace {

std::string iso_of(std::string_view text) {
  auto d = read_date("nl", text);
  return d && d->year ? d->iso() : std::string("none");
}

std::string times_of(std::string_view text) {
  auto t = read_time_range("nl", text);
  if (!t) return "none";
  return t->start.value_or("null") + "-" + t->end.value_or("null");
}

std::string participants_of(std::string_view text) {
  auto p = find_participants(text);
  if (!p) return "none";
  return std::to_string(p->count) + " " + p->qualifier;
}

}  // namespace

TEST_CASE("Dutch dates: the ways the reports write a date", "[dutch]") {
  CHECK(iso_of("25/09/25") == "2025-09-25");
  CHECK(iso_of("7 november 2024") == "2024-11-07");
  CHECK(iso_of("07.11.2024") == "2024-11-07");
  CHECK(iso_of("dinsdag 8 oktober 2024") == "2024-10-08");
  CHECK(iso_of("20/01/2026") == "2026-01-20");
  CHECK(iso_of("Donderdag 16 januari 2025") == "2025-01-16");
  CHECK(iso_of("op 3 maart 2026, van 10 tot 12 u.") == "2026-03-03");
  CHECK(iso_of("di 8 okt. 2024") == "2024-10-08");
  CHECK(iso_of("12-06-2026") == "2026-06-12");
}

TEST_CASE("Dutch dates: the match's position in the text", "[dutch]") {
  std::string text = "Het overleg vindt plaats op 7 november 2024 in Brussel.";
  auto d = read_date("nl", text);
  REQUIRE(d);
  CHECK(text.substr(d->begin, d->end - d->begin) == "7 november 2024");
  std::string numeric = "Datum: 25/09/25";
  auto n = read_date("nl", numeric);
  REQUIRE(n);
  CHECK(numeric.substr(n->begin, n->end - n->begin) == "25/09/25");
}

TEST_CASE("Dutch dates: a day and month without a year", "[dutch]") {
  auto d = read_date("nl", "op 20 januari van 9u30 tot 12u");
  REQUIRE(d);
  CHECK(d->year == 0);
  CHECK(d->month == 1);
  CHECK(d->day == 20);
}

TEST_CASE("Dutch dates: the first date when there are several", "[dutch]") {
  CHECK(iso_of("van 7 november 2024 tot 20/01/2026") == "2024-11-07");
  CHECK(iso_of("tussen 20/01/2026 en 7 november 2026") == "2026-01-20");
}

TEST_CASE("Dutch dates: no date in text without one", "[dutch]") {
  CHECK_FALSE(read_date("nl", "Geen datum hier, wel 57 professionals."));
  CHECK_FALSE(read_date("nl", "De cyclus 2024-2025"));
  CHECK_FALSE(read_date("nl", "32/13/2024"));
  CHECK_FALSE(read_date("nl", "5 thema's"));
  CHECK_FALSE(read_date("nl", ""));
}

TEST_CASE("Dutch times: ranges and single times", "[dutch]") {
  CHECK(times_of("van 10 tot 12 u") == "10:00-12:00");
  CHECK(times_of("om 9u30") == "09:30-null");
  CHECK(times_of("13.00-15.30 uur") == "13:00-15:30");
  CHECK(times_of("14u - 16u30") == "14:00-16:30");
  CHECK(times_of("van 9u tot 13u") == "09:00-13:00");
  CHECK(times_of("van 9u15 tot 12u15") == "09:15-12:15");
  CHECK(times_of("van 13:00 tot 15:30") == "13:00-15:30");
  CHECK(times_of("op 3 maart 2026, van 10 tot 12 u. Daarna volgt een lunch.") == "10:00-12:00");
}

TEST_CASE("Dutch times: a single time written with 'u' needs no 'om'", "[dutch]") {
  // dutch.h: "The first time or time range in `text`"; "9u30" is a clock time.
  CHECK(times_of("9u30") == "09:30-null");
  CHECK(times_of("Ontvangst 9u30.") == "09:30-null");
}

TEST_CASE("Dutch times: no time in text without one", "[dutch]") {
  CHECK(times_of("De cyclus 2024-2025") == "none");
  CHECK(times_of("Er waren 6 bijeenkomsten") == "none");
  CHECK(times_of("") == "none");
}

TEST_CASE("Dutch times: the match's position", "[dutch]") {
  std::string text = "Op 3 maart 2026, van 10 tot 12 u. Daarna";
  auto t = read_time_range("nl", text);
  REQUIRE(t);
  CHECK(text.substr(t->begin, t->end_pos - t->begin).find("10 tot 12") != std::string::npos);
  CHECK(t->end_pos <= text.find(". Daarna") + 1);
}

TEST_CASE("parse_count_word: digits and Dutch number words", "[dutch]") {
  using P = std::pair<int, bool>;
  CHECK(parse_count_word("57") == P{57, false});
  CHECK(parse_count_word("twintig") == P{20, false});
  CHECK(parse_count_word("vijfentwintig") == P{25, false});
  CHECK(parse_count_word("eenentwintig") == P{21, false});
  CHECK(parse_count_word("dertigtal") == P{30, true});
  CHECK(parse_count_word("twintigtal") == P{20, true});
  CHECK(parse_count_word("Vijftigtal") == P{50, true});
  CHECK(parse_count_word("tien") == P{10, false});
  CHECK_FALSE(parse_count_word("professionals"));
  CHECK_FALSE(parse_count_word("tal"));
  CHECK_FALSE(parse_count_word(""));
}

TEST_CASE("find_participants: counts and qualifiers", "[dutch]") {
  CHECK(participants_of("57 professionals uit de sector") == "57 exact");
  CHECK(participants_of("Een twintigtal professionals uit de welzijns- en gezondheidssector.") ==
        "20 approximately");
  CHECK(participants_of("ongeveer 25 deelnemers") == "25 approximately");
  CHECK(participants_of("Meer dan 40 professionals") == "40 more_than");
  CHECK(participants_of("minstens 20 deelnemers") == "20 at_least");
  CHECK(participants_of("minder dan 15 aanwezigen") == "15 fewer_than");
  CHECK(participants_of("Twintig professionals namen deel.") == "20 exact");
}

TEST_CASE("find_participants: a number that counts something else is none", "[dutch]") {
  CHECK(participants_of("Er waren 6 bijeenkomsten over dit thema") == "none");
  CHECK(participants_of("In 2025 werkten we aan drie thema's") == "none");
  CHECK(participants_of("") == "none");
}
