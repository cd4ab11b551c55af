#include "util/scan.h"

#include <algorithm>

namespace overleg::scan {

std::size_t skip_spaces(std::string_view s, std::size_t i) {
  while (i < s.size() && space(s[i])) ++i;
  return i;
}

std::size_t digit_run(std::string_view s, std::size_t i) {
  std::size_t n = 0;
  while (i + n < s.size() && digit(s[i + n])) ++n;
  return n;
}

int number_at(std::string_view s, std::size_t i, std::size_t n) {
  int v = 0;
  for (std::size_t k = 0; k < n; ++k) v = v * 10 + (s[i + k] - '0');
  return v;
}

bool boundary(std::string_view s, std::size_t i) {
  bool before = i > 0 && i <= s.size() && word(s[i - 1]);
  bool after = i < s.size() && word(s[i]);
  return before != after;
}

bool word_at(std::string_view s, std::size_t i, std::string_view w) {
  if (i > s.size() || s.size() - i < w.size()) return false;
  auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
  for (std::size_t k = 0; k < w.size(); ++k)
    if (lower(s[i + k]) != lower(w[k])) return false;
  return true;
}

bool one_of(std::string_view s, std::size_t i, std::string_view set) {
  return i < s.size() && set.find(s[i]) != std::string_view::npos;
}

std::vector<std::string> longest_first(std::vector<std::string> words) {
  words.erase(std::remove(words.begin(), words.end(), std::string()), words.end());
  std::sort(words.begin(), words.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() > b.size() : a < b;
  });
  return words;
}

}  // namespace overleg::scan
