// Fuzz target: normalise (NFC, junk code points, hyphen joins) on any bytes,
// with the compiled Dutch lexicon when it is found, else without.
#include <cstdint>
#include <memory>
#include <string>

#include "fuzz_input.h"
#include "lexicon/lexicon.h"
#include "text/normalise.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  overleg::fuzz::FuzzInput in(data, size);
  std::string a = in.text(200), b = in.rest();
  (void)overleg::clean_text(a);
  (void)overleg::normalise_text(b, overleg::fuzz::lexicon());
  (void)overleg::join_hyphenated(a, b, overleg::fuzz::lexicon());
  return 0;
}
