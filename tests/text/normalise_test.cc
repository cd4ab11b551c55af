// Tests of normalise.h: code-point cleaning (record.md "Text") and joining
// line-end hyphens, with a small hand-made lexicon.
#include <catch2/catch.hpp>

#include <set>

#include "lexicon/lexicon.h"
#include "text/normalise.h"

using namespace overleg;

namespace {

// A lexicon of a few words, enough for the hyphen decisions under test.
class FakeLexicon : public Lexicon {
 public:
  explicit FakeLexicon(std::set<std::string> words) : words_(std::move(words)) {}
  bool contains(std::string_view word) const override { return words_.count(std::string(word)) > 0; }
  bool contains_any_case(std::string_view word) const override {
    if (contains(word)) return true;
    std::string lower(word);
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return contains(lower);
  }
  std::uint32_t frequency(std::string_view word) const override { return contains(word) ? 100 : 0; }
  std::size_t size() const override { return words_.size(); }

 private:
  std::set<std::string> words_;
};

const FakeLexicon& lexicon() {
  static const FakeLexicon lex({"interventie", "re-integratie", "integratie", "zorg", "oost", "zuid", "en",
                                "welzijns", "gezondheidssector", "een", "voor", "de", "ouder", "co-ouder",
                                "gezondheid", "gezond", "heid", "crisis", "situaties", "crisissituaties",
                                "syndroom"});
  return lex;
}

}  // namespace

TEST_CASE("clean_text: NFC", "[normalise]") {
  CHECK(clean_text("coo\xCC\x88rdinatie") == "coördinatie");  // o + combining diaeresis
  CHECK(clean_text("e\xCC\x81\xC3\xA9n") == "één");
}

TEST_CASE("clean_text: no U+FFFD, private-use code points or soft hyphens", "[normalise]") {
  CHECK(clean_text("zorg\xEF\xBF\xBD") == "zorg");                 // U+FFFD
  CHECK(clean_text("\xEF\x82\xB7 Agenda") == "Agenda");           // U+F0B7, a Symbol-font bullet
  CHECK(clean_text("a\xF3\xB0\x80\x80" "b") == "ab");             // U+F0000, plane-15 private use
  CHECK(clean_text("gezond\xC2\xADheid") == "gezondheid");        // a soft hyphen inside a line
  CHECK(clean_text("\xEF\xBB\xBFtekst") == "tekst");              // a BOM
  CHECK(clean_text("zero\xE2\x80\x8Bwidth") == "zerowidth");      // U+200B
}

TEST_CASE("clean_text: ligature code points become their letters", "[normalise]") {
  CHECK(clean_text("\xEF\xAC\x81nanciering") == "financiering");  // U+FB01 fi
  CHECK(clean_text("\xEF\xAC\x82" "exibel") == "flexibel");       // U+FB02 fl
  CHECK(clean_text("e\xEF\xAC\x80" "ect") == "effect");           // U+FB00 ff
  CHECK(clean_text("e\xEF\xAC\x83" "ciënt") == "efficiënt");      // U+FB03 ffi
}

TEST_CASE("clean_text: white space folded, line breaks kept, quotes and dashes kept", "[normalise]") {
  CHECK(clean_text("  twee   woorden\t en\xC2\xA0meer  ") == "twee woorden en meer");
  CHECK(clean_text("eerste regel  \n  tweede regel") == "eerste regel\ntweede regel");
  CHECK(clean_text("regel\n\n  \nvolgende") == "regel\nvolgende");
  CHECK(clean_text("“Zorg” – en ‘welzijn’ — thema’s") == "“Zorg” – en ‘welzijn’ — thema’s");
  CHECK(clean_text("") == "");
}

TEST_CASE("join_hyphenated: a hyphen that only split the word goes", "[normalise]") {
  CHECK(join_hyphenated("inter-", "ventie", &lexicon()) == "interventie");
  CHECK(join_hyphenated("crisis-", "situaties", &lexicon()) == "crisissituaties");
}

TEST_CASE("join_hyphenated: a hyphen the word is written with stays", "[normalise]") {
  CHECK(join_hyphenated("re-", "integratie", &lexicon()) == "re-integratie");
  CHECK(join_hyphenated("co-", "ouder", &lexicon()) == "co-ouder");
  CHECK(join_hyphenated("Zuid-", "Oost", &lexicon()) == "Zuid-Oost");
  CHECK(join_hyphenated("GG-", "zorg", &lexicon()) == "GG-zorg");
  CHECK(join_hyphenated("65-", "plussers", &lexicon()) == "65-plussers");
}

TEST_CASE("join_hyphenated: a compound with a name keeps its hyphen", "[normalise]") {
  CHECK(join_hyphenated("Diogenes-", "syndroom", &lexicon()) == "Diogenes-syndroom");
}

TEST_CASE("join_hyphenated: a suspended compound part keeps hyphen and space", "[normalise]") {
  CHECK(join_hyphenated("welzijns-", "en", &lexicon()) == "welzijns- en");
  CHECK(join_hyphenated("welzijns-", "of", &lexicon()) == "welzijns- of");
}

TEST_CASE("join_hyphenated: without a hyphen the words get a space", "[normalise]") {
  CHECK(join_hyphenated("de", "zorg", &lexicon()) == "de zorg");
  CHECK(join_hyphenated("zorg,", "welzijn", nullptr) == "zorg, welzijn");
}

TEST_CASE("join_hyphenated: U+2010 at a line end is written as '-' when kept", "[normalise]") {
  CHECK(join_hyphenated("Zuid\xE2\x80\x90", "Oost", &lexicon()) == "Zuid-Oost");
  CHECK(join_hyphenated("inter\xE2\x80\x90", "ventie", &lexicon()) == "interventie");
}

TEST_CASE("join_hyphenated without a lexicon still keeps capitals and abbreviations", "[normalise]") {
  CHECK(join_hyphenated("Zuid-", "Oost", nullptr) == "Zuid-Oost");
  CHECK(join_hyphenated("GG-", "zorg", nullptr) == "GG-zorg");
  CHECK(join_hyphenated("welzijns-", "en", nullptr) == "welzijns- en");
}

TEST_CASE("normalise_text joins a block's lines into one string", "[normalise]") {
  CHECK(normalise_text("Een inter-\nventie voor de welzijns-\nen gezondheidssector", &lexicon()) ==
        "Een interventie voor de welzijns- en gezondheidssector");
  CHECK(normalise_text("zorgzone Zuid-\nOost en de re-\nintegratie", &lexicon()) ==
        "zorgzone Zuid-Oost en de re-integratie");
  CHECK(normalise_text("één regel", &lexicon()) == "één regel");
  CHECK(normalise_text("eerste\n\ntweede", nullptr) == "eerste tweede");
  CHECK(normalise_text("", nullptr).empty());
}

TEST_CASE("normalise_text: a soft hyphen at a line end only split the word", "[normalise]") {
  CHECK(normalise_text("gezond\xC2\xAD\nheid", nullptr) == "gezondheid");
}

TEST_CASE("normalise_blocks cleans text and table cells", "[normalise]") {
  std::vector<Block> blocks(2);
  blocks[0].text = "inter-\nventie \xEF\xAC\x81jn";
  blocks[1].kind = BlockKind::table;
  blocks[1].rows = {{"THEMA", "BETROKKEN\nZORGZONES"}, {"Huiselijk ge-\nweld", "CW, ZO"}};
  normalise_blocks(blocks, &lexicon());
  CHECK(blocks[0].text == "interventie fijn");
  CHECK(blocks[1].rows[0][1] == "BETROKKEN ZORGZONES");
  CHECK(blocks[1].rows[1][0] == "Huiselijk geweld");
}
