// Fuzz target: the whole pipeline (open, extract, layout, normalise, repair,
// segment, record JSON) on any bytes as a document, OCR off.
#include <cstdint>
#include <memory>
#include <string>

#include "fuzz_input.h"
#include "lexicon/lexicon.h"
#include "pipeline.h"
#include "record/record.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const overleg::Lexicon* lex = overleg::fuzz::lexicon();
  overleg::ConvertOptions options;
  options.ocr = overleg::OcrMode::never;
  overleg::Converter converter(options, lex);
  auto report = converter.convert("fuzz.pdf", std::string(reinterpret_cast<const char*>(data), size));
  if (report) (void)overleg::to_json_text(report.value(), false);
  return 0;
}
