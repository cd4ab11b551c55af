// lexicon_bench: the load time of the compiled lexicon (target < 20 ms) and
// the throughput of the repair stage in words per second.
//
//   lexicon_bench [--lexicon nl.lex] [--ocr] [TEXT_FILE...]
//
// Each text file is repaired line by line, as `overleg repair` does (e.g.
// Tesseract's output of a scan: ../shared/seeds/003_*.txt). Without files it
// repairs a built-in paragraph with the errors of a poor scan.
// Build: add_executable(lexicon_bench bench/lexicon_bench.cc) linked with
// overleg_lib, or see dictionaries/README.md.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "lexicon/lexicon.h"
#include "text/repair.h"

using namespace overleg;
using Clock = std::chrono::steady_clock;

namespace {

constexpr const char* kSample =
    "Het team wetenschappelijk ondersteuning van Brusano heeftzijnwerkover gepresenteerd. Betere coérdinatie: "
    "het is belangrik om bruggen te slaan tussen hulpverleners, bijvoorbeeld door overlegvergaderingen. "
    "Mobilisatie = van  middelen: buurtbemiddelaars, diensten waar een luisterend oor wordt geboden. "
    "Ondersteuning thuis en -huip, de verwijzingstijnen, aanpassen vande houding om eenvertrouwensband met "
    "geisoleerde mensen op te bouwen. Tijdens de gesprekken over ambulante en thuisbegeleiding kwamen "
    "transversale aandachtspunten naar boven, zoals de toegang tot zorg voor begunstigden die zich niet bewust "
    "zijn van hun problemen, geen hulp vragen of moeîte hebben om hun eerstelijns hulpverlener los te laten.";

double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

std::size_t count_words(const std::string& s) {
  std::size_t n = 0;
  bool in = false;
  for (char c : s) {
    bool space = c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '\r';
    if (!space && !in) ++n;
    in = !space;
  }
  return n;
}

}  // namespace

int main(int argc, char** argv) {
  std::string path = Lexicon::default_path();
  RepairOptions options;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--lexicon" && i + 1 < argc) path = argv[++i];
    else if (a == "--ocr") options.ocr = true;
    else files.push_back(a);
  }

  // Load time: the first load (page cache warm or not) and the median of 50.
  auto t0 = Clock::now();
  auto first = Lexicon::load(path);
  double first_ms = ms_since(t0);
  if (!first) {
    std::cerr << first.failure().diagnostic.to_line() << "\n";
    return 4;
  }
  std::vector<double> loads;
  for (int i = 0; i < 50; ++i) {
    auto t = Clock::now();
    auto lex = Lexicon::load(path);
    // One look-up, so that a lazy loader cannot cheat.
    volatile bool found = lex && lex.value()->contains("gezondheid");
    (void)found;
    loads.push_back(ms_since(t));
  }
  std::sort(loads.begin(), loads.end());
  const Lexicon& lex = *first.value();
  std::printf("lexicon: %s, %zu words\n", path.c_str(), lex.size());
  std::printf("load: first %.3f ms, median %.3f ms, max %.3f ms (target < 20 ms)\n", first_ms, loads[loads.size() / 2],
              loads.back());

  std::vector<std::string> lines;
  if (files.empty()) {
    lines.assign(1, kSample);
  } else {
    for (const auto& f : files) {
      std::ifstream in(f);
      if (!in) {
        std::cerr << f << ": cannot read\n";
        return 3;
      }
      std::string line;
      while (std::getline(in, line)) lines.push_back(line);
    }
  }
  std::size_t words = 0;
  for (const auto& l : lines) words += count_words(l);
  // Warm up once (page faults, ICU data), then time enough rounds for a
  // second of work or at least 3 rounds.
  std::size_t repairs = 0;
  for (const auto& l : lines) repairs += repair_text(l, 1, lex, options).repairs.size();
  int rounds = 0;
  auto t = Clock::now();
  do {
    for (const auto& l : lines) repair_text(l, 1, lex, options);
    ++rounds;
  } while (ms_since(t) < 1000 || rounds < 3);
  double seconds = ms_since(t) / 1000.0;
  std::printf("repair: %zu words, %zu repairs per pass, %d passes in %.2f s: %.0f words/s\n", words, repairs, rounds,
              seconds, static_cast<double>(words) * rounds / seconds);
  return 0;
}
