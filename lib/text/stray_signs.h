// Stray signs: what OCR makes of bullets, rules and spacing -- a bullet
// glyph read as "@", "e", "«" or "©" at a text's start, a lone "=" or "_"
// between words, "_" glued to a word, a low quote for a comma, an opening
// quote glued to the word before it, doubled spaces, a postcode that lost its
// space -- removed or mended, each change logged with rule "punctuation".
// Pure functions over the pieces; thread-safe.
#pragma once

#include <vector>

#include "text/pieces.h"
#include "text/repair_log.h"

namespace overleg {

/// Low quotes OCR read for commas: "CW‚ ZO" -> "CW, ZO", "CW‚N" -> "CW, N"
/// (not after a word of mixed case, itself misread). OCR'd text only.
void commas_from_low_quotes(std::vector<Piece>& p, RepairLog& log);

/// Bullet glyphs left at the start of a text ("@ algemene" -> "algemene").
void strip_leading_bullets(std::vector<Piece>& p, RepairLog& log);

/// Stray punctuation and spaces between and around words. `ocr`: the text
/// is OCR'd; otherwise (a text layer) only doubled spaces are mended.
void repair_punctuation(std::vector<Piece>& p, RepairLog& log, bool ocr);

}  // namespace overleg
