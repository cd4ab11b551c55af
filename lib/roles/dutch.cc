#include "roles/dutch.h"

#include <cstdio>
#include <regex>
#include <vector>

#include "util/rules.h"
#include "util/text.h"

namespace overleg {
namespace {

int month_number(const std::string& word) {
  std::string w = fold(word);
  for (const auto& row : rule_table("months.tsv"))
    if (row.size() >= 2 && row[0] == w) return std::stoi(row[1]);
  return 0;
}

std::string two(int n) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d", n);
  return buf;
}

bool valid(int y, int m, int d) { return m >= 1 && m <= 12 && d >= 1 && d <= 31 && (y == 0 || (y >= 1990 && y <= 2100)); }

int full_year(const std::string& y) {
  int n = std::stoi(y);
  return y.size() == 2 ? 2000 + n : n;
}

// std::regex works on bytes: the patterns below only need ASCII classes, and
// month names are checked against the table, so UTF-8 passes through.
const std::regex& numeric_date() {
  static const std::regex re(R"((^|[^\d/.])(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})(?![\d/]))");
  return re;
}
const std::regex& written_date() {
  static const std::regex re(R"((^|[^\d])(\d{1,2})(?:e|ste|de)?\s+([A-Za-z]{3,9})\.?(?:\s+(\d{4}))?)");
  return re;
}

}  // namespace

std::string DateMatch::iso() const { return std::to_string(year) + "-" + two(month) + "-" + two(day); }

std::optional<DateMatch> find_date(std::string_view text) {
  std::string s(text);
  std::optional<DateMatch> best;
  for (auto it = std::sregex_iterator(s.begin(), s.end(), numeric_date()); it != std::sregex_iterator(); ++it) {
    const std::smatch& m = *it;
    int d = std::stoi(m[2]), mo = std::stoi(m[3]), y = full_year(m[4]);
    if (!valid(y, mo, d)) continue;
    best = DateMatch{y, mo, d, static_cast<std::size_t>(m.position(2)),
                     static_cast<std::size_t>(m.position(4) + m.length(4))};
    break;
  }
  for (auto it = std::sregex_iterator(s.begin(), s.end(), written_date()); it != std::sregex_iterator(); ++it) {
    const std::smatch& w = *it;
    int mo = month_number(w[3]);
    if (!mo) continue;
    int d = std::stoi(w[2]);
    int y = w[4].matched ? std::stoi(w[4]) : 0;
    if (!valid(y, mo, d)) continue;
    auto pos = static_cast<std::size_t>(w.position(2));
    if (!best || pos < best->begin)
      best = DateMatch{y, mo, d, pos, static_cast<std::size_t>(w.position(0) + w.length(0))};
    break;
  }
  return best;
}

std::optional<TimeRange> find_time_range(std::string_view text) {
  // One clock time: "10", "9u", "9u30", "9.30", "13:00", "13h30", optional "uur"/"u".
  static const std::string t = R"((\d{1,2})(?:\s*(?:u|h|uur)\s*(\d{2})?|[.:](\d{2}))?)";
  static const std::regex range("(?:van\\s+)?" + t + R"(\s*(?:u(?:ur)?\b)?\s*(?:-|–|—|tot|to|a|à)\s*)" + t +
                                    R"(\s*(?:u(?:ur)?\b|h\b)?)",
                                std::regex::icase);
  static const std::regex single(R"((?:om|vanaf|from)\s+)" + t + R"(\s*(?:u(?:ur)?\b|h\b)?)", std::regex::icase);
  std::string s(text);
  auto clock = [](const std::ssub_match& h, const std::ssub_match& m1, const std::ssub_match& m2)
      -> std::optional<std::string> {
    int hh = std::stoi(h.str());
    int mm = m1.matched && m1.length() ? std::stoi(m1.str()) : (m2.matched && m2.length() ? std::stoi(m2.str()) : 0);
    if (hh > 23 || mm > 59) return std::nullopt;
    return two(hh) + ":" + two(mm);
  };
  std::smatch m;
  std::string::const_iterator from = s.begin();
  while (std::regex_search(from, s.cend(), m, range)) {
    // A time range needs a clock marker somewhere ("u", "uur", ":", "." or
    // "van ... tot"); "2024-2025" is not one.
    std::string whole = m.str(0);
    bool marked = whole.find('u') != std::string::npos || whole.find('h') != std::string::npos ||
                  whole.find(':') != std::string::npos || m[3].matched || m[6].matched;
    auto a = clock(m[1], m[2], m[3]), b = clock(m[4], m[5], m[6]);
    if (marked && a && b) {
      TimeRange r{a, b, static_cast<std::size_t>(m.position(0) + (from - s.cbegin())), 0};
      r.end_pos = r.begin + static_cast<std::size_t>(m.length(0));
      return r;
    }
    from = m[0].second;
  }
  if (std::regex_search(s, m, single)) {
    if (auto a = clock(m[1], m[2], m[3]))
      return TimeRange{a, std::nullopt, static_cast<std::size_t>(m.position(0)),
                       static_cast<std::size_t>(m.position(0) + m.length(0))};
  }
  // A lone time that says it is one: "9u30", "14u", "13.00 uur", "10h".
  static const std::regex marked(R"((^|[^\d.:,/])(\d{1,2})(?:(?:u|h)(\d{2})?(?![A-Za-z\d])|[.:](\d{2})\s*uur\b))",
                                 std::regex::icase);
  if (std::regex_search(s, m, marked)) {
    if (auto a = clock(m[2], m[3], m[4]))
      return TimeRange{a, std::nullopt, static_cast<std::size_t>(m.position(2)),
                       static_cast<std::size_t>(m.position(0) + m.length(0))};
  }
  return std::nullopt;
}

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
