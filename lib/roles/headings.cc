#include "roles/headings.h"

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

#include "util/rules.h"
#include "util/scan.h"
#include "util/text.h"

namespace overleg {
namespace {

// Does `folded` start with `pattern`, allowing one edit per 12 letters (an
// OCR-damaged letter) and requiring the match to end at a word boundary?
bool starts_with_fuzzy(std::u32string_view folded, std::u32string_view pattern) {
  const std::size_t allowed = pattern.size() / 12, m = pattern.size();
  auto ends_word = [&](std::size_t len) { return len == folded.size() || folded[len] == U' '; };
  if (allowed == 0) return folded.substr(0, m) == pattern && ends_word(m);
  // One edit-distance table for every prefix length at once (layout asks
  // about most lines, against every heading of the table): row i holds the
  // distances of folded[0, i) to the prefixes of `pattern`, its last cell
  // the distance to the whole pattern. Only the band |i - j| <= allowed can
  // hold a distance within the allowance (a cell is at least |i - j|), so
  // only it is computed; cells beside it count as "too far" (allowed + 1).
  const std::size_t far = allowed + 1;
  std::vector<std::size_t> prev(m + 2, far), cur(m + 2, far);
  for (std::size_t j = 0; j <= std::min(m, allowed); ++j) prev[j] = j;
  const std::size_t rows = std::min(folded.size(), m + allowed);
  for (std::size_t i = 1; i <= rows; ++i) {
    const std::size_t lo = i > allowed ? i - allowed : 0, hi = std::min(m, i + allowed);
    std::size_t best = far;
    if (lo == 0) best = cur[0] = i;
    else cur[lo - 1] = far;
    cur[hi + 1] = far;
    for (std::size_t j = std::max<std::size_t>(lo, 1); j <= hi; ++j) {
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (folded[i - 1] != pattern[j - 1]), far});
      best = std::min(best, cur[j]);
    }
    if (hi == m && cur[m] <= allowed && ends_word(i)) return true;
    if (best > allowed) return false;  // rows never get closer: every longer prefix is further still
    std::swap(prev, cur);
  }
  return false;
}

// The folded heading, with "Gezamenlijk(e)" read as "gezamenlijke".
std::u32string folded_heading(std::string_view heading) {
  std::u32string folded = to_u32(fold(heading));
  for (std::size_t pos; (pos = folded.find(U"k e ")) != std::u32string::npos;) folded.erase(pos + 1, 1);
  return folded;
}

struct HeadingPattern {
  std::string kind;
  std::u32string folded;
};

// A language's sections.tsv with its headings folded, once per language:
// layout asks about most lines.
const std::vector<HeadingPattern>& heading_patterns(std::string_view lang) {
  static std::mutex mutex;
  static std::map<std::string, std::unique_ptr<const std::vector<HeadingPattern>>, std::less<>> by_lang;
  std::lock_guard<std::mutex> lock(mutex);
  auto it = by_lang.find(lang);
  if (it != by_lang.end()) return *it->second;
  auto patterns = std::make_unique<std::vector<HeadingPattern>>();
  for (const auto& row : rule_table(lang, "sections.tsv"))
    if (row.size() >= 2) patterns->push_back({row[0], to_u32(fold(row[1]))});
  return *by_lang.emplace(std::string(lang), std::move(patterns)).first->second;
}

// The longest sections.tsv row that `folded` starts with; null when none.
const HeadingPattern* match_folded(std::string_view lang, const std::u32string& folded) {
  const HeadingPattern* best = nullptr;
  for (const HeadingPattern& p : heading_patterns(lang))
    if ((!best || p.folded.size() > best->folded.size()) && starts_with_fuzzy(folded, p.folded)) best = &p;
  return best;
}

const HeadingPattern* match_pattern(std::string_view lang, std::string_view heading) {
  std::u32string folded = folded_heading(strip_heading_number(heading));
  if (const HeadingPattern* p = match_folded(lang, folded)) return p;
  // OCR sometimes puts a stray sign before a heading ("Ô Save the date").
  if (folded.size() > 2 && folded[1] == U' ') return match_folded(lang, folded.substr(2));
  return nullptr;
}

std::optional<std::string> match_heading(std::string_view lang, std::string_view heading) {
  if (const HeadingPattern* p = match_pattern(lang, heading)) return p->kind;
  return std::nullopt;
}

}  // namespace

std::size_t heading_number_length(std::string_view s) {
  // "2." "2)" "3.1" "12" or a Roman "II." "IV)": then a space and a letter.
  std::size_t i = scan::skip_spaces(s, 0);
  if (std::size_t run = scan::digit_run(s, i); run >= 1) {
    if (run > 2) return 0;
    i += run;
    while (scan::one_of(s, i, ".") && scan::digit(i + 1 < s.size() ? s[i + 1] : ' ')) {  // ".1" of "3.1"
      run = scan::digit_run(s, i + 1);
      if (run > 2) return 0;
      i += 1 + run;
    }
    if (scan::one_of(s, i, ".)")) ++i;
  } else {
    std::size_t roman = 0;
    while (i + roman < s.size() && std::string_view("IVX").find(s[i + roman]) != std::string_view::npos) ++roman;
    if (roman < 1 || roman > 5 || !scan::one_of(s, i + roman, ".)")) return 0;
    i += roman + 1;
  }
  const std::size_t n = scan::skip_spaces(s, i);
  if (n == i || n >= s.size() || scan::digit(s[n])) return 0;
  if (starts_lowercase(s.substr(n))) return 0;  // "2 deelnemers ..." is no numbered heading
  return n;
}

std::string strip_heading_number(std::string_view heading) {
  return std::string(heading.substr(heading_number_length(heading)));
}

std::string heading_kind(std::string_view lang, std::string_view heading) {
  return match_heading(lang, heading).value_or("other");
}

bool is_known_heading(std::string_view lang, std::string_view text) { return match_heading(lang, text).has_value(); }

std::size_t known_heading_length(std::string_view lang, std::string_view text) {
  const HeadingPattern* p = match_pattern(lang, text);
  return p ? p->folded.size() : 0;
}

bool is_known_heading_start(std::string_view lang, std::string_view text) {
  std::u32string folded = folded_heading(strip_heading_number(text));
  if (folded.size() < 6) return false;
  for (const HeadingPattern& p : heading_patterns(lang)) {
    const std::u32string& pattern = p.folded;
    if (pattern.size() > folded.size() && pattern.compare(0, folded.size(), folded) == 0 &&
        pattern[folded.size()] == U' ')
      return true;
  }
  return false;
}

}  // namespace overleg
