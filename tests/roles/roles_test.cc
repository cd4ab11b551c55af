// Tests of roles.h on hand-made pages laid out by the real layout stage: the
// title by type size, the date line, the sidebar's participants and standing
// description, labelled info lines with no sidebar, numbered headings, the
// Save-the-date box, running header and footer.
#include <catch2/catch.hpp>

#include "layout/layout.h"
#include "pipeline.h"
#include "roles/cues.h"
#include "roles/headings.h"
#include "roles/roles.h"
#include "test_support.h"

using namespace overleg;
using overleg::test::add_lines;

namespace {


std::vector<Block> roles_of(const std::vector<Page>& pages, std::string_view lang = "nl") {
  HeadingCue cue = heading_cue(std::string(lang), nullptr);
  std::vector<Block> blocks = lay_out(pages, cue);
  for (Block& b : blocks)  // what normalise does to the line breaks, near enough here
    for (char& c : b.text)
      if (c == '\n') c = ' ';
  assign_roles(blocks, lang);
  return blocks;
}

const Block* find_block(const std::vector<Block>& blocks, const std::string& start) {
  for (const Block& b : blocks)
    if (b.text.rfind(start, 0) == 0) return &b;
  return nullptr;
}

}  // namespace

TEST_CASE("roles: a flyer's first page, band and left sidebar", "[roles]") {
  std::vector<Box> boxes;
  // The band: series and date on one line, the title in large bold type.
  add_lines(boxes, {"Thematisch overleg"}, 40, 30, 11);
  add_lines(boxes, {"25/09/25"}, 510, 30, 11);
  add_lines(boxes, {"Thematisch overleg geestelijke gezondheid #3 (2025)"}, 40, 50, 16, true);
  // The sidebar: narrow, at the left edge, in smaller type.
  add_lines(boxes,
            {"Een twintigtal", "professionals uit de", "welzijns- en", "gezondheidssector.", "", "Het thematisch",
             "overleg wordt", "georganiseerd door de", "vijf zorgzones."},
            30, 130, 9);
  // Two body columns.
  double y = add_lines(boxes, {"Monitoring van de", "behoeften"}, 190, 130, 14, true);
  add_lines(boxes,
            {"Toename van de kwetsbaarheid", "bij alle doelpublieken. Het", "sociale aspect verslechtert,",
             "vooral met betrekking tot", "huisvesting en de komende", "werkloosheidsmaatregelen."},
            190, y + 4);
  add_lines(boxes,
            {"Mensen thuis ondersteunen", "brengt ook veel uitdagingen", "met zich mee: mensen die",
             "geen hulp vragen ondanks", "duidelijke problemen.", "Ondersteuning voor mensen",
             "met het syndroom van", "Diogenes is ook naar voren", "gekomen."},
            395, 130);
  // The footer: small type at the foot of the page.
  add_lines(boxes, {"Met de steun van de GGC - Een initiatief van de vzw BRUSANO"}, 40, 800, 7);

  std::vector<Block> blocks = roles_of({test::a4_page(1, boxes)});

  const Block* title = find_block(blocks, "Thematisch overleg geestelijke");
  REQUIRE(title != nullptr);
  CHECK(title->role == Role::title);
  const Block* date = find_block(blocks, "25/09/25");
  REQUIRE(date != nullptr);
  CHECK(date->role == Role::date_line);

  const Block* count = find_block(blocks, "Een twintigtal");
  REQUIRE(count != nullptr);
  CHECK(count->role == Role::participants);
  const Block* standing = find_block(blocks, "Het thematisch");
  REQUIRE(standing != nullptr);
  CHECK(standing->role == Role::standing_description);

  const Block* heading = find_block(blocks, "Monitoring van de");
  REQUIRE(heading != nullptr);
  CHECK(heading->role == Role::section_heading);
  CHECK(heading->kind == BlockKind::heading);
  const Block* right = find_block(blocks, "Mensen thuis");
  REQUIRE(right != nullptr);
  CHECK(right->role == Role::body);

  const Block* footer = find_block(blocks, "Met de steun");
  REQUIRE(footer != nullptr);
  CHECK(footer->role == Role::footer);

  // Reading order: band, then the sidebar, then the columns left to right.
  auto index = [&](const Block* b) { return b - blocks.data(); };
  CHECK(index(title) < index(count));
  CHECK(index(count) < index(heading));
  CHECK(index(heading) < index(right));
}

TEST_CASE("roles: the Save-the-date box and a later page's running header", "[roles]") {
  std::vector<Box> boxes;
  add_lines(boxes, {"Thematisch overleg geestelijke gezondheid"}, 60, 30, 9);  // running header
  add_lines(boxes, {"Gezamenlijke acties"}, 60, 100, 14, true);
  add_lines(boxes, {"In 2026 zullen we werken aan de", "coördinatie en continuïteit.", "Er volgt een methodologie."},
            60, 124);
  add_lines(boxes, {"Save the date"}, 60, 300, 14, true);
  add_lines(boxes,
            {"Het volgende thematische overleg over", "geestelijke gezondheid vindt plaats op",
             "3 maart 2026, van 10 tot 12 u."},
            60, 324);
  std::vector<Block> blocks = roles_of({test::a4_page(2, boxes)});

  const Block* header = find_block(blocks, "Thematisch overleg");
  REQUIRE(header != nullptr);
  CHECK(header->role == Role::running_header);
  const Block* body = find_block(blocks, "In 2026");
  REQUIRE(body != nullptr);
  CHECK(body->role == Role::body);
  const Block* box_title = find_block(blocks, "Save the date");
  REQUIRE(box_title != nullptr);
  CHECK(box_title->role == Role::save_the_date);
  const Block* announcement = find_block(blocks, "Het volgende");
  REQUIRE(announcement != nullptr);
  CHECK(announcement->role == Role::event);
}

TEST_CASE("roles: no sidebar, labelled lines under a plain bold title on a one-column page", "[roles]") {
  std::vector<Box> boxes;
  add_lines(boxes, {"Thematisch overleg ouderen en thuiszorg #4"}, 40, 40, 18, true);
  add_lines(boxes, {"Datum: 21 november 2024"}, 40, 66, 10);
  add_lines(boxes, {"Deelnemers: meer dan 60 deelnemers."}, 40, 90, 10);
  add_lines(boxes, {"Agenda"}, 40, 110, 10, true);
  boxes.push_back(overleg::test::word("•", 40, 126, 10));
  add_lines(boxes, {"Stand van zaken van de werkgroep."}, 52, 126, 10);
  add_lines(boxes, {"1. Monitoring van de behoeften"}, 40, 170, 13, true);
  // Running text in lines closer than the labelled lines above.
  add_lines(boxes,
            {"Het aantal ouderen blijft", "stijgen en de diensten", "melden wachttijden van",
             "enkele weken, vooral na", "een opname."},
            40, 192, 10);
  add_lines(boxes, {"II. Bevindingen"}, 40, 260, 13, true);
  add_lines(boxes,
            {"De diensten werken nog", "te veel naast elkaar en", "kennen elkaars aanbod",
             "niet goed genoeg."},
            40, 282, 10);
  std::vector<Block> blocks = roles_of({test::a4_page(1, boxes)});
  const Block* title = find_block(blocks, "Thematisch overleg ouderen");
  REQUIRE(title != nullptr);
  CHECK(title->role == Role::title);
  const Block* date = find_block(blocks, "Datum:");
  REQUIRE(date != nullptr);
  CHECK(date->role == Role::date_line);
  const Block* count = find_block(blocks, "Deelnemers:");
  REQUIRE(count != nullptr);
  CHECK(count->role == Role::participants);
  const Block* label = find_block(blocks, "Agenda");
  REQUIRE(label != nullptr);
  CHECK(label->role == Role::label);
  const Block* item = find_block(blocks, "Stand van zaken");
  REQUIRE(item != nullptr);
  CHECK(item->role == Role::agenda_item);
  const Block* first = find_block(blocks, "1. Monitoring");
  REQUIRE(first != nullptr);
  CHECK(first->role == Role::section_heading);
  CHECK(heading_kind("nl", first->text) == "monitoring");
  const Block* second = find_block(blocks, "II. Bevindingen");
  REQUIRE(second != nullptr);
  CHECK(second->role == Role::section_heading);
  CHECK(heading_kind("nl", second->text) == "findings");
  const Block* text = find_block(blocks, "De diensten werken");
  REQUIRE(text != nullptr);
  CHECK(text->role == Role::body);
  for (const Block& b : blocks) CHECK_FALSE(b.why.empty());
}

TEST_CASE("roles: a page with no report on it is all body text", "[roles]") {
  std::vector<Box> boxes;
  add_lines(boxes, {"Minutes of the meeting", "held on a Tuesday."}, 40, 400, 10);
  add_lines(boxes, {"Present were the chair and two members,", "who agreed on the plan."}, 40, 440, 10);
  std::vector<Block> blocks = roles_of({test::a4_page(1, boxes)});
  REQUIRE_FALSE(blocks.empty());
  for (const Block& b : blocks) CHECK(b.role == Role::body);
}

TEST_CASE("roles: a long block in larger type is text, a short one a heading", "[roles]") {
  // OCR measured a paragraph's tall first line large: layout set it apart
  // by type, but no section heading runs to three sentences.
  auto block = [](BlockKind kind, std::string text, double y) {
    Block b;
    b.kind = kind;
    b.text = std::move(text);
    b.page = 2;
    b.page_height = 842;
    b.bbox = {60, y, 300, y + 40};
    b.font_size = 13;
    b.rel_size = 1.3;
    return b;
  };
  std::vector<Block> blocks = {
      block(BlockKind::heading, "Vooruitzichten", 100),
      block(BlockKind::heading,
            "In 2025 volgt een tweede overleg waarin de ervaringen met de vorming worden besproken. De zorgzone "
            "onderzoekt ook hoe een netwerk van referentiepersonen kan worden opgezet. Dat wordt later beslist.",
            150),
      block(BlockKind::heading, "Wat we samen willen bereiken", 300)};
  assign_roles(blocks, "nl");
  CHECK(blocks[0].role == Role::section_heading);
  CHECK(blocks[1].role == Role::body);
  CHECK(blocks[2].role == Role::section_heading);  // not known, but short
}

namespace {

// A one-column page 1: the title under a band, a subtitle in small type,
// then a box (tinted or framed) holding the lead, the participants line,
// the agenda and the standing description, then the sections.
Page page_with_info_box(bool framed) {
  std::vector<Box> boxes;
  add_lines(boxes, {"Thematisch overleg"}, 40, 20, 11);
  add_lines(boxes, {"Verbinding ambulante zorg en ziekenhuis"}, 40, 60, 22, true);
  add_lines(boxes, {"Samenvatting van de overlegmomenten in de vijf zorgzones."}, 40, 90, 8);
  add_lines(boxes, {"Er waren zes bijeenkomsten over dit thema, met mensen uit", "verschillende sectoren."}, 52, 130, 8.5);
  add_lines(boxes, {"Deelnemers: 40 professionals uit de sector."}, 52, 162, 8.5);
  add_lines(boxes, {"Agenda"}, 52, 178, 8.5, true);
  boxes.push_back(overleg::test::word("•", 52, 192, 8.5));
  add_lines(boxes, {"Voorstelling van de cijfers."}, 62, 192, 8.5);
  add_lines(boxes, {"1. Monitoring van de behoeften"}, 40, 240, 13, true);
  add_lines(boxes,
            {"De wachttijden blijven lang en de diensten zoeken", "naar oplossingen voor wie na een opname naar huis",
             "gaat zonder netwerk, zonder mantelzorger en zonder", "een huisarts die de situatie kent of opvolgt."},
            40, 262, 10);
  add_lines(boxes, {"2. Bevindingen"}, 40, 330, 13, true);
  add_lines(boxes,
            {"De sectoren kennen elkaars aanbod nog te weinig en", "werken te vaak naast elkaar, ook waar de cliënt",
             "dezelfde is en dezelfde vragen stelt aan iedereen."},
            40, 352, 10);
  Page page = test::a4_page(1, boxes);
  Shape band;
  band.bbox = {0, 0, 595, 40};
  band.fill = 0x3b8f4a;
  band.rectangle = true;
  Shape box;
  box.bbox = {45, 122, 550, 210};
  if (framed) box.stroke = 0x3b8f4a;
  else box.fill = 0xecf5ed;
  box.rectangle = true;
  page.shapes = {band, box};
  return page;
}

}  // namespace

TEST_CASE("roles: a tinted or framed info box in the head is a sidebar drawn across the page", "[roles]") {
  for (bool framed : {false, true}) {
    CAPTURE(framed);
    std::vector<Block> blocks = roles_of({page_with_info_box(framed)});
    const Block* title = find_block(blocks, "Verbinding ambulante zorg");
    REQUIRE(title != nullptr);
    CHECK(title->role == Role::title);
    const Block* subtitle = find_block(blocks, "Samenvatting van de");
    REQUIRE(subtitle != nullptr);
    CHECK(subtitle->role == Role::masthead);
    const Block* lead = find_block(blocks, "Er waren zes");
    REQUIRE(lead != nullptr);
    CHECK(lead->framed == framed);
    CHECK(lead->background == (framed ? kUnknownColor : 0xecf5ed));
    CHECK(lead->role == Role::aside);
    const Block* count = find_block(blocks, "Deelnemers:");
    REQUIRE(count != nullptr);
    CHECK(count->role == Role::participants);
    const Block* item = find_block(blocks, "Voorstelling van");
    REQUIRE(item != nullptr);
    CHECK(item->role == Role::agenda_item);
    const Block* text = find_block(blocks, "De wachttijden");
    REQUIRE(text != nullptr);
    CHECK(text->role == Role::body);
  }
}

TEST_CASE("roles: a box without the meeting's data is the text's own", "[roles]") {
  // A framed page of plain text (a printout) and a tinted quote: no label,
  // count or standing description in them, so no info box.
  std::vector<Box> boxes;
  add_lines(boxes, {"Beautiful is better than ugly.", "Explicit is better than implicit."}, 40, 60, 10);
  add_lines(boxes, {"Simple is better than complex.", "Complex is better than complicated."}, 40, 100, 10);
  Page page = test::a4_page(1, boxes);
  Shape frame;
  frame.bbox = {30, 50, 560, 800};
  frame.stroke = 0x000000;
  frame.rectangle = true;
  page.shapes = {frame};
  std::vector<Block> blocks = roles_of({page});
  REQUIRE_FALSE(blocks.empty());
  for (const Block& b : blocks) {
    CHECK(b.framed);
    CHECK(b.role == Role::body);
  }
}
