#include "extract/small_caps.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cstdlib>

#include "util/text.h"

namespace overleg {
namespace {

// Small capitals: a line set in small caps is read as capitals ("MONITORING
// VAN DE BEHOEFTEN"), though it is written in lower case with capitals where
// the text has them ("Monitoring van de behoeften"). Such a line's words
// stand on one baseline in two heights: those that start with a full
// capital, and those of small capitals only, a fifth to a third lower. A line
// of real capitals has one height, so it is left as it is; so is a word
// whose bottom is off the baseline (a Q's tail makes a word taller, not
// small caps). Tesseract's per-letter boxes are too rough for this (LSTM
// places letters by estimate); word boxes are exact.
constexpr double kSmallCapsMin = 0.60;   // small capital height / capital height
constexpr double kSmallCapsMax = 0.88;
constexpr double kBaselineSlack = 0.08;  // of the capital height

bool all_capitals(const std::string& text) {
  int letters = 0;
  for (char32_t c : to_u32(text)) {
    if (!u_isalpha(static_cast<UChar32>(c))) continue;
    if (!u_isupper(static_cast<UChar32>(c))) return false;
    ++letters;
  }
  return letters >= 1;
}

// `text` with its letters lower-cased, but for the first when `keep_first`.
std::string lowered(const std::string& text, bool keep_first) {
  std::u32string out;
  bool first = true;
  for (char32_t c : to_u32(text)) {
    if (u_isalpha(static_cast<UChar32>(c))) {
      if (!(first && keep_first)) c = static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
      first = false;
    }
    out += c;
  }
  return to_utf8(out);
}

}  // namespace

void lower_small_capitals(std::vector<OcrWordShape>& raw) {
  std::size_t start = 0;
  while (start < raw.size()) {
    std::size_t end = start;
    while (end < raw.size() && raw[end].line == raw[start].line) ++end;
    // Letter words only; every one of them in capitals.
    std::vector<std::size_t> words;
    bool capitals = true;
    int tallest = 0, baseline = 0;
    for (std::size_t i = start; i < end; ++i) {
      if (count_words(raw[i].text) == 0 || !u_isalpha(static_cast<UChar32>(to_u32(raw[i].text).front()))) continue;
      capitals = capitals && all_capitals(raw[i].text);
      words.push_back(i);
      tallest = std::max(tallest, raw[i].bottom - raw[i].top);
      baseline = std::max(baseline, raw[i].bottom);
    }
    bool small_caps = capitals && words.size() >= 2 && tallest > 0;
    int small = 0, tall = 0;
    for (std::size_t i : words) {
      if (!small_caps) break;
      const double ratio = static_cast<double>(raw[i].bottom - raw[i].top) / tallest;
      if (std::abs(raw[i].bottom - baseline) > kBaselineSlack * tallest) small_caps = false;
      else if (ratio > kSmallCapsMax) ++tall;
      else if (ratio >= kSmallCapsMin) ++small;
      else small_caps = false;
    }
    if (small_caps && small > 0 && tall > 0)
      for (std::size_t i : words) {
        const bool starts_tall = static_cast<double>(raw[i].bottom - raw[i].top) / tallest > kSmallCapsMax;
        raw[i].text = lowered(raw[i].text, starts_tall);
      }
    start = end;
  }
}

}  // namespace overleg
