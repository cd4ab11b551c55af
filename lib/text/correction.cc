#include "text/correction.h"

#include <algorithm>
#include <unordered_map>

#include "text/confusion.h"
#include "lexicon/lexicon.h"
#include "util/text.h"

namespace overleg {

namespace {

// Letters a general edit may insert or substitute: Dutch text needs no more.
constexpr std::u32string_view kAlphabet = U"abcdefghijklmnopqrstuvwxyzéëïöüè";
constexpr double kGeneralCost = 1.0;

struct Draft {
  double cost = 0;
  unsigned rules = 0;  // bit set of the rules used, see rule_bit
};

unsigned rule_bit(const std::string& rule) {
  if (rule == "diacritic") return 1;
  if (rule == "ij") return 2;
  if (rule == "ligature") return 4;
  return 8;  // confusion
}
constexpr unsigned kGeneralBit = 16;

// The rule a change counts as: the most telling of the edits it used.
std::string rule_name(unsigned bits) {
  if (bits & kGeneralBit) return "lexicon";
  if (bits & 2) return "ij";
  if (bits & 8) return "confusion";
  if (bits & 4) return "ligature";
  return "diacritic";
}

void offer(std::unordered_map<std::u32string, Draft>& drafts, std::u32string word, double cost, unsigned rules,
           double max_cost) {
  if (cost > max_cost + 1e-9) return;
  auto [it, inserted] = drafts.try_emplace(std::move(word), Draft{cost, rules});
  if (!inserted && cost < it->second.cost) it->second = Draft{cost, rules};
}

// Every single application of a table confusion to `w`.
void table_edits(const std::u32string& w, const Draft& base, const ConfusionTable& table, double max_cost,
                 std::unordered_map<std::u32string, Draft>& out) {
  for (const Confusion& c : table.confusions()) {
    if (base.cost + c.cost > max_cost + 1e-9) continue;
    for (std::size_t at = w.find(c.seen); at != std::u32string::npos; at = w.find(c.seen, at + 1)) {
      std::u32string v = w.substr(0, at) + c.meant + w.substr(at + c.seen.size());
      offer(out, std::move(v), base.cost + c.cost, base.rules | rule_bit(c.rule), max_cost);
    }
  }
}

void general_edits(const std::u32string& w, const Draft& base, double max_cost,
                   std::unordered_map<std::u32string, Draft>& out) {
  double cost = base.cost + kGeneralCost;
  if (cost > max_cost + 1e-9) return;
  unsigned rules = base.rules | kGeneralBit;
  for (std::size_t i = 0; i < w.size(); ++i) {
    offer(out, w.substr(0, i) + w.substr(i + 1), cost, rules, max_cost);
    if (i + 1 < w.size() && w[i] != w[i + 1]) {
      std::u32string t = w;
      std::swap(t[i], t[i + 1]);
      offer(out, std::move(t), cost, rules, max_cost);
    }
    for (char32_t c : kAlphabet) {
      if (c == w[i]) continue;
      std::u32string t = w;
      t[i] = c;
      offer(out, std::move(t), cost, rules, max_cost);
    }
  }
  for (std::size_t i = 0; i <= w.size(); ++i)
    for (char32_t c : kAlphabet) offer(out, w.substr(0, i) + std::u32string(1, c) + w.substr(i), cost, rules, max_cost);
}

}  // namespace

std::vector<Candidate> correction_candidates(std::string_view lower, const Lexicon& lexicon,
                                             const ConfusionTable& table, const CorrectionLimits& limits,
                                             SpellingContext context) {
  std::u32string w = to_u32(lower);
  std::vector<Candidate> out;
  std::unordered_map<std::u32string, Draft> checked;  // every string looked at, so none twice
  checked.emplace(w, Draft{});
  // Validates the new drafts, keeps the words; returns the cheapest cost found.
  auto validate = [&](std::unordered_map<std::u32string, Draft>& drafts) {
    double cheapest = 1e9;
    for (auto& [v, d] : drafts) {
      if (!checked.emplace(v, d).second || v.size() < 2) continue;
      std::string word = to_utf8(v);
      Spelling s = check_lower(lexicon, word, context);
      if (s == Spelling::unknown) continue;
      Candidate c;
      c.word = std::move(word);
      c.cost = d.cost;
      c.rule = rule_name(d.rules);
      c.spelling = s;
      c.general = (d.rules & kGeneralBit) != 0;
      c.score = candidate_score(lexicon, c.word, c.cost, s);
      cheapest = std::min(cheapest, c.cost);
      out.push_back(std::move(c));
    }
    return cheapest;
  };
  // The search widens only while nothing is found: one confusion, then two
  // (coérdinatie needs one, a blurred scan's benadenngen two), then a general
  // edit. A wider step could only add candidates that cost more, and those
  // matter for the margin to the best only when it is already expensive.
  std::unordered_map<std::u32string, Draft> first;
  table_edits(w, Draft{}, table, limits.max_cost, first);
  double cheapest = validate(first);
  if (limits.two_confusions && cheapest > 0.7) {
    std::unordered_map<std::u32string, Draft> second;
    for (const auto& [v, d] : first) table_edits(v, d, table, limits.max_cost, second);
    cheapest = std::min(cheapest, validate(second));
  }
  if (limits.general_edits && cheapest > 0.7) {
    std::unordered_map<std::u32string, Draft> general;
    general_edits(w, Draft{}, limits.max_cost, general);
    validate(general);
  }
  sort_candidates(out);
  return out;
}

double candidate_score(const Lexicon& lexicon, const std::string& word, double cost, Spelling spelling) {
  // Rarer words and compounds are less likely readings: small penalties
  // that decide between candidates of equal cost, never against the cost.
  double zipf = spelling == Spelling::word ? lexicon.info(word).zipf() : 2.0;
  return cost + 0.05 * std::clamp(6.0 - zipf, 0.0, 5.0) + (spelling == Spelling::compound ? 0.2 : 0.0);
}

void sort_candidates(std::vector<Candidate>& cands) {
  std::sort(cands.begin(), cands.end(), [](const Candidate& a, const Candidate& b) {
    return a.score != b.score ? a.score < b.score : a.word < b.word;
  });
}

}  // namespace overleg
