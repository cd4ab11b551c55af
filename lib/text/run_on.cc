#include "text/run_on.h"

#include <limits>

#include "lexicon/lexicon.h"
#include "lexicon/spelling.h"

namespace overleg {

namespace fmt = lexicon_format;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
// A compound piece (not an entry itself) is a less certain reading.
constexpr double kCompoundPenalty = 1.0;
constexpr double kCompoundZipf = 2.0;
constexpr std::size_t kMinCompoundPiece = 8;

// May an entry of `bytes` bytes be a piece? Two- and three-letter entries
// only when they are common words: the lists hold many short abbreviations.
bool piece_ok(const Lexicon::Info& info, std::size_t bytes) {
  if (!info.found) return false;
  if (bytes <= 3) return info.has(fmt::kFunction) || info.has(fmt::kFrequent);
  return true;
}

bool plain_function(const Lexicon::Info& info) {
  return info.has(fmt::kFunction) && !info.has(fmt::kParticle);
}

}  // namespace

std::optional<RunOnSplit> split_run_on(const Lexicon& lexicon, std::string_view w) {
  const std::size_t n = w.size();
  if (n < 4) return std::nullopt;
  // best[i]: cheapest split of w[0, i) into pieces; back[i]: where its last
  // piece starts.
  std::vector<double> best(n + 1, kInf);
  std::vector<std::size_t> back(n + 1, 0);
  best[0] = 0;
  auto relax = [&](std::size_t from, std::size_t to, double cost) {
    if (best[from] + cost < best[to]) {
      best[to] = best[from] + cost;
      back[to] = from;
    }
  };
  for (std::size_t i = 0; i < n; ++i) {
    if (best[i] == kInf) continue;
    std::string_view rest = w.substr(i);
    lexicon.for_each_prefix(rest, 2, [&](std::size_t k) {
      if (i == 0 && k == n) return;  // the whole token is no split
      Lexicon::Info info = lexicon.info(rest.substr(0, k));
      if (piece_ok(info, k)) relax(i, i + k, 9.0 - info.zipf());
    });
    // A compound as the last piece: "van" + "de" + "gezondheidsboodschappen".
    if (i > 0 && n - i >= kMinCompoundPiece && !compound_parts(lexicon, rest).empty())
      relax(i, n, 9.0 - kCompoundZipf + kCompoundPenalty);
  }
  if (best[n] == kInf) return std::nullopt;
  RunOnSplit split;
  split.cost = best[n];
  for (std::size_t at = n; at > 0; at = back[at]) split.words.emplace(split.words.begin(), w.substr(back[at], at - back[at]));
  // The likeliest reading must show a plain function word; without one the
  // token is a compound or a piece of a word ("ziekenhuis"+"op").
  bool plain = false;
  for (const auto& piece : split.words) plain = plain || plain_function(lexicon.info(piece));
  if (!plain || split.words.size() < 2) return std::nullopt;
  return split;
}

}  // namespace overleg
