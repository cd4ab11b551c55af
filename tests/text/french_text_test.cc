// French text with the French lexicon (data/fr.lex): line-end hyphens
// decided by fr/hyphens.tsv and fr.lex, spelling without Dutch compounds but
// with elisions (fr/elisions.tsv), and repair with French OCR confusions
// (fr/confusions.tsv: accents, ç, œ; no ij). A lexicon brings its language's
// rules: the Dutch ones never meet French text.
#include <catch2/catch.hpp>

#include "lexicon/lexicon.h"
#include "lexicon/spelling.h"
#include "text/confusion.h"
#include "text/line_end_hyphen.h"
#include "text/word_repair.h"

using namespace overleg;

namespace {

const Lexicon& french() {
  static auto loaded = Lexicon::load_language("fr");
  if (!loaded) FAIL(loaded.failure().diagnostic.message << ": build the 'lexicon' target");
  return *loaded.value();
}

const Lexicon& dutch() {
  static auto loaded = Lexicon::load_language("nl");
  if (!loaded) FAIL(loaded.failure().diagnostic.message << ": build the 'lexicon' target");
  return *loaded.value();
}

HyphenOutcome hyphen(std::string_view left, std::string_view right) {
  return decide_line_end_hyphen(left, right, false, &french(), nullptr).outcome;
}

std::string repaired(std::string_view token) {
  RepairOptions options;
  options.ocr = true;
  WordRepairer repairer(french(), options);
  auto fix = repairer.repair(token, false, {}, false);
  return fix ? fix->text : std::string(token);
}

}  // namespace

TEST_CASE("french text: a lexicon knows its language", "[french_text]") {
  CHECK(french().language() == "fr");
  CHECK(dutch().language() == "nl");
}

TEST_CASE("french text: line-end hyphens of French words", "[french_text]") {
  // The typesetter's hyphen goes.
  CHECK(hyphen("pro", "jets") == HyphenOutcome::join);
  CHECK(hyphen("consul", "ter") == HyphenOutcome::join);
  CHECK(hyphen("ex", "périences") == HyphenOutcome::join);  // "ex-" is no prefix before the lexicon in French
  // The word's own stays.
  CHECK(hyphen("social", "santé") == HyphenOutcome::keep);
  CHECK(hyphen("c’est-à", "dire") == HyphenOutcome::keep);
  CHECK(hyphen("c’est", "à-dire") == HyphenOutcome::keep);
  CHECK(hyphen("Molenbeek-Saint", "Jean") == HyphenOutcome::keep);
  CHECK(hyphen("Molenbeek", "Saint-Jean") == HyphenOutcome::keep);
  CHECK(hyphen("sans", "abri") == HyphenOutcome::keep);
  // Dutch rules are not French ones: "niet-" is a Dutch prefix, "en" a Dutch conjunction.
  CHECK(decide_line_end_hyphen("welzijns", "en", false, &french(), nullptr).outcome != HyphenOutcome::suspend);
  CHECK(decide_line_end_hyphen("welzijns", "en", false, &dutch(), nullptr).outcome == HyphenOutcome::suspend);
}

TEST_CASE("french text: spelling has elisions and no closed compounds", "[french_text]") {
  CHECK(check_spelling(french(), "l’offre") == Spelling::word);
  CHECK(check_spelling(french(), "d'action") == Spelling::word);
  CHECK(check_spelling(french(), "qu’une") == Spelling::word);
  CHECK(check_spelling(french(), "l’ofre") == Spelling::unknown);
  CHECK(check_spelling(french(), "socialsanté") == Spelling::unknown);
  CHECK(compound_parts(french(), "socialsante").empty());
  // Dutch still compounds.
  CHECK(check_spelling(dutch(), "zorgtraject") != Spelling::unknown);
}

TEST_CASE("french text: the French confusion table", "[french_text]") {
  const ConfusionTable& fr = ConfusionTable::for_language("fr");
  bool cedilla = false, ligature = false, ij = false;
  for (const Confusion& c : fr.confusions()) {
    cedilla = cedilla || (c.seen == U"c" && c.meant == U"ç");
    ligature = ligature || (c.seen == U"oe" && c.meant == U"œ");
    ij = ij || c.rule == "ij";
  }
  CHECK(cedilla);
  CHECK(ligature);
  CHECK_FALSE(ij);
  CHECK(fr.ocr_apostrophe().empty());  // French reports print ' or ’: OCR's ' stays
  CHECK(ConfusionTable::for_language("nl").ocr_apostrophe() == "’");
  CHECK(&ConfusionTable::standard() == &ConfusionTable::for_language("nl"));
}

TEST_CASE("french text: OCR repairs with the French lexicon", "[french_text]") {
  CHECK(repaired("santè") == "santé");
  CHECK(repaired("francais") == "français");
  CHECK(repaired("thérnatique") == "thématique");
  CHECK(repaired("besoins") == "besoins");  // a known word is never changed
  CHECK(repaired("l'hôpital") == "l'hôpital");
}

TEST_CASE("french text: a welded prefix and a word is a word (fr/prefixes.tsv)", "[french_text]") {
  CHECK(check_spelling(french(), "suroccupés") == Spelling::compound);
  CHECK(repaired("suroccupés") == "suroccupés");
  CHECK(check_spelling(french(), "surxqzt") == Spelling::unknown);
}
