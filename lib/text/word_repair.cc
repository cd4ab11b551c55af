#include "text/word_repair.h"

#include <algorithm>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "lexicon/lexicon.h"
#include "text/confusion.h"
#include "text/document_words.h"
#include "text/ocr_choices.h"
#include "text/pieces.h"
#include "text/run_on.h"
#include "util/text.h"

namespace overleg {

namespace fmt = lexicon_format;

namespace {

// A word the document writes this often (OCR'd pages included) is its own
// spelling. Three, not two: on the poor dev scans OCR repeats a misreading
// of a word twice at most (measured with the records' repairs), while names
// and brands recur more.
constexpr int kRecurringWord = 3;

// An OCR word read with at least this confidence (Tesseract's word
// confidence, 0..1) is kept. Measured on the dev scans (150-300 dpi): the
// misreadings repair fixed right were read with 0.09-0.91 (huipverlening:
// 0.91), so a word above 0.95 that the lexicon lacks is taken as printed.
constexpr double kConfidentWord = 0.95;

// Two table confusions together are tried on tokens of at most this many
// letters. Their drafts grow with the square of the length and each is
// checked as a compound: a 24-letter unknown token (the fuzzer's
// corpus/repair/slow-long-word) cost 100 M instructions, 25 M with this cap.
// The longest token the dev scans fix with two confusions is far shorter
// (the dev records are the same with and without the cap).
constexpr std::size_t kTwoConfusionLetters = 16;

// How many candidates a repair's evidence lists.
constexpr std::size_t kEvidenceCandidates = 4;

// Accented letters in `w` (a diacritic added raises the count).
int accents(std::string_view w) {
  int n = 0;
  for (char32_t c : to_u32(w)) n += c >= 0xC0 && c <= 0x24F;
  return n;
}

std::string to_upper(std::string_view w) {
  std::u32string u = to_u32(w);
  for (char32_t& c : u) c = static_cast<char32_t>(u_toupper(static_cast<UChar32>(c)));
  return to_utf8(u);
}

}  // namespace

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

// `lower` written in the case pattern of `original`.
std::string recase(std::string_view lower, CaseShape shape) {
  if (shape == CaseShape::capitalised) return upper_first(lower);
  if (shape == CaseShape::upper) return to_upper(lower);
  return std::string(lower);
}

WordRepairer::WordRepairer(const Lexicon& lex, const RepairOptions& options)
    : lex_(lex), table_(ConfusionTable::for_language(lex.language())), options_(options) {}

std::optional<Fix> WordRepairer::repair(std::string_view token, bool sentence_start, SpellingContext ctx, bool line_end,
                                        std::optional<double> confidence,
                                        std::span<const SymbolChoice> choices) const {
  if (!plain_word(token)) return std::nullopt;
  CaseShape shape = case_shape(token);
  std::size_t n = letters(token);
  if (n < 2 || token.find('.') != std::string_view::npos) return std::nullopt;
  if (shape == CaseShape::upper) return std::nullopt;  // abbreviations, headings in capitals
  if (shape == CaseShape::mixed) return fix_case(token, sentence_start, ctx);
  if (check_spelling(lex_, token, ctx) != Spelling::unknown) return std::nullopt;
  // The document's own words: what it writes in a text layer, or repeats,
  // is its spelling (a name, a brand, a place), not a misreading.
  if (options_.document &&
      (options_.document->in_text_layer(token) || options_.document->count(token) >= kRecurringWord))
    return std::nullopt;
  // A word OCR read with confidence is what was printed.
  if (confidence && *confidence >= kConfidentWord) return std::nullopt;
  std::string lower = to_lower(token);
  // An "I" before a lower-case letter is often OCR's l ("Iichamelijke"):
  // then the capital is no sign of a name.
  bool capital_i = token.size() > 1 && token.front() == 'I' && u_islower(first_cp(token.substr(1)));
  // A capital inside a sentence marks a name, which no lexicon lists:
  // left alone.
  bool name_like = shape == CaseShape::capitalised && !sentence_start && !capital_i;
  if (name_like) return std::nullopt;
  // A token that begins or ends a longer word ("telijke", "sectorover")
  // is likelier a piece of it -- a word that layout or a line end cut --
  // than a misreading; real misreadings rarely are (belangrik, huip).
  std::string key = lower;  // the lexicon spells apostrophes ASCII
  for (std::size_t at; (at = key.find("’")) != std::string::npos;) key.replace(at, 3, "'");
  bool piece_of_word = n >= 5 && (lex_.begins_longer_word(key, 2) || lex_.ends_longer_word(key, 2));
  bool fragment = line_end || piece_of_word;

  std::optional<RunOnSplit> split;
  if (n >= 5) split = split_run_on(lex_, lower);
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
  // Nor on a capitalised word even at a sentence's start: a name or brand
  // the lexicon lacks is one letter from some word by chance (Hospichill).
  limits.general_edits = n >= 5 && n <= 12 && !fragment && shape != CaseShape::capitalised;
  limits.two_confusions = n <= kTwoConfusionLetters;
  if (fragment) limits.max_cost = std::min(limits.max_cost, 0.35);
  if (split) {
    limits.max_cost = std::min(limits.max_cost, split_cost - 0.01);
    limits.general_edits = limits.general_edits && limits.max_cost >= 1.0;
    limits.two_confusions = false;
  }
  std::vector<Candidate> cands;
  std::vector<ChoiceReading> readings;
  if (limits.max_cost > 0) {
    cands = correction_candidates(lower, lex_, table_, limits, ctx);
    // What OCR itself took the letters for: a candidate it weighed costs
    // less, a known word only it reaches is a candidate too.
    if (!choices.empty()) {
      readings = choice_readings(choices, limits.max_cost);
      weigh_ocr_readings(cands, readings, lex_, ctx);
    }
  }
  // A fragment's candidates must be words outright: a compound made by
  // one confusion from a piece of a word is no evidence (zondheid ->
  // zond+held).
  if (fragment)
    cands.erase(std::remove_if(cands.begin(), cands.end(),
                               [](const Candidate& c) { return c.spelling != Spelling::word; }),
                cands.end());
  // No diacritic is ever added to a capitalised word the lexicon lacks: a
  // name keeps its letters (Kuregem, not Küregem).
  if (shape == CaseShape::capitalised)
    cands.erase(std::remove_if(cands.begin(), cands.end(),
                               [&](const Candidate& c) { return accents(c.word) > accents(lower); }),
                cands.end());
  const Candidate* best = !cands.empty() && acceptable(cands, n) ? &cands.front() : nullptr;

  // The evidence: the candidates weighed, best first, and OCR's confidence.
  RepairEvidence evidence;
  evidence.ocr_confidence = confidence;
  for (const ChoiceReading& r : readings) {
    if (evidence.ocr_choices.size() >= kEvidenceCandidates) break;
    evidence.ocr_choices.push_back(recase(r.word, shape));
  }
  std::string joined;
  if (split) {
    for (const auto& w : split->words) joined += (joined.empty() ? "" : " ") + w;
    if (shape == CaseShape::capitalised) joined = upper_first(joined);
  }
  auto with_evidence = [&](std::string text, std::string rule) {
    if (split && !(best && text == best->word)) evidence.candidates.push_back(joined);
    for (const Candidate& c : cands) {
      if (evidence.candidates.size() >= kEvidenceCandidates) break;
      evidence.candidates.push_back(recase(c.word, shape));
    }
    if (split && best && text == best->word && evidence.candidates.size() < kEvidenceCandidates)
      evidence.candidates.push_back(joined);
    return Fix{std::move(text), std::move(rule), std::move(evidence)};
  };
  if (split) {
    if (!best || split_cost <= best->cost) return with_evidence(joined, "split");
  }
  if (!best) return std::nullopt;
  // "Iichamelijke": the capital was OCR's l, not a capital.
  if (capital_i && best->word.front() == 'l') return with_evidence(best->word, best->rule);
  return with_evidence(recase(best->word, shape), best->rule);
}

/// Letters, combining marks and inner apostrophes only: a token with any
/// other code point (format characters, symbols) is left as it is.

bool WordRepairer::plain_word(std::string_view token) {
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


std::optional<Fix> WordRepairer::typographic_apostrophe(std::string_view token) const {
  const std::string& apostrophe = table_.ocr_apostrophe();
  if (!options_.ocr || apostrophe.empty()) return std::nullopt;
  std::string out(token);
  bool changed = false;
  for (std::size_t i = 1; i + 1 < out.size(); ++i) {
    if (out[i] != '\'') continue;
    out.replace(i, 1, apostrophe);
    i += apostrophe.size() - 1;
    changed = true;
  }
  if (!changed) return std::nullopt;
  return Fix{out, "quote", std::nullopt};
}


// Is the best candidate clearly better than the next, and believable?
bool WordRepairer::acceptable(const std::vector<Candidate>& cands, std::size_t n) const {
  const Candidate& best = cands.front();
  constexpr double kMargin = 0.3;
  if (cands.size() > 1 && cands[1].score - best.score < kMargin) return false;
  Lexicon::Info info = lex_.info(best.word);
  // A word only OCR's alternatives reach: OCR saw its letters, yet it must
  // be a common word outright (a compound or a rare word is reached from
  // a misreading by chance as easily).
  if (best.rule == "ocr_choice")
    return best.spelling == Spelling::word &&
           (info.has(fmt::kFrequent) || info.has(fmt::kFunction) || info.has(fmt::kDomain));
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

std::optional<Fix> WordRepairer::fix_case(std::string_view token, bool sentence_start, SpellingContext ctx) const {
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
  return Fix{sentence_start ? upper_first(lower) : lower, "case", std::nullopt};
}


}  // namespace overleg
