// Language: which language a document or a page is written in, told from
// its text alone with Google's Compact Language Detector 2 (Debian
// libcld2-dev; quadgram and word models for 83 languages), restricted to
// the languages overleg has rules for (util/rules.h: rule_languages()).
// Never a guess: when the text is too short, or no accepted language holds
// the majority of it, the answer is "cannot be told" (the record's null).
//
// Why CLD2 (measured 2026-12-01 on the text layers of the 19 text dev PDFs,
// ../shared/eval/dev, 16 Dutch, 3 French, pdftotext; CLD2 answers restricted
// to nl/fr as below, kMajorityPercent 50, kMinTextBytes 32; "wrong" = the
// other language, "null" = not told; exttextcat = libexttextcat-dev's first
// candidate, "ambiguous" = several candidates):
//   set (count)                 CLD2                 libexttextcat
//   whole documents (19)        19 right             19 right
//   single pages (38)           38 right             38 right
//   160-character windows (442) 0 wrong, 10 null     10 UNKNOWN, 38 ambiguous
//   80-character windows (863)  0 wrong, 37 null     27 UNKNOWN, 121 ambiguous, 3 "en"
//   40-character windows (1641) 0 wrong, 210 null    90 UNKNOWN, 100+ other languages
//   20-character windows (2905) 0 wrong, 2709 null   1 in 3 not nl/fr
//   single text lines (1804)    0 wrong, 1046 null   1 in 4 not nl/fr
//   time for all sets           2.7 s                59 s (20x slower)
// A function-word count written for the comparison (the Dutch function words
// of dictionaries/function-words.txt against 60 French ones) told only 7 of
// the 16 Dutch documents and erred on 4 of 1386 Dutch 40-character windows.
// So: CLD2 (without kMinTextBytes it errs on 8 of the 20-character windows).
// Thread-safe (CLD2 keeps no state between calls).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/page.h"

namespace overleg {

/// What the detector found in a text.
struct LanguageVerdict {
  std::optional<std::string> code;  ///< ISO 639-1 ("nl", "fr"); nullopt when it cannot be told
  int percent = 0;                  ///< share of the text in that language (CLD2's estimate, 0..100)
  int text_bytes = 0;               ///< letter bytes CLD2 scored (markup, digits and punctuation left out)
};

/// The language of `text` (UTF-8; invalid bytes are tolerated), if it is
/// one of `accepted` (ISO 639-1 codes) and can be told.
LanguageVerdict detect_language(std::string_view text, const std::vector<std::string>& accepted);

/// The language of `text` among the languages with rule tables.
std::optional<std::string> text_language(std::string_view text);

/// The language of one page's words (text layer or OCR).
std::optional<std::string> page_language(const Page& page);

/// The language of a document: of all its pages' words together.
std::optional<std::string> document_language(const std::vector<Page>& pages);

}  // namespace overleg
