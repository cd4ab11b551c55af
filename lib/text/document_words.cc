#include "text/document_words.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "util/text.h"

namespace overleg {
namespace {

bool is_punctuation(UChar32 c) { return c >= 0 && (u_ispunct(c) || c == '+' || c == '|'); }

}  // namespace

std::string_view DocumentWords::strip(std::string_view w) {
  // Code point by code point from each end, as the scorer strips (Unicode
  // category P*), so that "Kuregem," counts as "Kuregem".
  while (!w.empty()) {
    int32_t i = 0;
    UChar32 c;
    U8_NEXT(w.data(), i, static_cast<int32_t>(w.size()), c);
    if (!is_punctuation(c)) break;
    w.remove_prefix(static_cast<std::size_t>(i));
  }
  while (!w.empty()) {
    int32_t i = static_cast<int32_t>(w.size());
    UChar32 c;
    U8_PREV(w.data(), 0, i, c);
    if (!is_punctuation(c)) break;
    w.remove_suffix(w.size() - static_cast<std::size_t>(i));
  }
  return w;
}

void DocumentWords::add(std::string_view text, bool text_layer) {
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\n' || text[i] == '\t')) ++i;
    std::size_t j = i;
    while (j < text.size() && text[j] != ' ' && text[j] != '\n' && text[j] != '\t') ++j;
    std::string_view w = strip(text.substr(i, j - i));
    if (!w.empty()) {
      Entry& e = words_[std::string(w)];
      ++e.count;
      e.text_layer = e.text_layer || text_layer;
    }
    i = j;
  }
}

int DocumentWords::count(std::string_view word) const {
  auto it = words_.find(std::string(word));
  return it == words_.end() ? 0 : it->second.count;
}

bool DocumentWords::in_text_layer(std::string_view word) const {
  auto it = words_.find(std::string(word));
  return it != words_.end() && it->second.text_layer;
}

bool DocumentWords::contains_any_case(std::string_view word) const {
  return count(word) > 0 || count(to_lower(word)) > 0;
}

}  // namespace overleg
