#include "util/url.h"

#include <cctype>
#include <regex>

namespace overleg {

std::string strip_address_tail(std::string_view word) {
  std::string w(word);
  while (!w.empty() && (w.back() == '.' || w.back() == ',' || w.back() == ')' || w.back() == ';'))
    w.pop_back();
  return w;
}

bool is_web_address(std::string_view word) {
  static const std::regex url_re(R"(^(https?://\S+|www\.[A-Za-z0-9\-]+\.\S+)$)", std::regex::icase);
  return std::regex_match(strip_address_tail(word), url_re);
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
