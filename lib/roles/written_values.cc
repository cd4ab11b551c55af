#include "roles/written_values.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>
#include <mutex>
#include <regex>
#include <vector>

#include "util/rules.h"
#include "util/text.h"

namespace overleg {
namespace {

using Words = std::vector<std::string>;

Words split_words(const std::string& folded) {
  Words words;
  std::size_t start = 0;
  while (start < folded.size()) {
    auto sp = folded.find(' ', start);
    std::string w = folded.substr(start, sp == std::string::npos ? std::string::npos : sp - start);
    if (!w.empty()) words.push_back(std::move(w));
    if (sp == std::string::npos) break;
    start = sp + 1;
  }
  return words;
}

std::string two(int n) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d", n);
  return buf;
}

// A year outside this range is a house number or a postcode, not a meeting's.
bool valid_date(int y, int m, int d) { return m >= 1 && m <= 12 && d >= 1 && d <= 31 && (y == 0 || (y >= 1990 && y <= 2100)); }

int month_number(std::string_view lang, const std::string& word) {
  std::string w = fold(word);
  for (const auto& row : rule_table(lang, "months.tsv"))
    if (row.size() >= 2 && fold(row[0]) == w) return std::stoi(row[1]);
  return 0;
}

// A table word as a regular-expression alternative: letters stay, anything
// else is escaped; longer words first so "heures" is tried before "h".
std::string alternatives(std::string_view lang, std::string_view role) {
  std::vector<std::string> words;
  for (const auto& row : rule_table(lang, "times.tsv"))
    if (row.size() >= 2 && row[0] == role && !row[1].empty()) words.push_back(row[1]);
  return regex_alternatives(words);  // a role the language lacks never matches
}

// What `build` makes of one language's tables, made once per language and
// kept (the tables never change once read).
template <class T>
const T& per_language(std::string_view lang, T (*build)(std::string_view)) {
  static std::mutex mutex;
  static std::map<std::string, std::unique_ptr<T>, std::less<>> cache;
  std::lock_guard<std::mutex> lock(mutex);
  auto it = cache.find(lang);
  if (it == cache.end()) it = cache.emplace(std::string(lang), std::make_unique<T>(build(lang))).first;
  return *it->second;
}

// The three time patterns of one language, built once from its times.tsv.
struct TimePatterns {
  std::regex range, single, lone;
};

TimePatterns build_time_patterns(std::string_view lang) {
  const std::string hour = "(?:" + alternatives(lang, "hour") + ")";
  const std::string from = "(?:" + alternatives(lang, "from") + ")";
  const std::string to = "(?:" + alternatives(lang, "to") + ")";
  const std::string at = "(?:" + alternatives(lang, "at") + ")";
  // One clock time: hours, then an hour word and minutes ("9h30", "9 u 30")
  // or ":"/"." and minutes ("13:00", "9.30"). Groups: hour, unit, minutes, minutes.
  const std::string t = "(\\d{1,2})(?:\\s*(" + hour + ")\\s*(\\d{2})?|[.:](\\d{2}))?";
  // std::regex works on bytes: the table words match as bytes (UTF-8 "à"
  // included) and \b only ever follows an ASCII hour word.
  TimePatterns p;
  p.range = std::regex("(^|[^\\d.:,/])(?:(" + from + ")\\s+)?" + t + "(?:\\s*(" + hour + ")\\b)?" +
                            "(?:\\s*(?:-|–|—)\\s*|\\s+" + to + "\\s+)" + t + "(?:\\s*(" + hour + ")\\b)?",
                        std::regex::icase);
  p.single = std::regex("(^|\\s)" + at + "\\s+" + t + "(?:\\s*(" + hour + ")\\b)?", std::regex::icase);
  p.lone = std::regex("(^|[^\\d.:,/])(\\d{1,2})(?:\\s?(" + hour + ")(\\d{2})?(?![A-Za-z\\d])|[.:](\\d{2})\\s*(" +
                           hour + ")\\b)",
                       std::regex::icase);
  return p;
}

std::optional<std::string> clock(const std::ssub_match& h, const std::ssub_match& m1, const std::ssub_match& m2) {
  int hh = std::stoi(h.str());
  int mm = m1.matched && m1.length() ? std::stoi(m1.str()) : (m2.matched && m2.length() ? std::stoi(m2.str()) : 0);
  if (hh > 23 || mm > 59) return std::nullopt;
  return two(hh) + ":" + two(mm);
}

// A language's number words, folded, with their value and approximate flag;
// and its compound forms (number_forms.tsv).
struct NumberWords {
  std::vector<std::pair<Words, std::pair<int, bool>>> entries;  // longest first
  std::vector<Words> tens_unit;      // joiner words between tens and unit (empty: none)
  std::vector<std::string> unit_tens;  // joiners inside one word ("en": vijf|en|twintig)
  std::vector<std::string> approx_suffixes;  // "tal"
};

NumberWords build_number_words(std::string_view lang) {
  NumberWords n;
  for (const auto& row : rule_table(lang, "numbers.tsv"))
    if (row.size() >= 2 && !fold(row[0]).empty())
      n.entries.push_back({split_words(fold(row[0])),
                            {std::stoi(row[1]), row.size() >= 3 && row[2] == "approximately"}});
  std::stable_sort(n.entries.begin(), n.entries.end(),
                   [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  for (const auto& row : rule_table(lang, "number_forms.tsv")) {
    if (row.size() < 2) continue;
    if (row[0] == "tens_unit") n.tens_unit.push_back(split_words(fold(row[1])));
    if (row[0] == "unit_tens") n.unit_tens.push_back(fold(row[1]));
    if (row[0] == "approx_suffix") n.approx_suffixes.push_back(fold(row[1]));
  }
  return n;
}

bool is_digits(const std::string& w) {
  return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool starts_with_at(const Words& words, std::size_t i, const Words& phrase) {
  if (i + phrase.size() > words.size()) return false;
  return std::equal(phrase.begin(), phrase.end(), words.begin() + static_cast<std::ptrdiff_t>(i));
}

// One table word (or digits) at words[i]: its value, flag and length in words.
std::optional<std::pair<std::pair<int, bool>, std::size_t>> simple_number(const NumberWords& n, const Words& words,
                                                                        std::size_t i) {
  if (i >= words.size()) return std::nullopt;
  const std::string& w = words[i];
  if (is_digits(w))
    return std::make_pair(std::make_pair(std::stoi(w.substr(0, 6)), false), std::size_t{1});
  for (const auto& [phrase, value] : n.entries)
    if (starts_with_at(words, i, phrase)) return std::make_pair(value, phrase.size());
  // One word made of parts: a "-tal" form, a unit-joiner-tens compound.
  for (const std::string& suffix : n.approx_suffixes) {
    if (w.size() <= suffix.size() || w.compare(w.size() - suffix.size(), suffix.size(), suffix) != 0) continue;
    Words stem{w.substr(0, w.size() - suffix.size())};
    if (auto v = simple_number(n, stem, 0)) return std::make_pair(std::make_pair(v->first.first, true), std::size_t{1});
  }
  auto value_of = [&](const std::string& part) -> int {
    for (const auto& [phrase, value] : n.entries)
      if (phrase.size() == 1 && phrase[0] == part) return value.first;
    return 0;
  };
  for (const std::string& joiner : n.unit_tens) {
    for (auto at = w.find(joiner); !joiner.empty() && at != std::string::npos; at = w.find(joiner, at + 1)) {
      int unit = value_of(w.substr(0, at)), tens = value_of(w.substr(at + joiner.size()));
      if (unit > 0 && unit < 10 && tens >= 20 && tens % 10 == 0)
        return std::make_pair(std::make_pair(tens + unit, false), std::size_t{1});
    }
  }
  return std::nullopt;
}

// A number at words[i], compounds included ("vingt cinq", "trente et un",
// "quatre vingt dix", "honderd vijftig"): value, flag, length in words.
std::optional<std::pair<std::pair<int, bool>, std::size_t>> number_at(const NumberWords& n, const Words& words,
                                                                    std::size_t i) {
  auto first = simple_number(n, words, i);
  if (!first || first->first.second) return first;
  int tens = first->first.first;
  if (tens >= 20 && tens < 100 && tens % 10 == 0) {
    for (const Words& joiner : n.tens_unit) {
      std::size_t j = i + first->second;
      if (!starts_with_at(words, j, joiner)) continue;
      auto unit = simple_number(n, words, j + joiner.size());
      if (unit && !unit->first.second && unit->first.first > 0 && unit->first.first < 20 &&
          !is_digits(words[j + joiner.size()]))
        return std::make_pair(std::make_pair(tens + unit->first.first, false), j + joiner.size() + unit->second - i);
    }
  }
  // A hundred and a rest, in either order of words ("honderd vijftig", "cent vingt").
  if (tens == 100) {
    auto rest = number_at(n, words, i + first->second);
    if (rest && rest->first.first < 100 && !rest->first.second)
      return std::make_pair(std::make_pair(100 + rest->first.first, false), first->second + rest->second);
  }
  return first;
}

}  // namespace

std::string regex_alternatives(std::vector<std::string> words) {
  std::sort(words.begin(), words.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() > b.size() : a < b;
  });
  std::string alt;
  for (const std::string& w : words) {
    if (w.empty()) continue;
    if (!alt.empty()) alt += '|';
    for (char c : w) {
      if (std::string_view("\\^$.|?*+()[]{}").find(c) != std::string_view::npos) alt += '\\';
      alt += c;
    }
  }
  return alt.empty() ? "(?!)" : alt;
}

std::optional<DateMatch> read_date(std::string_view lang, std::string_view text) {
  static const std::regex numeric(R"((^|[^\d/.])(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})(?![\d/]))");
  // The day, an ordinal ending ("1er", "1ste", "3e") or a dot ("13."), the
  // month (checked against the table), an optional year.
  static const std::regex written(R"((^|[^\d])(\d{1,2})(?:[A-Za-z]{1,3})?\.?\s+([^\s\d.,;:()/]{3,12})\.?(?:\s+(\d{4}))?)");
  std::string s(text);
  std::optional<DateMatch> best;
  for (auto it = std::sregex_iterator(s.begin(), s.end(), numeric); it != std::sregex_iterator(); ++it) {
    const std::smatch& m = *it;
    int d = std::stoi(m[2]), mo = std::stoi(m[3]);
    int y = m[4].length() == 2 ? 2000 + std::stoi(m[4]) : std::stoi(m[4]);
    if (!valid_date(y, mo, d)) continue;
    best = DateMatch{y, mo, d, static_cast<std::size_t>(m.position(2)), static_cast<std::size_t>(m.position(4) + m.length(4))};
    break;
  }
  for (auto it = std::sregex_iterator(s.begin(), s.end(), written); it != std::sregex_iterator(); ++it) {
    const std::smatch& w = *it;
    int mo = month_number(lang, w[3]);
    if (!mo) continue;
    int d = std::stoi(w[2]);
    int y = w[4].matched ? std::stoi(w[4]) : 0;
    if (!valid_date(y, mo, d)) continue;
    auto pos = static_cast<std::size_t>(w.position(2));
    if (!best || pos < best->begin) best = DateMatch{y, mo, d, pos, static_cast<std::size_t>(w.position(0) + w.length(0))};
    break;
  }
  return best;
}

std::optional<TimeRange> read_time_range(std::string_view lang, std::string_view text) {
  const TimePatterns& p = per_language(lang, build_time_patterns);
  std::string s(text);
  std::smatch m;
  // Groups of the range: 1 lead, 2 from-word, 3-6 first time, 7 its hour
  // word, 8-11 second time, 12 its hour word.
  for (auto from = s.cbegin(); std::regex_search(from, s.cend(), m, p.range); from = m[0].second) {
    // A range needs a clock marker somewhere (an hour word, minutes after
    // ":" or ".", a from-word): "2024-2025" and "12-25 ans" are not ranges.
    bool marked = m[2].matched || m[4].matched || m[5].matched || m[6].matched || m[7].matched ||
                  m[9].matched || m[10].matched || m[11].matched || m[12].matched;
    auto a = clock(m[3], m[5], m[6]), b = clock(m[8], m[10], m[11]);
    if (marked && a && b) {
      std::size_t begin = static_cast<std::size_t>(m.position(0) + m.length(1) + (from - s.cbegin()));
      return TimeRange{a, b, begin, static_cast<std::size_t>(m.position(0) + m.length(0) + (from - s.cbegin()))};
    }
    if (m[0].second == from) break;
  }
  if (std::regex_search(s, m, p.single)) {
    if (auto a = clock(m[2], m[4], m[5]))
      return TimeRange{a, std::nullopt, static_cast<std::size_t>(m.position(0) + m.length(1)),
                       static_cast<std::size_t>(m.position(0) + m.length(0))};
  }
  // A lone time that says it is one: "9h30", "14h", "13.00 uur".
  if (std::regex_search(s, m, p.lone)) {
    if (auto a = clock(m[2], m[4], m[5]))
      return TimeRange{a, std::nullopt, static_cast<std::size_t>(m.position(2)),
                       static_cast<std::size_t>(m.position(0) + m.length(0))};
  }
  return std::nullopt;
}

std::optional<std::pair<int, bool>> read_count_word(std::string_view lang, std::string_view word) {
  Words words = split_words(fold(word));
  if (words.empty()) return std::nullopt;
  auto n = number_at(per_language(lang, build_number_words), words, 0);
  if (!n || n->second != words.size()) return std::nullopt;  // the whole word, not a part of it
  return n->first;
}

std::optional<ParticipantCount> read_participants(std::string_view lang, std::string_view text) {
  const NumberWords& numbers = per_language(lang, build_number_words);
  Words words = split_words(fold(text));
  std::vector<std::string> nouns;
  for (const auto& row : rule_table(lang, "participants.tsv"))
    if (!row.empty() && !fold(row[0]).empty()) nouns.push_back(fold(row[0]));
  for (std::size_t i = 0; i < words.size(); ++i) {
    auto count = number_at(numbers, words, i);
    if (!count || count->first.first <= 0) continue;
    std::size_t after = i + count->second;
    // "une vingtaine", "een twintigtal": the article is not the count, the next word is.
    if (count->second == 1 && simple_number(numbers, words, after) &&
        !is_digits(words[i]))
      continue;
    // The count must be followed closely by who was there.
    bool followed = false;
    for (std::size_t j = after; j < words.size() && j < after + 3; ++j)
      for (const auto& noun : nouns)
        if (words[j].rfind(noun, 0) == 0) followed = true;
    if (!followed) continue;
    ParticipantCount pc{count->first.first, count->first.second ? "approximately" : "exact"};
    // A qualifier phrase right before the count ("plus de", "meer dan") or
    // ending with it ("une vingtaine"); the longest wins.
    std::size_t best = 0;
    for (const auto& row : rule_table(lang, "qualifiers.tsv")) {
      if (row.size() < 2) continue;
      Words phrase = split_words(fold(row[1]));
      if (phrase.empty() || phrase.size() <= best) continue;
      bool before = i >= phrase.size() && starts_with_at(words, i - phrase.size(), phrase);
      bool ending = after >= phrase.size() && starts_with_at(words, after - phrase.size(), phrase) &&
                    after - phrase.size() < i + count->second && after - phrase.size() <= i;
      if (before || ending) {
        pc.qualifier = row[0];
        best = phrase.size();
      }
    }
    return pc;
  }
  return std::nullopt;
}

}  // namespace overleg
