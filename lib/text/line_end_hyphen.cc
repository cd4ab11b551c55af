#include "text/line_end_hyphen.h"

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <unicode/uchar.h>

#include "lexicon/lexicon.h"
#include "lexicon/spelling.h"
#include "text/document_words.h"
#include "util/rules.h"
#include "util/text.h"

namespace overleg {
namespace {

// A compound of a name and a word ("Diogenes-syndroom", "Alzheimer-patiënt")
// keeps its hyphen; a name that a line end split ("Kure-gem", "Ander-lecht")
// does not. What tells them apart is the second part: in a compound a word of
// its own, in a split name a syllable. Brussels place names split at their
// syllables leave tails of 3 letters or fewer that are words by chance (gem,
// ten, sel); the shortest second parts of name compounds in the dev reports
// and the field's word list have 4 ("Brusano-team", "Jette-stad").
constexpr std::size_t kMinNameCompoundTail = 4;

// One language's hyphens.tsv, by kind: "prefix", "suspended", "clash".
struct HyphenRules {
  std::vector<std::string> prefixes, conjunctions, clashes;
};

HyphenRules build_hyphen_rules(std::string_view lang) {
  HyphenRules r;
  for (const auto& row : rule_table(lang, "hyphens.tsv")) {
    if (row.size() < 2) continue;
    if (row[0] == "prefix") r.prefixes.push_back(row[1]);
    if (row[0] == "suspended") r.conjunctions.push_back(row[1]);
    if (row[0] == "clash") r.clashes.push_back(row[1]);
  }
  return r;
}

// The rules of the lexicon's language (Dutch without a lexicon), once per language.
const HyphenRules& hyphen_rules(const Lexicon* lexicon) {
  static std::mutex mutex;
  static std::map<std::string, std::unique_ptr<const HyphenRules>, std::less<>> by_lang;
  std::string_view lang = lexicon ? lexicon->language() : std::string_view("nl");
  std::lock_guard<std::mutex> lock(mutex);
  auto it = by_lang.find(lang);
  if (it == by_lang.end())
    it = by_lang.emplace(std::string(lang), std::make_unique<const HyphenRules>(build_hyphen_rules(lang))).first;
  return *it->second;
}

bool listed(const std::vector<std::string>& values, std::string_view v) {
  for (const auto& x : values)
    if (x == v) return true;
  return false;
}

// The base letter of a (possibly accented) lower-case vowel: é -> e.
char32_t base_letter(char32_t c) {
  c = static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
  std::u32string_view accented = U"áàâäéèêëíìîïóòôöúùûü";
  std::u32string_view bases = U"aaaaeeeeiiiioooouuuu";
  auto at = accented.find(c);
  return at == std::u32string_view::npos ? c : bases[at];
}

bool all_caps_or_digits(std::u32string_view w) {
  if (w.empty()) return false;
  for (char32_t c : w)
    if (u_isalpha(static_cast<UChar32>(c)) && !u_isupper(static_cast<UChar32>(c))) return false;
  return true;
}

bool is_digit(char32_t c) { return u_isdigit(static_cast<UChar32>(c)); }

bool known(const Lexicon* lexicon, std::string_view w) { return lexicon && lexicon->contains_any_case(w); }

// A word the lexicon spells, compounds of its words included.
bool spelt(const Lexicon* lexicon, std::string_view w) {
  return lexicon && check_spelling(*lexicon, w) != Spelling::unknown;
}

// The last word of `left` (after its last own hyphen: "Sint-Jans" -> "Jans").
std::string_view last_part(std::string_view left) {
  auto at = left.rfind('-');
  return at == std::string_view::npos ? left : left.substr(at + 1);
}

}  // namespace

HyphenDecision decide_line_end_hyphen(std::string_view left, std::string_view right, bool soft,
                                      const Lexicon* lexicon, const DocumentWords* document) {
  using O = HyphenOutcome;
  if (left.empty() || right.empty()) return {O::keep, "default"};
  const HyphenRules& rules = hyphen_rules(lexicon);
  std::string right_lower = to_lower(right);
  if (listed(rules.conjunctions, right_lower)) return {O::suspend, "suspended"};
  if (soft) return {O::join, "soft_hyphen"};  // a soft hyphen only ever splits
  std::u32string l = to_u32(left), r = to_u32(right);
  // Capitals after the break ("Zuid-"+"Oost"), abbreviations and numbers
  // before it ("GG-"+"zorg", "65-"+"plussers", "A4-"+"formaat"), a number
  // after it ("COVID-"+"19").
  if (starts_uppercase(right) || is_digit(r.front()) || is_digit(l.back()) || all_caps_or_digits(l))
    return {O::keep, "capital_or_digit"};
  std::string part = to_lower(last_part(left));
  if (listed(rules.prefixes, part)) return {O::keep, "prefix"};

  std::string whole = std::string(left) + std::string(right), hyphenated = std::string(left) + "-" + std::string(right);
  // The document's own spelling elsewhere, when it writes only one of the forms.
  if (document) {
    bool doc_whole = document->contains_any_case(whole), doc_hyphenated = document->contains_any_case(hyphenated);
    if (doc_hyphenated && !doc_whole) return {O::keep, "document"};
    if (doc_whole && !doc_hyphenated) return {O::join, "document"};
  }
  bool whole_known = known(lexicon, whole), hyphenated_known = known(lexicon, hyphenated);
  if (whole_known) return {O::join, "lexicon"};
  if (hyphenated_known) return {O::keep, "lexicon"};
  // A compound written with a hyphen, broken again inside its last part
  // ("welzijn-ge" + "zondheid"): the last part and the tail make a word.
  std::string_view tail_of_left = last_part(left);
  if (tail_of_left.size() < left.size() && known(lexicon, std::string(tail_of_left) + std::string(right)))
    return {O::join, "lexicon"};

  std::u32string last = to_u32(part);
  bool left_word = spelt(lexicon, last_part(left)), right_word = spelt(lexicon, right);
  // Vowels that would read as one sound across the parts ("zee-egel",
  // "co-ouder"), when both parts are words.
  if (left_word && right_word && !last.empty()) {
    std::u32string pair{base_letter(last.back()), base_letter(r.front())};
    if (listed(rules.clashes, to_utf8(pair))) return {O::keep, "vowel_clash"};
  }
  // A compound with a name ("Diogenes-syndroom"): a capitalised first part
  // the lexicon lacks and a word of its own after the break.
  if (starts_uppercase(left) && !known(lexicon, left) && known(lexicon, right) &&
      r.size() >= kMinNameCompoundTail)
    return {O::keep, "name_compound"};
  // Both halves words but the joined form none: two words written with a
  // hyphen ("zorg-welzijn"), not one word the typesetter broke.
  if (lexicon && left_word && right_word && !starts_uppercase(left) && !spelt(lexicon, whole))
    return {O::keep, "both_words"};
  return {O::join, "default"};
}

}  // namespace overleg
