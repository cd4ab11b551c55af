#include "roles/cues.h"

#include <map>
#include <memory>
#include <mutex>
#include <vector>

#include "util/rules.h"
#include "util/text.h"

namespace overleg {
namespace {

const std::vector<std::string_view> kKinds = {"participants_label", "agenda_label", "date_label", "standing",
                                              "presentation", "series", "weekday"};

// One language's cues: the folded words of every cue, by kind (kKinds);
// the weekdays also from its weekdays.tsv (the word before a date).
using CueTable = std::vector<std::vector<std::string>>;

CueTable build_cues(std::string_view lang) {
  CueTable out(kKinds.size());
  auto add = [&](std::string_view kind, const std::string& words) {
    for (std::size_t i = 0; i < kKinds.size(); ++i)
      if (kKinds[i] == kind && !words.empty()) out[i].push_back(words);
  };
  for (const auto& row : rule_table(lang, "cues.tsv"))
    if (row.size() >= 2) add(row[0], fold(row[1]));
  for (const auto& row : rule_table(lang, "weekdays.tsv"))
    if (!row.empty()) add("weekday", fold(row[0]));
  return out;
}

// The folded words of every cue of kind `kind` in language `lang`, read once
// per language.
const std::vector<std::string>& cues(std::string_view lang, std::string_view kind) {
  static std::mutex mutex;
  static std::map<std::string, std::unique_ptr<const CueTable>, std::less<>> by_lang;
  const CueTable* table = nullptr;
  {
    std::lock_guard<std::mutex> lock(mutex);
    auto it = by_lang.find(lang);
    if (it == by_lang.end())
      it = by_lang.emplace(std::string(lang), std::make_unique<const CueTable>(build_cues(lang))).first;
    table = it->second.get();
  }
  for (std::size_t i = 0; i < kKinds.size(); ++i)
    if (kKinds[i] == kind) return (*table)[i];
  static const std::vector<std::string> none;
  return none;
}

bool any_equal(std::string_view lang, std::string_view kind, const std::string& folded) {
  for (const std::string& c : cues(lang, kind))
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

LabelKind label_kind(std::string_view lang, std::string_view text) {
  std::string folded = fold(label_part(text));
  if (any_equal(lang, "participants_label", folded)) return LabelKind::participants;
  if (any_equal(lang, "agenda_label", folded)) return LabelKind::agenda;
  if (any_equal(lang, "date_label", folded)) return LabelKind::date;
  return LabelKind::none;
}

bool is_label_line(std::string_view lang, std::string_view text) { return label_kind(lang, text) != LabelKind::none; }

std::string strip_label(std::string_view lang, std::string_view text) {
  if (label_kind(lang, text) == LabelKind::none) return std::string(text);
  std::string_view part = label_part(text);
  if (part.size() >= text.size()) return {};
  return trim(text.substr(part.size() + 1));
}

bool is_standing_description(std::string_view lang, std::string_view text) {
  std::string folded = fold(text);
  for (const std::string& c : cues(lang, "standing"))
    if (folded.find(c) != std::string::npos) return true;
  return false;
}

bool is_presentation_line(std::string_view lang, std::string_view text) {
  std::string folded = fold(text);
  for (const std::string& c : cues(lang, "presentation"))
    if (starts_with_word(folded, c)) return true;
  return false;
}

bool is_series_label(std::string_view lang, std::string_view text) { return any_equal(lang, "series", fold(text)); }

bool is_weekday(std::string_view lang, std::string_view word) { return any_equal(lang, "weekday", fold(word)); }

}  // namespace overleg
