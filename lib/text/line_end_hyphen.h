// LineEndHyphen: is the hyphen of a word broken at a line end the word's own
// (it stays: "niet-digitaal", "Zuid-Oost", "zee-egel", "Diogenes-syndroom"),
// the mark of a suspended compound part ("welzijns- en"), or only the
// typesetter's (it goes: "inter-ventie" -> "interventie")? Decided by the
// spelling rules of the lexicon's language (its hyphens.tsv: Dutch
// dictionaries/rules/hyphens.tsv, French fr/hyphens.tsv; Dutch without a
// lexicon), by what the document itself writes, and by the lexicon, in that
// order of trust. Pure
// function over read-only data; thread-safe.
#pragma once

#include <string_view>

namespace overleg {

class Lexicon;
class DocumentWords;

/// What becomes of a line-end hyphen.
enum class HyphenOutcome {
  join,     ///< the typesetter's: "inter-" + "ventie" -> "interventie"
  keep,     ///< the word's own: "niet-" + "digitaal" -> "niet-digitaal"
  suspend,  ///< a suspended part: "welzijns-" + "en" -> "welzijns- en"
};

/// The decision and the rule that made it (for tests and explanations):
/// "suspended", "soft_hyphen", "capital_or_digit", "prefix", "document",
/// "lexicon", "vowel_clash", "name_compound", "both_words", "default".
struct HyphenDecision {
  HyphenOutcome outcome = HyphenOutcome::join;
  std::string_view rule;
};

/// Decides about `left` + hyphen + line break + `right`: `left` is the word
/// part before the hyphen ("niet", "Sint-Jans"), `right` the word part after
/// the break; `soft`: the hyphen was U+00AD. `lexicon` and `document` may be
/// null (then only the spelling rules decide).
HyphenDecision decide_line_end_hyphen(std::string_view left, std::string_view right, bool soft,
                                      const Lexicon* lexicon, const DocumentWords* document);

}  // namespace overleg
