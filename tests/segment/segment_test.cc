// Tests of segment.h on hand-made blocks with their roles (as roles/roles.h
// gives them): sections under headings, participants and agenda, title and
// date, events from the Save-the-date box, the zone from addresses and text,
// the words left out per page and reason.
#include <catch2/catch.hpp>

#include "segment/segment.h"

using namespace overleg;

namespace {

Block block(Role role, BlockKind kind, const std::string& text, int page = 1, double size = 10) {
  Block b;
  b.role = role;
  b.kind = kind;
  b.text = text;
  b.page = page;
  b.font_size = size;
  if (kind == BlockKind::list_item) b.level = 1;
  return b;
}

// Blocks as layout and normalise leave them for a flyer like samples/gg-zuid-2025-09-25.
std::vector<Block> flyer() {
  using K = BlockKind;
  using R = Role;
  return {
      block(R::series, K::paragraph, "Thematisch overleg", 1, 11),
      block(R::date_line, K::paragraph, "25/09/25", 1, 11),
      block(R::title, K::heading, "Thematisch overleg geestelijke gezondheid #3 (2025)", 1, 20),
      block(R::participants, K::paragraph, "Een twintigtal professionals uit de welzijns- en gezondheidssector.", 1, 9),
      block(R::standing_description, K::paragraph,
            "Het thematisch overleg wordt georganiseerd door de vijf zorgzones en verzamelt alle actoren uit de "
            "welzijns- en gezondheidssector rond een thema.",
            1, 9),
      block(R::agenda_item, K::list_item, "Follow-up van het repertorium van ondersteunende diensten.", 1, 9),
      block(R::agenda_item, K::list_item, "Groepsanalysemethode om de thema’s van de nieuwe cyclus te bepalen.", 1, 9),
      block(R::presentation_line, K::paragraph, "Zie presentatie hier.", 1, 9),
      block(R::section_heading, K::heading, "Monitoring van de behoeften van de bevolking", 1, 14),
      block(R::body, K::paragraph, "Toename van de kwetsbaarheid bij alle doelpublieken."),
      block(R::body, K::subheading, "Nieuwe aandachtspunten"),
      block(R::section_heading, K::heading, "2. Bevindingen en aanpassingen van het aanbod", 1, 14),
      block(R::body, K::list_item, "Versnipperde ondersteuning voor mensen."),
      block(R::body, K::paragraph, "Er wordt ook gewezen op het gebrek aan ruimte."),
      block(R::running_header, K::paragraph, "Thematisch overleg geestelijke gezondheid", 2, 9),
      block(R::section_heading, K::heading, "Gezamenlijke uit te voeren acties en vooruitzichten", 2, 14),
      block(R::body, K::paragraph, "In 2026 zullen we werken aan de coördinatie.", 2),
      block(R::save_the_date, K::heading, "Save the date", 2, 14),
      block(R::event, K::paragraph,
            "Het volgende thematische overleg over geestelijke gezondheid vindt plaats op 3 maart 2026, van 10 "
            "tot 12 u. Daarna volgt een lunch.",
            2),
      block(R::event, K::paragraph, "Zie de agendapagina hier", 2),
      block(R::footer, K::paragraph, "Met de steun van de GGC", 2, 7),
      block(R::footer, K::paragraph, "zuid@zorgzone-zuid.brussels - www.zorgzone-zuid.brussels", 2, 7),
  };
}

}  // namespace

TEST_CASE("segment: body blocks become sections under their headings", "[segment]") {
  Report r;
  segment(flyer(), r);
  REQUIRE(r.sections.size() == 3);

  CHECK(r.sections[0].kind == "monitoring");
  CHECK(r.sections[0].heading == "Monitoring van de behoeften van de bevolking");
  CHECK(r.sections[0].page == 1);
  REQUIRE(r.sections[0].blocks.size() == 2);
  CHECK(r.sections[0].blocks[0].type == "paragraph");
  CHECK(r.sections[0].blocks[0].text == "Toename van de kwetsbaarheid bij alle doelpublieken.");
  CHECK(r.sections[0].blocks[1].type == "subheading");
  CHECK(r.sections[0].blocks[1].text == "Nieuwe aandachtspunten");

  CHECK(r.sections[1].kind == "findings");
  REQUIRE(r.sections[1].blocks.size() == 2);
  CHECK(r.sections[1].blocks[0].type == "list_item");
  CHECK(r.sections[1].blocks[0].level == 1);
  CHECK(r.sections[1].blocks[1].type == "paragraph");

  CHECK(r.sections[2].kind == "actions");
  CHECK(r.sections[2].page == 2);
  REQUIRE(r.sections[2].blocks.size() == 1);  // the running header is no content
}

TEST_CASE("segment: the band gives title, theme, series, edition and date", "[segment]") {
  Report r;
  segment(flyer(), r);
  const Meeting& m = r.meeting;
  CHECK(m.series == std::optional<std::string>("Thematisch overleg"));
  CHECK(m.title == std::optional<std::string>("Thematisch overleg geestelijke gezondheid #3 (2025)"));
  CHECK(m.theme == std::optional<std::string>("Geestelijke gezondheid"));
  CHECK(m.edition == std::optional<int>(3));
  CHECK(m.date == std::optional<std::string>("2025-09-25"));
}

TEST_CASE("segment: the sidebar gives participants and agenda, not its standing text", "[segment]") {
  Report r;
  segment(flyer(), r);
  REQUIRE(r.meeting.participants);
  CHECK(r.meeting.participants->count == std::optional<int>(20));
  CHECK(r.meeting.participants->qualifier == std::optional<std::string>("approximately"));
  CHECK(r.meeting.participants->text == "Een twintigtal professionals uit de welzijns- en gezondheidssector.");
  REQUIRE(r.agenda.size() == 2);
  CHECK(r.agenda[0] == "Follow-up van het repertorium van ondersteunende diensten.");
  CHECK(r.agenda[1] == "Groepsanalysemethode om de thema’s van de nieuwe cyclus te bepalen.");
}

TEST_CASE("segment: a labelled participants line keeps its text without the label", "[segment]") {
  Report r;
  segment({block(Role::participants, BlockKind::paragraph, "Deelnemers: meer dan 40 professionals.", 1, 9)}, r);
  REQUIRE(r.meeting.participants);
  CHECK(r.meeting.participants->count == std::optional<int>(40));
  CHECK(r.meeting.participants->qualifier == std::optional<std::string>("more_than"));
  CHECK(r.meeting.participants->text == "meer dan 40 professionals.");
}

TEST_CASE("segment: the words left out are counted per page and reason", "[segment]") {
  Report r;
  r.pages.resize(2);
  r.pages[0].number = 1;
  r.pages[1].number = 2;
  segment(flyer(), r);
  // "2." of the numbered heading is a word ("2"), as the scorer counts; the
  // footer's lone "-" is none.
  CHECK(r.pages[0].left_out == std::map<std::string, int>{{"date_as_printed", 1},
                                                            {"heading_number", 1},
                                                            {"presentation_line", 3},
                                                            {"standing_description", 21}});
  CHECK(r.pages[1].left_out ==
        std::map<std::string, int>{{"box_title", 3}, {"footer", 8}, {"running_header", 4}});
  CHECK(r.sections[1].heading == "Bevindingen en aanpassingen van het aanbod");
}

TEST_CASE("segment: the Save-the-date box gives events", "[segment]") {
  Report r;
  segment(flyer(), r);
  REQUIRE(r.events.size() == 1);
  const Event& e = r.events[0];
  CHECK(e.kind == "save_the_date");
  CHECK(e.title == std::optional<std::string>("Thematisch overleg geestelijke gezondheid"));
  CHECK(e.date == std::optional<std::string>("2026-03-03"));
  CHECK(e.start == std::optional<std::string>("10:00"));
  CHECK(e.end == std::optional<std::string>("12:00"));
  CHECK_FALSE(e.location);
  // The short line after the announcement belongs to it.
  CHECK(e.text ==
        "Het volgende thematische overleg over geestelijke gezondheid vindt plaats op 3 maart 2026, van 10 tot "
        "12 u. Daarna volgt een lunch. Zie de agendapagina hier");
}

TEST_CASE("segment: the zone from the footer's addresses", "[segment]") {
  Report r;
  segment(flyer(), r);
  CHECK(r.meeting.zone == std::optional<std::string>("Zuid"));
}

TEST_CASE("segment: no sidebar, band or box leaves the meeting fields null", "[segment]") {
  Report r;
  segment({block(Role::section_heading, BlockKind::heading, "Bevindingen", 1, 14),
           block(Role::body, BlockKind::paragraph, "Een vaststelling.")},
          r);
  CHECK_FALSE(r.meeting.title);
  CHECK_FALSE(r.meeting.date);
  CHECK_FALSE(r.meeting.participants);
  CHECK_FALSE(r.meeting.zone);
  CHECK(r.agenda.empty());
  CHECK(r.events.empty());
  REQUIRE(r.sections.size() == 1);
  CHECK(r.sections[0].kind == "findings");
}

TEST_CASE("segment: text before the first heading keeps its words in an untitled section", "[segment]") {
  Report r;
  segment({block(Role::body, BlockKind::paragraph, "Een inleiding."),
           block(Role::section_heading, BlockKind::heading, "Lees meer", 1, 14),
           block(Role::body, BlockKind::paragraph, "Een link.")},
          r);
  REQUIRE(r.sections.size() == 2);
  CHECK(r.sections[0].kind == "other");
  CHECK(r.sections[0].heading.empty());
  CHECK(r.sections[1].kind == "other");
  CHECK(r.sections[1].heading == "Lees meer");
}

TEST_CASE("segment: a table block keeps its rows", "[segment]") {
  Block t = block(Role::body, BlockKind::table, "");
  t.rows = {{"THEMA", "BETROKKEN ZORGZONES"}, {"Huiselijk geweld (HG)", "CW, ZO"}};
  Report r;
  segment({block(Role::section_heading, BlockKind::heading, "Vastgestelde thema's", 1, 14), t}, r);
  REQUIRE(r.sections.size() == 1);
  REQUIRE(r.sections[0].blocks.size() == 1);
  CHECK(r.sections[0].blocks[0].type == "table");
  CHECK(r.sections[0].blocks[0].rows == t.rows);
  CHECK(r.sections[0].blocks[0].text.empty());
}

TEST_CASE("read_event: date, times and location of an announcement", "[segment]") {
  Event e = read_event("nl",
      "Save the date: 20 januari 2026 van 9u30 tot 12u in Huis van de Zorg, Stationsstraat 12, 1000 Brussel.", "");
  CHECK(e.date == std::optional<std::string>("2026-01-20"));
  CHECK(e.start == std::optional<std::string>("09:30"));
  CHECK(e.end == std::optional<std::string>("12:00"));
  CHECK(e.location == std::optional<std::string>("Huis van de Zorg, Stationsstraat 12, 1000 Brussel"));
}

TEST_CASE("read_event: a date without a year is the first such day after the meeting", "[segment]") {
  CHECK(read_event("nl", "Volgend overleg op 20 januari van 9u tot 13u.", "2025-09-25").date ==
        std::optional<std::string>("2026-01-20"));
  CHECK(read_event("nl", "Volgend overleg op 20 oktober van 9u tot 13u.", "2025-09-25").date ==
        std::optional<std::string>("2025-10-20"));
  CHECK_FALSE(read_event("nl", "Volgend overleg op 20 oktober.", "").date);
}

TEST_CASE("read_event: an announcement without date or time", "[segment]") {
  Event e = read_event("nl", "Het volgende overleg wordt later aangekondigd.", "2025-01-16");
  CHECK(e.kind == "save_the_date");
  CHECK_FALSE(e.date);
  CHECK_FALSE(e.start);
  CHECK_FALSE(e.end);
  CHECK_FALSE(e.location);
  CHECK(e.text == "Het volgende overleg wordt later aangekondigd.");
}

TEST_CASE("read_title: series, theme and edition", "[segment]") {
  Meeting m;
  read_title("nl", "Thematisch overleg geestelijke gezondheid #3 (2025)", m);
  CHECK(m.series == std::optional<std::string>("Thematisch overleg"));
  CHECK(m.theme == std::optional<std::string>("Geestelijke gezondheid"));
  CHECK(m.edition == std::optional<int>(3));

  Meeting n;
  read_title("nl", "Thematisch overleg: Verbinding ambulante zorg – Ziekenhuis", n);
  CHECK(n.series == std::optional<std::string>("Thematisch overleg"));
  CHECK_FALSE(n.edition);
  CHECK(n.theme == std::optional<std::string>("Verbinding ambulante zorg – Ziekenhuis"));
}

TEST_CASE("find_zone: from an e-mail or web address", "[segment]") {
  CHECK(find_zone({"info@zorgzone-zuid.brussels"}, {}) == std::optional<std::string>("Zuid"));
  CHECK(find_zone({"www.zorgzone-zuid-oost.brussels"}, {}) == std::optional<std::string>("Zuid-Oost"));
  CHECK(find_zone({"contact@bassin-nord-est.brussels"}, {}) == std::optional<std::string>("Noord-Oost"));
  CHECK(find_zone({"https://www.zorgzone-centrum-west.brussels/agenda"}, {}) ==
        std::optional<std::string>("Centrum-West"));
}

TEST_CASE("find_zone: several zones named is ambiguous", "[segment]") {
  CHECK_FALSE(find_zone({"info@zorgzone-zuid.brussels", "info@zorgzone-noord.brussels"}, {}));
  CHECK_FALSE(find_zone({}, {"De zorgzone Noord en de zorgzone Zuid werken samen."}));
  // The same zone twice is not ambiguous.
  CHECK(find_zone({"info@zorgzone-zuid.brussels", "www.zorgzone-zuid.brussels"}, {}) ==
        std::optional<std::string>("Zuid"));
}

TEST_CASE("find_zone: from the text when no address names one", "[segment]") {
  CHECK(find_zone({}, {"Een overleg in zorgzone Zuid-Oost."}) == std::optional<std::string>("Zuid-Oost"));
  CHECK(find_zone({"www.brusano.brussels"}, {"Een overleg van zorgzone Noord."}) ==
        std::optional<std::string>("Noord"));
  // An address wins over the text.
  CHECK(find_zone({"info@zorgzone-zuid.brussels"}, {"zorgzone Noord"}) == std::optional<std::string>("Zuid"));
  CHECK_FALSE(find_zone({}, {"Geen zone."}));
  CHECK_FALSE(find_zone({}, {}));
}

TEST_CASE("read_title: a French title with the French series (fr/series.tsv)", "[segment]") {
  Meeting m;
  read_title("fr", "Concertation thématique santé mentale des jeunes #2 (2025)", m);
  CHECK(m.series == std::optional<std::string>("Concertation thématique"));
  CHECK(m.theme == std::optional<std::string>("Santé mentale des jeunes"));
  CHECK(m.edition == std::optional<int>(2));
  // The Dutch tables do not know the French series.
  Meeting d;
  read_title("nl", "Concertation thématique santé mentale des jeunes #2 (2025)", d);
  CHECK_FALSE(d.series);
}

TEST_CASE("read_event: a French announcement (fr/events.tsv)", "[segment]") {
  Event e = read_event("fr",
                       "La prochaine concertation thématique santé mentale des jeunes aura lieu le jeudi 15 mai 2025, "
                       "de 9h30 à 12h, à la Maison de quartier Bizet, place Bizet 1, 1070 Anderlecht. Elle sera "
                       "suivie d’un lunch.",
                       "2025-02-06");
  CHECK(e.date == std::optional<std::string>("2025-05-15"));
  CHECK(e.start == std::optional<std::string>("09:30"));
  CHECK(e.end == std::optional<std::string>("12:00"));
  CHECK(e.title == std::optional<std::string>("Concertation thématique santé mentale des jeunes"));
  CHECK(e.location == std::optional<std::string>("Maison de quartier Bizet, place Bizet 1, 1070 Anderlecht"));
  Event later = read_event("fr", "La prochaine concertation aura lieu le jeudi 9 octobre 2025, de 9h30 à 12h. Le lieu "
                                 "sera communiqué lors de l’inscription.", "");
  CHECK(later.date == std::optional<std::string>("2025-10-09"));
  CHECK_FALSE(later.location);
}

TEST_CASE("find_zone: French addresses and text name the canonical zone", "[segment]") {
  CHECK(find_zone({"info@zonedesoins-sud.brussels"}, {}) == std::optional<std::string>("Zuid"));
  CHECK(find_zone({"www.zonedesoins-centre-ouest.brussels"}, {}) == std::optional<std::string>("Centrum-West"));
  CHECK(find_zone({}, {"La cellule d’appui de la zone de soins Nord-Est."}) ==
        std::optional<std::string>("Noord-Oost"));
}

TEST_CASE("segment: a French report's blocks with the French tables", "[segment]") {
  Report r;
  r.language = "fr";
  r.pages.push_back(PageInfo{});
  r.pages.back().number = 1;
  segment({block(Role::title, BlockKind::heading, "Concertation thématique accès aux soins #1 13 mars 2025", 1, 20),
           block(Role::participants, BlockKind::paragraph, "Participants : plus de 40 professionnels du secteur.", 1, 9),
           block(Role::section_heading, BlockKind::heading, "Constats et adaptations de l’offre", 1, 14),
           block(Role::body, BlockKind::paragraph, "L’offre existe."),
           block(Role::section_heading, BlockKind::heading, "Pistes d'action", 1, 14),
           block(Role::body, BlockKind::paragraph, "Tester une permanence.")},
          r);
  CHECK(r.meeting.date == std::optional<std::string>("2025-03-13"));
  CHECK(r.meeting.series == std::optional<std::string>("Concertation thématique"));
  REQUIRE(r.meeting.participants);
  CHECK(r.meeting.participants->count == std::optional<int>(40));
  CHECK(r.meeting.participants->qualifier == std::optional<std::string>("more_than"));
  CHECK(r.meeting.participants->text == "plus de 40 professionnels du secteur.");
  REQUIRE(r.sections.size() == 2);
  CHECK(r.sections[0].kind == "findings");
  CHECK(r.sections[1].kind == "actions");
}
