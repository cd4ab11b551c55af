#include "text/confusion.h"

#include <cstdlib>
#include <map>
#include <memory>
#include <mutex>

#include "util/rules.h"
#include "util/text.h"

namespace overleg {

ConfusionTable ConfusionTable::from_rows(const std::vector<std::vector<std::string>>& rows) {
  ConfusionTable t;
  std::vector<std::u32string> groups;
  std::vector<double> group_costs;
  double cross_cost = -1;
  std::string cross_rule = "diacritic";
  for (const auto& row : rows) {
    if (row.size() < 3) continue;
    double cost = std::strtod(row[2].c_str(), nullptr);
    std::string rule = row.size() > 3 && !row[3].empty() ? row[3] : "confusion";
    if (row[0] == "vowels") {
      groups.push_back(to_u32(row[1]));
      group_costs.push_back(cost);
      t.vowels_ += groups.back();
      continue;
    }
    if (row[0] == "accents") {
      cross_cost = cost;
      cross_rule = rule;
      continue;
    }
    if (row[0] == "apostrophe") {  // what OCR's ' inside a word stands for
      t.ocr_apostrophe_ = row[1];
      continue;
    }
    t.confusions_.push_back(Confusion{to_u32(row[0]), to_u32(row[1]), cost, rule});
  }
  // Diacritics: within a group every letter for every other (e for é, ë for
  // e, é for ë); across groups only accented for accented (é for ö): OCR
  // keeps the accent's presence better than its shape.
  for (std::size_t g = 0; g < groups.size(); ++g) {
    const auto& group = groups[g];
    for (char32_t a : group)
      for (char32_t b : group)
        if (a != b) t.confusions_.push_back(Confusion{std::u32string(1, a), std::u32string(1, b), group_costs[g], "diacritic"});
  }
  if (cross_cost >= 0) {
    for (std::size_t g = 0; g < groups.size(); ++g)
      for (std::size_t h = 0; h < groups.size(); ++h) {
        if (g == h) continue;
        for (std::size_t i = 1; i < groups[g].size(); ++i)
          for (std::size_t j = 1; j < groups[h].size(); ++j)
            t.confusions_.push_back(
                Confusion{std::u32string(1, groups[g][i]), std::u32string(1, groups[h][j]), cross_cost, cross_rule});
      }
  }
  return t;
}

const ConfusionTable& ConfusionTable::standard() { return for_language("nl"); }

const ConfusionTable& ConfusionTable::for_language(std::string_view lang) {
  // Built once per language and kept: tables are handed out by reference.
  static std::mutex mutex;
  static std::map<std::string, std::unique_ptr<const ConfusionTable>, std::less<>> by_lang;
  std::lock_guard<std::mutex> lock(mutex);
  auto it = by_lang.find(lang);
  if (it == by_lang.end())
    it = by_lang.emplace(std::string(lang), std::make_unique<const ConfusionTable>(from_rows(rule_table(lang, "confusions.tsv"))))
             .first;
  return *it->second;
}

bool ConfusionTable::is_vowel(char32_t c) const { return vowels_.find(c) != std::u32string::npos; }

}  // namespace overleg
