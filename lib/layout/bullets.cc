#include "layout/bullets.h"

#include <array>
#include <cctype>

namespace overleg {
namespace {

// Glyphs that typesetters use for list bullets (UTF-8).
constexpr std::array<std::string_view, 20> kGlyphs = {
    "•", "▪", "◦", "●", "○", "■", "□", "▫", "‣", "⁃", "–", "—", "-", "›", "»", "·", "➢", "➤", "✓", "*"};
// What Tesseract makes of a small bullet in a scan.
constexpr std::array<std::string_view, 9> kOcrGuesses = {"@", "e", "«", "©", "®", ".", "o", "°", "¢"};

}  // namespace

BulletKind bullet_kind(std::string_view word) {
  for (auto g : kGlyphs)
    if (word == g) return BulletKind::glyph;
  // "1." "12)" "a)" as a marker of its own.
  if (word.size() >= 2 && word.size() <= 3 && (word.back() == '.' || word.back() == ')')) {
    std::string_view head = word.substr(0, word.size() - 1);
    bool digits = !head.empty();
    for (char c : head) digits = digits && std::isdigit(static_cast<unsigned char>(c));
    if (digits) return BulletKind::number;
    if (head.size() == 1 && word.back() == ')' && std::islower(static_cast<unsigned char>(head[0])))
      return BulletKind::number;
  }
  for (auto g : kOcrGuesses)
    if (word == g) return BulletKind::ocr_guess;
  // Tesseract also reads a bullet as a little run of signs: "*_", "»", "e.".
  if (!word.empty() && word.size() <= 3) {
    bool signs = true;
    for (char c : word) signs = signs && std::string_view("*_.\'`,~-").find(c) != std::string_view::npos;
    if (signs && word != "." && word != "-") return BulletKind::ocr_guess;
  }
  return BulletKind::none;
}

std::size_t glued_ocr_bullet_length(std::string_view word) {
  // "*_Follow-up": a misread bullet glued to the first word.
  for (std::string_view g : {"*_", "*", "•", "«", "©", "®", "@"}) {
    if (word.size() > g.size() + 1 && word.substr(0, g.size()) == g) {
      std::size_t n = g.size();
      while (n < word.size() && (word[n] == '_' || word[n] == ' ')) ++n;
      unsigned char next = static_cast<unsigned char>(word[n]);
      if (n < word.size() && (std::isalpha(next) || next >= 0x80)) return n;
    }
  }
  return 0;
}

std::size_t glued_bullet_length(std::string_view word) {
  for (auto g : kGlyphs) {
    if (g == "-" || g == "*" || g == "–" || g == "—") continue;  // these glue into real words
    if (word.size() > g.size() && word.substr(0, g.size()) == g) {
      std::size_t n = g.size();
      // A non-breaking space or a replacement char often sits between.
      for (std::string_view sep : {"\u00a0", "\ufffd", " "})
        while (word.substr(n, sep.size()) == sep) n += sep.size();
      return n < word.size() ? n : 0;
    }
  }
  return 0;
}

}  // namespace overleg
