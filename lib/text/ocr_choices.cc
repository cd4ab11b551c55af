#include "text/ocr_choices.h"

#include <algorithm>

#include <unicode/uchar.h>

#include "lexicon/lexicon.h"
#include "text/document_words.h"
#include "util/text.h"

namespace overleg {

namespace {

// An alternative OCR gave a symbol is weighed from this confidence on (the
// engine keeps them from 0.1, extract/tesseract/tesseract_engine.cc). Seen
// on seed002-scan page 1: the alternative that spells the printed word
// (huip: l at 0.72 against the i read at 0.83) stands well above it; most
// of those below 0.3 are other forms of the same shape (ĳ for j at 0.28,
// í for i at 0.25, Z for z at 0.18), which spell no other word.
constexpr double kMinChoice = 0.3;

// Reading a symbol as an alternative costs this much, plus up to
// kChoiceDoubt more the less OCR believed the alternative against what it
// read (confidence ratio 1: nothing more; 0: all of it). A near tie costs
// about 0.2, less than the cheapest letter confusion of the table (0.3,
// rn/m, i/l at 0.35): OCR saw both, which the table only knows in general.
// A weak alternative (ratio 0.3) costs 0.5, a table confusion's range.
constexpr double kChoiceStep = 0.15;
constexpr double kChoiceDoubt = 0.5;

// The bounds on the readings spelled: the symbols read otherwise are taken
// from at most this many (those OCR doubted most), and at most this many
// readings are looked up. Of 138 words read below 0.9 on three dev scan
// pages (seed002-scan 1 and 2, seed004-scan 2, Tesseract at 300 dpi), 39
// had no symbol with an alternative from kMinChoice, 89 one or two, 10
// three or more (punctuation included).
constexpr std::size_t kMaxChoiceSymbols = 4;
constexpr std::size_t kMaxReadings = 16;

bool letters_only(std::string_view s) {
  if (s.empty()) return false;
  for (char32_t c : to_u32(s))
    if (!u_isalpha(static_cast<UChar32>(c))) return false;
  return true;
}

// What the symbols of `word` spell as OCR read them.
std::string spelled_by(std::span<const SymbolChoice> word) {
  std::string out;
  for (const SymbolChoice& s : word) out += s.read;
  return out;
}

// The byte offsets where each symbol of `word` starts, and the end.
std::vector<std::size_t> symbol_offsets(std::span<const SymbolChoice> word) {
  std::vector<std::size_t> at{0};
  for (const SymbolChoice& s : word) at.push_back(at.back() + s.read.size());
  return at;
}

// The symbols of `word` spelling bytes [from, to) of its text, if those
// bytes begin and end at symbol boundaries.
std::vector<SymbolChoice> symbols_between(std::span<const SymbolChoice> word, std::size_t from, std::size_t to) {
  std::vector<std::size_t> at = symbol_offsets(word);
  auto first = std::find(at.begin(), at.end(), from), last = std::find(at.begin(), at.end(), to);
  if (first == at.end() || last == at.end() || first >= last) return {};
  return {word.begin() + (first - at.begin()), word.begin() + (last - at.begin())};
}

// One symbol's ways of being read otherwise, lower case: (letters, cost).
using Options = std::vector<std::pair<std::string, double>>;

Options options_of(const SymbolChoice& s) {
  Options out;
  std::string read = to_lower(s.read);
  double read_confidence = std::max(s.confidence, 0.01);
  for (const auto& [alternative, confidence] : s.alternatives) {
    if (confidence < kMinChoice) continue;
    std::string lower = to_lower(alternative);
    if (lower == read || !letters_only(lower)) continue;  // a case variant is no other reading
    if (std::any_of(out.begin(), out.end(), [&](const auto& o) { return o.first == lower; })) continue;
    double doubt = 1.0 - std::min(1.0, confidence / read_confidence);
    out.emplace_back(lower, kChoiceStep + kChoiceDoubt * doubt);
  }
  return out;
}

}  // namespace

OcrChoices choices_of(const Page& page) {
  OcrChoices out;
  std::unordered_map<std::string, double> lowest;  // the confidence each entry was read with
  for (const Box& b : page.boxes) {
    if (b.symbol_choices.empty() || b.confidence < 0) continue;
    // A word changed after OCR (by any later stage) no longer has them.
    if (spelled_by(b.symbol_choices) != b.text) continue;
    std::string_view w = DocumentWords::strip(b.text);
    if (w.empty()) continue;
    std::size_t from = static_cast<std::size_t>(w.data() - b.text.data());
    std::vector<SymbolChoice> symbols = symbols_between(b.symbol_choices, from, from + w.size());
    if (symbols.empty()) continue;
    std::string key(w);
    auto [it, fresh] = lowest.emplace(key, b.confidence);
    if (!fresh && b.confidence >= it->second) continue;
    it->second = b.confidence;
    out[key] = std::move(symbols);
  }
  return out;
}

std::vector<SymbolChoice> choices_for(std::span<const SymbolChoice> word, std::string_view piece) {
  if (piece.empty()) return {};
  std::string spelled = spelled_by(word);
  std::size_t at = spelled.find(piece);
  if (at == std::string::npos || spelled.find(piece, at + 1) != std::string::npos) return {};
  return symbols_between(word, at, at + piece.size());
}

std::vector<ChoiceReading> choice_readings(std::span<const SymbolChoice> symbols, double max_cost) {
  std::vector<Options> options;
  std::vector<std::size_t> doubted;  // symbols with an alternative
  for (std::size_t i = 0; i < symbols.size(); ++i) {
    options.push_back(options_of(symbols[i]));
    if (!options.back().empty()) doubted.push_back(i);
  }
  if (doubted.empty()) return {};
  // The most doubted symbols: those whose best alternative costs least.
  auto cheapest = [&](std::size_t i) {
    double c = 1e9;
    for (const auto& o : options[i]) c = std::min(c, o.second);
    return c;
  };
  std::stable_sort(doubted.begin(), doubted.end(), [&](std::size_t a, std::size_t b) { return cheapest(a) < cheapest(b); });
  if (doubted.size() > kMaxChoiceSymbols) doubted.resize(kMaxChoiceSymbols);
  std::sort(doubted.begin(), doubted.end());

  std::vector<std::string> letters;
  for (const SymbolChoice& s : symbols) letters.push_back(to_lower(s.read));
  std::vector<ChoiceReading> out;
  // Every combination over the doubted symbols (each as read or as one of
  // its alternatives), within max_cost: at most 4^kMaxChoiceSymbols.
  auto spell = [&](auto&& self, std::size_t k, double cost, bool changed) -> void {
    if (cost > max_cost + 1e-9) return;
    if (k == doubted.size()) {
      if (!changed) return;
      std::string w;
      for (const std::string& l : letters) w += l;
      out.push_back({std::move(w), cost});
      return;
    }
    std::size_t i = doubted[k];
    self(self, k + 1, cost, changed);
    std::string read = letters[i];
    for (const auto& [alternative, step] : options[i]) {
      letters[i] = alternative;
      self(self, k + 1, cost + step, true);
    }
    letters[i] = read;
  };
  spell(spell, 0, 0.0, false);
  std::sort(out.begin(), out.end(), [](const ChoiceReading& a, const ChoiceReading& b) {
    return a.cost != b.cost ? a.cost < b.cost : a.word < b.word;
  });
  // Two symbols may spell the same word two ways ("ii" as "ij" via either):
  // the cheaper counts.
  std::vector<ChoiceReading> unique;
  for (ChoiceReading& r : out) {
    if (std::any_of(unique.begin(), unique.end(), [&](const ChoiceReading& u) { return u.word == r.word; })) continue;
    unique.push_back(std::move(r));
    if (unique.size() >= kMaxReadings) break;
  }
  return unique;
}

void weigh_ocr_readings(std::vector<Candidate>& cands, const std::vector<ChoiceReading>& readings,
                        const Lexicon& lexicon, SpellingContext context) {
  if (readings.empty()) return;
  for (const ChoiceReading& r : readings) {
    auto it = std::find_if(cands.begin(), cands.end(), [&](const Candidate& c) { return c.word == r.word; });
    if (it != cands.end()) {
      // Two sources agree: the edit the table or a general edit proposes is
      // one OCR weighed itself.
      it->ocr_choice = true;
      if (r.cost < it->cost) {
        it->score += r.cost - it->cost;
        it->cost = r.cost;
      }
      continue;
    }
    Spelling s = check_lower(lexicon, r.word, context);
    if (s == Spelling::unknown) continue;
    Candidate c;
    c.word = r.word;
    c.cost = r.cost;
    c.score = candidate_score(lexicon, c.word, c.cost, s);
    c.rule = "ocr_choice";
    c.spelling = s;
    c.ocr_choice = true;
    cands.push_back(std::move(c));
  }
  sort_candidates(cands);
}

}  // namespace overleg
