#include "roles/written_values.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>
#include <mutex>
#include <vector>

#include "util/rules.h"
#include "util/scan.h"
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

// A role's words of the language's times.tsv ("hour", "from", "to", "at"),
// in the order they are tried; none when the language lacks the role.
Words time_words(std::string_view lang, std::string_view role) {
  Words words;
  for (const auto& row : rule_table(lang, "times.tsv"))
    if (row.size() >= 2 && row[0] == role) words.push_back(row[1]);
  return scan::longest_first(std::move(words));
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

// One language's clock-time words, read once from its times.tsv.
struct TimeWords {
  Words hour, from, to, at;
};

TimeWords build_time_words(std::string_view lang) {
  return {time_words(lang, "hour"), time_words(lang, "from"), time_words(lang, "to"), time_words(lang, "at")};
}

// The time readers below were regular expressions; they are written out by
// hand (issue #13) and read exactly what the expressions matched, with the
// same preferences where a text can be read in more than one way: longer
// digit runs first, then words in longest_first order, then fewer optional
// parts. Those preferences are why the readers list every reading of a
// clock time in order instead of taking the first that parses.

// One way of reading a clock time at some position: the hours, then an hour
// word and minutes ("9h30", "9 u 30"), minutes after ":" or "." ("13:00",
// "9.30"), or nothing.
struct ClockReading {
  std::size_t end = 0;
  int hours = 0;
  int minutes = -1;     // -1: none written
  bool marked = false;  // an hour word or minutes say it is a time
};

// Every reading of a clock time at `i`, in the order they are preferred.
std::vector<ClockReading> clock_readings(std::string_view s, std::size_t i, const Words& hour_words) {
  std::vector<ClockReading> out;
  const std::size_t run = scan::digit_run(s, i);
  for (std::size_t len : {std::size_t{2}, std::size_t{1}}) {
    if (run < len) continue;
    const int hours = scan::number_at(s, i, len);
    const std::size_t after = i + len;
    const std::size_t unit = scan::skip_spaces(s, after);
    for (const std::string& w : hour_words) {
      if (!scan::word_at(s, unit, w)) continue;
      const std::size_t past = unit + w.size(), minutes = scan::skip_spaces(s, past);
      if (scan::digit_run(s, minutes) >= 2) out.push_back({minutes + 2, hours, scan::number_at(s, minutes, 2), true});
      for (std::size_t end = minutes;; --end) {  // the spaces after the word, given back one by one
        out.push_back({end, hours, -1, true});
        if (end == past) break;
      }
    }
    if (scan::one_of(s, after, ".:") && scan::digit_run(s, after + 1) >= 2)
      out.push_back({after + 3, hours, scan::number_at(s, after + 1, 2), true});
    out.push_back({after, hours, -1, false});
  }
  return out;
}

// The ends of an optional hour word after a time ("14 h", "12 uur"), whole
// words only, in the order preferred; the last is `i` itself (no word).
std::vector<std::size_t> hour_word_after(std::string_view s, std::size_t i, const Words& hour_words) {
  std::vector<std::size_t> ends;
  const std::size_t at = scan::skip_spaces(s, i);
  for (const std::string& w : hour_words)
    if (scan::word_at(s, at, w) && scan::boundary(s, at + w.size())) ends.push_back(at + w.size());
  ends.push_back(i);
  return ends;
}

// The ends of what separates a range's two times: a dash with optional
// spaces, or a "to" word between spaces ("tot", "à").
std::vector<std::size_t> range_separators(std::string_view s, std::size_t i, const Words& to_words) {
  std::vector<std::size_t> ends;
  const std::size_t at = scan::skip_spaces(s, i);
  for (std::string_view dash : {"-", "\u2013", "\u2014"})
    if (s.substr(at, dash.size()) == dash) ends.push_back(scan::skip_spaces(s, at + dash.size()));
  if (at > i)
    for (const std::string& w : to_words)
      if (scan::word_at(s, at, w) && scan::skip_spaces(s, at + w.size()) > at + w.size())
        ends.push_back(scan::skip_spaces(s, at + w.size()));
  return ends;
}

std::optional<std::string> clock(const ClockReading& c) {
  const int mm = c.minutes < 0 ? 0 : c.minutes;
  if (c.hours > 23 || mm > 59) return std::nullopt;
  return two(c.hours) + ":" + two(mm);
}

// A range read at `p` (after what precedes it): an optional "from" word,
// a time, an optional hour word, a separator, a time, an optional hour word.
struct RangeReading {
  std::size_t end = 0;
  ClockReading first, second;
  bool marked = false;
};

std::optional<RangeReading> range_at(std::string_view s, std::size_t p, const TimeWords& words) {
  std::vector<std::pair<std::size_t, bool>> starts;  // where the first time starts, after a "from" word?
  for (const std::string& w : words.from)
    if (scan::word_at(s, p, w) && scan::skip_spaces(s, p + w.size()) > p + w.size())
      starts.emplace_back(scan::skip_spaces(s, p + w.size()), true);
  starts.emplace_back(p, false);
  for (const auto& [start, from_word] : starts)
    for (const ClockReading& a : clock_readings(s, start, words.hour))
      for (std::size_t a_end : hour_word_after(s, a.end, words.hour))
        for (std::size_t b_start : range_separators(s, a_end, words.to)) {
          auto second = clock_readings(s, b_start, words.hour);
          if (second.empty()) continue;
          const ClockReading& b = second.front();
          std::size_t end = hour_word_after(s, b.end, words.hour).front();
          return RangeReading{end, a, b, from_word || a.marked || a_end != a.end || b.marked || end != b.end};
        }
  return std::nullopt;
}

// Can a reading start after byte `c`? Not inside a number or a date.
bool range_lead(char c) { return !scan::digit(c) && std::string_view(".:,/").find(c) == std::string_view::npos; }

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

namespace {

// A numeric date at `p`: day, month and year of two or one, two or one, and
// four or two digits, each followed by "/", "." or "-" but the year, which no
// digit or "/" may follow.
struct NumericDate {
  std::size_t day_len = 0, month_len = 0, year_len = 0, end = 0;
};

std::optional<NumericDate> numeric_date_at(std::string_view s, std::size_t p) {
  for (std::size_t day : {2, 1}) {
    if (scan::digit_run(s, p) < day || !scan::one_of(s, p + day, "/.-")) continue;
    const std::size_t m = p + day + 1;
    for (std::size_t month : {2, 1}) {
      if (scan::digit_run(s, m) < month || !scan::one_of(s, m + month, "/.-")) continue;
      const std::size_t y = m + month + 1;
      for (std::size_t year : {4, 2})
        if (scan::digit_run(s, y) >= year && !scan::one_of(s, y + year, "0123456789/"))
          return NumericDate{day, month, year, y + year};
    }
  }
  return std::nullopt;
}

// A written date at `p`: the day (one or two digits), an ordinal ending of
// up to three ASCII letters ("1er", "3e") or a dot ("13."), space, a month
// word of 3 to 12 bytes (checked against the table by the caller), an
// optional dot and an optional year.
struct WrittenDate {
  std::size_t day_len = 0, month_begin = 0, month_len = 0, year_begin = 0, end = 0;
  bool has_year = false;
};

bool month_byte(char c) { return !scan::space(c) && !scan::digit(c) && std::string_view(".,;:()/").find(c) == std::string_view::npos; }

std::optional<WrittenDate> written_date_at(std::string_view s, std::size_t p) {
  for (std::size_t day : {2, 1}) {
    if (scan::digit_run(s, p) < day) continue;
    const std::size_t after = p + day;
    std::size_t letters = 0;
    while (letters < 3 && after + letters < s.size() && scan::letter(s[after + letters])) ++letters;
    for (std::size_t ending = letters + 1; ending-- > 0;) {  // the ordinal ending, given back letter by letter
      const std::size_t e = after + ending;
      for (std::size_t dot : {1, 0}) {
        if (dot && !scan::one_of(s, e, ".")) continue;
        const std::size_t month = scan::skip_spaces(s, e + dot);
        if (month == e + dot) continue;  // space is needed before the month
        std::size_t len = 0;
        while (len < 12 && month + len < s.size() && month_byte(s[month + len])) ++len;
        if (len < 3) continue;
        WrittenDate w{day, month, len, 0, month + len, false};
        if (scan::one_of(s, w.end, ".")) ++w.end;
        const std::size_t year = scan::skip_spaces(s, w.end);
        if (year > w.end && scan::digit_run(s, year) >= 4) {
          w.has_year = true;
          w.year_begin = year;
          w.end = year + 4;
        }
        return w;
      }
    }
  }
  return std::nullopt;
}

// Where the next reading may start, as a regular expression's search from
// `from` tried it: at `from` itself when `at_start` (the start of the text),
// then after each byte `lead` accepts. Calls `read(p)` with each start until
// it returns true.
template <class Lead, class Read>
void each_start(std::string_view s, std::size_t from, bool at_start, Lead lead, Read read) {
  if (at_start && read(from)) return;
  for (std::size_t i = from; i < s.size(); ++i)
    if (lead(s[i]) && read(i + 1)) return;
}

}  // namespace

std::optional<DateMatch> read_date(std::string_view lang, std::string_view s) {
  std::optional<DateMatch> best;
  // The first valid numeric date; a reading that is no date ("32/13/2024")
  // is passed over whole.
  for (std::size_t from = 0;;) {
    std::optional<NumericDate> found;
    std::size_t at = 0;
    each_start(s, from, from == 0, [](char c) { return !scan::digit(c) && c != '/' && c != '.'; }, [&](std::size_t p) {
      found = numeric_date_at(s, p);
      at = p;
      return found.has_value();
    });
    if (!found) break;
    from = found->end;
    const std::size_t month_at = at + found->day_len + 1, year_at = month_at + found->month_len + 1;
    int d = scan::number_at(s, at, found->day_len), mo = scan::number_at(s, month_at, found->month_len);
    int y = scan::number_at(s, year_at, found->year_len);
    if (found->year_len == 2) y += 2000;
    if (!valid_date(y, mo, d)) continue;
    best = DateMatch{y, mo, d, at, found->end};
    break;
  }
  for (std::size_t from = 0;;) {
    std::optional<WrittenDate> found;
    std::size_t at = 0;
    each_start(s, from, from == 0, [](char c) { return !scan::digit(c); }, [&](std::size_t p) {
      found = written_date_at(s, p);
      at = p;
      return found.has_value();
    });
    if (!found) break;
    from = found->end;
    int mo = month_number(lang, std::string(s.substr(found->month_begin, found->month_len)));
    if (!mo) continue;
    int d = scan::number_at(s, at, found->day_len);
    int y = found->has_year ? scan::number_at(s, found->year_begin, 4) : 0;
    if (!valid_date(y, mo, d)) continue;
    if (!best || at < best->begin) best = DateMatch{y, mo, d, at, found->end};
    break;
  }
  return best;
}

std::optional<TimeRange> read_time_range(std::string_view lang, std::string_view s) {
  const TimeWords& words = per_language(lang, build_time_words);
  // A range needs a clock marker somewhere (an hour word, minutes after ":"
  // or ".", a from-word): "2024-2025" and "12-25 ans" are not ranges; such a
  // reading is passed over whole.
  for (std::size_t from = 0; from < s.size();) {
    std::optional<RangeReading> r;
    std::size_t at = 0;
    each_start(s, from, true, range_lead, [&](std::size_t p) {
      r = range_at(s, p, words);
      at = p;
      return r.has_value();
    });
    if (!r) break;
    auto a = clock(r->first), b = clock(r->second);
    if (r->marked && a && b) return TimeRange{a, b, at, r->end};
    from = r->end;
  }
  // A single time after an "at" word: "om 14u", "à partir de 14h".
  std::optional<TimeRange> single;
  each_start(s, 0, true, scan::space, [&](std::size_t p) {
    for (const std::string& w : words.at) {
      if (!scan::word_at(s, p, w)) continue;
      const std::size_t t = scan::skip_spaces(s, p + w.size());
      if (t == p + w.size()) continue;
      auto readings = clock_readings(s, t, words.hour);
      if (readings.empty()) continue;
      std::size_t end = hour_word_after(s, readings.front().end, words.hour).front();
      single = TimeRange{clock(readings.front()), std::nullopt, p, end};
      return true;
    }
    return false;
  });
  if (single) {
    if (single->start) return single;
  }
  // A lone time that says it is one: "9h30", "14h", "13.00 uur".
  std::optional<TimeRange> lone;
  each_start(s, 0, true, range_lead, [&](std::size_t p) {
    for (std::size_t len : {2, 1}) {
      if (scan::digit_run(s, p) < len) continue;
      const int hours = scan::number_at(s, p, len);
      const std::size_t after = p + len;
      // An hour word right after, or after one space, then optional minutes,
      // and no letter or digit next ("9u30", "14 h").
      for (std::size_t gap : {1, 0}) {
        if (gap && !scan::one_of(s, after, " \t\n\v\f\r")) continue;
        for (const std::string& w : words.hour) {
          if (!scan::word_at(s, after + gap, w)) continue;
          const std::size_t past = after + gap + w.size();
          auto free = [&](std::size_t e) { return !(e < s.size() && (scan::letter(s[e]) || scan::digit(s[e]))); };
          if (scan::digit_run(s, past) >= 2 && free(past + 2)) {
            lone = TimeRange{clock({past + 2, hours, scan::number_at(s, past, 2), true}), std::nullopt, p, past + 2};
            return true;
          }
          if (free(past)) {
            lone = TimeRange{clock({past, hours, -1, true}), std::nullopt, p, past};
            return true;
          }
        }
      }
      // Minutes after ":" or ".", then an hour word ("13.00 uur").
      if (scan::one_of(s, after, ".:") && scan::digit_run(s, after + 1) >= 2) {
        const std::size_t unit = scan::skip_spaces(s, after + 3);
        for (const std::string& w : words.hour)
          if (scan::word_at(s, unit, w) && scan::boundary(s, unit + w.size())) {
            lone = TimeRange{clock({unit + w.size(), hours, scan::number_at(s, after + 1, 2), true}), std::nullopt, p,
                             unit + w.size()};
            return true;
          }
      }
    }
    return false;
  });
  if (lone && lone->start) return lone;
  return std::nullopt;
}

std::optional<std::pair<int, bool>> read_count_word(std::string_view lang, std::string_view word) {
  Words words = split_words(fold(word));
  if (words.empty()) return std::nullopt;
  auto n = number_at(per_language(lang, build_number_words), words, 0);
  if (!n || n->second != words.size()) return std::nullopt;  // the whole word, not a part of it
  return n->first;
}

// One language's words of a participant count, folded once: who was there
// (participants.tsv) and the qualifier phrases (qualifiers.tsv: the
// qualifier, then the phrase's words). Roles ask about most head blocks.
struct ParticipantWords {
  Words nouns;
  std::vector<std::pair<std::string, Words>> qualifiers;
};

ParticipantWords build_participant_words(std::string_view lang) {
  ParticipantWords w;
  for (const auto& row : rule_table(lang, "participants.tsv"))
    if (!row.empty() && !fold(row[0]).empty()) w.nouns.push_back(fold(row[0]));
  for (const auto& row : rule_table(lang, "qualifiers.tsv"))
    if (row.size() >= 2) w.qualifiers.emplace_back(row[0], split_words(fold(row[1])));
  return w;
}

std::optional<ParticipantCount> read_participants(std::string_view lang, std::string_view text) {
  const NumberWords& numbers = per_language(lang, build_number_words);
  const ParticipantWords& known = per_language(lang, build_participant_words);
  const Words& nouns = known.nouns;
  Words words = split_words(fold(text));
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
    for (const auto& [qualifier, phrase] : known.qualifiers) {
      if (phrase.empty() || phrase.size() <= best) continue;
      bool before = i >= phrase.size() && starts_with_at(words, i - phrase.size(), phrase);
      bool ending = after >= phrase.size() && starts_with_at(words, after - phrase.size(), phrase) &&
                    after - phrase.size() < i + count->second && after - phrase.size() <= i;
      if (before || ending) {
        pc.qualifier = qualifier;
        best = phrase.size();
      }
    }
    return pc;
  }
  return std::nullopt;
}

}  // namespace overleg
