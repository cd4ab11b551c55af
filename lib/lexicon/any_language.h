// AnyLanguageLexicon: the words of several lexicons together (Dutch and
// French), for what must be judged before a document's language is known:
// how well an OCR pass reads (extract/ocr_page.h counts the share of its
// words that are words). A French page read right is as good a pass as a
// Dutch one. Holds shared references; immutable; thread-safe.
#pragma once

#include <memory>
#include <vector>

#include "lexicon/lexicon.h"

namespace overleg {

class AnyLanguageLexicon final : public Lexicon {
 public:
  /// `first` answers first (its language is this lexicon's); none may be null.
  AnyLanguageLexicon(const Lexicon& first, std::vector<std::shared_ptr<const Lexicon>> others);

  bool contains(std::string_view word) const override;
  bool contains_any_case(std::string_view word) const override;
  std::uint32_t frequency(std::string_view word) const override;
  std::size_t size() const override;
  std::string_view language() const override { return first_.language(); }
  Info info(std::string_view word) const override;
  void for_each_prefix(std::string_view text, std::size_t min_length,
                       const std::function<void(std::size_t)>& fn) const override;
  bool begins_longer_word(std::string_view text, std::size_t extra) const override;
  bool ends_longer_word(std::string_view text, std::size_t extra) const override;

 private:
  template <class F>
  bool any(F f) const {
    if (f(first_)) return true;
    for (const auto& l : others_)
      if (f(*l)) return true;
    return false;
  }
  const Lexicon& first_;
  std::vector<std::shared_ptr<const Lexicon>> others_;
};

}  // namespace overleg
