#include "extract/content_lexer.h"

#include <cstring>


namespace overleg {
namespace {

// Character classes of PDF syntax (7.2.2), looked up: a scanner of
// content streams spends most of its time asking them.
enum CharClass : unsigned char { kRegular = 0, kSpace = 1, kDelimiter = 2 };
struct ClassTable {
  unsigned char of[256] = {};
  constexpr ClassTable() {
    for (unsigned char c : {' ', '\n', '\r', '\t', '\f', '\0'}) of[c] = kSpace;
    for (unsigned char c : {'(', ')', '<', '>', '[', ']', '{', '}', '/', '%'}) of[c] = kDelimiter;
  }
};
constexpr ClassTable kClasses;

bool is_space(unsigned char c) { return kClasses.of[c] == kSpace; }
int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

ContentToken ContentLexer::next() {
  ContentToken token;
  const char* const begin = data_.data();
  const char* const end = begin + data_.size();
  const char* p = begin + at_;
  for (;;) {
    while (p < end && kClasses.of[static_cast<unsigned char>(*p)] == kSpace) ++p;
    if (p == end) {
      at_ = data_.size();
      return token;
    }
    if (*p != '%') break;
    while (p < end && *p != '\n' && *p != '\r') ++p;  // a comment
  }
  const char* const start = p;
  const unsigned char c = static_cast<unsigned char>(*p);
  if (kClasses.of[c] == kRegular) {
    // Most tokens are numbers: read one while scanning ([+-] digits [.
    // digits], no exponent), and fall back to an operator when the run
    // holds other characters. By hand: libstdc++'s from_chars for double
    // goes through strtod under a switched locale, ten times the cost, and
    // coordinates need no last-bit rounding.
    if ((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.') {
      const char* q = c == '-' || c == '+' ? p + 1 : p;
      double whole = 0, fraction = 0, scale = 1;
      bool digits = false, dot = false;
      for (; q < end; ++q) {
        const char d = *q;
        if (d >= '0' && d <= '9') {
          digits = true;
          if (!dot) whole = whole * 10 + (d - '0');
          else if (scale < 1e15) fraction = fraction * 10 + (d - '0'), scale *= 10;  // beyond: below precision
        } else if (d == '.' && !dot) {
          dot = true;
        } else {
          break;
        }
      }
      if (digits && (q == end || kClasses.of[static_cast<unsigned char>(*q)] != kRegular)) {
        token.kind = ContentToken::number;
        token.value = c == '-' ? -(whole + fraction / scale) : whole + fraction / scale;
        token.text = std::string_view(start, static_cast<std::size_t>(q - start));
        at_ = static_cast<std::size_t>(q - begin);
        return token;
      }
    }
    while (p < end && kClasses.of[static_cast<unsigned char>(*p)] == kRegular) ++p;
    std::string_view run(start, static_cast<std::size_t>(p - start));
    token.kind = run == "true" || run == "false" || run == "null" ? ContentToken::other : ContentToken::word;
  } else if (c == '/') {
    ++p;
    while (p < end && kClasses.of[static_cast<unsigned char>(*p)] == kRegular) ++p;
    token.kind = ContentToken::name;
  } else if (c == '(') {
    at_ = static_cast<std::size_t>(p - begin);
    skip_string();
    p = begin + at_;
    token.kind = ContentToken::other;
  } else if (c == '<') {
    if (p + 1 < end && p[1] == '<') {
      p += 2;  // a dictionary opens
    } else {
      const void* close = std::memchr(p, '>', static_cast<std::size_t>(end - p));
      p = close ? static_cast<const char*>(close) + 1 : end;  // a hex string
    }
    token.kind = ContentToken::other;
  } else if (c == '>') {
    p += p + 1 < end && p[1] == '>' ? 2 : 1;
    token.kind = ContentToken::other;
  } else {
    ++p;  // [ ] { } and a stray ')'
    token.kind = ContentToken::other;
  }
  token.text = std::string_view(start, static_cast<std::size_t>(p - start));
  at_ = static_cast<std::size_t>(p - begin);
  return token;
}

// A literal string: balanced parentheses, a backslash escapes the next byte.
void ContentLexer::skip_string() {
  int depth = 0;
  for (; at_ < data_.size(); ++at_) {
    char ch = data_[at_];
    if (ch == '\\') ++at_;
    else if (ch == '(') ++depth;
    else if (ch == ')' && --depth == 0) {
      ++at_;
      return;
    }
  }
}

// The data ends at an EI standing alone: white space before it and white
// space or the end after it (the rule readers apply; the image's own bytes
// may hold "EI" inside a run of other bytes).
void ContentLexer::skip_inline_image() {
  if (at_ < data_.size() && is_space(static_cast<unsigned char>(data_[at_]))) ++at_;  // the byte that ended ID
  for (std::size_t k = data_.find("EI", at_); k != std::string_view::npos; k = data_.find("EI", k + 1)) {
    bool before = k > 0 && is_space(static_cast<unsigned char>(data_[k - 1]));
    bool after = k + 2 >= data_.size() || is_space(static_cast<unsigned char>(data_[k + 2]));
    if (before && after) {
      at_ = k + 2;
      return;
    }
  }
  at_ = data_.size();
}

std::string ContentLexer::decoded_name(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  for (std::size_t i = 0; i < name.size(); ++i) {
    if (name[i] == '#' && i + 2 < name.size() && hex_value(name[i + 1]) >= 0 && hex_value(name[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(name[i + 1]) * 16 + hex_value(name[i + 2]));
      i += 2;
    } else {
      out += name[i];
    }
  }
  return out;
}

}  // namespace overleg
