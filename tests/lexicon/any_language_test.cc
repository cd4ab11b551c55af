// Tests of any_language.h: the Dutch and French lexicons judged together
// (how an OCR pass is weighed before the document's language is known).
#include <catch2/catch.hpp>

#include <algorithm>

#include "lexicon/any_language.h"

using namespace overleg;

TEST_CASE("any language: a word of either lexicon is a word", "[any_language]") {
  auto nl = Lexicon::load_language("nl");
  auto fr = Lexicon::load_language("fr");
  REQUIRE(nl);
  REQUIRE(fr);
  AnyLanguageLexicon both(*nl.value(), {fr.value()});
  CHECK(both.language() == "nl");
  CHECK(both.contains_any_case("gezondheidszorg"));
  CHECK(both.contains_any_case("Concertation"));
  CHECK(both.contains("santé"));
  CHECK_FALSE(nl.value()->contains("professionnels"));
  CHECK(both.contains("professionnels"));
  CHECK_FALSE(both.contains_any_case("nneS"));
  CHECK(both.frequency("les") >= fr.value()->frequency("les"));
  CHECK(both.info("santé").found);
  CHECK(both.size() == nl.value()->size() + fr.value()->size());
  std::vector<std::size_t> lengths;
  both.for_each_prefix("santé", 3, [&](std::size_t n) { lengths.push_back(n); });
  CHECK(std::is_sorted(lengths.begin(), lengths.end()));
  CHECK(std::find(lengths.begin(), lengths.end(), std::string("santé").size()) != lengths.end());
}
