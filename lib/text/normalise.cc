#include "text/normalise.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "lexicon/lexicon.h"
#include "util/ligatures.h"
#include "util/text.h"

namespace overleg {
namespace {

bool is_private_use(char32_t c) {
  return (c >= 0xE000 && c <= 0xF8FF) || (c >= 0xF0000 && c <= 0xFFFFD) || (c >= 0x100000 && c <= 0x10FFFD);
}

bool is_line_end_hyphen(char32_t c) { return c == U'-' || c == U'\u2010' || c == U'\u2011' || c == U'\u00AD'; }

bool is_vowel(char32_t c) {
  switch (c) {
    case U'a': case U'e': case U'i': case U'o': case U'u': case U'y':
    case U'á': case U'é': case U'í': case U'ó': case U'ú':
    case U'ä': case U'ë': case U'ï': case U'ö': case U'ü': return true;
    default: return false;
  }
}

// Words that follow a suspended compound part: "welzijns- en gezondheidssector".
bool is_conjunction(std::string_view w) {
  return w == "en" || w == "of" || w == "tot" || w == "noch" || w == "&" || w == "als" || w == "dan";
}

bool all_caps_or_digits(std::u32string_view w) {
  if (w.empty()) return false;
  for (char32_t c : w)
    if (u_isalpha(static_cast<UChar32>(c)) && !u_isupper(static_cast<UChar32>(c))) return false;
  return true;
}

bool known(const Lexicon* lexicon, const std::string& w) { return lexicon && lexicon->contains_any_case(w); }

// The letters at the end of `s` (the word the hyphen is attached to).
std::u32string trailing_word(std::u32string_view s) {
  std::size_t b = s.size();
  while (b > 0 && (u_isalnum(static_cast<UChar32>(s[b - 1])) || s[b - 1] == U'-')) --b;
  return std::u32string(s.substr(b));
}

std::u32string leading_word(std::u32string_view s) {
  std::size_t e = 0;
  while (e < s.size() && (u_isalnum(static_cast<UChar32>(s[e])) || s[e] == U'-')) ++e;
  return std::u32string(s.substr(0, e));
}

}  // namespace

std::string clean_text(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  std::u32string in = to_u32(text), out;
  out.reserve(in.size());
  bool space = false;
  for (std::size_t i = 0; i < in.size(); ++i) {
    char32_t c = in[i];
    if (c == 0xFFFD || is_private_use(c) || c == U'\uFEFF' || c == U'\u200B' || c == U'\u200C' || c == U'\u200D')
      continue;
    if (c == U'\u00AD') {
      // Inside a line a soft hyphen is invisible: drop it. At a line end it
      // marks a split word: keep it for the join to see.
      if (i + 1 < in.size() && in[i + 1] == U'\n') out.push_back(c);
      continue;
    }
    if (std::u32string_view lig = ligature_letters(c); !lig.empty()) {
      if (space && !out.empty() && out.back() != U'\n') out.push_back(U' ');
      space = false;
      out += lig;
      continue;
    }
    if (c == U'\n') {
      while (!out.empty() && out.back() == U' ') out.pop_back();
      out.push_back(U'\n');
      space = false;
      continue;
    }
    if (u_isUWhiteSpace(static_cast<UChar32>(c)) || c == U'\u00A0' || (c < 0x20) || c == 0x7F) {
      space = true;
      continue;
    }
    if (space && !out.empty() && out.back() != U'\n') out.push_back(U' ');
    space = false;
    out.push_back(c);
  }
  std::string utf8 = to_utf8(out);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(utf8);
  if (U_SUCCESS(status)) u = nfc->normalize(u, status);
  std::string result;
  u.toUTF8String(result);
  // Trim each line's ends and drop empty lines.
  std::string cleaned;
  std::size_t start = 0;
  while (start <= result.size()) {
    std::size_t nl = result.find('\n', start);
    std::string line = trim(std::string_view(result).substr(start, nl == std::string::npos ? std::string::npos : nl - start));
    if (!line.empty()) {
      if (!cleaned.empty()) cleaned += '\n';
      cleaned += line;
    }
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
  return cleaned;
}

std::string join_hyphenated(std::string_view first, std::string_view second, const Lexicon* lexicon) {
  std::u32string a = to_u32(first), b = to_u32(second);
  if (a.empty() || !is_line_end_hyphen(a.back())) return std::string(first) + " " + std::string(second);
  char32_t hyphen = a.back();
  std::u32string stem = a.substr(0, a.size() - 1);
  std::u32string left = trailing_word(stem);  // the word part before the hyphen
  std::u32string right = leading_word(b);     // the word part after the break
  std::string left8 = to_utf8(left), right8 = to_utf8(right);
  std::string stem8 = to_utf8(stem), second8(second);
  // A kept hyphen is written as "-": a U+2010 at a line end is the
  // typesetter's mark, the word itself has the ASCII hyphen.
  auto kept = [&] { return stem8 + "-" + second8; };
  auto joined = [&] { return stem8 + second8; };

  if (left.empty() || right.empty()) return kept();
  // A suspended compound part: "welzijns- en gezondheidssector" keeps hyphen and space.
  if (is_conjunction(to_lower(right8))) return stem8 + "- " + second8;
  if (hyphen == U'\u00AD') return joined();  // a soft hyphen only ever splits
  // Capitals after the break ("Zuid-"+"Oost"), abbreviations and numbers
  // before it ("GG-"+"zorg", "65-"+"plussers") are written with the hyphen.
  if (starts_uppercase(right8) || all_caps_or_digits(left)) return kept();
  std::string whole = left8 + right8, hyphenated = left8 + "-" + right8;
  bool whole_known = known(lexicon, whole), hyphenated_known = known(lexicon, hyphenated);
  if (whole_known && !hyphenated_known) return joined();
  if (hyphenated_known && !whole_known) return kept();
  if (whole_known && hyphenated_known) return joined();
  // Neither form is in the lexicon. Dutch writes a hyphen where two vowels
  // of the parts would otherwise read as one sound ("re-integratie",
  // "co-ouder") -- when both parts are words or known prefixes; and in a
  // compound with a name ("Diogenes-syndroom"). Otherwise a line-end hyphen
  // is the typesetter's.
  bool parts_known = known(lexicon, left8) && known(lexicon, right8);
  if (parts_known && is_vowel(u_tolower(static_cast<UChar32>(left.back()))) &&
      is_vowel(u_tolower(static_cast<UChar32>(right.front()))))
    return kept();
  if (starts_uppercase(left8) && !known(lexicon, left8) && known(lexicon, right8) && lexicon) return kept();
  return joined();
}

std::string normalise_text(std::string_view text, const Lexicon* lexicon) {
  std::string clean = clean_text(text);
  std::string out;
  std::size_t start = 0;
  while (start < clean.size()) {
    std::size_t nl = clean.find('\n', start);
    std::string_view line(clean.data() + start, (nl == std::string::npos ? clean.size() : nl) - start);
    if (out.empty()) {
      out = line;
    } else {
      // Split off the last word of what we have and the first of the line.
      std::size_t sp = out.rfind(' ');
      std::string head = sp == std::string::npos ? std::string() : out.substr(0, sp + 1);
      std::string last = sp == std::string::npos ? out : out.substr(sp + 1);
      std::size_t sp2 = line.find(' ');
      std::string_view first = line.substr(0, sp2);
      std::string_view rest = sp2 == std::string_view::npos ? std::string_view() : line.substr(sp2);
      out = head + join_hyphenated(last, first, lexicon) + std::string(rest);
    }
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
  return out;
}

void normalise_blocks(std::vector<Block>& blocks, const Lexicon* lexicon) {
  for (Block& b : blocks) {
    b.text = normalise_text(b.text, lexicon);
    for (auto& row : b.rows)
      for (auto& cell : row) cell = normalise_text(cell, lexicon);
  }
}

}  // namespace overleg
