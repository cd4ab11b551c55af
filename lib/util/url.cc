#include "util/url.h"

#include <algorithm>
#include <cctype>

#include "util/scan.h"

namespace overleg {

std::string strip_address_tail(std::string_view word) {
  std::string w(word);
  while (!w.empty() && (w.back() == '.' || w.back() == ',' || w.back() == ')' || w.back() == ';'))
    w.pop_back();
  return w;
}

bool is_web_address(std::string_view word) {
  // "http://..." or "https://..." with something after it, or "www." a host
  // label, a dot and more; no white space anywhere.
  const std::string w = strip_address_tail(word);
  std::string_view s(w);
  auto no_space = [](std::string_view t) { return !t.empty() && std::none_of(t.begin(), t.end(), scan::space); };
  for (std::string_view scheme : {"http://", "https://"})
    if (scan::word_at(s, 0, scheme)) return no_space(s.substr(scheme.size()));
  if (!scan::word_at(s, 0, "www.")) return false;
  std::size_t label = 4;
  while (label < s.size() && (scan::letter(s[label]) || scan::digit(s[label]) || s[label] == '-')) ++label;
  return label > 4 && scan::one_of(s, label, ".") && no_space(s.substr(label + 1));
}

bool is_email_address(std::string_view word) {
  auto at = word.find('@');
  // Letters on both sides: "@" alone is an OCR'd bullet, not an address.
  return at != std::string_view::npos && at > 0 && at + 1 < word.size() &&
         std::isalnum(static_cast<unsigned char>(word[at - 1])) &&
         std::isalnum(static_cast<unsigned char>(word[at + 1]));
}

bool is_phone_number(std::string_view word) {
  return word.size() >= 3 && word[0] == '+' && std::isdigit(static_cast<unsigned char>(word[1]));
}

bool is_contact_word(std::string_view word) {
  return is_email_address(word) || is_web_address(word) || word.rfind("http", 0) == 0 || is_phone_number(word);
}

}  // namespace overleg
