#include "lexicon/any_language.h"

#include <algorithm>
#include <set>

namespace overleg {

AnyLanguageLexicon::AnyLanguageLexicon(const Lexicon& first, std::vector<std::shared_ptr<const Lexicon>> others)
    : first_(first), others_(std::move(others)) {}

bool AnyLanguageLexicon::contains(std::string_view word) const {
  return any([&](const Lexicon& l) { return l.contains(word); });
}

bool AnyLanguageLexicon::contains_any_case(std::string_view word) const {
  return any([&](const Lexicon& l) { return l.contains_any_case(word); });
}

std::uint32_t AnyLanguageLexicon::frequency(std::string_view word) const {
  std::uint32_t best = first_.frequency(word);
  for (const auto& l : others_) best = std::max(best, l->frequency(word));
  return best;
}

std::size_t AnyLanguageLexicon::size() const {
  std::size_t n = first_.size();
  for (const auto& l : others_) n += l->size();
  return n;  // words two lexicons share count twice: a size, not a count of spellings
}

Lexicon::Info AnyLanguageLexicon::info(std::string_view word) const {
  Info i = first_.info(word);
  for (const auto& l : others_) {
    if (i.found) break;
    i = l->info(word);
  }
  return i;
}

void AnyLanguageLexicon::for_each_prefix(std::string_view text, std::size_t min_length,
                                         const std::function<void(std::size_t)>& fn) const {
  std::set<std::size_t> lengths;  // each length once, shortest first
  auto collect = [&](std::size_t n) { lengths.insert(n); };
  first_.for_each_prefix(text, min_length, collect);
  for (const auto& l : others_) l->for_each_prefix(text, min_length, collect);
  for (std::size_t n : lengths) fn(n);
}

bool AnyLanguageLexicon::begins_longer_word(std::string_view text, std::size_t extra) const {
  return any([&](const Lexicon& l) { return l.begins_longer_word(text, extra); });
}

bool AnyLanguageLexicon::ends_longer_word(std::string_view text, std::size_t extra) const {
  return any([&](const Lexicon& l) { return l.ends_longer_word(text, extra); });
}

}  // namespace overleg
