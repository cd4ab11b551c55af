// mklex: compiles the word lists of dictionaries/ (and Debian's) into the
// memory-mappable lexicon data/<lang>.lex (nl.lex, fr.lex; format:
// lib/lexicon/lexicon_format.h).
// Runs at build time; see dictionaries/CMakeLists.txt and README.md.
//
//   mklex --out FILE [--general LIST]... [--hunspell DIC]... [--attested LIST]
//         [--frequent LIST] [--function LIST] [--domain LIST]...
//
// Frequencies: there is no free Dutch or French frequency list in Debian, so a word's
// Zipf value is estimated from where it is found: the ranked list of frequent
// words (7.6 - log10 rank), the domain lists (4.0), the general lists with a
// Tesseract attestation (3.0) or without (2.0). The repair stage only ranks
// candidates and run-on splits with it, so tiers are enough.
#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <string>
#include <unordered_map>
#include <vector>

#include "lexicon/lexicon_format.h"

namespace {

using namespace overleg::lexicon_format;

struct Entry {
  double zipf = 0;
  std::uint8_t flags = 0;
};

void replace_all(std::string& s, const std::string& from, const std::string& to) {
  for (std::size_t at = 0; (at = s.find(from, at)) != std::string::npos; at += to.size()) s.replace(at, from.size(), to);
}

// One spelling for the lexicon: the ij ligature as two letters (hunspell-nl
// writes ĳ), typographic apostrophes as ASCII (the reader maps them back).
std::string canonical(std::string w) {
  replace_all(w, "\xC4\xB3", "ij");      // ĳ
  replace_all(w, "\xC4\xB2", "IJ");      // Ĳ
  replace_all(w, "\xE2\x80\x99", "'");   // ’
  return w;
}

// `w` spelt backwards by code point (UTF-8 sequences kept whole).
std::string reverse_utf8(const std::string& w) {
  std::vector<std::string> cps;
  for (std::size_t i = 0; i < w.size();) {
    std::size_t n = 1;
    unsigned char c = static_cast<unsigned char>(w[i]);
    if (c >= 0xF0) n = 4; else if (c >= 0xE0) n = 3; else if (c >= 0xC0) n = 2;
    cps.push_back(w.substr(i, n));
    i += n;
  }
  std::string out;
  for (auto it = cps.rbegin(); it != cps.rend(); ++it) out += *it;
  return out;
}

// A usable list line: comments (#...) and surrounding blanks removed.
bool clean_line(std::string& line) {
  if (auto hash = line.find('#'); hash != std::string::npos) line.erase(hash);
  while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back()))) line.pop_back();
  std::size_t start = 0;
  while (start < line.size() && std::isspace(static_cast<unsigned char>(line[start]))) ++start;
  line.erase(0, start);
  return !line.empty();
}

// Does a hunspell morphological field (" po:nom", " is:fem") start at `i`?
bool morphology_at(const std::string& line, std::size_t i) {
  auto lower = [&](std::size_t k) { return k < line.size() && line[k] >= 'a' && line[k] <= 'z'; };
  return line[i] == ' ' && lower(i + 1) && lower(i + 2) && i + 3 < line.size() && line[i + 3] == ':';
}

std::vector<std::string> read_list(const std::string& path, bool hunspell) {
  std::ifstream in(path);
  if (!in) {
    std::cerr << "mklex: cannot read " << path << "\n";
    std::exit(1);
  }
  std::vector<std::string> words;
  std::string line;
  bool first = true;
  while (std::getline(in, line)) {
    if (hunspell) {
      if (first) {  // the .dic's first line is its entry count
        first = false;
        continue;
      }
      // "word/FLAGS" or "word<TAB>morphology": keep the word only. A slash
      // escaped as "\/" belongs to the word (km\/h). hunspell-fr writes its
      // morphology after a space ("abaca po:nom"): a space before a field
      // "xx:" ends the word too (hunspell-nl has no such fields).
      std::string w;
      for (std::size_t i = 0; i < line.size(); ++i) {
        if (line[i] == '\\' && i + 1 < line.size() && line[i + 1] == '/') {
          w += '/';
          ++i;
        } else if (line[i] == '/' || line[i] == '\t' || morphology_at(line, i)) {
          break;
        } else {
          w += line[i];
        }
      }
      line = w;
    } else if (!clean_line(line)) {
      continue;
    }
    if (line.empty() || line.find(' ') != std::string::npos) continue;  // multi-word entries
    words.push_back(canonical(line));
  }
  return words;
}

}  // namespace

int main(int argc, char** argv) {
  std::string out;
  std::vector<std::string> general, hunspell, domain;
  std::string attested, frequent, function;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (i + 1 >= argc) {
      std::cerr << "mklex: " << a << " needs a value\n";
      return 2;
    }
    std::string v = argv[++i];
    if (a == "--out") out = v;
    else if (a == "--general") general.push_back(v);
    else if (a == "--hunspell") hunspell.push_back(v);
    else if (a == "--attested") attested = v;
    else if (a == "--frequent") frequent = v;
    else if (a == "--function") function = v;
    else if (a == "--domain") domain.push_back(v);
    else {
      std::cerr << "mklex: unknown option " << a << "\n";
      return 2;
    }
  }
  if (out.empty()) {
    std::cerr << "usage: mklex --out FILE [--general LIST]... [--hunspell DIC]... [--attested LIST] "
                 "[--frequent LIST] [--function LIST] [--domain LIST]...\n";
    return 2;
  }

  std::unordered_map<std::string, Entry> words;
  words.reserve(1 << 20);
  auto add = [&](const std::string& w, double zipf, std::uint8_t flags) {
    Entry& e = words[w];
    e.zipf = std::max(e.zipf, zipf);
    e.flags |= flags;
  };
  for (const auto& path : general)
    for (const auto& w : read_list(path, false)) add(w, 2.0, kGeneral);
  for (const auto& path : hunspell)
    for (const auto& w : read_list(path, true)) add(w, 2.0, kGeneral);
  if (!attested.empty()) {
    // Tesseract's list is web text with misspellings in it ("vande",
    // "geisoleerde"): it only vouches for words the general lists have.
    for (const auto& w : read_list(attested, false)) {
      auto it = words.find(w);
      if (it != words.end() && (it->second.flags & kGeneral)) {
        it->second.flags |= kAttested;
        it->second.zipf = std::max(it->second.zipf, 3.0);
      }
    }
  }
  for (const auto& path : domain)
    for (const auto& w : read_list(path, false)) add(w, 4.0, kDomain);
  if (!function.empty()) {
    // "word" or "word<TAB>particle"
    for (const auto& line : read_list(function, false)) {
      auto tab = line.find('\t');
      std::string w = line.substr(0, tab);
      bool particle = tab != std::string::npos && line.find("particle", tab) != std::string::npos;
      add(w, 4.0, static_cast<std::uint8_t>(particle ? kFunction | kParticle : kFunction));
    }
  }
  if (!frequent.empty()) {
    int rank = 0;
    for (const auto& w : read_list(frequent, false)) add(w, std::max(4.0, 7.6 - std::log10(double(++rank))), kFrequent);
  }

  std::vector<std::pair<std::string, Entry>> sorted(words.begin(), words.end());
  std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.first < b.first; });

  FileHeader h{};
  std::memcpy(h.magic, kMagic, sizeof kMagic);
  h.word_count = static_cast<std::uint32_t>(sorted.size());
  auto align8 = [](std::uint64_t x) { return (x + 7) & ~std::uint64_t(7); };
  h.offsets_at = align8(sizeof h);
  h.info_at = align8(h.offsets_at + 4ull * (sorted.size() + 1));
  h.pool_at = align8(h.info_at + 2ull * sorted.size());
  std::vector<std::uint32_t> offsets;
  std::vector<std::uint16_t> info;
  std::string pool;
  for (const auto& [w, e] : sorted) {
    offsets.push_back(static_cast<std::uint32_t>(pool.size()));
    int z = static_cast<int>(std::lround(e.zipf * kZipfScale));
    info.push_back(static_cast<std::uint16_t>(std::clamp(z, 0, 255) | (e.flags << 8)));
    pool += w;
  }
  offsets.push_back(static_cast<std::uint32_t>(pool.size()));
  h.pool_size = pool.size();

  // The lower-case words backwards, for suffix look-ups.
  std::vector<std::string> reversed;
  for (const auto& [w, e] : sorted) {
    if (std::any_of(w.begin(), w.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) continue;
    reversed.push_back(reverse_utf8(w));
  }
  std::sort(reversed.begin(), reversed.end());
  std::vector<std::uint32_t> rev_offsets;
  std::string rev_pool;
  for (const auto& r : reversed) {
    rev_offsets.push_back(static_cast<std::uint32_t>(rev_pool.size()));
    rev_pool += r;
  }
  rev_offsets.push_back(static_cast<std::uint32_t>(rev_pool.size()));
  h.rev_count = static_cast<std::uint32_t>(reversed.size());
  h.rev_offsets_at = align8(h.pool_at + pool.size());
  h.rev_pool_at = align8(h.rev_offsets_at + 4ull * rev_offsets.size());
  h.rev_pool_size = rev_pool.size();
  h.file_size = h.rev_pool_at + rev_pool.size();

  std::string tmp = out + ".tmp";
  std::FILE* f = std::fopen(tmp.c_str(), "wb");
  if (!f) {
    std::cerr << "mklex: cannot write " << tmp << "\n";
    return 1;
  }
  auto pad_to = [&](std::uint64_t at) {
    static const char zeros[8] = {};
    long pos = std::ftell(f);
    if (pos >= 0 && static_cast<std::uint64_t>(pos) < at) std::fwrite(zeros, 1, at - pos, f);
  };
  std::fwrite(&h, sizeof h, 1, f);
  pad_to(h.offsets_at);
  std::fwrite(offsets.data(), 4, offsets.size(), f);
  pad_to(h.info_at);
  std::fwrite(info.data(), 2, info.size(), f);
  pad_to(h.pool_at);
  std::fwrite(pool.data(), 1, pool.size(), f);
  pad_to(h.rev_offsets_at);
  std::fwrite(rev_offsets.data(), 4, rev_offsets.size(), f);
  pad_to(h.rev_pool_at);
  std::fwrite(rev_pool.data(), 1, rev_pool.size(), f);
  bool ok = std::ferror(f) == 0;
  ok = std::fclose(f) == 0 && ok;
  if (!ok || std::rename(tmp.c_str(), out.c_str()) != 0) {
    std::cerr << "mklex: cannot write " << out << "\n";
    return 1;
  }
  std::cout << "mklex: " << sorted.size() << " words -> " << out << " (" << h.file_size / 1024 << " KiB)\n";
  return 0;
}
