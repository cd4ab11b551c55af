#include "extract/content_lexer.h"

#include <cstdint>
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

// A number's fraction digits past this many are below a double's precision
// for the values a content stream holds, and are passed over.
constexpr int kMaxFractionDigits = 15;
constexpr double kPowersOfTen[kMaxFractionDigits + 1] = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                                          1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
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
      // The integer part, then the fraction's digits as an integer and their
      // count: the same sums as digit-by-digit in doubles (exact below 2^53
      // and 10^15), with one division at the end.
      const char* q = c == '-' || c == '+' ? p + 1 : p;
      double whole = 0;
      const char* const digits_from = q;
      for (; q < end && static_cast<unsigned char>(*q - '0') <= 9; ++q) whole = whole * 10 + (*q - '0');
      bool digits = q != digits_from;
      std::uint64_t fraction = 0;
      int places = 0;
      if (q < end && *q == '.') {
        const char* const fraction_from = ++q;
        for (; q < end && static_cast<unsigned char>(*q - '0') <= 9; ++q)
          if (places < kMaxFractionDigits) fraction = fraction * 10 + static_cast<std::uint64_t>(*q - '0'), ++places;
        digits = digits || q != fraction_from;
      }
      if (digits && (q == end || kClasses.of[static_cast<unsigned char>(*q)] != kRegular)) {
        const double magnitude = whole + static_cast<double>(fraction) / kPowersOfTen[places];
        token.kind = ContentToken::number;
        token.value = c == '-' ? -magnitude : magnitude;
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
