// Tests of record.h: the JSON record exactly as ../shared/spec/record.md has
// it (key order, nulls, arrays present when empty), and the renderings for
// people.
#include <catch2/catch.hpp>

#include "record/record.h"

using namespace overleg;
using ojson = nlohmann::ordered_json;

namespace {

// The example of record.md as a Report.
PageInfo page_info(int number, PageMethod method, int chars, std::optional<double> ocr_confidence = std::nullopt) {
  PageInfo page;
  page.number = number;
  page.method = method;
  page.chars = chars;
  page.ocr_confidence = ocr_confidence;
  return page;
}

Report example() {
  Report r;
  r.source.path = "samples/gg-zuid-2025-09-25.pdf";
  r.source.sha256 = "abc123";
  r.source.bytes = 183402;
  r.source.pages = 2;
  r.language = "nl";
  r.pages = {page_info(1, PageMethod::text, 3120), page_info(2, PageMethod::ocr, 2875, 0.87)};
  r.pages[0].left_out = {{"label", 3}, {"standing_description", 58}, {"footer", 21}};
  r.pages[1].rotation = 180;
  r.pages[1].skew = -0.4;
  r.pages[1].dpi = 300;
  r.pages[1].left_out = {{"running_header", 6}, {"page_number", 1}};
  Meeting& m = r.meeting;
  m.series = "Thematisch overleg";
  m.title = "Thematisch overleg geestelijke gezondheid #3 (2025)";
  m.theme = "Geestelijke gezondheid";
  m.edition = 3;
  m.date = "2025-09-25";
  m.zone = "Zuid";
  m.participants = Participants{20, "approximately",
                                "Een twintigtal professionals uit de welzijns- en gezondheidssector."};
  r.agenda = {"Follow-up van het repertorium."};
  Section s{"monitoring", "Monitoring van de behoeften van de bevolking", 1, {}};
  s.blocks.push_back({"paragraph", "Toename van de kwetsbaarheid.", 0, {}});
  s.blocks.push_back({"list_item", "Versnipperde ondersteuning voor mensen.", 1, {}});
  s.blocks.push_back({"subheading", "Nieuwe aandachtspunten", 0, {}});
  s.blocks.push_back({"table", "", 0, {{"THEMA", "BETROKKEN ZORGZONES"}, {"Huiselijk geweld (HG)", "CW, ZO"}}});
  r.sections.push_back(s);
  Event e;
  e.title = "Thematisch overleg geestelijke gezondheid";
  e.date = "2026-03-03";
  e.start = "10:00";
  e.end = "12:00";
  e.text = "Het volgende thematische overleg vindt plaats op 3 maart 2026, van 10 tot 12 u.";
  r.events.push_back(e);
  r.links.push_back({"https://www.zorgzone-zuid.brussels/events/", "hier", 1});
  r.repairs.push_back({1, "coérdinatie", "coördinatie", "lexicon",
                       RepairEvidence{{"coördinatie", "coordinatie"}, 0.41}});
  return r;
}

const char* kExampleJson = R"json({
  "format": "overleg.report/1",
  "format_minor": 1,
  "source": {"path": "samples/gg-zuid-2025-09-25.pdf", "sha256": "abc123", "bytes": 183402, "pages": 2},
  "language": "nl",
  "extraction": {"pages": [
    {"number": 1, "method": "text", "chars": 3120, "ocr_confidence": null,
     "rotation": null, "skew": null, "dpi": null,
     "left_out": {"footer": 21, "label": 3, "standing_description": 58}},
    {"number": 2, "method": "ocr", "chars": 2875, "ocr_confidence": 0.87,
     "rotation": 180, "skew": -0.4, "dpi": 300,
     "left_out": {"page_number": 1, "running_header": 6}}
  ]},
  "meeting": {
    "series": "Thematisch overleg",
    "title": "Thematisch overleg geestelijke gezondheid #3 (2025)",
    "theme": "Geestelijke gezondheid",
    "edition": 3,
    "date": "2025-09-25",
    "zone": "Zuid",
    "participants": {"count": 20, "qualifier": "approximately",
                     "text": "Een twintigtal professionals uit de welzijns- en gezondheidssector."}
  },
  "agenda": ["Follow-up van het repertorium."],
  "sections": [{
    "kind": "monitoring", "heading": "Monitoring van de behoeften van de bevolking", "page": 1,
    "blocks": [
      {"type": "paragraph", "text": "Toename van de kwetsbaarheid."},
      {"type": "list_item", "level": 1, "text": "Versnipperde ondersteuning voor mensen."},
      {"type": "subheading", "text": "Nieuwe aandachtspunten"},
      {"type": "table", "rows": [["THEMA", "BETROKKEN ZORGZONES"], ["Huiselijk geweld (HG)", "CW, ZO"]]}
    ]
  }],
  "events": [{
    "kind": "save_the_date", "title": "Thematisch overleg geestelijke gezondheid", "date": "2026-03-03",
    "start": "10:00", "end": "12:00", "location": null,
    "text": "Het volgende thematische overleg vindt plaats op 3 maart 2026, van 10 tot 12 u."
  }],
  "links": [{"url": "https://www.zorgzone-zuid.brussels/events/", "text": "hier", "page": 1}],
  "repairs": [{"page": 1, "from": "coérdinatie", "to": "coördinatie", "rule": "lexicon",
               "evidence": {"candidates": ["coördinatie", "coordinatie"], "ocr_confidence": 0.41}}],
  "warnings": []
})json";

std::vector<std::string> keys(const ojson& j) {
  std::vector<std::string> out;
  for (auto it = j.begin(); it != j.end(); ++it) out.push_back(it.key());
  return out;
}

}  // namespace

TEST_CASE("to_json: record.md's example, key for key and in order", "[record]") {
  // ordered_json keeps the keys in the order of the text: dump both and compare.
  CHECK(to_json(example()).dump() == ojson::parse(kExampleJson).dump());
}

TEST_CASE("to_json: an empty report has every key, nulls and empty arrays", "[record]") {
  ojson j = to_json(Report{});
  CHECK(j.dump() ==
        R"({"format":"overleg.report/1","format_minor":1,"source":{"path":"","sha256":"","bytes":0,"pages":0},)"
        R"("language":null,"extraction":{"pages":[]},"meeting":{"series":null,"title":null,"theme":null,"edition":null,)"
        R"("date":null,"zone":null,"participants":null},"agenda":[],"sections":[],"events":[],"links":[],)"
        R"("repairs":[],"warnings":[]})");
}

TEST_CASE("to_json: top-level and nested keys in record.md's order", "[record]") {
  ojson j = to_json(example());
  CHECK(keys(j) == std::vector<std::string>{"format", "format_minor", "source", "language", "extraction", "meeting",
                                            "agenda", "sections", "events", "links", "repairs", "warnings"});
  CHECK(keys(j["extraction"]["pages"][0]) == std::vector<std::string>{"number", "method", "chars", "ocr_confidence",
                                                                      "rotation", "skew", "dpi", "left_out"});
  CHECK(keys(j["meeting"]) ==
        std::vector<std::string>{"series", "title", "theme", "edition", "date", "zone", "participants"});
  CHECK(keys(j["meeting"]["participants"]) == std::vector<std::string>{"count", "qualifier", "text"});
  CHECK(keys(j["events"][0]) ==
        std::vector<std::string>{"kind", "title", "date", "start", "end", "location", "text"});
  CHECK(j["format"] == kRecordFormat);
  CHECK(std::string(kRecordFormat) == "overleg.report/1");
}

TEST_CASE("to_json: participants with unknown count or qualifier keep the keys as null", "[record]") {
  Report r;
  r.meeting.participants = Participants{std::nullopt, std::nullopt, "Professionals uit de sector."};
  ojson p = to_json(r)["meeting"]["participants"];
  CHECK(p.dump() == R"({"count":null,"qualifier":null,"text":"Professionals uit de sector."})");
}

TEST_CASE("to_json: warnings are {code, page, message}, page null for the whole document", "[record]") {
  Report r;
  r.warnings.push_back({"ocr_low_confidence", "a.pdf", 2, "page 2 read with low confidence"});
  r.warnings.push_back({"damaged_xref", "a.pdf", 0, "the cross-reference table was rebuilt"});
  ojson w = to_json(r)["warnings"];
  CHECK(w.dump() ==
        R"([{"code":"ocr_low_confidence","page":2,"message":"page 2 read with low confidence"},)"
        R"({"code":"damaged_xref","page":null,"message":"the cross-reference table was rebuilt"}])");
}

TEST_CASE("to_json: an event's unknown fields are null", "[record]") {
  Report r;
  Event e;
  e.text = "Het volgende overleg wordt later aangekondigd.";
  r.events.push_back(e);
  CHECK(to_json(r)["events"].dump() ==
        R"([{"kind":"save_the_date","title":null,"date":null,"start":null,"end":null,"location":null,)"
        R"("text":"Het volgende overleg wordt later aangekondigd."}])");
}

TEST_CASE("to_json: OCR confidence is rounded to three decimals", "[record]") {
  Report r;
  r.pages = {page_info(1, PageMethod::ocr, 100, 0.876543), page_info(2, PageMethod::none, 0)};
  ojson pages = to_json(r)["extraction"]["pages"];
  CHECK(pages[0]["ocr_confidence"].get<double>() == Approx(0.877).margin(1e-9));
  CHECK(pages[1]["method"] == "none");
  CHECK(pages[1]["ocr_confidence"].is_null());
}

TEST_CASE("to_json: a repair's ocr_choices only where OCR gave alternatives", "[record]") {
  Report r = example();
  // Without alternatives the evidence keeps its 1.1 keys, nothing more.
  CHECK(keys(to_json(r)["repairs"][0]["evidence"]) == std::vector<std::string>{"candidates", "ocr_confidence"});
  r.repairs[0].evidence->ocr_choices = {"coördinatie"};
  ojson evidence = to_json(r)["repairs"][0]["evidence"];
  CHECK(keys(evidence) == std::vector<std::string>{"candidates", "ocr_confidence", "ocr_choices"});
  CHECK(evidence["ocr_choices"] == ojson::array({"coördinatie"}));
}

TEST_CASE("to_json_text: one line, or indented with pretty", "[record]") {
  std::string line = to_json_text(example(), false);
  CHECK(line.find('\n') == std::string::npos);
  CHECK(line.rfind("{\"format\":\"overleg.report/1\"", 0) == 0);
  std::string pretty = to_json_text(example(), true);
  CHECK(pretty.find("\n  \"source\": {") != std::string::npos);
  CHECK(ojson::parse(pretty) == ojson::parse(line));
  // Non-ASCII text stays UTF-8, not \u escapes.
  CHECK(line.find("coördinatie") != std::string::npos);
}

TEST_CASE("to_json_text: invalid UTF-8 is replaced, never a failure", "[record]") {
  Report r;
  r.agenda.push_back("kapot \xC3 teken");
  std::string line;
  REQUIRE_NOTHROW(line = to_json_text(r, false));
  CHECK_NOTHROW(ojson::parse(line));
}

TEST_CASE("to_markdown: title, meeting data, headings, bullets, table", "[record]") {
  std::string md = to_markdown(example());
  CHECK(md.rfind("# Thematisch overleg geestelijke gezondheid #3 (2025)\n", 0) == 0);
  CHECK(md.find("2025-09-25") != std::string::npos);
  CHECK(md.find("## Agenda\n") != std::string::npos);
  CHECK(md.find("- Follow-up van het repertorium.\n") != std::string::npos);
  CHECK(md.find("## Monitoring van de behoeften van de bevolking\n") != std::string::npos);
  CHECK(md.find("- Versnipperde ondersteuning voor mensen.\n") != std::string::npos);
  CHECK(md.find("### Nieuwe aandachtspunten\n") != std::string::npos);
  CHECK(md.find("| THEMA | BETROKKEN ZORGZONES |") != std::string::npos);
  CHECK(md.find("| Huiselijk geweld (HG) | CW, ZO |") != std::string::npos);
  CHECK(md.find("## Save the date\n") != std::string::npos);
  CHECK(md.find("[hier](https://www.zorgzone-zuid.brussels/events/)") != std::string::npos);
}

TEST_CASE("to_markdown: a level-2 item is indented under its parent", "[record]") {
  Report r;
  Section s{"findings", "Bevindingen", 1, {}};
  s.blocks.push_back({"list_item", "Eerste", 1, {}});
  s.blocks.push_back({"list_item", "Onder", 2, {}});
  r.sections.push_back(s);
  std::string md = to_markdown(r);
  CHECK(md.find("- Eerste\n  - Onder\n") != std::string::npos);
}

TEST_CASE("to_plain_text: the text in reading order", "[record]") {
  std::string text = to_plain_text(example());
  auto title = text.find("Thematisch overleg geestelijke gezondheid #3 (2025)");
  auto heading = text.find("Monitoring van de behoeften van de bevolking");
  auto para = text.find("Toename van de kwetsbaarheid.");
  auto event = text.find("Het volgende thematische overleg");
  REQUIRE(title != std::string::npos);
  REQUIRE(heading != std::string::npos);
  REQUIRE(para != std::string::npos);
  REQUIRE(event != std::string::npos);
  CHECK(title < heading);
  CHECK(heading < para);
  CHECK(para < event);
}

TEST_CASE("to_markdown: text that looks like markup is escaped", "[record]") {
  Report r;
  Section s{"findings", "Bevindingen", 1, {}};
  s.blocks.push_back({"paragraph", "1. Dit is geen lijst, *geen* nadruk en [geen] link", 0, {}});
  s.blocks.push_back({"paragraph", "# geen kop", 0, {}});
  s.blocks.push_back({"list_item", "A | B en 2) c", 1, {}});
  s.blocks.push_back({"table", "", 0, {{"a|b", "c"}, {"d", "e*"}}});
  r.sections.push_back(s);
  std::string md = to_markdown(r);
  INFO(md);
  CHECK(md.find("1\\. Dit is geen lijst, \\*geen\\* nadruk en \\[geen\\] link\n") != std::string::npos);
  CHECK(md.find("\n\\# geen kop\n") != std::string::npos);
  CHECK(md.find("- A \\| B en 2) c\n") != std::string::npos);
  CHECK(md.find("| a\\|b | c |") != std::string::npos);
  CHECK(md.find("| d | e\\* |") != std::string::npos);
}

TEST_CASE("to_markdown: a link sits where its anchor is; a URL without scheme stays absolute", "[record]") {
  Report r;
  r.source.path = "in/verslag.pdf";
  Section s{"actions", "Gezamenlijke acties", 1, {}};
  s.blocks.push_back({"paragraph", "Schrijf je in via deze pagina of bel ons.", 0, {}});
  r.sections.push_back(s);
  r.links.push_back({"https://example.org/inschrijving", "deze pagina", 1});
  r.links.push_back({"www.brusano.brussels", "Brusano", 2});
  r.links.push_back({"info@brusano.brussels", "", 2});
  std::string md = to_markdown(r);
  INFO(md);
  CHECK(md.find("Schrijf je in via [deze pagina](https://example.org/inschrijving) of bel ons.") != std::string::npos);
  // Placed inline, so not listed again; the others are listed with absolute targets.
  CHECK(md.find("example.org/inschrijving", md.find("## Links")) == std::string::npos);
  CHECK(md.find("[Brusano](https://www.brusano.brussels)") != std::string::npos);
  CHECK(md.find("(mailto:info@brusano.brussels)") != std::string::npos);
  CHECK(md.find("](www.") == std::string::npos);
}

TEST_CASE("to_markdown and to_plain_text: the source is named and warnings are shown", "[record]") {
  Report r = example();
  r.warnings.push_back({"ocr_low_confidence", r.source.path, 2, "OCR confidence 0.41 on page 2"});
  std::string md = to_markdown(r);
  CHECK(md.find("- **Bron:** samples/gg-zuid-2025-09-25.pdf\n") != std::string::npos);
  CHECK(md.find("## Waarschuwingen\n\n- p. 2: OCR confidence 0.41 on page 2 (ocr\\_low\\_confidence)\n") != std::string::npos);
  std::string text = to_plain_text(r);
  CHECK(text.rfind("Bron: samples/gg-zuid-2025-09-25.pdf\n", 0) == 0);
  for (const char* field : {"Datum: 2025-09-25", "Zorgzone: Zuid", "Thema: Geestelijke gezondheid", "Editie: 3",
                            "Deelnemers: Een twintigtal", "Follow-up van het repertorium."}) {
    INFO(field);
    CHECK(text.find(field) != std::string::npos);
  }
  CHECK(text.find("OCR confidence 0.41 on page 2") != std::string::npos);
}
