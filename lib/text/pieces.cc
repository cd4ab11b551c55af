#include "text/pieces.h"

#include <algorithm>
#include <cctype>
#include <memory>

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include "util/text.h"

namespace overleg {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool ascii_lower_letters(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < 'a' || c > 'z') return false;
  return true;
}

// URLs, e-mail addresses and domain names ("zorgzone-zuid.brussels") are
// left exactly as they are, whatever they look like to the lexicon.
bool protected_chunk(std::string_view chunk) {
  if (chunk.find('@') != std::string_view::npos || chunk.find("://") != std::string_view::npos) return true;
  std::string lower = to_lower(chunk.substr(0, 4));
  if (lower == "www.") return true;
  std::string_view core = chunk;
  while (!core.empty() && std::string_view(".,;:)]’”'\"").find(core.back()) != std::string_view::npos)
    core.remove_suffix(1);
  auto dot = core.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 2 >= core.size() + 0) return false;
  return ascii_lower_letters(core.substr(dot + 1)) && core.size() - dot - 1 >= 2 && has_letter(core.substr(0, dot));
}

// One word-break iterator per thread: creating one costs more than a block.
icu::BreakIterator* word_breaker() {
  thread_local std::unique_ptr<icu::BreakIterator> breaker = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> b(icu::BreakIterator::createWordInstance(icu::Locale("nl"), status));
    if (U_FAILURE(status)) b.reset();
    return b;
  }();
  return breaker.get();
}

void add_segment(std::string_view seg, int chunk, std::vector<Piece>& out) {
  if (!has_letter(seg)) {
    out.push_back(Piece{PieceKind::other, std::string(seg), has_digit(seg), chunk});
    return;
  }
  if (has_digit(seg)) {
    // 12u15, COVID-19, 2de: numbers with letters stay. Only a 1 or 0 inside
    // a word of letters is OCR's l or o ("we1zijn") and may be repaired.
    bool misread = letters(seg) >= 4 && seg.find_first_of("23456789") == std::string_view::npos &&
                   !std::isdigit(static_cast<unsigned char>(seg.front())) &&
                   !std::isdigit(static_cast<unsigned char>(seg.back()));
    out.push_back(Piece{PieceKind::word, std::string(seg), !misread, chunk});
    return;
  }
  // ICU keeps underscores inside words (ExtendNumLet); OCR's "_" is a
  // misread bullet or rule, so it becomes its own piece.
  std::size_t a = 0, b = seg.size();
  while (a < b && seg[a] == '_') ++a;
  while (b > a && seg[b - 1] == '_') --b;
  if (a > 0) out.push_back(Piece{PieceKind::other, std::string(seg.substr(0, a)), false, chunk});
  out.push_back(Piece{PieceKind::word, std::string(seg.substr(a, b - a)), false, chunk});
  if (b < seg.size()) out.push_back(Piece{PieceKind::other, std::string(seg.substr(b)), false, chunk});
}

// ICU reads ‘ (U+2018) as an apostrophe inside a word (UAX #29 MidNumLet),
// but in Dutch text it only opens a quotation: "over‘sociaal" is two words.
void add_word_segment(std::string_view seg, int chunk, std::vector<Piece>& out) {
  constexpr std::string_view kOpenQuote = "\xE2\x80\x98";
  for (std::size_t at; (at = seg.find(kOpenQuote)) != std::string_view::npos;) {
    if (at > 0) add_segment(seg.substr(0, at), chunk, out);
    out.push_back(Piece{PieceKind::other, std::string(kOpenQuote), false, chunk});
    seg.remove_prefix(at + kOpenQuote.size());
  }
  if (!seg.empty()) add_segment(seg, chunk, out);
}

void split_chunk(std::string_view chunk, int index, std::vector<Piece>& out) {
  // ASCII letters alone are one word for UAX #29 too; most chunks of a
  // text are, and the ICU iterator made tokenize ~48,000 instructions a
  // block (callgrind, issue #13).
  if (std::all_of(chunk.begin(), chunk.end(),
                  [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); })) {
    add_word_segment(chunk, index, out);
    return;
  }
  icu::BreakIterator* bi = word_breaker();
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = bi ? utext_openUTF8(nullptr, chunk.data(), static_cast<int64_t>(chunk.size()), &status) : nullptr;
  if (!bi || U_FAILURE(status)) {
    if (ut) utext_close(ut);
    add_word_segment(chunk, index, out);
    return;
  }
  bi->setText(ut, status);
  int32_t start = bi->first();
  for (int32_t end = bi->next(); end != icu::BreakIterator::DONE; start = end, end = bi->next())
    add_word_segment(chunk.substr(start, end - start), index, out);
  utext_close(ut);
}

bool is_opening(std::string_view s) {
  static constexpr std::string_view kOpen[] = {"(", "[", "‘", "“", "„", "\"", "'", "«", "*", "•", "-", "–", "—", "_"};
  for (auto o : kOpen)
    if (s == o) return true;
  return false;
}

}  // namespace

int first_cp(std::string_view s) {
  if (s.empty()) return -1;
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(s.data(), i, static_cast<int32_t>(s.size()), c);
  return c;
}

bool has_letter(std::string_view s) {
  for (int32_t i = 0, n = static_cast<int32_t>(s.size()); i < n;) {
    UChar32 c;
    U8_NEXT(s.data(), i, n, c);
    if (c >= 0 && u_isalpha(c)) return true;
  }
  return false;
}

bool has_digit(std::string_view s) {
  for (char c : s)
    if (c >= '0' && c <= '9') return true;
  return false;
}

std::size_t letters(std::string_view s) {
  std::size_t n = 0;
  for (int32_t i = 0, len = static_cast<int32_t>(s.size()); i < len;) {
    UChar32 c;
    U8_NEXT(s.data(), i, len, c);
    if (c >= 0 && u_isalpha(c)) ++n;
  }
  return n;
}

std::vector<Piece> tokenize(std::string_view text) {
  std::vector<Piece> pieces;
  int chunk = 0;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t j = i;
    if (is_space(text[i])) {
      while (j < text.size() && is_space(text[j])) ++j;
      pieces.push_back(Piece{PieceKind::space, std::string(text.substr(i, j - i)), false, -1});
    } else {
      while (j < text.size() && !is_space(text[j])) ++j;
      std::string_view c = text.substr(i, j - i);
      if (protected_chunk(c)) pieces.push_back(Piece{PieceKind::other, std::string(c), true, chunk});
      else split_chunk(c, chunk, pieces);
      ++chunk;
    }
    i = j;
  }
  return pieces;
}

std::string rebuild(const std::vector<Piece>& pieces) {
  std::string out;
  for (const Piece& p : pieces) out += p.text;
  return out;
}

// Does piece i begin a sentence (or the text)? Then a capital is no sign of
// a name.
bool starts_sentence(const std::vector<Piece>& pieces, std::size_t i) {
  for (std::size_t k = i; k-- > 0;) {
    const Piece& p = pieces[k];
    if (p.kind == PieceKind::space || p.text.empty() || is_opening(p.text)) continue;
    if (p.kind == PieceKind::word) return false;
    UChar32 c = static_cast<UChar32>(last_code_point(p.text));
    return c == '.' || c == '!' || c == '?' || c == ':' || c == 0x2026 /* … */;
  }
  return true;
}

bool is_hyphen(std::string_view s) { return !s.empty() && (s[0] == '-' || s.substr(0, 3) == "‐"); }

SpellingContext context_of(const std::vector<Piece>& pieces, std::size_t i) {
  SpellingContext ctx;
  ctx.before_hyphen = i + 1 < pieces.size() && pieces[i + 1].kind == PieceKind::other && is_hyphen(pieces[i + 1].text);
  return ctx;
}

// The text of the chunk around piece i (the white-space-separated word).
std::pair<std::size_t, std::size_t> chunk_range(const std::vector<Piece>& p, std::size_t i) {
  std::size_t a = i, b = i + 1;
  while (a > 0 && p[a - 1].kind != PieceKind::space) --a;
  while (b < p.size() && p[b].kind != PieceKind::space) ++b;
  return {a, b};
}

std::string join_text(const std::vector<Piece>& p, std::size_t a, std::size_t b) {
  std::string s;
  for (std::size_t k = a; k < b; ++k) s += p[k].text;
  return s;
}

std::size_t next_nonempty(const std::vector<Piece>& p, std::size_t i) {
  while (i < p.size() && p[i].text.empty()) ++i;
  return i;
}

bool hyphen_between(const std::vector<Piece>& p, std::size_t i) {
  return i < p.size() && p[i].kind == PieceKind::other && is_hyphen(p[i].text) && p[i].text.size() <= 3;
}

// The pieces that hyphens join to word i ("Diogenes-syndroont"): a repair
// is logged with all of it, as the record's words are white-space words.
std::pair<std::size_t, std::size_t> hyphen_span(const std::vector<Piece>& p, std::size_t i) {
  std::size_t a = i, b = i + 1;
  while (a >= 2 && hyphen_between(p, a - 1) && p[a - 2].kind == PieceKind::word) a -= 2;
  while (b + 1 < p.size() && hyphen_between(p, b) && p[b + 1].kind == PieceKind::word) b += 2;
  return {a, b};
}

}  // namespace overleg
