// Small capitals in OCR'd text: Tesseract reads a line set in small caps as
// capitals ("MONITORING VAN DE BEHOEFTEN"); lower_small_capitals gives it
// back its written case from the words' heights. Pure; thread-safe. Used by
// the OCR module (extract/tesseract/) on every page it reads.
#pragma once

#include <string>
#include <vector>

namespace overleg {

/// A word as OCR placed it: its text, its box's top and bottom (pixels, y
/// down) and the index of its text line.
struct OcrWordShape {
  std::string text;
  int top = 0, bottom = 0;
  int line = 0;
};

/// Lowers the small capitals of every small-caps line of `words` (in reading
/// order, a line's words together): a word that starts with a full capital
/// keeps it, the rest of its letters and every word of small capitals only
/// go to lower case. Any other line is left as it is.
void lower_small_capitals(std::vector<OcrWordShape>& words);

}  // namespace overleg
