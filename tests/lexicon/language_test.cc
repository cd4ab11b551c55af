// Tests of language.h: the language of a text, a page and a document, from
// the text alone (CLD2), and "cannot be told" rather than a guess.
#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>

#include "extract/document_source.h"
#include "lexicon/language.h"
#include "test_support.h"

using namespace overleg;

namespace {

// Written for these tests in the genre's words (no dev-corpus text).
const char* kFrench =
    "Une trentaine de professionnels du secteur social-santé ont participé à la concertation. "
    "Les services de première ligne constatent que les familles connaissent mal l'offre "
    "d'aide à domicile et que les délais d'attente restent trop longs.";
const char* kDutch =
    "Een dertigtal professionals uit de welzijns- en gezondheidssector namen deel aan het overleg. "
    "De eerstelijnsdiensten stellen vast dat gezinnen het aanbod van thuiszorg slecht kennen en "
    "dat de wachttijden te lang blijven.";
const char* kEnglish =
    "About thirty professionals from the social and health sector took part in the meeting. "
    "First-line services note that families hardly know the home-care offer and that waiting "
    "times remain too long.";
const char* kGerman =
    "Etwa dreißig Fachleute aus dem Sozial- und Gesundheitsbereich nahmen an der Sitzung teil. "
    "Die Dienste der ersten Linie stellen fest, dass Familien das Angebot der häuslichen Pflege "
    "kaum kennen und die Wartezeiten zu lang bleiben.";

Page page_of(const std::string& text, PageMethod method = PageMethod::text) {
  Page p;
  p.number = 1;
  p.method = method;
  double x = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    auto sp = text.find(' ', start);
    std::string w = text.substr(start, sp == std::string::npos ? std::string::npos : sp - start);
    if (!w.empty()) p.boxes.push_back(test::word(w, x, 100));
    x += 30;
    if (sp == std::string::npos) break;
    start = sp + 1;
  }
  return p;
}

}  // namespace

TEST_CASE("language: French and Dutch paragraphs are told apart", "[language]") {
  CHECK(text_language(kFrench) == std::optional<std::string>("fr"));
  CHECK(text_language(kDutch) == std::optional<std::string>("nl"));
  LanguageVerdict v = detect_language(kFrench, {"nl", "fr"});
  CHECK(v.percent >= 90);
  CHECK(v.text_bytes > 100);
}

TEST_CASE("language: a language without rules is not taken for one with them", "[language]") {
  CHECK_FALSE(text_language(kEnglish).has_value());
  CHECK_FALSE(text_language(kGerman).has_value());
  // The same German text is German once German is an accepted language.
  CHECK(detect_language(kGerman, {"nl", "fr", "de"}).code == std::optional<std::string>("de"));
}

TEST_CASE("language: too little text is not told", "[language]") {
  CHECK_FALSE(text_language("").has_value());
  CHECK_FALSE(text_language("06/02/25 14h-16h30").has_value());
  CHECK_FALSE(text_language("Constats").has_value());
  CHECK_FALSE(text_language("\xff\xfe garbage \xc3").has_value());  // bad UTF-8 is tolerated
  // One sentence of a flyer is enough.
  CHECK(text_language("La prochaine concertation aura lieu le jeudi 9 octobre.") ==
        std::optional<std::string>("fr"));
}

TEST_CASE("language: a text half in each language has no one language", "[language]") {
  std::string mixed = std::string(kFrench) + " " + kDutch;
  LanguageVerdict v = detect_language(mixed, {"nl", "fr"});
  CHECK(v.percent < 60);
}

TEST_CASE("language: pages and documents", "[language]") {
  Page fr = page_of(kFrench), nl = page_of(kDutch);
  CHECK(page_language(fr) == std::optional<std::string>("fr"));
  CHECK(page_language(nl) == std::optional<std::string>("nl"));
  Page empty = page_of(kDutch, PageMethod::none);  // a page whose words were not used
  CHECK(document_language({fr, empty}) == std::optional<std::string>("fr"));
  CHECK_FALSE(document_language({}).has_value());
}

TEST_CASE("language: the dev corpus' text-layer reports", "[language][shared]") {
  namespace fs = std::filesystem;
  fs::path dir = fs::path(test::shared_dir()) / "eval" / "dev";
  if (!fs::exists(dir)) {
    WARN("skipped: no dev corpus at " << dir.string());
    return;
  }
  int seen = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    std::string name = entry.path().filename().string();
    if (entry.path().extension() != ".pdf" || name.find("scan") != std::string::npos) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto doc = open_document(name, std::move(bytes));
    REQUIRE(doc);
    std::vector<Page> pages;
    for (int i = 0; i < doc.value()->page_count(); ++i) pages.push_back(doc.value()->text_page(i));
    std::string expected = name.rfind("fr-", 0) == 0 ? "fr" : "nl";  // the corpus names its French reports fr-*
    INFO(name);
    CHECK(document_language(pages) == std::optional<std::string>(expected));
    for (const Page& p : pages) CHECK(page_language(p) == std::optional<std::string>(expected));
    ++seen;
  }
  CHECK(seen >= 10);
}
