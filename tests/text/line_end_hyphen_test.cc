// Line-end hyphens by the Dutch spelling rules (text/line_end_hyphen.h,
// dictionaries/rules/hyphens.tsv): one case per rule, with the real lexicon
// and the document's own words.
#include <catch2/catch.hpp>

#include "test_support.h"

#include "lexicon/lexicon.h"
#include "text/document_words.h"
#include "text/line_end_hyphen.h"
#include "text/normalise.h"

using namespace overleg;

namespace {

const Lexicon& lexicon() { return test::built_lexicon(); }

HyphenDecision decide(std::string_view left, std::string_view right, const DocumentWords* doc = nullptr) {
  return decide_line_end_hyphen(left, right, false, &lexicon(), doc);
}

}  // namespace

TEST_CASE("line-end hyphen: niet- and ex- compounds keep it (prefix)", "[hyphen]") {
  for (auto [l, r] : {std::pair{"niet", "digitaal"}, {"niet", "gebruik"}, {"ex", "partner"}, {"oud", "voorzitter"},
                      {"non", "profit"}, {"vice", "voorzitter"}, {"Niet", "digitale"}}) {
    INFO(l << "-" << r);
    HyphenDecision d = decide(l, r);
    CHECK(d.outcome == HyphenOutcome::keep);
    CHECK(d.rule == "prefix");
  }
  CHECK(join_hyphenated("niet-", "digitaal", &lexicon()) == "niet-digitaal");
}

TEST_CASE("line-end hyphen: a capital or digit on either side keeps it", "[hyphen]") {
  for (auto [l, r] : {std::pair{"Zuid", "Oost"}, {"GG", "zorg"}, {"65", "plussers"}, {"A4", "formaat"}, {"COVID", "19"}}) {
    INFO(l << "-" << r);
    HyphenDecision d = decide(l, r);
    CHECK(d.outcome == HyphenOutcome::keep);
    CHECK(d.rule == "capital_or_digit");
  }
}

TEST_CASE("line-end hyphen: vowels that would read as one sound keep it", "[hyphen]") {
  for (auto [l, r] : {std::pair{"zee", "egel"}, {"auto", "ongeluk"}, {"mini", "interview"}}) {
    INFO(l << "-" << r);
    HyphenDecision d = decide(l, r);
    CHECK(d.outcome == HyphenOutcome::keep);
  }
  HyphenDecision d = decide("anti", "eenzaamheid");  // not in the lexicon: the rule decides
  CHECK(d.outcome == HyphenOutcome::keep);
  CHECK(d.rule == "vowel_clash");
  CHECK(join_hyphenated("zee-", "egel", &lexicon()) == "zee-egel");
}

TEST_CASE("line-end hyphen: a compound with a name keeps it, a split name does not", "[hyphen]") {
  CHECK(decide("Diogenes", "syndroom").outcome == HyphenOutcome::keep);
  HyphenDecision d = decide("Piazzetta", "project");
  CHECK(d.outcome == HyphenOutcome::keep);
  CHECK(d.rule == "name_compound");
  // Brussels places split at a syllable: one word again.
  CHECK(join_hyphenated("Kure-", "gem", &lexicon()) == "Kuregem");
  CHECK(join_hyphenated("Schaar-", "beek", &lexicon()) == "Schaarbeek");
  CHECK(join_hyphenated("Ander-", "lecht", &lexicon()) == "Anderlecht");
}

TEST_CASE("line-end hyphen: a suspended compound part keeps hyphen and space", "[hyphen]") {
  for (const char* r : {"en", "of", "tot", "noch"}) {
    HyphenDecision d = decide("welzijns", r);
    CHECK(d.outcome == HyphenOutcome::suspend);
    CHECK(d.rule == "suspended");
  }
  CHECK(join_hyphenated("welzijns-", "en", &lexicon()) == "welzijns- en");
}

TEST_CASE("line-end hyphen: the document's own spelling decides", "[hyphen]") {
  DocumentWords doc;
  doc.add("In Kuregem en in de zorg-welzijnsector, weer Kuregem.", true);
  CHECK(decide("Kure", "gem", &doc).rule == "document");
  CHECK(decide("Kure", "gem", &doc).outcome == HyphenOutcome::join);
  HyphenDecision d = decide("zorg", "welzijnsector", &doc);
  CHECK(d.outcome == HyphenOutcome::keep);
  CHECK(d.rule == "document");
}

TEST_CASE("line-end hyphen: the lexicon's hyphenated form keeps it, its joined form drops it", "[hyphen]") {
  CHECK(decide("inter", "ventie").outcome == HyphenOutcome::join);
  CHECK(decide("inter", "ventie").rule == "lexicon");
  CHECK(decide("crisis", "situaties").outcome == HyphenOutcome::join);
  HyphenDecision d = decide("follow", "up");
  CHECK(d.outcome == HyphenOutcome::keep);
  CHECK(d.rule == "lexicon");
}

TEST_CASE("line-end hyphen: two words whose join is no word keep it", "[hyphen]") {
  HyphenDecision d = decide("buurt", "eet");
  CHECK(d.outcome == HyphenOutcome::keep);
  CHECK(d.rule == "both_words");
  // A join that is a compound of its words is the typesetter's break.
  CHECK(decide("jeugd", "ondersteuning").outcome == HyphenOutcome::join);
}

TEST_CASE("line-end hyphen: a soft hyphen only ever splits", "[hyphen]") {
  CHECK(decide_line_end_hyphen("gezond", "heid", true, &lexicon(), nullptr).outcome == HyphenOutcome::join);
}

TEST_CASE("normalise_blocks: the document's words settle its line-end hyphens", "[hyphen][normalise]") {
  Block a, b;
  a.text = "De wijk Kuregem in\nAnderlecht";
  b.text = "Bewoners van Kure-\ngem en niet-\ndigitaal";
  std::vector<Block> blocks{a, b};
  normalise_blocks(blocks, &lexicon());
  CHECK(blocks[0].text == "De wijk Kuregem in Anderlecht");
  CHECK(blocks[1].text == "Bewoners van Kuregem en niet-digitaal");
}

TEST_CASE("line-end hyphen: a hyphenated compound broken again in its last part joins there", "[hyphen]") {
  // "welzijn-ge" + "zondheid" is welzijn-gezondheid, not welzijn-ge-zondheid
  // (found by the layout-invariance test: a one-column drawing broke it so).
  HyphenDecision d = decide("welzijn-ge", "zondheid");
  CHECK(d.outcome == HyphenOutcome::join);
  CHECK(join_hyphenated("welzijn-ge-", "zondheid", &lexicon()) == "welzijn-gezondheid");
}
