#include "text/stray_signs.h"

#include <string>
#include <string_view>

#include <unicode/uchar.h>

#include "lexicon/spelling.h"
#include "util/text.h"

namespace overleg {
namespace {

// Bullet glyphs as OCR reads them at a text's start: "@ ", "e ", "« ", "© ",
// "+ " (a small round bullet at 150-200 dpi: 13 of the poor dev scans' word
// errors were such a "+", which the scorer counts as a word).
bool is_bullet_junk(std::string_view s) {
  if (s == "e" || s == "o") return true;
  static constexpr std::string_view kBullets[] = {"@", "«", "»", "©", "®", "*", "•", "·", "■", "▪", "●", "◦",
                                                  "○", "►", "➢", "✓", "✔", "¢", ".", "_", "°", "+"};
  std::size_t i = 0;
  while (i < s.size()) {
    bool matched = false;
    for (auto b : kBullets)
      if (s.substr(i, b.size()) == b) {
        i += b.size();
        matched = true;
        break;
      }
    if (!matched) return false;
  }
  return !s.empty();
}


}  // namespace

// 1. Bullet glyphs left at the start of a text.
void strip_leading_bullets(std::vector<Piece>& p, RepairLog& log) {
  std::size_t i = next_nonempty(p, 0);
  if (i < p.size() && p[i].kind == PieceKind::space) i = next_nonempty(p, i + 1);
  if (i >= p.size()) return;
  auto [a, b] = chunk_range(p, i);
  std::string chunk = join_text(p, a, b);
  std::size_t next = next_nonempty(p, b);
  if (is_bullet_junk(chunk) && next < p.size() && p[next].kind == PieceKind::space && p[next].text == " ") {
    std::size_t after = next_nonempty(p, next + 1);
    if (after >= p.size()) return;
    auto [c, d] = chunk_range(p, after);
    std::string following = join_text(p, c, d);
    UChar32 f = first_cp(following);
    if (!(u_isalpha(f) || u_isdigit(f))) return;
    log.add(chunk + " " + following, following, "punctuation");
    for (std::size_t k = a; k <= next; ++k) p[k].text.clear();
    return;
  }
  // Glued: "*_Groepsanalysemethode" -> "Groepsanalysemethode".
  std::size_t k = a;
  std::string junk;
  while (k < b && p[k].kind == PieceKind::other && !p[k].protect && is_bullet_junk(p[k].text)) junk += p[k++].text;
  if (!junk.empty() && junk.find('_') != std::string::npos && k < b && p[k].kind == PieceKind::word) {
    log.add(chunk, chunk.substr(junk.size()), "punctuation");
    for (std::size_t j = a; j < k; ++j) p[j].text.clear();
  }
}

// 2b. Low quotes OCR read for commas (before the other steps, so that
// what they log shows the comma).
void commas_from_low_quotes(std::vector<Piece>& p, RepairLog& log) {
  for (std::size_t i = 0; i < p.size(); ++i) {
    Piece& x = p[i];
    if (x.text.empty() || x.protect) continue;
    // "‚" (low single quote) after a word and before a space: a comma.
    // Not after a word of mixed case ("CWw‚"): that is itself misread.
    if (x.kind == PieceKind::other && x.text == "‚" && i > 0 && p[i - 1].kind == PieceKind::word &&
        case_shape(p[i - 1].text) != CaseShape::mixed && (i + 1 == p.size() || p[i + 1].kind == PieceKind::space)) {
      std::string w = p[i - 1].text;
      log.add(w + "‚", w + ",", "punctuation");
      x.text = ",";
      continue;
    }
    // ... and between two words, a comma whose space OCR lost ("CW‚N,"
    // for "CW, N,"): a low quote glued to the word before it opens nothing.
    if (x.kind == PieceKind::other && x.text == "‚" && i > 0 && i + 1 < p.size() && p[i - 1].kind == PieceKind::word &&
        p[i + 1].kind == PieceKind::word && case_shape(p[i - 1].text) != CaseShape::mixed) {
      const std::string& left = p[i - 1].text;
      const std::string& right = p[i + 1].text;
      std::size_t sp = left.rfind(' ');
      std::string tail = sp == std::string::npos ? left : left.substr(sp + 1);
      std::string head = right.substr(0, right.find(' '));
      log.add(tail + "‚" + head, tail + ", " + head, "punctuation");
      x.text = ", ";
      continue;
    }
  }
}

// 4. Punctuation and spaces.
void repair_punctuation(std::vector<Piece>& p, RepairLog& log, bool ocr) {
  auto word_before = [&](std::size_t i) -> std::string {
    for (std::size_t k = i; k-- > 0;)
      if (!p[k].text.empty()) return p[k].kind == PieceKind::space ? std::string() : join_text(p, chunk_range(p, k).first, k + 1);
    return {};
  };
  auto word_after = [&](std::size_t i) -> std::string {
    for (std::size_t k = i + 1; k < p.size(); ++k)
      if (!p[k].text.empty()) return p[k].kind == PieceKind::space ? std::string() : join_text(p, k, chunk_range(p, k).second);
    return {};
  };
  for (std::size_t i = 0; i < p.size(); ++i) {
    Piece& x = p[i];
    if (x.text.empty() || x.protect) continue;
    if (!ocr && x.kind != PieceKind::space) continue;  // a text layer's signs are the author's
    // A stray "=" or "_" standing alone between words.
    if (x.kind == PieceKind::other && (x.text == "=" || x.text == "_" || x.text == "__")) {
      auto [a, b] = chunk_range(p, i);
      if (a == i && b == i + 1 && i > 0 && i + 1 < p.size() && p[i - 1].kind == PieceKind::space &&
          p[i + 1].kind == PieceKind::space) {
        std::size_t before = i - 1;
        std::string left = word_before(before), right = word_after(i + 1);
        if (!left.empty() && !right.empty() && u_isalpha(static_cast<UChar32>(last_code_point(left))) && u_isalpha(first_cp(right))) {
          log.add(left + " " + x.text + " " + right, left + " " + right, "punctuation");
          p[before].text.clear();
          x.text.clear();
          continue;
        }
      }
    }
    // "_" glued to a word: "_sectoroverschrijdende".
    if (x.kind == PieceKind::other && x.text.find_first_not_of('_') == std::string::npos) {
      bool next_word = i + 1 < p.size() && p[i + 1].kind == PieceKind::word;
      bool prev_word = i > 0 && p[i - 1].kind == PieceKind::word;
      if (next_word || prev_word) {
        auto [a, b] = chunk_range(p, i);
        std::string from = join_text(p, a, b);
        std::string keep = x.text;
        x.text.clear();
        std::string to = join_text(p, a, b);
        if (has_letter(to)) {
          log.add(from, to, "punctuation");
          continue;
        }
        x.text = keep;
      }
    }
    // An opening quote glued to the word before it: "over‘sociaal".
    if (x.kind == PieceKind::other && (x.text == "‘" || x.text == "“" || x.text == "„") && i > 0 && i + 1 < p.size() &&
        p[i - 1].kind == PieceKind::word && !p[i - 1].text.empty() && p[i + 1].kind == PieceKind::word &&
        letters(p[i + 1].text) >= 2) {
      // Logged with the nearest word on each side (a split run-on may have
      // made either side several words).
      const std::string& left = p[i - 1].text;
      const std::string& right = p[i + 1].text;
      std::size_t sp = left.rfind(' ');
      std::string tail = sp == std::string::npos ? left : left.substr(sp + 1);
      std::string head = right.substr(0, right.find(' '));
      log.add(tail + x.text + head, tail + " " + x.text + head, "punctuation");
      x.text = " " + x.text;
      continue;
    }
    // Doubled spaces inside a text (not its edges).
    if (x.kind == PieceKind::space && x.text.size() > 1 && x.text.find_first_not_of(' ') == std::string::npos && i > 0 &&
        i + 1 < p.size()) {
      std::string left = word_before(i), right = word_after(i);
      if (!left.empty() && !right.empty()) {
        log.add(left + x.text + right, left + " " + right, "punctuation");
        x.text = " ";
      }
    }
  }
  if (!ocr) return;
  // Postcodes: ICU reads "145,1090" as one number; a 1-4 digit house number,
  // a comma and a 4-digit postcode before a capitalised place name is an
  // address that lost its space.
  for (std::size_t i = 0; i + 2 < p.size(); ++i) {
    Piece& x = p[i];
    if (!x.protect || x.text.size() < 6) continue;
    auto comma = x.text.find(',');
    if (comma == std::string::npos || comma == 0 || comma > 4 || x.text.size() - comma - 1 != 4) continue;
    std::string_view left = std::string_view(x.text).substr(0, comma), right = std::string_view(x.text).substr(comma + 1);
    if (left.find_first_not_of("0123456789") != std::string_view::npos ||
        right.find_first_not_of("0123456789") != std::string_view::npos || right[0] == '0')
      continue;
    if (p[i + 1].kind != PieceKind::space || p[i + 2].kind != PieceKind::word || case_shape(p[i + 2].text) != CaseShape::capitalised)
      continue;
    std::string from = x.text;
    x.text = std::string(left) + ", " + std::string(right);
    log.add(from + " " + p[i + 2].text, x.text + " " + p[i + 2].text, "punctuation");
  }
}


}  // namespace overleg
