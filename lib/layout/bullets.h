// Bullets: recognising the glyph (or number) that opens a list item, as a
// text layer has it (•, ▪, –, ›, "1.") and as OCR misreads it (@, e, «, ©, ®).
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace overleg {

/// The kinds of list markers; `none` when the word is not one.
enum class BulletKind { none, glyph, number, ocr_guess };

/// What `word` is as a list marker. OCR guesses are letters or signs that a
/// bullet is often read as; callers accept them only with layout support
/// (a hanging indent).
BulletKind bullet_kind(std::string_view word);

/// If `word` starts with a bullet glyph glued to the text ("•Tekst"), the
/// length in bytes of that glyph prefix (with any space after it); else 0.
std::size_t glued_bullet_length(std::string_view word);

/// Like glued_bullet_length for the signs OCR reads a bullet as ("*_Tekst");
/// callers accept it only on OCR'd words.
std::size_t glued_ocr_bullet_length(std::string_view word);

}  // namespace overleg
