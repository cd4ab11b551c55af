// Catch2 benchmarks of the block stages, so that a slow change shows in
// which stage it is (issue #13). Hidden ([!benchmark]); run them with
//   build/tests/overleg_tests "[!benchmark]"
// Input: the words of a real sample report (samples/, through poppler),
// its pages repeated until they hold exactly kWords words, so each figure is
// the time per 1,000 words. The ordinary test below checks that input, so
// that the benchmarks cannot rot unnoticed.
#include <catch2/catch.hpp>

#include "extract/pdf_source.h"
#include "layout/layout.h"
#include "pipeline.h"
#include "lexicon/lexicon.h"
#include "model/report.h"
#include "roles/cues.h"
#include "roles/headings.h"
#include "roles/roles.h"
#include "segment/segment.h"
#include "test_support.h"
#include "text/document_repair.h"
#include "text/normalise.h"

using namespace overleg;

namespace {

constexpr std::size_t kWords = 1000;

// The sample's pages, repeated and numbered on, cut to kWords boxes. With
// `ocr`, the pages say they were OCR'd, so that repair runs its OCR rules.
std::vector<Page> thousand_words(bool ocr) {
  auto pdf = open_pdf("sample", test::read_text(test::source_dir() + "/samples/gg-zuid-2025-09-25.pdf"));
  REQUIRE(pdf);
  std::vector<Page> sample;
  for (int i = 0; i < pdf.value()->page_count(); ++i) sample.push_back(pdf.value()->text_page(i));
  std::vector<Page> pages;
  std::size_t words = 0;
  while (words < kWords) {
    for (const Page& p : sample) {
      if (words >= kWords) break;
      Page copy = p;
      copy.number = static_cast<int>(pages.size()) + 1;
      if (ocr) copy.method = PageMethod::ocr;
      if (words + copy.boxes.size() > kWords) copy.boxes.resize(kWords - words);
      words += copy.boxes.size();
      pages.push_back(std::move(copy));
    }
  }
  return pages;
}

// The Dutch cues, as the pipeline gives layout for a Dutch report.
HeadingCue dutch_cue() {
  return heading_cue("nl", nullptr);
}

std::vector<Block> blocks_of(const std::vector<Page>& pages) {
  std::vector<Block> blocks = lay_out(pages, dutch_cue());
  normalise_blocks(blocks, &test::built_lexicon());
  assign_roles(blocks, "nl");
  return blocks;
}

std::size_t box_count(const std::vector<Page>& pages) {
  std::size_t n = 0;
  for (const Page& p : pages) n += p.boxes.size();
  return n;
}

}  // namespace

TEST_CASE("stage benchmarks: the input is 1,000 words of a real report", "[benchmark-input]") {
  std::vector<Page> pages = thousand_words(false);
  CHECK(box_count(pages) == kWords);
  CHECK(pages.size() >= 2);
  std::vector<Block> blocks = blocks_of(pages);
  Report report;
  segment(blocks, report);
  CHECK(report.sections.size() >= 3);  // the repeated report's sections were found
}

TEST_CASE("stage benchmarks: per 1,000 words", "[!benchmark]") {
  const std::vector<Page> text = thousand_words(false), ocr = thousand_words(true);
  const std::vector<Block> text_blocks = blocks_of(text), ocr_blocks = blocks_of(ocr);
  const Lexicon& lexicon = test::built_lexicon();

  BENCHMARK("layout") {
    return lay_out(text, dutch_cue());
  };
  BENCHMARK_ADVANCED("normalise")(Catch::Benchmark::Chronometer meter) {
    std::vector<std::vector<Block>> copies(meter.runs(), lay_out(text, dutch_cue()));
    meter.measure([&](int i) { normalise_blocks(copies[i], &lexicon); });
  };
  BENCHMARK_ADVANCED("roles")(Catch::Benchmark::Chronometer meter) {
    std::vector<std::vector<Block>> copies(meter.runs(), text_blocks);
    meter.measure([&](int i) { assign_roles(copies[i], "nl"); });
  };
  BENCHMARK_ADVANCED("repair, text layer")(Catch::Benchmark::Chronometer meter) {
    std::vector<std::vector<Block>> copies(meter.runs(), text_blocks);
    meter.measure([&](int i) { return repair_blocks(copies[i], text, lexicon); });
  };
  BENCHMARK_ADVANCED("repair, OCR'd text")(Catch::Benchmark::Chronometer meter) {
    std::vector<std::vector<Block>> copies(meter.runs(), ocr_blocks);
    meter.measure([&](int i) { return repair_blocks(copies[i], ocr, lexicon); });
  };
  BENCHMARK("segment") {
    Report report;
    segment(text_blocks, report);
    return report.sections.size();
  };
}
