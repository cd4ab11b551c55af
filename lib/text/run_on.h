// RunOn: words that OCR or PDF extraction ran together ("vande",
// "heeftzijnwerkover", "eenvertrouwensband") split again by dynamic
// programming over the lexicon, ranked by word frequencies. Dutch writes
// compounds as one word, so a split must show a plain function word (van,
// de, een, heeft...): content words stuck together are a compound, and
// particles that begin compounds (in, aan, door...) do not count.
// Pure function over a read-only lexicon; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace overleg {

class Lexicon;

struct RunOnSplit {
  std::vector<std::string> words;  ///< lower case, in order
  double cost = 0;                 ///< sum of the words' rarity (9 - Zipf): lower is likelier
};

/// The likeliest reading of the lower-case token `lower` as two or more
/// words, if there is one that passes the rules above.
std::optional<RunOnSplit> split_run_on(const Lexicon& lexicon, std::string_view lower);

}  // namespace overleg
