// OCR's alternatives for a word's letters (text/ocr_choices.h): the readings
// spelled from fake symbol choices, bounded; and the repair decisions they
// take part in, from hand-made boxes (no Tesseract needed).
#include <catch2/catch.hpp>

#include "test_support.h"

#include "lexicon/lexicon.h"
#include "text/document_repair.h"
#include "text/ocr_choices.h"
#include "text/repair.h"

using namespace overleg;

namespace {

const Lexicon& lexicon() { return test::built_lexicon(); }

// A word's symbols as OCR read them, each with its confidence, and the
// alternatives of the symbol at `at` (the others have none).
std::vector<SymbolChoice> word(const std::string& text, double confidence = 0.9,
                               std::size_t at = std::string::npos,
                               std::vector<std::pair<std::string, double>> alternatives = {}) {
  std::vector<SymbolChoice> out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    SymbolChoice s;
    s.read = text.substr(i, 1);
    s.confidence = confidence;
    if (i == at) s.alternatives = alternatives;
    out.push_back(s);
  }
  return out;
}

std::vector<std::string> words_of(const std::vector<ChoiceReading>& readings) {
  std::vector<std::string> out;
  for (const auto& r : readings) out.push_back(r.word);
  return out;
}

// `text` repaired as OCR'd text in which OCR read `token` with `confidence`
// and, unless empty, the alternatives `symbols`.
RepairOutcome repaired(std::string_view text, const std::string& token, double confidence,
                       std::vector<SymbolChoice> symbols) {
  OcrConfidences confidences{{token, confidence}};
  OcrChoices choices{{token, std::move(symbols)}};
  RepairOptions o;
  o.ocr = true;
  o.confidences = &confidences;
  if (!choices[token].empty()) o.choices = &choices;
  return repair_text(text, 1, lexicon(), o);
}

// `repairs` is one repair by `rule`, whose evidence lists `ocr_choices`.
void check_one(const std::vector<Repair>& repairs, const std::string& rule, const std::vector<std::string>& ocr_choices) {
  REQUIRE(repairs.size() == 1);
  CHECK(repairs[0].rule == rule);
  REQUIRE(repairs[0].evidence);
  CHECK(repairs[0].evidence->ocr_choices == ocr_choices);
}

}  // namespace

TEST_CASE("ocr choices: readings spelled from the alternatives, cheapest first", "[repair][ocr_choices]") {
  // huip: OCR weighed l (0.72) against the i it read (0.83).
  auto huip = word("huip", 0.83, 2, {{"l", 0.72}, {"t", 0.35}});
  auto readings = choice_readings(huip, 1.0);
  REQUIRE(words_of(readings) == std::vector<std::string>{"hulp", "hutp"});
  // A near tie costs little, less than the table's i/l (0.35); a weak
  // alternative more.
  CHECK(readings[0].cost == Approx(0.15 + 0.5 * (1 - 0.72 / 0.83)));
  CHECK(readings[0].cost < 0.35);
  CHECK(readings[1].cost > readings[0].cost);
  // Bounded by the cost the caller allows.
  CHECK(words_of(choice_readings(huip, 0.3)) == std::vector<std::string>{"hulp"});
  CHECK(choice_readings(huip, 0.1).empty());

  // Two doubted symbols: each alone and both together.
  auto two = word("hiup", 0.8);
  two[1].alternatives = {{"u", 0.7}};
  two[2].alternatives = {{"l", 0.7}};
  auto both = choice_readings(two, 1.0);
  CHECK(words_of(both) == std::vector<std::string>{"hilp", "huup", "hulp"});
  CHECK(both[2].cost == Approx(both[0].cost * 2));
}

TEST_CASE("ocr choices: case variants, signs and weak alternatives are no readings", "[repair][ocr_choices]") {
  // Z for z is the same letter; "2" and "," are no letters; 0.2 is below
  // what is weighed. The word is then read only one way.
  auto zich = word("zich", 0.86, 0, {{"Z", 0.80}, {"2", 0.5}, {"g", 0.2}});
  CHECK(choice_readings(zich, 1.0).empty());
  auto comma = word("r", 0.76, 0, {{",", 0.54}});
  CHECK(choice_readings(comma, 1.0).empty());
  // Upper-case read symbols come out lower case.
  auto upper = word("Huip", 0.83, 2, {{"l", 0.72}});
  CHECK(words_of(choice_readings(upper, 1.0)) == std::vector<std::string>{"hulp"});
  // An alternative OCR liked better than its own reading costs the least.
  auto manier = word("manier", 0.9, 3, {{"t", 0.81}});
  manier[3].confidence = 0.79;
  CHECK(choice_readings(manier, 1.0).front().cost == Approx(0.15));
}

TEST_CASE("ocr choices: at most four symbols and sixteen readings", "[repair][ocr_choices]") {
  // Ten symbols, each with three alternatives: 4^10 combinations unbounded.
  std::vector<SymbolChoice> many = word("abcdefghij", 0.8);
  for (std::size_t i = 0; i < many.size(); ++i)
    many[i].alternatives = {{"x", 0.62 + 0.01 * static_cast<double>(i)}, {"y", 0.5}, {"z", 0.6}};
  auto readings = choice_readings(many, 10.0);
  CHECK(readings.size() == 16);
  // Only the four most doubted symbols (the ones with the likeliest
  // alternatives: g, h, i, j, whose x is strongest) are ever read otherwise.
  for (const auto& r : readings) CHECK(r.word.substr(0, 6) == "abcdef");
  for (std::size_t i = 1; i < readings.size(); ++i) CHECK(readings[i - 1].cost <= readings[i].cost);
}

TEST_CASE("ocr choices: a piece of a word gets its own symbols", "[repair][ocr_choices]") {
  auto dashed = word("-huip", 0.83, 3, {{"l", 0.72}});
  auto piece = choices_for(dashed, "huip");
  REQUIRE(piece.size() == 4);
  CHECK(piece[2].alternatives.size() == 1);
  CHECK(choices_for(dashed, "-huip").size() == 5);
  // Not a piece of it, or twice in it: no symbols.
  CHECK(choices_for(dashed, "hulp").empty());
  CHECK(choices_for(word("nunu"), "nu").empty());
  CHECK(choices_for(dashed, "").empty());

  // A page's words are keyed as the record counts them: punctuation
  // stripped, the symbols of the stripped letters only.
  Page page;
  page.method = PageMethod::ocr;
  Box b{"(huip,", {}, "", 10, false, false, 0.6};
  b.symbol_choices = word("(huip,", 0.83, 3, {{"l", 0.72}});
  Box worse = b;
  worse.confidence = 0.4;
  worse.symbol_choices[3].alternatives = {{"l", 0.5}};
  Box broken = b;
  broken.text = "anders";
  broken.symbol_choices = word("ander", 0.5, 1, {{"m", 0.5}});  // spells another word: left out
  Box changed = b;
  changed.text = "(hulp,";  // changed after OCR: the symbols spell what it was
  page.boxes = {b, worse, broken, changed};
  OcrChoices choices = choices_of(page);
  REQUIRE(choices.count("huip") == 1);
  CHECK(choices.count("anders") == 0);
  CHECK(choices.count("hulp") == 0);
  REQUIRE(choices["huip"].size() == 4);
  CHECK(choices["huip"][2].alternatives.front().second == Approx(0.5));  // the worst reading's
}

TEST_CASE("ocr choices: a word only OCR's alternatives reach is fixed when common", "[repair][ocr_choices]") {
  // "xan": no table confusion makes x a v and a three-letter word gets no
  // general edit; OCR weighed v.
  const std::string text = "de vraag xan de buurt";
  auto xan = word("xan", 0.8, 0, {{"v", 0.7}});
  RepairOutcome r = repaired(text, "xan", 0.6, xan);
  CHECK(r.text == "de vraag van de buurt");
  check_one(r.repairs, "ocr_choice", {"van"});
  CHECK(r.repairs[0].evidence->candidates.front() == "van");
  CHECK(r.repairs[0].evidence->ocr_confidence == Approx(0.6));

  // Without the alternatives, the word stays as read.
  CHECK(repaired(text, "xan", 0.6, {}).text == text);
  // A confident word is kept, alternatives or not.
  CHECK(repaired(text, "xan", 0.97, xan).text == text);
  // A known word is never changed, whatever OCR weighed.
  CHECK(repaired("samen met hen", "met", 0.68, word("met", 0.68, 2, {{"i", 0.83}})).text == "samen met hen");
}

TEST_CASE("ocr choices: an edit OCR weighed costs less and is marked", "[repair][ocr_choices]") {
  // huip -> hulp is a table confusion (i/l); OCR weighed it too.
  auto huip = word("huip", 0.83, 2, {{"l", 0.72}});
  RepairOutcome r = repaired("vraag om huip", "huip", 0.62, huip);
  CHECK(r.text == "vraag om hulp");
  check_one(r.repairs, "confusion", {"hulp"});

  std::vector<Candidate> cands{{"hulp", 0.35, 0.4, "confusion", Spelling::word, false},
                               {"huid", 0.5, 0.55, "confusion", Spelling::word, false}};
  weigh_ocr_readings(cands, choice_readings(huip, 1.0), lexicon());
  REQUIRE(cands.size() == 2);
  CHECK(cands[0].word == "hulp");
  CHECK(cands[0].ocr_choice);
  CHECK(cands[0].cost < 0.35);
  CHECK(cands[0].score == Approx(0.4 - (0.35 - cands[0].cost)));
  CHECK_FALSE(cands[1].ocr_choice);
}

TEST_CASE("ocr choices: from the page's boxes through repair_blocks", "[repair][ocr_choices]") {
  Page page;
  page.number = 1;
  page.method = PageMethod::ocr;
  page.ocr_confidence = 0.9;
  for (const char* w : {"de", "vraag", "xan", "de", "buurt"}) page.boxes.push_back(Box{w, {}, "", 10, false, false, 0.93});
  page.boxes[2].confidence = 0.55;
  page.boxes[2].symbol_choices = word("xan", 0.8, 0, {{"v", 0.7}});
  Block b;
  b.page = 1;
  b.text = "de vraag xan de buurt";
  std::vector<Block> blocks{b};
  std::vector<Repair> repairs = repair_blocks(blocks, {page}, lexicon());
  CHECK(blocks[0].text == "de vraag van de buurt");
  check_one(repairs, "ocr_choice", {"van"});
  CHECK(repairs[0].evidence->ocr_confidence == Approx(0.55));
}
