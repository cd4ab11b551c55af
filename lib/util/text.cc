#include "util/text.h"

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <vector>

namespace overleg {

std::u32string to_u32(std::string_view text) {
  std::u32string out;
  out.reserve(text.size());
  int32_t i = 0, n = static_cast<int32_t>(text.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(text.data(), i, n, c);
    out.push_back(c < 0 ? 0xFFFD : static_cast<char32_t>(c));
  }
  return out;
}

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {  // most of the text; U8_APPEND's checks are for the rest
    out.push_back(static_cast<char>(c));
    return;
  }
  char buf[4];
  int32_t len = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buf), len, 4, static_cast<UChar32>(c), error);
  if (!error) out.append(buf, len);
}

std::string to_utf8(std::u32string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char32_t c : text) append_utf8(out, c);
  return out;
}

std::string fold(std::string_view text) {
  // ASCII text folds the same without ICU (NFD changes nothing, there are no
  // marks, u_isalnum and u_tolower agree with the ASCII tests): most lines of
  // a Dutch report, and every heading candidate layout and roles fold
  // (a twentieth of a text-layer conversion through ICU, callgrind, #13).
  if (std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    std::string out;
    out.reserve(text.size());
    bool space = false;
    for (char c : text) {
      bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      if (alnum) {
        if (space && !out.empty()) out.push_back(' ');
        space = false;
        out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
      } else if (c != '\'') {  // "thema's" stays one word
        space = true;
      }
    }
    return out;
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  if (U_SUCCESS(status)) s = nfd->normalize(s, status);
  std::u32string out;
  bool space = false;
  for (int32_t i = 0; i < s.length();) {
    UChar32 c = s.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK) continue;
    if (u_isalnum(c)) {
      if (space && !out.empty()) out.push_back(U' ');
      space = false;
      out.push_back(static_cast<char32_t>(u_tolower(c)));
    } else if (c != U'\'' && c != U'’') {  // "thema's" stays one word
      space = true;
    }
  }
  return to_utf8(out);
}

std::string to_lower(std::string_view text) {
  // ASCII text (most words, every font name) lowers the same without ICU's
  // UTF-16 round trip, which cost ~3,000 instructions a call and made
  // to_lower a tenth of a text-layer conversion (callgrind, issue #13).
  bool ascii = true;
  for (char c : text) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (ascii) {
    std::string out(text);
    for (char& c : out)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
  }
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  s.toLower(icu::Locale::getRoot());
  std::string out;
  s.toUTF8String(out);
  return out;
}

namespace {
UChar32 first_code_point(std::string_view text) {
  if (text.empty()) return -1;
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(text.data(), i, static_cast<int32_t>(text.size()), c);
  return c;
}
}  // namespace

std::string capitalise_first(std::string_view text) {
  std::u32string u = to_u32(text);
  if (!u.empty()) u[0] = static_cast<char32_t>(u_totitle(static_cast<UChar32>(u[0])));
  return to_utf8(u);
}

bool starts_lowercase(std::string_view text) {
  UChar32 c = first_code_point(text);
  return c >= 0 && u_islower(c);
}

bool starts_uppercase(std::string_view text) {
  UChar32 c = first_code_point(text);
  return c >= 0 && (u_isupper(c) || u_istitle(c));
}

std::size_t count_code_points(std::string_view text) {
  std::size_t n = 0;
  for (unsigned char c : text) n += (c & 0xC0) != 0x80;
  return n;
}

char32_t last_code_point(std::string_view text) {
  if (text.empty()) return 0;
  int32_t i = static_cast<int32_t>(text.size());
  UChar32 c;
  U8_PREV(text.data(), 0, i, c);
  return c < 0 ? 0xFFFD : static_cast<char32_t>(c);
}

std::size_t edit_distance(std::u32string_view a, std::u32string_view b) {
  std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j)
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1])});
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

std::string trim(std::string_view text) {
  auto blank = [](UChar32 c) { return u_isUWhiteSpace(c) || c == 0xA0; };
  // Valid UTF-8 (all text but damage) is cut where the blanks end, without
  // a round trip through UTF-32: layout trims every line it reads (issue
  // #13). Damaged text is first made valid by the round trip, which turns
  // each bad byte into U+FFFD as every other function here does.
  const char* p = text.data();
  const int32_t n = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) return trim(to_utf8(to_u32(text)));
  }
  int32_t b = 0, e = n;
  while (b < e) {
    int32_t next = b;
    UChar32 c;
    U8_NEXT(p, next, n, c);
    if (!blank(c)) break;
    b = next;
  }
  while (e > b) {
    int32_t prev = e;
    UChar32 c;
    U8_PREV(p, 0, prev, c);
    if (!blank(c)) break;
    e = prev;
  }
  return std::string(text.substr(b, e - b));
}

int count_words(std::string_view text) {
  int words = 0;
  bool counted = false;  // the current token has been counted
  for (char32_t c : to_u32(text)) {
    if (u_isUWhiteSpace(static_cast<UChar32>(c)))
      counted = false;
    else if (!counted && !u_ispunct(static_cast<UChar32>(c)))
      ++words, counted = true;
  }
  return words;
}

}  // namespace overleg
