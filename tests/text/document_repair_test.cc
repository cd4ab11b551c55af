// The repair stage over whole documents (text/document_repair.h): on the dev
// corpus's text-layer PDFs no OCR rule may fire, and OCR text layers are
// recognised (text/ocr_text_layer.h).
#include <catch2/catch.hpp>

#include "test_support.h"

#include <nlohmann/json.hpp>

#include "lexicon/lexicon.h"
#include "text/document_repair.h"
#include "text/document_words.h"
#include "text/ocr_text_layer.h"

using namespace overleg;

TEST_CASE("repair: no lexicon, confusion, diacritic or split repair on the dev text PDFs", "[repair][dev]") {
  namespace fs = std::filesystem;
  std::string dev = test::shared_dir() + "/eval/dev";
  if (!fs::exists(dev)) {
    WARN("shared/eval/dev not found: skipped");
    return;
  }
  std::string args;
  int files = 0;
  for (const auto& e : fs::directory_iterator(dev)) {
    std::string name = e.path().filename().string();
    // Text-layer PDFs: not the scans; French repair is another issue's.
    if (e.path().extension() != ".pdf" || name.find("-scan") != std::string::npos || name.rfind("fr-", 0) == 0)
      continue;
    args += " " + test::shell_quote(e.path().string());
    ++files;
  }
  REQUIRE(files > 0);
  test::RunResult r = test::run(test::shell_quote(test::binary()) + " extract -q --ocr never" + args, "", 600);
  REQUIRE(r.exit_code == 0);
  int records = 0;
  for (const auto& line : test::lines_of(r.out)) {
    auto j = nlohmann::json::parse(line);
    ++records;
    for (const auto& rep : j["repairs"]) {
      std::string rule = rep["rule"];
      INFO(j["source"]["path"].get<std::string>() << ": " << rep.dump());
      CHECK(rule != "lexicon");
      CHECK(rule != "confusion");
      CHECK(rule != "diacritic");
      CHECK(rule != "split");
      CHECK(rule != "join");
      CHECK(rule != "case");
    }
  }
  CHECK(records == files);
}

TEST_CASE("ocr text layer: recognised by Page::text_layer_ocr or by OCR fonts", "[repair]") {
  Page page;
  page.method = PageMethod::text;
  for (int i = 0; i < 10; ++i) page.boxes.push_back(Box{"woord", {}, "Roboto-Regular"});
  CHECK_FALSE(page_text_is_ocr(page));
  Page glyphless = page;
  for (Box& b : glyphless.boxes) b.font = "GlyphLessFont";
  CHECK(text_layer_in_ocr_font(glyphless));
  CHECK(page_text_is_ocr(glyphless));
  Page flagged = page;
  flagged.text_layer_ocr = true;
  CHECK(page_text_is_ocr(flagged));
  Page ocr = page;
  ocr.method = PageMethod::ocr;
  CHECK(page_text_is_ocr(ocr));
}

TEST_CASE("repair_blocks: OCR rules on OCR pages only, a text layer's words are evidence", "[repair]") {
  const Lexicon& lex = test::built_lexicon();
  Page text_page, ocr_page;
  text_page.number = 1;
  ocr_page.number = 2;
  ocr_page.method = PageMethod::ocr;
  ocr_page.boxes.push_back(Box{"belangrik", {}, "", 10, false, false, 0.45});
  ocr_page.boxes.push_back(Box{"Hospichill", {}, "", 10, false, false, 0.52});
  Block a, b, c;
  a.page = 1;
  a.text = "Het project Hospichill vande buurt";
  b.page = 2;
  b.text = "Het is belangrik voor Hospichill";
  c.page = 2;
  c.role = Role::footer;
  c.text = "belangrik";
  std::vector<Block> blocks{a, b, c};
  std::vector<Repair> repairs = repair_blocks(blocks, {text_page, ocr_page}, lex);
  CHECK(blocks[0].text == "Het project Hospichill vande buurt");  // a text layer: as typed
  CHECK(blocks[1].text == "Het is belangrijk voor Hospichill");
  CHECK(blocks[2].text == "belangrik");  // footers are not in the record
  REQUIRE(repairs.size() == 1);
  CHECK(repairs[0].page == 2);
  REQUIRE(repairs[0].evidence);
  CHECK(repairs[0].evidence->ocr_confidence == Approx(0.45));
}

TEST_CASE("document words: counted as the record's words are", "[repair]") {
  DocumentWords d;
  d.add("Kuregem, (Kuregem) en „Kuregem”", false);
  CHECK(d.count("Kuregem") == 3);
  CHECK_FALSE(d.in_text_layer("Kuregem"));
  d.add("Kuregem.", true);
  CHECK(d.in_text_layer("Kuregem"));
  CHECK(d.contains_any_case("kuregem") == false);
  CHECK(d.contains_any_case("Kuregem"));
  CHECK(DocumentWords::strip("«niet-digitaal»,") == "niet-digitaal");
}
