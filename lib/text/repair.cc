#include "text/repair.h"

#include <algorithm>
#include <span>
#include <vector>

#include "lexicon/lexicon.h"
#include "lexicon/spelling.h"
#include "text/broken_words.h"
#include "text/document_words.h"
#include "text/pieces.h"
#include "text/repair_log.h"
#include "text/stray_signs.h"
#include "text/word_repair.h"
#include "util/ligatures.h"
#include "util/text.h"

namespace overleg {
namespace {

// Is word i one half of a hyphenated word that is known as a whole, with or
// without its hyphen ("Follow-up", "omme-zijde" that a line end left)? Then
// neither half is repaired alone.
bool known_across_hyphen(const std::vector<Piece>& p, std::size_t i, const Lexicon& lex) {
  auto known_pair = [&](std::size_t a, std::size_t b) {
    if (p[a].kind != PieceKind::word || p[b].kind != PieceKind::word || p[a].text.empty() || p[b].text.empty()) return false;
    return lex.contains_any_case(p[a].text + p[a + 1].text + p[b].text) ||
           check_spelling(lex, p[a].text + p[b].text) != Spelling::unknown;
  };
  if (i + 2 < p.size() && hyphen_between(p, i + 1) && known_pair(i, i + 2)) return true;
  if (i >= 2 && hyphen_between(p, i - 1) && known_pair(i - 2, i)) return true;
  return false;
}

// The ligature table in UTF-8, converted once: every word of every block
// is looked at (two conversions per ligature and word: 7,668 on a two-page
// report, issue #13). An ASCII word holds none.
struct Utf8Ligature {
  std::string from, to;
  bool digraph;
};

std::span<const Utf8Ligature> utf8_ligatures() {
  static const std::vector<Utf8Ligature> table = [] {
    std::vector<Utf8Ligature> t;
    for (const Ligature& lig : ligatures())
      t.push_back({to_utf8(std::u32string_view(&lig.code_point, 1)), to_utf8(lig.letters), lig.digraph});
    return t;
  }();
  return table;
}

// Words: confusions, diacritics, ij, run-ons, case.
// OCR's confidence in word i: looked up by its white-space word, then by
// the word piece alone (normalise may have joined it to a neighbour).
std::optional<double> confidence_of(const std::vector<Piece>& p, std::size_t i, const OcrConfidences* confidences) {
  if (!confidences) return std::nullopt;
  auto [a, b] = chunk_range(p, i);
  for (const std::string& key : {std::string(DocumentWords::strip(join_text(p, a, b))), p[i].text}) {
    auto it = confidences->find(key);
    if (it != confidences->end()) return it->second;
  }
  return std::nullopt;
}

// OCR's alternatives for the symbols of word i, looked up as its confidence
// is; none when the word's text is no longer what OCR's symbols spell.
std::vector<SymbolChoice> piece_choices(const std::vector<Piece>& p, std::size_t i, const OcrChoices* choices) {
  if (!choices) return {};
  auto [a, b] = chunk_range(p, i);
  for (const std::string& key : {std::string(DocumentWords::strip(join_text(p, a, b))), p[i].text}) {
    auto it = choices->find(key);
    if (it != choices->end()) return choices_for(it->second, p[i].text);
  }
  return {};
}

void repair_words(std::vector<Piece>& p, const WordRepairer& words, const Lexicon& lex, const RepairOptions& options,
                  RepairLog& log) {
  for (std::size_t i = 0; i < p.size(); ++i) {
    Piece& w = p[i];
    if (w.kind != PieceKind::word || w.protect || w.text.empty()) continue;
    auto [a, b] = hyphen_span(p, i);
    std::string record_before;
    auto record = [&, a = a, b = b](const std::string& before, const std::string& rule,
                                    std::optional<RepairEvidence> evidence = std::nullopt) {
      log.add(before, join_text(p, a, b), rule, std::move(evidence));
    };
    // Ligatures and the ij digraph as one code point are never right in
    // the record: expand them first, then look at the word.
    const bool ascii = std::all_of(w.text.begin(), w.text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    for (const Utf8Ligature& lig : ascii ? std::span<const Utf8Ligature>() : utf8_ligatures()) {
      bool hit = false;
      for (std::size_t at = w.text.find(lig.from); at != std::string::npos; at = w.text.find(lig.from, at)) {
        if (!hit) hit = true, record_before = join_text(p, a, b);
        w.text.replace(at, lig.from.size(), lig.to);
      }
      if (hit) record(record_before, lig.digraph ? "ij" : "ligature");
    }
    // A text layer's words are what the author typed: only the ligatures above.
    if (!options.ocr) continue;
    if (known_across_hyphen(p, i, lex)) continue;
    bool line_end = hyphen_between(p, i + 1) && (i + 2 >= p.size() || p[i + 2].kind == PieceKind::space);
    std::optional<double> confidence = confidence_of(p, i, options.confidences);
    std::vector<SymbolChoice> choices = piece_choices(p, i, options.choices);
    if (auto fix = words.repair(w.text, starts_sentence(p, i), context_of(p, i), line_end, confidence, choices)) {
      std::string before = join_text(p, a, b);
      w.text = fix->text;
      record(before, fix->rule, std::move(fix->evidence));
    }
    if (auto fix = words.typographic_apostrophe(w.text)) {
      std::string before = join_text(p, a, b);
      w.text = fix->text;
      record(before, fix->rule);
    }
  }
}

}  // namespace

RepairOutcome repair_text(std::string_view text, int page, const Lexicon& lexicon, const RepairOptions& options) {
  RepairOutcome out;
  std::vector<Piece> pieces = tokenize(text);
  RepairLog log(page, out.repairs);
  WordRepairer words(lexicon, options);
  // On a text layer only the extraction repairs: ligatures, white space.
  if (options.ocr) {
    commas_from_low_quotes(pieces, log);
    strip_leading_bullets(pieces, log);
    join_broken_words(pieces, lexicon, log);
  }
  repair_words(pieces, words, lexicon, options, log);
  repair_punctuation(pieces, log, options.ocr);
  // Rebuilt only when something changed: otherwise the input, byte for byte.
  out.text = out.repairs.empty() ? std::string(text) : rebuild(pieces);
  return out;
}

}  // namespace overleg
