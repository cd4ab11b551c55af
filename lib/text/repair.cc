#include "text/repair.h"

#include <algorithm>
#include <cctype>
#include <memory>
#include <optional>

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include "text/confusion.h"
#include "text/correction.h"
#include "lexicon/lexicon.h"
#include "text/run_on.h"
#include "lexicon/spelling.h"
#include "util/text.h"

namespace overleg {

namespace fmt = lexicon_format;

namespace {

// ---------------------------------------------------------------------------
// Tokens. The text is cut at white space into chunks, and each chunk at ICU
// word boundaries into words and other pieces (punctuation, numbers), so
// that every piece can be changed alone and the text rebuilt by
// concatenation: an unchanged text is rebuilt byte for byte.

enum class Kind { space, word, other };

struct Piece {
  Kind kind = Kind::other;
  std::string text;
  bool protect = false;  // URL, e-mail, number: never changed
  int chunk = 0;         // index of its white-space-separated chunk
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

UChar32 first_cp(std::string_view s) {
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
    out.push_back(Piece{Kind::other, std::string(seg), has_digit(seg), chunk});
    return;
  }
  if (has_digit(seg)) {
    // 12u15, COVID-19, 2de: numbers with letters stay. Only a 1 or 0 inside
    // a word of letters is OCR's l or o ("we1zijn") and may be repaired.
    bool misread = letters(seg) >= 4 && seg.find_first_of("23456789") == std::string_view::npos &&
                   !std::isdigit(static_cast<unsigned char>(seg.front())) &&
                   !std::isdigit(static_cast<unsigned char>(seg.back()));
    out.push_back(Piece{Kind::word, std::string(seg), !misread, chunk});
    return;
  }
  // ICU keeps underscores inside words (ExtendNumLet); OCR's "_" is a
  // misread bullet or rule, so it becomes its own piece.
  std::size_t a = 0, b = seg.size();
  while (a < b && seg[a] == '_') ++a;
  while (b > a && seg[b - 1] == '_') --b;
  if (a > 0) out.push_back(Piece{Kind::other, std::string(seg.substr(0, a)), false, chunk});
  out.push_back(Piece{Kind::word, std::string(seg.substr(a, b - a)), false, chunk});
  if (b < seg.size()) out.push_back(Piece{Kind::other, std::string(seg.substr(b)), false, chunk});
}

// ICU reads ‘ (U+2018) as an apostrophe inside a word (UAX #29 MidNumLet),
// but in Dutch text it only opens a quotation: "over‘sociaal" is two words.
void add_word_segment(std::string_view seg, int chunk, std::vector<Piece>& out) {
  constexpr std::string_view kOpenQuote = "\xE2\x80\x98";
  for (std::size_t at; (at = seg.find(kOpenQuote)) != std::string_view::npos;) {
    if (at > 0) add_segment(seg.substr(0, at), chunk, out);
    out.push_back(Piece{Kind::other, std::string(kOpenQuote), false, chunk});
    seg.remove_prefix(at + kOpenQuote.size());
  }
  if (!seg.empty()) add_segment(seg, chunk, out);
}

void split_chunk(std::string_view chunk, int index, std::vector<Piece>& out) {
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

std::vector<Piece> tokenize(std::string_view text) {
  std::vector<Piece> pieces;
  int chunk = 0;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t j = i;
    if (is_space(text[i])) {
      while (j < text.size() && is_space(text[j])) ++j;
      pieces.push_back(Piece{Kind::space, std::string(text.substr(i, j - i)), false, -1});
    } else {
      while (j < text.size() && !is_space(text[j])) ++j;
      std::string_view c = text.substr(i, j - i);
      if (protected_chunk(c)) pieces.push_back(Piece{Kind::other, std::string(c), true, chunk});
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

// ---------------------------------------------------------------------------
// Case.

std::string upper_first(std::string_view w) {
  // Dutch capitalises the digraph: "ijsbaan" -> "IJsbaan".
  if (w.substr(0, 2) == "ij") return "IJ" + std::string(w.substr(2));
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(w.data(), i, static_cast<int32_t>(w.size()), c);
  if (c < 0) return std::string(w);
  std::u32string up(1, static_cast<char32_t>(u_toupper(c)));
  return to_utf8(up) + std::string(w.substr(i));
}

std::string to_upper(std::string_view w) {
  std::u32string u = to_u32(w);
  for (char32_t& c : u) c = static_cast<char32_t>(u_toupper(static_cast<UChar32>(c)));
  return to_utf8(u);
}

// `lower` written in the case pattern of `original`.
std::string recase(std::string_view lower, CaseShape shape) {
  if (shape == CaseShape::capitalised) return upper_first(lower);
  if (shape == CaseShape::upper) return to_upper(lower);
  return std::string(lower);
}

// ---------------------------------------------------------------------------
// Context.

bool is_opening(std::string_view s) {
  static constexpr std::string_view kOpen[] = {"(", "[", "‘", "“", "„", "\"", "'", "«", "*", "•", "-", "–", "—", "_"};
  for (auto o : kOpen)
    if (s == o) return true;
  return false;
}

// Does piece i begin a sentence (or the text)? Then a capital is no sign of
// a name.
bool starts_sentence(const std::vector<Piece>& pieces, std::size_t i) {
  for (std::size_t k = i; k-- > 0;) {
    const Piece& p = pieces[k];
    if (p.kind == Kind::space || p.text.empty() || is_opening(p.text)) continue;
    if (p.kind == Kind::word) return false;
    UChar32 c = static_cast<UChar32>(last_code_point(p.text));
    return c == '.' || c == '!' || c == '?' || c == ':' || c == 0x2026 /* … */;
  }
  return true;
}

bool is_hyphen(std::string_view s) { return !s.empty() && (s[0] == '-' || s.substr(0, 3) == "‐"); }

SpellingContext context_of(const std::vector<Piece>& pieces, std::size_t i) {
  SpellingContext ctx;
  ctx.before_hyphen = i + 1 < pieces.size() && pieces[i + 1].kind == Kind::other && is_hyphen(pieces[i + 1].text);
  return ctx;
}

// ---------------------------------------------------------------------------
// Words.

struct Fix {
  std::string text;
  std::string rule;
};

class WordRepairer {
 public:
  WordRepairer(const Lexicon& lex, const RepairOptions& options)
      : lex_(lex), table_(ConfusionTable::standard()), options_(options) {}

  /// `line_end`: the token ends its chunk with a hyphen ("bevor-"), so it
  /// may be the first half of a word that a line end split.
  std::optional<Fix> repair(std::string_view token, bool sentence_start, SpellingContext ctx, bool line_end) const {
    if (!plain_word(token)) return std::nullopt;
    CaseShape shape = case_shape(token);
    std::size_t n = letters(token);
    if (n < 2 || token.find('.') != std::string_view::npos) return std::nullopt;
    if (shape == CaseShape::upper) return std::nullopt;  // abbreviations, headings in capitals
    if (shape == CaseShape::mixed) return fix_case(token, sentence_start, ctx);
    if (check_spelling(lex_, token, ctx) != Spelling::unknown) return std::nullopt;
    std::string lower = to_lower(token);
    // An "I" before a lower-case letter is often OCR's l ("Iichamelijke"):
    // then the capital is no sign of a name.
    bool capital_i = token.size() > 1 && token.front() == 'I' && u_islower(first_cp(token.substr(1)));
    // A capital inside a sentence marks a name: only a cheap confusion that
    // gives a known word is believed there.
    bool name_like = shape == CaseShape::capitalised && !sentence_start && !capital_i;
    // A token that begins or ends a longer word ("telijke", "sectorover")
    // is likelier a piece of it -- a word that layout or a line end cut --
    // than a misreading; real misreadings rarely are (belangrik, huip).
    std::string key = lower;  // the lexicon spells apostrophes ASCII
    for (std::size_t at; (at = key.find("’")) != std::string::npos;) key.replace(at, 3, "'");
    bool piece_of_word = n >= 5 && (lex_.begins_longer_word(key, 2) || lex_.ends_longer_word(key, 2));
    bool fragment = line_end || piece_of_word;

    std::optional<RunOnSplit> split;
    if (!name_like && n >= 5) split = split_run_on(lex_, lower);
    // A piece of a word is split only into function words ("vande" begins
    // "vandenberg", yet is "van de"); before a line-end hyphen, also into
    // three words and more, which no cut word gives by chance
    // ("...delinkmetwelzijn-").
    if (split && (piece_of_word || (line_end && split->words.size() < 3)))
      for (const auto& w : split->words)
        if (!lex_.info(w).has(fmt::kFunction)) {
          split.reset();
          break;
        }
    // A split costs little per space, so it wins over a letter edit unless
    // that edit is a cheaper table confusion (a diacritic, rn/m...): with a
    // split at hand, only cheaper candidates are worth looking for.
    double split_cost = split ? 0.35 * static_cast<double>(split->words.size() - 1) : 0;

    CorrectionLimits limits;
    limits.max_cost = n <= 3 ? 0.35 : n <= 4 ? 0.5 : n <= 7 ? 1.0 : 1.5;
    // General edits on long tokens find compounds by chance and cost
    // thousands of look-ups; long misreadings are the table's confusions.
    limits.general_edits = n >= 5 && n <= 12 && !name_like && !fragment;
    if (name_like) limits.max_cost = std::min(limits.max_cost, 0.5);
    if (fragment) limits.max_cost = std::min(limits.max_cost, 0.35);
    if (split) {
      limits.max_cost = std::min(limits.max_cost, split_cost - 0.01);
      limits.general_edits = limits.general_edits && limits.max_cost >= 1.0;
      limits.two_confusions = false;
    }
    std::vector<Candidate> cands;
    if (limits.max_cost > 0) cands = correction_candidates(lower, lex_, table_, limits, ctx);
    // A fragment's candidates must be words outright: a compound made by
    // one confusion from a piece of a word is no evidence (zondheid ->
    // zond+held).
    if (fragment)
      cands.erase(std::remove_if(cands.begin(), cands.end(),
                                 [](const Candidate& c) { return c.spelling != Spelling::word; }),
                  cands.end());
    const Candidate* best = !cands.empty() && acceptable(cands, n, name_like) ? &cands.front() : nullptr;

    if (split) {
      if (!best || split_cost <= best->cost) {
        std::string joined;
        for (const auto& w : split->words) joined += (joined.empty() ? "" : " ") + w;
        if (shape == CaseShape::capitalised) joined = upper_first(joined);
        return Fix{joined, "split"};
      }
    }
    if (!best) return std::nullopt;
    // "Iichamelijke": the capital was OCR's l, not a capital.
    if (capital_i && best->word.front() == 'l') return Fix{best->word, best->rule};
    return Fix{recase(best->word, shape), best->rule};
  }

  /// Letters, combining marks and inner apostrophes only: a token with any
  /// other code point (format characters, symbols) is left as it is.
  static bool plain_word(std::string_view token) {
    for (int32_t i = 0, n = static_cast<int32_t>(token.size()); i < n;) {
      UChar32 c;
      U8_NEXT(token.data(), i, n, c);
      if (c < 0) return false;
      if (u_isalpha(c) || u_getCombiningClass(c) > 0 || u_charType(c) == U_NON_SPACING_MARK) continue;
      if (c == '\'' || c == 0x2019 || c == '0' || c == '1') continue;  // 1/0: misread l/o
      return false;
    }
    return true;
  }

  /// The OCR-only apostrophe rule: "thema's" -> "thema’s".
  std::optional<Fix> typographic_apostrophe(std::string_view token) const {
    if (!options_.ocr) return std::nullopt;
    std::string out(token);
    bool changed = false;
    for (std::size_t i = 1; i + 1 < out.size(); ++i) {
      if (out[i] != '\'') continue;
      out.replace(i, 1, "’");
      changed = true;
    }
    if (!changed) return std::nullopt;
    return Fix{out, "quote"};
  }

 private:
  // Is the best candidate clearly better than the next, and believable?
  bool acceptable(const std::vector<Candidate>& cands, std::size_t n, bool name_like) const {
    const Candidate& best = cands.front();
    constexpr double kMargin = 0.3;
    if (cands.size() > 1 && cands[1].score - best.score < kMargin) return false;
    Lexicon::Info info = lex_.info(best.word);
    if (name_like) return best.spelling == Spelling::word && best.cost <= 0.5;
    if (best.general) {
      // A general edit is a guess: it must land on a word seen in real
      // text, or on a compound of a long word.
      if (best.spelling == Spelling::word)
        return info.has(fmt::kAttested) || info.has(fmt::kDomain) || info.has(fmt::kFrequent);
      return n >= 10;
    }
    // Short words: only common targets (orn -> om, huip -> hulp); any
    // other is too easy to hit from OCR garbage (nten -> riten).
    if (n <= 4) return info.has(fmt::kFrequent) || info.has(fmt::kFunction) || info.has(fmt::kDomain);
    // A compound reached by an edit: two words at most, and cheap edits
    // (gezondheidstraacties is layout debris, not gezondheid+stro+acties).
    if (best.spelling == Spelling::compound) {
      std::size_t words = 0;
      for (const auto& part : compound_parts(lex_, best.word)) words += part.size() > 2;
      return words <= 2 && best.cost <= 0.5;
    }
    return true;
  }

  std::optional<Fix> fix_case(std::string_view token, bool sentence_start, SpellingContext ctx) const {
    // "SOciale": upper case spilled over from a neighbouring letter. Only
    // when the lower-case word is known; PsyBru-like names stay.
    std::string lower = to_lower(token);
    if (check_lower(lex_, lower, ctx) == Spelling::unknown) return std::nullopt;
    // Camel case with a capital after lower-case letters is a name (PsyBru).
    int32_t i = 0, n = static_cast<int32_t>(token.size());
    bool seen_lower = false;
    while (i < n) {
      UChar32 c;
      U8_NEXT(token.data(), i, n, c);
      if (c < 0) continue;
      if (u_islower(c)) seen_lower = true;
      else if (u_isupper(c) && seen_lower) return std::nullopt;
    }
    return Fix{sentence_start ? upper_first(lower) : lower, "case"};
  }

  const Lexicon& lex_;
  const ConfusionTable& table_;
  const RepairOptions& options_;
};

// ---------------------------------------------------------------------------
// The passes.

class Repairs {
 public:
  Repairs(int page, std::vector<Repair>& out) : page_(page), out_(out) {}
  void add(std::string from, std::string to, std::string rule) {
    out_.push_back(Repair{page_, std::move(from), std::move(to), std::move(rule)});
  }

 private:
  int page_;
  std::vector<Repair>& out_;
};

// Bullet glyphs as OCR reads them at a text's start: "@ ", "e ", "« ", "© ".
bool is_bullet_junk(std::string_view s) {
  if (s == "e" || s == "o") return true;
  static constexpr std::string_view kBullets[] = {"@", "«", "»", "©", "®", "*", "•", "·", "■", "▪", "●", "◦",
                                                  "○", "►", "➢", "✓", "✔", "¢", ".", "_", "°"};
  std::size_t i = 0;
  while (i < s.size()) {
    bool matched = false;
    for (auto b : kBullets)
      if (s.substr(i, b.size()) == b) {
        i += b.size();
        matched = true;
        break;
      }
    if (!matched) return false;
  }
  return !s.empty();
}

// The text of the chunk around piece i (the white-space-separated word).
std::pair<std::size_t, std::size_t> chunk_range(const std::vector<Piece>& p, std::size_t i) {
  std::size_t a = i, b = i + 1;
  while (a > 0 && p[a - 1].kind != Kind::space) --a;
  while (b < p.size() && p[b].kind != Kind::space) ++b;
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

// 1. Bullet glyphs left at the start of a text.
void strip_leading_bullets(std::vector<Piece>& p, Repairs& log) {
  std::size_t i = next_nonempty(p, 0);
  if (i < p.size() && p[i].kind == Kind::space) i = next_nonempty(p, i + 1);
  if (i >= p.size()) return;
  auto [a, b] = chunk_range(p, i);
  std::string chunk = join_text(p, a, b);
  std::size_t next = next_nonempty(p, b);
  if (is_bullet_junk(chunk) && next < p.size() && p[next].kind == Kind::space && p[next].text == " ") {
    std::size_t after = next_nonempty(p, next + 1);
    if (after >= p.size()) return;
    auto [c, d] = chunk_range(p, after);
    std::string following = join_text(p, c, d);
    UChar32 f = first_cp(following);
    if (!(u_isalpha(f) || u_isdigit(f))) return;
    log.add(chunk + " " + following, following, "punctuation");
    for (std::size_t k = a; k <= next; ++k) p[k].text.clear();
    return;
  }
  // Glued: "*_Groepsanalysemethode" -> "Groepsanalysemethode".
  std::size_t k = a;
  std::string junk;
  while (k < b && p[k].kind == Kind::other && !p[k].protect && is_bullet_junk(p[k].text)) junk += p[k++].text;
  if (!junk.empty() && junk.find('_') != std::string::npos && k < b && p[k].kind == Kind::word) {
    log.add(chunk, chunk.substr(junk.size()), "punctuation");
    for (std::size_t j = a; j < k; ++j) p[j].text.clear();
  }
}

// 2. A word broken in two by a space: "wei nig" -> "weinig",
// "cri sis-/noodsituaties" -> "crisis-/...". Only when a half is no word and
// the whole is one.
void join_broken_words(std::vector<Piece>& p, const Lexicon& lex, Repairs& log) {
  for (std::size_t i = 0; i + 2 < p.size(); ++i) {
    Piece& a = p[i];
    Piece& sp = p[i + 1];
    Piece& b = p[i + 2];
    if (a.kind != Kind::word || sp.kind != Kind::space || sp.text != " " || b.kind != Kind::word) continue;
    if (a.protect || b.protect || a.text.empty() || b.text.empty()) continue;
    // a ends its chunk, b begins its own: nothing between them but the space.
    CaseShape sa = case_shape(a.text), sb = case_shape(b.text);
    if (sb != CaseShape::lower || !(sa == CaseShape::lower || sa == CaseShape::capitalised)) continue;
    if (letters(b.text) < 2) continue;
    SpellingContext ctx = context_of(p, i + 2);
    bool a_known = check_spelling(lex, a.text) != Spelling::unknown;
    bool b_known = check_spelling(lex, b.text, ctx) != Spelling::unknown;
    if (a_known && b_known) continue;  // "aan bod", "voor middagen": two words
    // Function words are words of their own, not halves ("snipperd en").
    if (lex.info(to_lower(a.text)).has(fmt::kFunction) || lex.info(b.text).has(fmt::kFunction)) continue;
    // One half unknown and the whole a lexicon entry ("inschrij ving", "wei
    // nig"); both halves unknown and the whole a compound ("traditi onele").
    std::string whole = a.text + b.text;
    Spelling s = check_spelling(lex, whole, ctx);
    if (s == Spelling::unknown || (s == Spelling::compound && (a_known || b_known))) continue;
    log.add(a.text + " " + b.text, whole, "join");
    a.text = whole;
    sp.text.clear();
    b.text.clear();
    b.kind = Kind::other;
  }
}

bool hyphen_between(const std::vector<Piece>& p, std::size_t i) {
  return i < p.size() && p[i].kind == Kind::other && is_hyphen(p[i].text) && p[i].text.size() <= 3;
}

// Is word i one half of a hyphenated word that is known as a whole, with or
// without its hyphen ("Follow-up", "omme-zijde" that a line end left)? Then
// neither half is repaired alone.
bool known_across_hyphen(const std::vector<Piece>& p, std::size_t i, const Lexicon& lex) {
  auto known_pair = [&](std::size_t a, std::size_t b) {
    if (p[a].kind != Kind::word || p[b].kind != Kind::word || p[a].text.empty() || p[b].text.empty()) return false;
    return lex.contains_any_case(p[a].text + p[a + 1].text + p[b].text) ||
           check_spelling(lex, p[a].text + p[b].text) != Spelling::unknown;
  };
  if (i + 2 < p.size() && hyphen_between(p, i + 1) && known_pair(i, i + 2)) return true;
  if (i >= 2 && hyphen_between(p, i - 1) && known_pair(i - 2, i)) return true;
  return false;
}

// The pieces that hyphens join to word i ("Diogenes-syndroont"): a repair
// is logged with all of it, as the record's words are white-space words.
std::pair<std::size_t, std::size_t> hyphen_span(const std::vector<Piece>& p, std::size_t i) {
  std::size_t a = i, b = i + 1;
  while (a >= 2 && hyphen_between(p, a - 1) && p[a - 2].kind == Kind::word) a -= 2;
  while (b + 1 < p.size() && hyphen_between(p, b) && p[b + 1].kind == Kind::word) b += 2;
  return {a, b};
}

// 3. Words: confusions, diacritics, ij, run-ons, case.
void repair_words(std::vector<Piece>& p, const WordRepairer& words, const Lexicon& lex, Repairs& log) {
  for (std::size_t i = 0; i < p.size(); ++i) {
    Piece& w = p[i];
    if (w.kind != Kind::word || w.protect || w.text.empty()) continue;
    auto [a, b] = hyphen_span(p, i);
    auto record = [&, a = a, b = b](const std::string& before, const std::string& rule) {
      log.add(before, join_text(p, a, b), rule);
    };
    // Ligatures and the ij digraph as one code point are never right in
    // the record: expand them first, then look at the word.
    std::string expanded = w.text;
    for (auto [from, to, rule] : {std::tuple{"ĳ", "ij", "ij"}, std::tuple{"Ĳ", "IJ", "ij"},
                                  std::tuple{"ﬁ", "fi", "ligature"}, std::tuple{"ﬂ", "fl", "ligature"},
                                  std::tuple{"ﬀ", "ff", "ligature"}, std::tuple{"ﬃ", "ffi", "ligature"},
                                  std::tuple{"ﬄ", "ffl", "ligature"}}) {
      std::string_view f(from);
      bool hit = false;
      for (std::size_t at = expanded.find(f); at != std::string::npos; at = expanded.find(f, at)) {
        expanded.replace(at, f.size(), to);
        hit = true;
      }
      if (hit) {
        std::string before = join_text(p, a, b);
        w.text = expanded;
        record(before, rule);
      }
    }
    if (known_across_hyphen(p, i, lex)) continue;
    bool line_end = hyphen_between(p, i + 1) && (i + 2 >= p.size() || p[i + 2].kind == Kind::space);
    if (auto fix = words.repair(w.text, starts_sentence(p, i), context_of(p, i), line_end)) {
      std::string before = join_text(p, a, b);
      w.text = fix->text;
      record(before, fix->rule);
    }
    if (auto fix = words.typographic_apostrophe(w.text)) {
      std::string before = join_text(p, a, b);
      w.text = fix->text;
      record(before, fix->rule);
    }
  }
}

// 4. Punctuation and spaces.
void repair_punctuation(std::vector<Piece>& p, Repairs& log) {
  auto word_before = [&](std::size_t i) -> std::string {
    for (std::size_t k = i; k-- > 0;)
      if (!p[k].text.empty()) return p[k].kind == Kind::space ? std::string() : join_text(p, chunk_range(p, k).first, k + 1);
    return {};
  };
  auto word_after = [&](std::size_t i) -> std::string {
    for (std::size_t k = i + 1; k < p.size(); ++k)
      if (!p[k].text.empty()) return p[k].kind == Kind::space ? std::string() : join_text(p, k, chunk_range(p, k).second);
    return {};
  };
  for (std::size_t i = 0; i < p.size(); ++i) {
    Piece& x = p[i];
    if (x.text.empty() || x.protect) continue;
    // A stray "=" or "_" standing alone between words.
    if (x.kind == Kind::other && (x.text == "=" || x.text == "_" || x.text == "__")) {
      auto [a, b] = chunk_range(p, i);
      if (a == i && b == i + 1 && i > 0 && i + 1 < p.size() && p[i - 1].kind == Kind::space &&
          p[i + 1].kind == Kind::space) {
        std::size_t before = i - 1;
        std::string left = word_before(before), right = word_after(i + 1);
        if (!left.empty() && !right.empty() && u_isalpha(static_cast<UChar32>(last_code_point(left))) && u_isalpha(first_cp(right))) {
          log.add(left + " " + x.text + " " + right, left + " " + right, "punctuation");
          p[before].text.clear();
          x.text.clear();
          continue;
        }
      }
    }
    // "_" glued to a word: "_sectoroverschrijdende".
    if (x.kind == Kind::other && x.text.find_first_not_of('_') == std::string::npos) {
      bool next_word = i + 1 < p.size() && p[i + 1].kind == Kind::word;
      bool prev_word = i > 0 && p[i - 1].kind == Kind::word;
      if (next_word || prev_word) {
        auto [a, b] = chunk_range(p, i);
        std::string from = join_text(p, a, b);
        std::string keep = x.text;
        x.text.clear();
        std::string to = join_text(p, a, b);
        if (has_letter(to)) {
          log.add(from, to, "punctuation");
          continue;
        }
        x.text = keep;
      }
    }
    // "‚" (low single quote) after a word and before a space: a comma.
    if (x.kind == Kind::other && x.text == "‚" && i > 0 && p[i - 1].kind == Kind::word &&
        (i + 1 == p.size() || p[i + 1].kind == Kind::space)) {
      std::string w = p[i - 1].text;
      log.add(w + "‚", w + ",", "punctuation");
      x.text = ",";
      continue;
    }
    // An opening quote glued to the word before it: "over‘sociaal".
    if (x.kind == Kind::other && (x.text == "‘" || x.text == "“" || x.text == "„") && i > 0 && i + 1 < p.size() &&
        p[i - 1].kind == Kind::word && !p[i - 1].text.empty() && p[i + 1].kind == Kind::word &&
        letters(p[i + 1].text) >= 2) {
      // Logged with the nearest word on each side (a split run-on may have
      // made either side several words).
      const std::string& left = p[i - 1].text;
      const std::string& right = p[i + 1].text;
      std::size_t sp = left.rfind(' ');
      std::string tail = sp == std::string::npos ? left : left.substr(sp + 1);
      std::string head = right.substr(0, right.find(' '));
      log.add(tail + x.text + head, tail + " " + x.text + head, "punctuation");
      x.text = " " + x.text;
      continue;
    }
    // Doubled spaces inside a text (not its edges).
    if (x.kind == Kind::space && x.text.size() > 1 && x.text.find_first_not_of(' ') == std::string::npos && i > 0 &&
        i + 1 < p.size()) {
      std::string left = word_before(i), right = word_after(i);
      if (!left.empty() && !right.empty()) {
        log.add(left + x.text + right, left + " " + right, "punctuation");
        x.text = " ";
      }
    }
  }
  // Postcodes: ICU reads "145,1090" as one number; a 1-4 digit house number,
  // a comma and a 4-digit postcode before a capitalised place name is an
  // address that lost its space.
  for (std::size_t i = 0; i + 2 < p.size(); ++i) {
    Piece& x = p[i];
    if (!x.protect || x.text.size() < 6) continue;
    auto comma = x.text.find(',');
    if (comma == std::string::npos || comma == 0 || comma > 4 || x.text.size() - comma - 1 != 4) continue;
    std::string_view left = std::string_view(x.text).substr(0, comma), right = std::string_view(x.text).substr(comma + 1);
    if (left.find_first_not_of("0123456789") != std::string_view::npos ||
        right.find_first_not_of("0123456789") != std::string_view::npos || right[0] == '0')
      continue;
    if (p[i + 1].kind != Kind::space || p[i + 2].kind != Kind::word || case_shape(p[i + 2].text) != CaseShape::capitalised)
      continue;
    std::string from = x.text;
    x.text = std::string(left) + ", " + std::string(right);
    log.add(from + " " + p[i + 2].text, x.text + " " + p[i + 2].text, "punctuation");
  }
}

}  // namespace

RepairOutcome repair_text(std::string_view text, int page, const Lexicon& lexicon, const RepairOptions& options) {
  RepairOutcome out;
  std::vector<Piece> pieces = tokenize(text);
  Repairs log(page, out.repairs);
  WordRepairer words(lexicon, options);
  strip_leading_bullets(pieces, log);
  join_broken_words(pieces, lexicon, log);
  repair_words(pieces, words, lexicon, log);
  repair_punctuation(pieces, log);
  // Rebuilt only when something changed: otherwise the input, byte for byte.
  out.text = out.repairs.empty() ? std::string(text) : rebuild(pieces);
  return out;
}

}  // namespace overleg
