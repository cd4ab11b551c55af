// Spelling: does a token spell a word of the lexicon's language? A lexicon
// entry in any case, a word with a possessive/plural 's ("OCMW’s"), an
// elided word and a word ("l’offre": the language's elisions.tsv), a welded
// prefix and a word ("suroccupés": prefixes.tsv), and
// where the language compounds (its compounds.tsv: Dutch) a compound of
// lexicon words with its linking letters (verwijzing+s+lijnen,
// eerstelijns+psychologen), a compound's first part before a hyphen
// ("welzijns- en"). The rule tables are those of Lexicon::language(). The
// repair stage changes only tokens this calls unknown. Pure functions over a
// read-only lexicon; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace overleg {

class Lexicon;

/// How a token is known.
enum class Spelling {
  unknown,
  word,      ///< a lexicon entry (as written, or with its first / all letters lower-cased)
  compound,  ///< a compound of lexicon words
};

/// Where a token stands, as far as spelling cares.
struct SpellingContext {
  bool before_hyphen = false;  ///< the token is followed by "-" ("welzijns-", "crisis-/")
};

/// The letter-case pattern of a token (letters only; other code points ignored).
enum class CaseShape { none, lower, capitalised, upper, mixed };
/// "zorg" lower, "Zorg" capitalised, "ZORG" upper, "SOciale" / "PsyBru" mixed.
CaseShape case_shape(std::string_view token);

/// How `token` (one word: no spaces, no hyphens) is known to `lexicon`.
Spelling check_spelling(const Lexicon& lexicon, std::string_view token, SpellingContext context = {});

/// check_spelling for a token known to be lower case already (no case
/// variants tried): the fast path for correction candidates.
Spelling check_lower(const Lexicon& lexicon, std::string_view lower, SpellingContext context = {});

/// The parts of `lower` (a lower-case word) read as a compound of at least two
/// lexicon words, linking letters as their own parts: "verwijzingslijnen" ->
/// {"verwijzing", "s", "lijnen"}; empty when it is none. Closed-class words
/// (van, de, een...) are never parts, so "vande" is no compound.
std::vector<std::string> compound_parts(const Lexicon& lexicon, std::string_view lower);

}  // namespace overleg
