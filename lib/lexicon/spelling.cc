#include "lexicon/spelling.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <memory>
#include <mutex>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "lexicon/lexicon.h"
#include "util/rules.h"
#include "util/text.h"

namespace overleg {

namespace fmt = lexicon_format;

namespace {

// Three words make the longest compounds of the genre
// (wijk+gezondheid+s+centra); more would read run-on text as a compound.
constexpr std::size_t kMaxParts = 3;

// Can this lexicon entry be a part of a compound? Closed-class words cannot
// (that is what tells "vande" from a compound), and 3-letter entries only
// when they are common: the lists hold many short names and abbreviations
// (rik, gei) that would make compounds of OCR errors (belang+rik).
bool part_ok(const Lexicon::Info& info, std::string_view part) {
  if (!info.found || info.has(fmt::kFunction)) return false;
  bool common = info.has(fmt::kFrequent) || info.has(fmt::kDomain);
  if (part.size() <= 3) return common;
  // Emphatic spellings (óver, vér, kán) are entries of their own but never
  // parts of a compound; an acute or grave accent marks them.
  for (std::string_view accent : {"á", "é", "í", "ó", "ú", "à", "è", "ì", "ò", "ù"})
    if (part.find(accent) != std::string_view::npos) return common;
  return true;
}

// The word-formation rules of one language (its rule tables, util/rules.h):
// productive suffixes (suffixes.tsv: suffix, minimum stem), whether words
// compound and with which linking letters (compounds.tsv: "compounding yes",
// "link s"), and the elided words written before an apostrophe
// (elisions.tsv: "l" of "l’offre", "qu" of "qu’une").
struct WordRules {
  std::vector<std::pair<std::string, std::size_t>> suffixes;
  bool compounds = false;
  std::vector<std::string> links;  // linking letters, besides none
  std::vector<std::string> elisions;
  std::vector<std::pair<std::string, std::size_t>> prefixes;  // welded prefix, minimum rest
};

WordRules build_word_rules(std::string_view lang) {
  WordRules r;
  for (const auto& row : rule_table(lang, "suffixes.tsv"))
    if (row.size() >= 2 && !row[0].empty()) r.suffixes.emplace_back(row[0], std::strtoul(row[1].c_str(), nullptr, 10));
  for (const auto& row : rule_table(lang, "compounds.tsv")) {
    if (row.size() < 2) continue;
    if (row[0] == "compounding") r.compounds = row[1] == "yes";
    if (row[0] == "link" && !row[1].empty()) r.links.push_back(row[1]);
  }
  for (const auto& row : rule_table(lang, "elisions.tsv"))
    if (!row.empty() && !row[0].empty()) r.elisions.push_back(row[0]);
  for (const auto& row : rule_table(lang, "prefixes.tsv"))
    if (row.size() >= 2 && !row[0].empty()) r.prefixes.emplace_back(row[0], std::strtoul(row[1].c_str(), nullptr, 10));
  return r;
}

const WordRules& word_rules(std::string_view lang) {
  static std::mutex mutex;
  static std::map<std::string, std::unique_ptr<const WordRules>, std::less<>> by_lang;
  std::lock_guard<std::mutex> lock(mutex);
  auto it = by_lang.find(lang);
  if (it == by_lang.end())
    it = by_lang.emplace(std::string(lang), std::make_unique<const WordRules>(build_word_rules(lang))).first;
  return *it->second;
}

// Depth-first over the parts, longest first part first (fewer, longer parts
// are the likelier reading); `dead` remembers positions from which no
// completion exists, so the search stays linear in practice.
bool split_from(const Lexicon& lex, const WordRules& rules, std::string_view w, std::size_t pos,
                std::vector<std::string>& parts, std::vector<char>& dead) {
  std::size_t words = 0;
  for (const auto& p : parts) words += p.size() > 2;
  if (dead[pos] || words >= kMaxParts) return false;
  std::vector<std::size_t> lengths;
  lex.for_each_prefix(w.substr(pos), 3, [&](std::size_t k) { lengths.push_back(k); });
  for (auto it = lengths.rbegin(); it != lengths.rend(); ++it) {
    std::size_t k = *it;
    std::string_view part = w.substr(pos, k);
    if (!part_ok(lex.info(part), part)) continue;
    std::size_t end = pos + k;
    if (end == w.size()) {
      if (parts.empty()) continue;  // one part is a word, not a compound
      parts.emplace_back(part);
      return true;
    }
    parts.emplace_back(part);
    // Linking letters: none, then the language's (Dutch -s-, -e-, -en-:
    // verwijzing+s+lijnen, pann+en+koek).
    for (std::size_t li = 0; li <= rules.links.size(); ++li) {
      std::string_view link = li == 0 ? std::string_view() : std::string_view(rules.links[li - 1]);
      if (w.substr(end, link.size()) != link || end + link.size() >= w.size()) continue;
      if (!link.empty()) parts.emplace_back(link);
      if (split_from(lex, rules, w, end + link.size(), parts, dead)) return true;
      if (!link.empty()) parts.pop_back();
    }
    parts.pop_back();
  }
  dead[pos] = 1;
  return false;
}

}  // namespace

CaseShape case_shape(std::string_view token) {
  int upper = 0, lower = 0;
  bool first_upper = false, first = true;
  int32_t i = 0, n = static_cast<int32_t>(token.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(token.data(), i, n, c);
    if (c < 0 || !u_isalpha(c)) continue;
    bool up = u_isupper(c) || u_istitle(c);
    if (first) first_upper = up;
    first = false;
    (up ? upper : lower)++;
  }
  if (upper == 0 && lower == 0) return CaseShape::none;
  if (upper == 0) return CaseShape::lower;
  if (lower == 0) return CaseShape::upper;
  if (upper == 1 && first_upper) return CaseShape::capitalised;
  return CaseShape::mixed;
}

std::vector<std::string> compound_parts(const Lexicon& lexicon, std::string_view lower) {
  std::vector<std::string> parts;
  const WordRules& rules = word_rules(lexicon.language());
  if (lower.size() < 6 || !rules.compounds) return parts;  // French writes no closed compounds
  std::vector<char> dead(lower.size() + 1, 0);
  if (!split_from(lexicon, rules, lower, 0, parts, dead)) parts.clear();
  return parts;
}

Spelling check_spelling(const Lexicon& lexicon, std::string_view token, SpellingContext context) {
  if (token.empty()) return Spelling::unknown;
  if (lexicon.contains_any_case(token)) return Spelling::word;
  // Possessive / plural with an apostrophe: "OCMW’s", "Brusano's".
  for (std::string_view suffix : {std::string_view("\xE2\x80\x99s"), std::string_view("'s")}) {
    if (token.size() > suffix.size() && token.substr(token.size() - suffix.size()) == suffix &&
        lexicon.contains_any_case(token.substr(0, token.size() - suffix.size())))
      return Spelling::word;
  }
  // An elided word before an apostrophe and a word: "l’offre", "d'action",
  // "qu’une" (the language's elisions.tsv).
  for (const std::string& e : word_rules(lexicon.language()).elisions) {
    for (std::string_view apostrophe : {std::string_view("\xE2\x80\x99"), std::string_view("'")}) {
      std::size_t n = e.size() + apostrophe.size();
      if (token.size() <= n || to_lower(token.substr(0, e.size())) != e || token.substr(e.size(), apostrophe.size()) != apostrophe)
        continue;
      if (check_spelling(lexicon, token.substr(n), context) != Spelling::unknown) return Spelling::word;
    }
  }
  // Compounds only for ordinary case patterns: "zorgtraject", "Zorgtraject",
  // "ZORGTRAJECT"; "SOciale" is an OCR case error, not a word.
  if (case_shape(token) == CaseShape::mixed) return Spelling::unknown;
  std::string lower = to_lower(token);
  return check_lower(lexicon, lower, context);
}

Spelling check_lower(const Lexicon& lexicon, std::string_view lower, SpellingContext context) {
  if (lexicon.contains(lower)) return Spelling::word;
  if (!compound_parts(lexicon, lower).empty()) return Spelling::compound;
  const WordRules& rules = word_rules(lexicon.language());
  // A derivation of a known word: "zorgzaam" + "heid".
  for (const auto& [suffix, min_stem] : rules.suffixes) {
    if (lower.size() < suffix.size() + min_stem || lower.substr(lower.size() - suffix.size()) != suffix) continue;
    std::string_view stem = lower.substr(0, lower.size() - suffix.size());
    if (lexicon.contains(stem) || !compound_parts(lexicon, stem).empty()) return Spelling::compound;
  }
  // A word with a productive prefix welded to it: "sur" + "occupés".
  for (const auto& [prefix, min_rest] : rules.prefixes) {
    if (lower.size() < prefix.size() + min_rest || lower.substr(0, prefix.size()) != prefix) continue;
    if (lexicon.contains(lower.substr(prefix.size()))) return Spelling::compound;
  }
  if (context.before_hyphen) {
    // A compound's first part before a hyphen carries its linking letters:
    // "welzijns- en gezondheidssector", "ondersteunings- of".
    for (const std::string& link : rules.links) {
      if (lower.size() > link.size() + 2 && lower.substr(lower.size() - link.size()) == link) {
        std::string_view base = lower.substr(0, lower.size() - link.size());
        if (lexicon.contains(base) || !compound_parts(lexicon, base).empty()) return Spelling::word;
      }
    }
  }
  return Spelling::unknown;
}

}  // namespace overleg
