// DocumentWords: the words a document itself writes, counted, with whether
// each stands on a page whose text a PDF text layer gave (not OCR). The
// document's own spelling is evidence the lexicon cannot give: a name, brand
// or place that recurs, or that a text layer writes, is no misreading; a
// hyphenated form the document writes elsewhere ("Kure-gem" or "Kuregem")
// settles a line-end hyphen. Built once per document, then read-only:
// thread-safe for readers.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

namespace overleg {

class DocumentWords {
 public:
  /// Counts the white-space words of `text` (leading and trailing
  /// punctuation stripped, as the record's words are counted).
  /// `text_layer`: the text comes from a PDF text layer, not from OCR.
  void add(std::string_view text, bool text_layer);

  /// How often `word` (as written) occurs in the document.
  int count(std::string_view word) const;
  /// Does `word` (as written) stand in a text layer of the document?
  bool in_text_layer(std::string_view word) const;
  /// Does the document write `word`, as written or lower-cased?
  bool contains_any_case(std::string_view word) const;

  /// The word `w` without leading and trailing punctuation.
  static std::string_view strip(std::string_view w);

 private:
  struct Entry {
    int count = 0;
    bool text_layer = false;
  };
  std::unordered_map<std::string, Entry> words_;
};

}  // namespace overleg
