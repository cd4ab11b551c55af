// Tests of the French lexicon (data/fr.lex, compiled by dictionaries/mklex
// from wfrench, hunspell-fr, Tesseract's fra word list and dictionaries/fr/)
// and of opening a lexicon per language.
#include <catch2/catch.hpp>

#include "lexicon/lexicon.h"
#include "lexicon/lexicon_format.h"

using namespace overleg;

namespace {

std::shared_ptr<const Lexicon> french() {
  static auto loaded = Lexicon::load_language("fr");
  if (!loaded) FAIL(loaded.failure().diagnostic.message << ": build the 'lexicon' target");
  return loaded.value();
}

}  // namespace

TEST_CASE("french lexicon: beside the Dutch one", "[french_lexicon]") {
  std::string nl = Lexicon::default_path(), fr = Lexicon::default_path("fr");
  CHECK(fr.substr(0, fr.size() - 6) == nl.substr(0, nl.size() - 6));
  CHECK(fr.size() > 6);
  CHECK(fr.compare(fr.size() - 6, 6, "fr.lex") == 0);
  CHECK(Lexicon::default_path("nl") == nl);
  auto none = Lexicon::load_language("xx");
  REQUIRE_FALSE(none);
  CHECK(none.failure().kind == ErrorKind::missing_data);
}

TEST_CASE("french lexicon: the words of the genre, with accents", "[french_lexicon]") {
  auto lex = french();
  CHECK(lex->size() > 300000);
  for (const char* w : {"santé", "thématique", "professionnels", "concertation", "besoins", "première", "élevé",
                        "créée", "où", "être", "cœur", "ça", "garçon", "aujourd'hui", "c'est-à-dire",
                        "Molenbeek-Saint-Jean", "social-santé", "Brusano"}) {
    INFO(w);
    CHECK(lex->contains_any_case(w));
  }
  // Without their accents they are not words: repair has something to restore.
  CHECK_FALSE(lex->contains("sante"));
  CHECK_FALSE(lex->contains("thematique"));
  CHECK_FALSE(lex->contains("behoeften"));  // Dutch
}

TEST_CASE("french lexicon: frequencies and flags", "[french_lexicon]") {
  auto lex = french();
  CHECK(lex->frequency("de") > lex->frequency("santé"));
  CHECK(lex->frequency("santé") > lex->frequency("abaca"));
  CHECK(lex->info("les").has(lexicon_format::kFunction));
  CHECK(lex->info("santé").has(lexicon_format::kGeneral));
}
