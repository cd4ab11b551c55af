// Tests of rules.h: the embedded tables per language, and a language added
// at run time from a folder of files (tests/data/rules/de/).
#include <catch2/catch.hpp>

#include <algorithm>

#include "test_support.h"
#include "util/rules.h"

using namespace overleg;

namespace {

bool has_row(const std::vector<std::vector<std::string>>& table, const std::vector<std::string>& row) {
  return std::find(table.begin(), table.end(), row) != table.end();
}

}  // namespace

TEST_CASE("rules: the Dutch tables keep their names", "[rules]") {
  CHECK(has_row(rule_table("months.tsv"), {"oktober", "10"}));
  // "nl" reads the top-level files, and the Dutch folder for what they lack.
  CHECK(&rule_table("nl", "months.tsv") == &rule_table("months.tsv"));
  CHECK(has_row(rule_table("nl", "times.tsv"), {"to", "tot"}));
  CHECK(rule_table("nl", "no-such-table.tsv").empty());
}

TEST_CASE("rules: French tables are addressed by language", "[rules]") {
  CHECK(!rule_file_text("fr/sections.tsv").empty());
  CHECK(has_row(rule_table("fr", "months.tsv"), {"mars", "3"}));
  CHECK(has_row(rule_table("fr", "sections.tsv"), {"events", "a vos agendas"}));
  CHECK(has_row(rule_table("fr", "zones.tsv"), {"Noord-Oost", "nord-est"}));
  CHECK(has_row(rule_table("fr", "numbers.tsv"), {"vingtaine", "20", "approximately"}));
  CHECK(has_row(rule_table("fr", "series.tsv"), {"Concertation thématique", "concertation thematique"}));
  // No French table falls back to a Dutch one.
  CHECK(rule_table("fr", "suffixes.tsv").empty());
  auto langs = rule_languages();
  CHECK(std::find(langs.begin(), langs.end(), "fr") != langs.end());
  CHECK(std::find(langs.begin(), langs.end(), "nl") != langs.end());
}

TEST_CASE("rules: a third language is a folder of files", "[rules]") {
  auto loaded = load_rule_folder("de", test::source_dir() + "/tests/data/rules/de");
  REQUIRE(loaded);
  CHECK(loaded.value() >= 5);
  CHECK(has_row(rule_table("de", "months.tsv"), {"marz", "3"}));
  CHECK(has_row(rule_table("de", "sections.tsv"), {"findings", "feststellungen"}));
  auto langs = rule_languages();
  CHECK(std::find(langs.begin(), langs.end(), "de") != langs.end());
  // Again is harmless.
  CHECK(load_rule_folder("de", test::source_dir() + "/tests/data/rules/de"));
}

TEST_CASE("rules: a missing folder is an error, not an empty language", "[rules]") {
  auto loaded = load_rule_folder("xx", test::source_dir() + "/tests/data/rules/no-such-folder");
  REQUIRE_FALSE(loaded);
  CHECK(loaded.failure().kind == ErrorKind::io);
  CHECK(loaded.failure().diagnostic.file.find("no-such-folder") != std::string::npos);
}
