// Tests of layout.h on hand-made pages: block kinds (heading, subheading,
// paragraph, list item with level), blocks joined over a column break, and
// the neutral measured properties (above the columns, narrow edge column,
// relative type size); the roles read from them are tested in tests/roles.
#include <catch2/catch.hpp>

#include "layout/layout.h"
#include "test_support.h"

using namespace overleg;
using overleg::test::add;
using overleg::test::add_lines;
using overleg::test::line_words;
using overleg::test::word;

namespace {


// A list item: the marker at `x`, its text 12 pt further (the hanging
// indent), the item's further lines under the text.
double add_item(std::vector<Box>& boxes, const std::string& marker, const std::vector<std::string>& lines, double x,
                double y, double size = 10) {
  boxes.push_back(word(marker, x, y, size));
  return add_lines(boxes, lines, x + 12, y, size);
}

const Block* find_block(const std::vector<Block>& blocks, const std::string& start) {
  for (const Block& b : blocks)
    if (b.text.rfind(start, 0) == 0) return &b;
  return nullptr;
}

}  // namespace

TEST_CASE("body_font_size is the size that carries the most letters", "[layout]") {
  std::vector<Box> boxes;
  add_lines(boxes, {"Kop"}, 50, 80, 16, true);
  add_lines(boxes, {"Een gewone regel tekst met woorden", "en nog een regel"}, 50, 100, 10);
  CHECK(body_font_size({test::a4_page(1, boxes)}) == Approx(10));
  CHECK(body_font_size({}) > 0);  // a default, never zero
}

TEST_CASE("lay_out: a bold line in larger type is a heading, the lines under it a paragraph", "[layout]") {
  std::vector<Box> boxes;
  add_lines(boxes, {"Bevindingen en aanpassingen"}, 60, 100, 14, true);
  add_lines(boxes,
            {"Toename van de kwetsbaarheid bij alle", "doelpublieken. Het sociale aspect",
             "verslechtert, vooral met betrekking", "tot huisvesting."},
            60, 120);
  std::vector<Block> blocks = lay_out({test::a4_page(2, boxes)});
  REQUIRE(blocks.size() == 2);
  CHECK(blocks[0].kind == BlockKind::heading);
  CHECK(blocks[0].text == "Bevindingen en aanpassingen");
  CHECK(blocks[0].bold);
  CHECK(blocks[0].font_size == Approx(14));
  CHECK(blocks[0].page == 2);
  CHECK(blocks[1].kind == BlockKind::paragraph);
  CHECK(blocks[1].text ==
        "Toename van de kwetsbaarheid bij alle\ndoelpublieken. Het sociale aspect\n"
        "verslechtert, vooral met betrekking\ntot huisvesting.");
  CHECK(blocks[0].rel_size == Approx(1.4));
  CHECK(blocks[1].rel_size == Approx(1.0));
}

TEST_CASE("lay_out: a heading set over two lines is one heading", "[layout]") {
  std::vector<Box> boxes;
  add_lines(boxes, {"Gezamenlijke uit te voeren acties", "en vooruitzichten"}, 60, 100, 14, true);
  add_lines(boxes, {"In 2026 zullen we werken aan de", "coördinatie van zorgtrajecten."}, 60, 140);
  std::vector<Block> blocks = lay_out({test::a4_page(2, boxes)});
  REQUIRE(blocks.size() == 2);
  CHECK(blocks[0].kind == BlockKind::heading);
  CHECK(blocks[0].text == "Gezamenlijke uit te voeren acties\nen vooruitzichten");
  CHECK(blocks[1].kind == BlockKind::paragraph);
}

namespace {
// Marks `boxes` as OCR'd words: a confidence, no font name, no bold.
std::vector<Box> as_ocr(std::vector<Box> boxes) {
  for (Box& b : boxes) b.confidence = 0.9, b.font.clear(), b.bold = false;
  return boxes;
}
}  // namespace

TEST_CASE("lay_out: on a scan, a few words in larger type between gaps are a heading without bold", "[layout]") {
  // A blurred scan: OCR saw no bold and measured the heading 1.17 times the
  // body, over two lines of a narrow column.
  const std::vector<std::string> body = {"Veel deelnemers herhaalden het belang", "van preventie en van een goede",
                                         "doorverwijzing tussen de diensten."};
  std::vector<Box> boxes;
  double y = add_lines(boxes, body, 60, 100);
  y = add_lines(boxes, {"Aanpassingen, samenwerking", "en actiemogelijkheden"}, 60, y + 14, 11.7);
  add_lines(boxes, body, 60, y + 6);
  std::vector<Block> blocks = lay_out({test::a4_page(1, as_ocr(boxes))});
  const Block* heading = find_block(blocks, "Aanpassingen");
  REQUIRE(heading);
  CHECK(heading->kind == BlockKind::heading);
  CHECK(heading->text == "Aanpassingen, samenwerking\nen actiemogelijkheden");

  // Not where it ends a sentence, runs long, or has no gap under it.
  for (const std::vector<std::string>& lines :
       std::vector<std::vector<std::string>>{{"Focus op ambulante begeleiding."},
                                             {"Aanpassingen, samenwerking en acties", "voor de bewoners van de wijk",
                                              "en hun mantelzorgers thuis"}}) {
    std::vector<Box> other;
    double at = add_lines(other, body, 60, 100);
    at = add_lines(other, lines, 60, at + 14, 11.7);
    add_lines(other, body, 60, at + 6);
    std::vector<Block> got = lay_out({test::a4_page(1, as_ocr(other))});
    const Block* b = find_block(got, lines.front().substr(0, 8));
    REQUIRE(b);
    INFO(lines.front());
    CHECK(b->kind != BlockKind::heading);
  }
  std::vector<Box> close;
  double at = add_lines(close, body, 60, 100);
  at = add_lines(close, {"Aanpassingen en samenwerking"}, 60, at + 14, 11.7);
  add_lines(close, body, 60, at);
  const Block* b = find_block(lay_out({test::a4_page(1, as_ocr(close))}), "Aanpassingen");
  CHECK((b && b->kind != BlockKind::heading));
}

TEST_CASE("lay_out: on a scan, a paragraph whose lines OCR weighed bold and regular in turn is one block", "[layout]") {
  std::vector<Box> boxes;
  double y = add_lines(boxes, {"welzijnszorg, laagdrempelige zorg enz."}, 45, 100, 9);
  y = add_lines(boxes, {"Het thematisch overleg in de"}, 45, y + 8, 9, true);
  y = add_lines(boxes, {"zorgzones wordt georganiseerd om op"}, 45, y, 9);
  y = add_lines(boxes, {"de hoogte te blijven, kennis te delen,"}, 45, y, 9, true);
  add_lines(boxes, {"en acties voor te stellen."}, 45, y, 9);
  std::vector<Box> ocr = as_ocr(boxes);
  for (std::size_t i = 0; i < boxes.size(); ++i) ocr[i].bold = boxes[i].bold;  // OCR's estimate, as drawn
  std::vector<Block> blocks = lay_out({test::a4_page(1, ocr)});
  const Block* b = find_block(blocks, "Het thematisch");
  REQUIRE(b);
  CHECK(b->text == "Het thematisch overleg in de\nzorgzones wordt georganiseerd om op\nde hoogte te blijven, kennis te delen,\nen acties voor te stellen.");
  // A text layer's weights are facts: there the bold lines start blocks.
  std::vector<Block> layer = lay_out({test::a4_page(1, boxes)});
  const Block* l = find_block(layer, "Het thematisch");
  REQUIRE(l);
  CHECK(l->text == "Het thematisch overleg in de");
}

TEST_CASE("lay_out: on a scan, the space under a line without descenders is no paragraph break", "[layout]") {
  // OCR boxes end where the ink does: the line without descenders ends at
  // its baseline, the one under it (no ascender, no capital) starts at its
  // x-height, so they look 4.5 pt further apart than lines that have them.
  std::vector<Box> boxes;
  const double lead = 13.5;  // 10-pt type: 3.5 pt between the boxes
  const std::vector<std::string> lines = {"Het thematisch overleg in de zorgzones", "wordt georganiseerd om kennis",
                                          "te delen en gezamenlijke acties voor", "te stellen. Alle", "en voor onze cursussen"};
  for (std::size_t i = 0; i < lines.size(); ++i) add(boxes, line_words(lines[i], 45, 100 + i * lead));
  std::vector<Box> ocr = as_ocr(boxes);
  for (Box& b : ocr) {
    if (b.bbox.y0 == 100 + 3 * lead) b.bbox.y1 -= 2.0;  // "te stellen. Alle": baseline
    if (b.bbox.y0 == 100 + 4 * lead) b.bbox.y0 += 2.5;  // "en voor onze cursussen": x-height
  }
  std::vector<Block> blocks = lay_out({test::a4_page(1, ocr)});
  REQUIRE(blocks.size() == 1);
  CHECK(blocks[0].text.find("Alle\nen voor onze cursussen") != std::string::npos);
}

TEST_CASE("lay_out: a heading in larger type over a table's first column is not a row of it", "[layout]") {
  std::vector<Box> boxes;
  add(boxes, line_words("Vastgestelde thema's", 40, 100, 14, true));
  const std::vector<std::pair<std::string, std::string>> rows = {
      {"THEMA", "ZORGZONES"}, {"Ontslag uit het ziekenhuis", "Alle"}, {"Gedeelde tools", "N, Z, NO"},
      {"Huiselijk geweld", "CW, ZO"}, {"Structurele problemen", "Z, NO"}};
  double y = 122;
  for (const auto& [left, right] : rows) {
    add(boxes, line_words(left, 40, y, 10.5));
    add(boxes, line_words(right, 260, y, 10.5));
    y += 16;
  }
  std::vector<Block> blocks = lay_out({test::a4_page(2, boxes)});
  REQUIRE(blocks.size() == 2);
  CHECK(blocks[0].kind == BlockKind::heading);
  CHECK(blocks[0].text == "Vastgestelde thema's");
  REQUIRE(blocks[1].kind == BlockKind::table);
  REQUIRE(!blocks[1].rows.empty());
  CHECK(blocks[1].rows[0][0].rfind("THEMA\n", 0) == 0);  // its rows start with the header row
  CHECK(blocks[1].rows[0][1].rfind("ZORGZONES\n", 0) == 0);

  // In the table's own type (small caps set no larger) only the words say
  // it is a heading: the role stage's cue.
  std::vector<Box> plain = boxes;
  for (Box& b : plain)
    if (b.bbox.y0 == 100) b.size = 10.5, b.bold = false, b.font = "DejaVuSans", b.bbox.y1 = b.bbox.y0 + 10.5;
  HeadingCue cue;
  cue.is_heading = [](std::string_view t) { return t == "Vastgestelde thema's"; };
  std::vector<Block> known = lay_out({test::a4_page(2, plain)}, cue);
  REQUIRE(known.size() == 2);
  CHECK(known[0].text == "Vastgestelde thema's");
  CHECK(known[1].kind == BlockKind::table);
}

TEST_CASE("lay_out: a known heading goes on over a gap where the cue says its next line continues it", "[layout]") {
  std::vector<Box> boxes;
  double y = add_lines(boxes, {"Gezamenlijk uit te voeren acties en"}, 60, 100, 14);
  y = add_lines(boxes, {"VOORUITZICHTEN"}, 60, y + 8, 14);
  add_lines(boxes, {"In 2026 zullen we werken aan de", "coördinatie van zorgtrajecten."}, 60, y + 10);
  HeadingCue cue;
  cue.is_heading = [](std::string_view t) { return t.rfind("Gezamenlijk", 0) == 0 || t == "VOORUITZICHTEN"; };
  cue.heading_goes_on = [](std::string_view line, std::string_view) { return line.size() > 3 && line.substr(line.size() - 3) == " en"; };
  std::vector<Block> blocks = lay_out({test::a4_page(2, as_ocr(boxes))}, cue);
  REQUIRE(blocks.size() == 2);
  CHECK(blocks[0].kind == BlockKind::heading);
  CHECK(blocks[0].text == "Gezamenlijk uit te voeren acties en\nVOORUITZICHTEN");
  cue.heading_goes_on = nullptr;  // without the cue: two headings
  CHECK(lay_out({test::a4_page(2, as_ocr(boxes))}, cue).size() == 3);
}

TEST_CASE("lay_out: a short bold line in body type is a subheading", "[layout]") {
  std::vector<Box> boxes;
  add_lines(boxes, {"Monitoring van de behoeften"}, 60, 100, 14, true);
  add_lines(boxes, {"Nieuwe aandachtspunten"}, 60, 124, 10, true);
  add_lines(boxes, {"De wachtlijsten worden langer en de", "vraag naar begeleiding stijgt."}, 60, 138);
  std::vector<Block> blocks = lay_out({test::a4_page(2, boxes)});
  REQUIRE(blocks.size() == 3);
  CHECK(blocks[0].kind == BlockKind::heading);
  CHECK(blocks[1].kind == BlockKind::subheading);
  CHECK(blocks[1].text == "Nieuwe aandachtspunten");
  CHECK(blocks[2].kind == BlockKind::paragraph);
}

TEST_CASE("lay_out: bullets make list items; a hanging indent continues the item", "[layout]") {
  std::vector<Box> boxes;
  add_lines(boxes, {"Bevindingen"}, 60, 100, 14, true);
  double y = add_item(boxes, "•", {"Versnipperde ondersteuning voor", "mensen en gebrek aan coördinatie."}, 60, 124);
  y = add_item(boxes, "•", {"Moeilijkheden voor generalistische", "spelers om crisissen te beheren."}, 60, y);
  y = add_item(boxes, "–", {"Een tweede niveau onder het", "vorige punt."}, 72, y);
  add_lines(boxes, {"Er wordt ook gewezen op het gebrek", "aan ruimte en tijd."}, 60, y);

  std::vector<Block> blocks = lay_out({test::a4_page(2, boxes)});
  REQUIRE(blocks.size() == 5);
  CHECK(blocks[0].kind == BlockKind::heading);

  CHECK(blocks[1].kind == BlockKind::list_item);
  CHECK(blocks[1].level == 1);
  CHECK(blocks[1].text == "Versnipperde ondersteuning voor\nmensen en gebrek aan coördinatie.");

  CHECK(blocks[2].kind == BlockKind::list_item);
  CHECK(blocks[2].level == 1);
  CHECK(blocks[2].text == "Moeilijkheden voor generalistische\nspelers om crisissen te beheren.");

  // Level 2: the marker stands in the first level's text indent.
  CHECK(blocks[3].kind == BlockKind::list_item);
  CHECK(blocks[3].level == 2);
  CHECK(blocks[3].text == "Een tweede niveau onder het\nvorige punt.");

  // Back at the margin: a paragraph, not part of the item.
  CHECK(blocks[4].kind == BlockKind::paragraph);
  CHECK(blocks[4].text == "Er wordt ook gewezen op het gebrek\naan ruimte en tijd.");
}

TEST_CASE("lay_out: a bullet glued to its text is still a marker, not text", "[layout]") {
  std::vector<Box> boxes;
  add_lines(boxes, {"Agenda"}, 60, 100, 14, true);
  boxes.push_back(word("•Follow-up", 60, 124));
  add(boxes, line_words("van het repertorium.", boxes.back().bbox.x1 + 3, 124));
  std::vector<Block> blocks = lay_out({test::a4_page(2, boxes)});
  REQUIRE(blocks.size() == 2);
  CHECK(blocks[1].kind == BlockKind::list_item);
  CHECK(blocks[1].text == "Follow-up van het repertorium.");
}

TEST_CASE("lay_out: numbered items are list items without their numbers", "[layout]") {
  std::vector<Box> boxes;
  add_lines(boxes, {"Actiepistes"}, 60, 100, 14, true);
  double y = add_item(boxes, "1.", {"Een repertorium van diensten."}, 60, 124);
  add_item(boxes, "2.", {"Een gezamenlijke vorming."}, 60, y);
  std::vector<Block> blocks = lay_out({test::a4_page(2, boxes)});
  REQUIRE(blocks.size() == 3);
  CHECK(blocks[1].kind == BlockKind::list_item);
  CHECK(blocks[1].text == "Een repertorium van diensten.");
  CHECK(blocks[2].kind == BlockKind::list_item);
  CHECK(blocks[2].text == "Een gezamenlijke vorming.");
}

TEST_CASE("lay_out: a paragraph broken by the column break is one block", "[layout]") {
  std::vector<Box> boxes;
  add_lines(boxes, {"Monitoring van de behoeften"}, 50, 100, 14, true);
  add_lines(boxes,
            {"Mensen thuis ondersteunen brengt", "ook veel uitdagingen met zich mee:",
             "mensen die geen hulp vragen ondanks", "duidelijke problemen en de"},
            50, 124);
  // The right column goes on in lower case.
  add_lines(boxes,
            {"doorverwijzingen wanneer mobiele", "teams overbelast zijn.", "Ondersteuning voor mensen met het",
             "syndroom van Diogenes."},
            320, 100);
  std::vector<Block> blocks = lay_out({test::a4_page(2, boxes)});
  REQUIRE(blocks.size() == 2);
  CHECK(blocks[0].kind == BlockKind::heading);
  CHECK(blocks[1].kind == BlockKind::paragraph);
  CHECK(blocks[1].text ==
        "Mensen thuis ondersteunen brengt\nook veel uitdagingen met zich mee:\n"
        "mensen die geen hulp vragen ondanks\nduidelijke problemen en de\n"
        "doorverwijzingen wanneer mobiele\nteams overbelast zijn.\n"
        "Ondersteuning voor mensen met het\nsyndroom van Diogenes.");
}

TEST_CASE("lay_out: a finished paragraph does not swallow the next column's", "[layout]") {
  std::vector<Box> boxes;
  add_lines(boxes, {"Monitoring van de behoeften"}, 50, 100, 14, true);
  add_lines(boxes, {"Eerste alinea die hier", "eindigt.", "Tweede regel van", "een alinea."}, 50, 124);
  add_lines(boxes, {"Nieuwe alinea in de", "rechterkolom die", "niet verder gaat.", "Nog een regel."}, 320, 100);
  std::vector<Block> blocks = lay_out({test::a4_page(2, boxes)});
  const Block* right = find_block(blocks, "Nieuwe alinea");
  REQUIRE(right != nullptr);
  CHECK(right->kind == BlockKind::paragraph);
}

TEST_CASE("lay_out: a paragraph broken by the page break is one block", "[layout]") {
  std::vector<Box> p1, p2;
  add_lines(p1, {"Bevindingen"}, 60, 600, 14, true);
  add_lines(p1, {"Er is een tekort aan plaatsen in de", "opvang en de wachttijden voor een"}, 60, 624);
  add_lines(p2, {"eerste gesprek lopen op tot drie", "maanden."}, 60, 100);
  std::vector<Block> blocks = lay_out({test::a4_page(1, p1), test::a4_page(2, p2)});
  REQUIRE(blocks.size() == 2);
  CHECK(blocks[1].text ==
        "Er is een tekort aan plaatsen in de\nopvang en de wachttijden voor een\n"
        "eerste gesprek lopen op tot drie\nmaanden.");
  CHECK(blocks[1].page == 1);
}

TEST_CASE("lay_out: what it measures on a flyer's first page", "[layout]") {
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

  std::vector<Block> blocks = lay_out({test::a4_page(1, boxes)});

  const Block* title = find_block(blocks, "Thematisch overleg geestelijke");
  REQUIRE(title != nullptr);
  CHECK(title->above_columns);
  const Block* date = find_block(blocks, "25/09/25");
  REQUIRE(date != nullptr);
  CHECK(date->above_columns);

  const Block* count = find_block(blocks, "Een twintigtal");
  REQUIRE(count != nullptr);
  CHECK(count->narrow_column);
  CHECK(count->column == 0);
  const Block* standing = find_block(blocks, "Het thematisch");
  REQUIRE(standing != nullptr);
  CHECK(standing->narrow_column);

  const Block* heading = find_block(blocks, "Monitoring van de");
  REQUIRE(heading != nullptr);
  CHECK_FALSE(heading->narrow_column);
  CHECK_FALSE(heading->above_columns);
  CHECK(heading->column == 1);
  CHECK(heading->kind == BlockKind::heading);
  const Block* right = find_block(blocks, "Mensen thuis");
  REQUIRE(right != nullptr);
  CHECK_FALSE(right->narrow_column);
  CHECK(right->column == 2);

  const Block* footer = find_block(blocks, "Met de steun");
  REQUIRE(footer != nullptr);
  CHECK(footer->rel_size < 0.8);

  // Reading order: band, then the sidebar, then the columns left to right.
  auto index = [&](const Block* b) { return b - blocks.data(); };
  CHECK(index(title) < index(count));
  CHECK(index(count) < index(heading));
  CHECK(index(heading) < index(right));
}

TEST_CASE("lay_out: a later page's top line, a box title and its text are blocks of their own", "[layout]") {
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
  std::vector<Block> blocks = lay_out({test::a4_page(2, boxes)});

  const Block* header = find_block(blocks, "Thematisch overleg");
  REQUIRE(header != nullptr);
  CHECK(header->page == 2);
  CHECK(header->bbox.y1 < 60);
  const Block* body = find_block(blocks, "In 2026");
  REQUIRE(body != nullptr);
  CHECK(body->kind == BlockKind::paragraph);
  const Block* box_title = find_block(blocks, "Save the date");
  REQUIRE(box_title != nullptr);
  CHECK(box_title->kind == BlockKind::heading);
  const Block* announcement = find_block(blocks, "Het volgende");
  REQUIRE(announcement != nullptr);
  CHECK(announcement->kind == BlockKind::paragraph);
}

TEST_CASE("lay_out on no pages or empty pages gives no blocks", "[layout]") {
  CHECK(lay_out({}).empty());
  CHECK(lay_out({test::a4_page(1, {}), test::a4_page(2, {})}).empty());
}
