// Fuzz target: the OCR-repair stage on any bytes, with the compiled Dutch
// lexicon (without it there is nothing to repair with: the input is skipped).
#include <cstdint>
#include <memory>
#include <string>

#include "fuzz_input.h"
#include "lexicon/lexicon.h"
#include "text/repair.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const overleg::Lexicon* lex = overleg::fuzz::lexicon();
  if (!lex || size == 0) return 0;
  overleg::RepairOptions options;
  options.ocr = data[0] & 1;
  std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
  (void)overleg::repair_text(text, 1, *lex, options);
  return 0;
}
