#include "lexicon/language.h"

#include <algorithm>
#include <cstdio>  // compact_lang_det.h uses FILE without including it

#include <cld2/public/compact_lang_det.h>

#include "util/rules.h"
#include "util/text.h"

namespace overleg {
namespace {

// Below this many letter bytes CLD2 is no longer sure enough to be trusted
// with a report's language: on the dev corpus' 20-character windows (about
// 16 letter bytes) it named the wrong one of nl/fr 8 times in 2905, on
// 40-character windows (about 32) never in 1641.
constexpr int kMinTextBytes = 32;

// The accepted language must hold at least this share of the text (CLD2's
// percent): a document half in each language has no one language. On the
// dev corpus a 50 and a 70 gave the same answers on every set.
constexpr int kMajorityPercent = 50;

std::string page_text(const Page& page) {
  std::string text;
  for (const Box& b : page.boxes) {
    if (!text.empty()) text += ' ';
    text += b.text;
  }
  return text;
}

}  // namespace

LanguageVerdict detect_language(std::string_view text, const std::vector<std::string>& accepted) {
  // CLD2 requires valid UTF-8 ("never trust raw bytes"): a bad byte becomes U+FFFD.
  std::string clean = to_utf8(to_u32(text));
  CLD2::Language top3[3];
  int percent3[3];
  int text_bytes = 0;
  bool reliable = false;
  CLD2::ExtDetectLanguageSummary(clean.data(), static_cast<int>(clean.size()), /*is_plain_text=*/true, top3,
                                 percent3, &text_bytes, &reliable);
  LanguageVerdict verdict;
  verdict.text_bytes = text_bytes;
  // Not CLD2's own "reliable" flag: it refuses documents whose second
  // language is close (a Dutch flyer quoting French names) and accepts
  // 20-letter snippets; the share and the length below were measured instead.
  std::string best;
  for (int i = 0; i < 3; ++i) {
    if (top3[i] == CLD2::UNKNOWN_LANGUAGE) continue;
    std::string code = CLD2::LanguageCode(top3[i]);
    if (std::find(accepted.begin(), accepted.end(), code) == accepted.end()) continue;
    if (percent3[i] > verdict.percent) {
      verdict.percent = percent3[i];
      best = code;
    }
  }
  if (!best.empty() && verdict.percent >= kMajorityPercent && text_bytes >= kMinTextBytes) verdict.code = best;
  return verdict;
}

std::optional<std::string> text_language(std::string_view text) {
  return detect_language(text, rule_languages()).code;
}

std::optional<std::string> page_language(const Page& page) { return text_language(page_text(page)); }

std::optional<std::string> document_language(const std::vector<Page>& pages) {
  std::string text;
  for (const Page& p : pages) {
    if (p.method == PageMethod::none) continue;
    text += page_text(p);
    text += '\n';
  }
  return text_language(text);
}

}  // namespace overleg
