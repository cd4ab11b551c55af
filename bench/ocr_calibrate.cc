// Calibrates the OCR engine's font-size and bold estimates against a text
// layer: each PDF of a pair is the text-layer original, the other the same
// pages as pixels (its scan, or itself rendered). OCR words are matched to
// text-layer words (same text, centres within 8 points) and the driver prints
//   - the median ratio text-layer size / OCR line height (the engine's
//     kDefaultSizePerLineHeight) and its spread per document;
//   - bold lines (by the text layer's font names) against the engine's
//     estimate: lines taken for bold that are not, bold lines missed.
// Built with the other bench programs (cmake -DOVERLEG_BUILD_BENCH=ON):
//   build/bench/ocr_calibrate ../shared/eval/dev/seed000.pdf ../shared/eval/dev/seed000-scan.pdf ...
// (pairs: TEXT.pdf PIXELS.pdf; the same file twice measures clean rendering).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "extract/pdf_source.h"
#include "extract/tesseract_engine.h"

using namespace overleg;

namespace {

std::string read_file(const char* path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

double median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::nth_element(v.begin(), v.begin() + v.size() / 2, v.end());
  return v[v.size() / 2];
}

// The value of `key` in the engine's "ocr:lh=..:xh=..:..:line=N" annotation.
double field(const std::string& font, const std::string& key) {
  auto at = font.find(":" + key + "=");
  return at == std::string::npos ? -1 : std::atof(font.c_str() + at + key.size() + 2);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3 || argc % 2 == 0) {
    std::fprintf(stderr, "usage: %s TEXT.pdf PIXELS.pdf [TEXT.pdf PIXELS.pdf ...]\n", argv[0]);
    return 2;
  }
  TesseractOptions options;
  options.annotate_measurements = true;
  auto engine = make_tesseract_engine(options);
  if (!engine) {
    std::fprintf(stderr, "%s\n", engine.failure().diagnostic.message.c_str());
    return 3;
  }
  std::vector<double> all_ratios;
  int bold_lines = 0, bold_missed = 0, regular_lines = 0, regular_taken = 0;
  for (int a = 1; a + 1 < argc; a += 2) {
    auto text = open_pdf(argv[a], read_file(argv[a]));
    auto pixels = open_pdf(argv[a + 1], read_file(argv[a + 1]));
    if (!text || !pixels) {
      std::fprintf(stderr, "cannot open %s or %s\n", argv[a], argv[a + 1]);
      continue;
    }
    std::vector<double> ratios;
    int words = 0, matched = 0;
    for (int i = 0; i < text.value()->page_count() && i < pixels.value()->page_count(); ++i) {
      Page layer = text.value()->text_page(i);
      auto image = pixels.value()->render(i, 300);
      if (!image) continue;
      auto ocr = engine.value()->recognise(image.value());
      if (!ocr) continue;
      // line -> (bold words by the text layer, matched words, OCR's verdict)
      std::map<int, std::pair<int, int>> truth;
      std::map<int, bool> verdict;
      words += static_cast<int>(ocr->boxes.size());
      for (const Box& o : ocr->boxes) {
        const Box* best = nullptr;
        double best_d = 8;
        for (const Box& t : layer.boxes) {
          if (t.text != o.text) continue;
          double d = std::hypot(t.bbox.center_x() - o.bbox.center_x(), t.bbox.center_y() - o.bbox.center_y());
          if (d < best_d) best_d = d, best = &t;
        }
        if (!best) continue;
        ++matched;
        double lh = field(o.font, "lh");
        if (lh > 0) ratios.push_back(best->size / lh);
        int line = static_cast<int>(field(o.font, "line"));
        truth[line].first += best->bold;
        truth[line].second += 1;
        verdict[line] = o.bold;
      }
      for (auto& [line, counts] : truth) {
        bool bold = 2 * counts.first >= counts.second;
        if (bold) {
          ++bold_lines;
          bold_missed += !verdict[line];
        } else {
          ++regular_lines;
          regular_taken += verdict[line];
        }
      }
    }
    std::vector<double> sorted = ratios;
    std::sort(sorted.begin(), sorted.end());
    auto q = [&](double p) { return sorted.empty() ? 0 : sorted[static_cast<std::size_t>(p * (sorted.size() - 1))]; };
    std::printf("%-45s words %4d matched %4d  size/line-height median %.3f (10%% %.3f, 90%% %.3f)\n", argv[a + 1],
                words, matched, median(ratios), q(0.1), q(0.9));
    all_ratios.insert(all_ratios.end(), ratios.begin(), ratios.end());
  }
  std::printf("all: size/line-height median %.3f; bold lines %d, missed %d; regular lines %d, taken for bold %d\n",
              median(all_ratios), bold_lines, bold_missed, regular_lines, regular_taken);
}
