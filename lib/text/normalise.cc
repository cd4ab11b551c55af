#include "text/normalise.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "lexicon/lexicon.h"
#include "text/document_words.h"
#include "text/line_end_hyphen.h"
#include "util/ligatures.h"
#include "util/text.h"

namespace overleg {
namespace {

bool is_private_use(char32_t c) {
  return (c >= 0xE000 && c <= 0xF8FF) || (c >= 0xF0000 && c <= 0xFFFFD) || (c >= 0x100000 && c <= 0x10FFFD);
}

bool is_line_end_hyphen(char32_t c) { return c == U'-' || c == U'\u2010' || c == U'\u2011' || c == U'\u00AD'; }

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

std::string join_hyphenated(std::string_view first, std::string_view second, const Lexicon* lexicon,
                            const DocumentWords* document) {
  std::u32string a = to_u32(first), b = to_u32(second);
  if (a.empty() || !is_line_end_hyphen(a.back())) return std::string(first) + " " + std::string(second);
  char32_t hyphen = a.back();
  std::u32string stem = a.substr(0, a.size() - 1);
  std::string stem8 = to_utf8(stem), second8(second);
  // A kept hyphen is written as "-": a U+2010 at a line end is the
  // typesetter's mark, the word itself has the ASCII hyphen.
  HyphenDecision d = decide_line_end_hyphen(to_utf8(trailing_word(stem)), to_utf8(leading_word(b)),
                                            hyphen == U'\u00AD', lexicon, document);
  switch (d.outcome) {
    case HyphenOutcome::suspend: return stem8 + "- " + second8;
    case HyphenOutcome::keep: return stem8 + "-" + second8;
    case HyphenOutcome::join: break;
  }
  return stem8 + second8;
}

std::string normalise_text(std::string_view text, const Lexicon* lexicon, const DocumentWords* document) {
  return join_lines(clean_text(text), lexicon, document);
}

std::string join_lines(std::string_view clean, const Lexicon* lexicon, const DocumentWords* document) {
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
      out = head + join_hyphenated(last, first, lexicon, document) + std::string(rest);
    }
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
  return out;
}

void normalise_blocks(std::vector<Block>& blocks, const Lexicon* lexicon) {
  // Cleaned first, all of the document, so that its own spelling of a word
  // ("Kuregem", "niet-digitaal") decides the hyphens its line ends broke.
  DocumentWords document;
  for (Block& b : blocks) {
    b.text = clean_text(b.text);
    document.add(b.text, false);
    for (auto& row : b.rows)
      for (auto& cell : row) document.add(cell = clean_text(cell), false);
  }
  for (Block& b : blocks) {
    b.text = join_lines(b.text, lexicon, &document);
    for (auto& row : b.rows)
      for (auto& cell : row) cell = join_lines(cell, lexicon, &document);
  }
}

}  // namespace overleg
