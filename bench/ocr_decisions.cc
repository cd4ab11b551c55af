// Prints the OCR decision of every page of the given PDFs (auto mode, with
// the ink image and the compiled lexicon), with the figures it is made from:
// how the thresholds in lib/extract/ocr_decision.cc were chosen, and how to check a
// new corpus for pages OCR'd without need (or text layers wrongly trusted).
// Built with the other bench programs (cmake -DOVERLEG_BUILD_BENCH=ON):
//   OVERLEG_DATA_DIR=build/data build/bench/ocr_decisions ../shared/eval/dev/*.pdf ../shared/corpus/realworld/*/*.pdf
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "lexicon/lexicon.h"
#include "extract/ocr_decision.h"
#include "extract/pdf_source.h"

using namespace overleg;

int main(int argc, char** argv) {
  auto lexicon = Lexicon::load(Lexicon::default_path());
  if (!lexicon) std::printf("(no lexicon: %s)\n", lexicon.failure().diagnostic.message.c_str());
  const Lexicon* lex = lexicon ? lexicon.value().get() : nullptr;
  for (int a = 1; a < argc; ++a) {
    std::ifstream in(argv[a], std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    auto doc = open_pdf(argv[a], bytes.str());
    if (!doc) {
      std::printf("%s: %s\n", argv[a], doc.failure().diagnostic.message.c_str());
      continue;
    }
    for (int i = 0; i < doc.value()->page_count(); ++i) {
      Page page = doc.value()->text_page(i);
      auto start = std::chrono::steady_clock::now();
      auto ink = doc.value()->render(i, ink_dpi(page.width, page.height));
      double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
      PageDecision d = decide_page_method(page, ink ? &ink.value() : nullptr, OcrMode::automatic, lex);
      std::printf(
          "%s p%d ocr=%d %s | chars %d bad %d tokens %d dutch %d odd %d ink in %ld out %ld | %s [ink %.0f ms]\n",
          argv[a], i + 1, d.ocr, d.code.c_str(), d.stats.chars, d.stats.bad_glyphs, d.stats.tokens,
          d.stats.dutch_tokens, d.stats.odd_tokens, d.stats.covered_ink, d.stats.uncovered_ink, d.reason.c_str(), ms);
    }
  }
}
