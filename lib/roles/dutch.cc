#include "roles/dutch.h"

#include <cstdio>
#include <vector>

#include "util/rules.h"
#include "util/text.h"

namespace overleg {
namespace {

std::string two(int n) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d", n);
  return buf;
}

}  // namespace

std::string DateMatch::iso() const { return std::to_string(year) + "-" + two(month) + "-" + two(day); }

std::optional<std::pair<int, bool>> parse_count_word(std::string_view word) {
  std::string w = fold(word);
  if (w.empty()) return std::nullopt;
  bool digits = true;
  for (char c : w) digits = digits && c >= '0' && c <= '9';
  if (digits) return std::make_pair(std::stoi(w.substr(0, 6)), false);
  bool approx = false;
  if (w.size() > 3 && w.compare(w.size() - 3, 3, "tal") == 0) {
    w.resize(w.size() - 3);
    approx = true;
  }
  const auto& table = rule_table("numbers.tsv");
  auto value = [&](const std::string& part) -> int {
    for (const auto& row : table)
      if (row.size() >= 2 && fold(row[0]) == part) return std::stoi(row[1]);
    return 0;
  };
  if (int v = value(w)) return std::make_pair(v, approx);
  // "vijfentwintig" = vijf + en + twintig.
  auto en = w.find("en");
  while (en != std::string::npos) {
    int unit = value(w.substr(0, en)), tens = value(w.substr(en + 2));
    if (unit > 0 && unit < 10 && tens >= 20 && tens % 10 == 0) return std::make_pair(tens + unit, approx);
    en = w.find("en", en + 1);
  }
  // "honderdvijftig" = honderd + vijftig.
  if (w.rfind("honderd", 0) == 0 && w.size() > 7) {
    if (int rest = value(w.substr(7))) return std::make_pair(100 + rest, approx);
  }
  return std::nullopt;
}

std::optional<ParticipantCount> find_participants(std::string_view text) {
  std::vector<std::string> words;
  {
    std::string f = fold(text);
    std::size_t start = 0;
    while (start < f.size()) {
      auto sp = f.find(' ', start);
      words.push_back(f.substr(start, sp == std::string::npos ? std::string::npos : sp - start));
      if (sp == std::string::npos) break;
      start = sp + 1;
    }
  }
  std::vector<std::string> nouns;
  for (const auto& row : rule_table("participants.tsv"))
    if (!row.empty()) nouns.push_back(fold(row[0]));
  for (std::size_t i = 0; i < words.size(); ++i) {
    auto count = parse_count_word(words[i]);
    if (!count || count->first <= 0) continue;
    // "een twintigtal": the article is not the count, the next word is.
    if (i + 1 < words.size() && parse_count_word(words[i + 1])) continue;
    // The count must be followed closely by who was there.
    bool followed = false;
    for (std::size_t j = i + 1; j < words.size() && j <= i + 3; ++j)
      for (const auto& n : nouns)
        if (words[j].rfind(n, 0) == 0) followed = true;
    if (!followed) continue;
    ParticipantCount pc{count->first, count->second ? "approximately" : "exact"};
    // A qualifier phrase right before the count ("meer dan", "ongeveer").
    std::string before;
    for (std::size_t k = i >= 3 ? i - 3 : 0; k < i; ++k) before += (before.empty() ? "" : " ") + words[k];
    std::size_t best_len = 0;
    for (const auto& row : rule_table("qualifiers.tsv")) {
      if (row.size() < 2) continue;
      std::string phrase = fold(row[1]);
      if (phrase.size() > best_len && before.size() >= phrase.size() &&
          before.compare(before.size() - phrase.size(), phrase.size(), phrase) == 0 &&
          (before.size() == phrase.size() || before[before.size() - phrase.size() - 1] == ' ')) {
        pc.qualifier = row[0];
        best_len = phrase.size();
      }
    }
    return pc;
  }
  return std::nullopt;
}

}  // namespace overleg
