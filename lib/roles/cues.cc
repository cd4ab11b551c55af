#include "roles/cues.h"

#include <vector>

#include "util/rules.h"
#include "util/text.h"

namespace overleg {
namespace {

// The folded words of every cue of kind `kind`, read once.
const std::vector<std::string>& cues(std::string_view kind) {
  struct Table {
    std::vector<std::pair<std::string, std::string>> rows;
  };
  static const Table table = [] {
    Table t;
    for (const auto& row : rule_table("cues.tsv"))
      if (row.size() >= 2) t.rows.emplace_back(row[0], fold(row[1]));
    return t;
  }();
  static const std::vector<std::string> kinds = {"participants_label", "agenda_label", "date_label", "standing",
                                                 "presentation", "series", "weekday"};
  static const std::vector<std::vector<std::string>> by_kind = [] {
    std::vector<std::vector<std::string>> out(kinds.size());
    for (const auto& [k, words] : table.rows)
      for (std::size_t i = 0; i < kinds.size(); ++i)
        if (kinds[i] == k) out[i].push_back(words);
    return out;
  }();
  for (std::size_t i = 0; i < kinds.size(); ++i)
    if (kinds[i] == kind) return by_kind[i];
  static const std::vector<std::string> none;
  return none;
}

bool any_equal(std::string_view kind, const std::string& folded) {
  for (const std::string& c : cues(kind))
    if (folded == c) return true;
  return false;
}

bool starts_with_word(const std::string& folded, const std::string& prefix) {
  return folded.rfind(prefix, 0) == 0 && (folded.size() == prefix.size() || folded[prefix.size()] == ' ');
}

// The label part of `text`: all of it, or what stands before a colon near
// its start (labels are a few words).
std::string_view label_part(std::string_view text) {
  constexpr std::size_t kLongestLabel = 40;  // bytes; "Aanwezige deelnemers:" is 21
  auto colon = text.find(':');
  if (colon != std::string_view::npos && colon <= kLongestLabel) return text.substr(0, colon);
  return text;
}

}  // namespace

LabelKind label_kind(std::string_view text) {
  std::string folded = fold(label_part(text));
  if (any_equal("participants_label", folded)) return LabelKind::participants;
  if (any_equal("agenda_label", folded)) return LabelKind::agenda;
  if (any_equal("date_label", folded)) return LabelKind::date;
  return LabelKind::none;
}

bool is_label_line(std::string_view text) { return label_kind(text) != LabelKind::none; }

std::string strip_label(std::string_view text) {
  if (label_kind(text) == LabelKind::none) return std::string(text);
  std::string_view part = label_part(text);
  if (part.size() >= text.size()) return {};
  return trim(text.substr(part.size() + 1));
}

bool is_standing_description(std::string_view text) {
  std::string folded = fold(text);
  for (const std::string& c : cues("standing"))
    if (folded.find(c) != std::string::npos) return true;
  return false;
}

bool is_presentation_line(std::string_view text) {
  std::string folded = fold(text);
  for (const std::string& c : cues("presentation"))
    if (starts_with_word(folded, c)) return true;
  return false;
}

bool is_series_label(std::string_view text) { return any_equal("series", fold(text)); }

bool is_weekday(std::string_view word) { return any_equal("weekday", fold(word)); }

}  // namespace overleg
