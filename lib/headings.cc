#include "headings.h"

#include "rules.h"
#include "text.h"

namespace overleg {
namespace {

// Does `folded` start with `pattern`, allowing one edit per 12 letters (an
// OCR-damaged letter) and requiring the match to end at a word boundary?
bool starts_with_fuzzy(const std::u32string& folded, const std::u32string& pattern) {
  std::size_t allowed = pattern.size() / 12;
  for (std::size_t len = pattern.size() >= allowed ? pattern.size() - allowed : 0;
       len <= pattern.size() + allowed && len <= folded.size(); ++len) {
    if (len < folded.size() && folded[len] != U' ') continue;
    if (edit_distance(folded.substr(0, len), pattern) <= allowed) return true;
  }
  return false;
}

}  // namespace

std::string heading_kind(std::string_view heading) {
  std::u32string folded = to_u32(fold(heading));
  // "Gezamenlijk(e)" folds to "gezamenlijk e": read it as "gezamenlijke".
  for (std::size_t pos; (pos = folded.find(U"k e ")) != std::u32string::npos;) folded.erase(pos + 1, 1);
  std::string best = "other";
  std::size_t best_len = 0;
  for (const auto& row : rule_table("sections.tsv")) {
    if (row.size() < 2) continue;
    std::u32string pattern = to_u32(fold(row[1]));
    if (pattern.size() > best_len && starts_with_fuzzy(folded, pattern)) {
      best = row[0];
      best_len = pattern.size();
    }
  }
  return best;
}

bool is_known_heading(std::string_view text) { return heading_kind(text) != "other"; }

}  // namespace overleg
