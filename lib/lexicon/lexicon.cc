#include "lexicon/lexicon.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "util/own_files.h"
#include "util/text.h"

namespace overleg {

namespace fmt = lexicon_format;

namespace {

constexpr std::string_view kRightQuote = "\xE2\x80\x99";  // ’, stored as '

// The lexicon stores apostrophes as ASCII; text has ’ (typographic) as often.
std::string_view canonical(std::string_view word, std::string& buffer) {
  if (word.find(kRightQuote) == std::string_view::npos) return word;
  buffer.assign(word);
  for (std::size_t at = 0; (at = buffer.find(kRightQuote, at)) != std::string::npos; ++at) buffer.replace(at, 3, "'");
  return buffer;
}

// `word` with its first code point lower-cased ("Zorg" -> "zorg"), or empty
// when that changes nothing.
std::string first_lowered(std::string_view word) {
  int32_t i = 0, n = static_cast<int32_t>(word.size());
  UChar32 c;
  U8_NEXT(word.data(), i, n, c);
  if (c < 0) return {};
  UChar32 lower = u_tolower(c);
  if (lower == c) return {};
  char buf[4];
  int32_t len = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buf), len, 4, lower, error);
  if (error) return {};
  return std::string(buf, len) + std::string(word.substr(i));
}

Failure missing(const std::string& path, const std::string& why) {
  return Failure{ErrorKind::missing_data,
                 Diagnostic{"lexicon_missing", path, 0, "cannot use the lexicon " + path + ": " + why}};
}

// The compiled lexicon, mapped read-only. Lookups are binary searches over
// the sorted word pool: no start-up work beyond mmap, and the pages the
// searches touch are shared between processes through the page cache.
class MappedLexicon final : public Lexicon {
 public:
  MappedLexicon(void* base, std::size_t bytes, std::string language)
      : base_(base), bytes_(bytes), language_(std::move(language)) {
    const char* b = static_cast<const char*>(base);
    const auto* h = reinterpret_cast<const fmt::FileHeader*>(b);
    count_ = h->word_count;
    offsets_ = reinterpret_cast<const std::uint32_t*>(b + h->offsets_at);
    info_ = reinterpret_cast<const std::uint16_t*>(b + h->info_at);
    pool_ = b + h->pool_at;
    rev_count_ = h->rev_count;
    rev_offsets_ = reinterpret_cast<const std::uint32_t*>(b + h->rev_offsets_at);
    rev_pool_ = b + h->rev_pool_at;
  }
  ~MappedLexicon() override { munmap(base_, bytes_); }
  MappedLexicon(const MappedLexicon&) = delete;
  MappedLexicon& operator=(const MappedLexicon&) = delete;

  bool contains(std::string_view word) const override { return find(word) >= 0; }

  bool contains_any_case(std::string_view word) const override {
    if (contains(word)) return true;
    std::string first = first_lowered(word);
    if (!first.empty() && contains(first)) return true;
    std::string lower = to_lower(word);
    return lower != word && lower != first && contains(lower);
  }

  std::uint32_t frequency(std::string_view word) const override { return info(word).zipf20; }

  std::size_t size() const override { return count_; }
  std::string_view language() const override { return language_; }

  Info info(std::string_view word) const override {
    long i = find(word);
    if (i < 0) return {};
    std::uint16_t v = info_[i];
    return Info{true, static_cast<std::uint8_t>(v & 0xFF), static_cast<std::uint8_t>(v >> 8)};
  }

  bool begins_longer_word(std::string_view text, std::size_t extra) const override {
    return any_with_prefix(text, extra, count_, [this](std::uint32_t i) { return word(i); });
  }

  bool ends_longer_word(std::string_view text, std::size_t extra) const override {
    std::u32string cps = to_u32(text);
    std::string reversed = to_utf8(std::u32string(cps.rbegin(), cps.rend()));
    return any_with_prefix(reversed, extra, rev_count_, [this](std::uint32_t i) { return rev_word(i); });
  }

  void for_each_prefix(std::string_view text, std::size_t min_length,
                       const std::function<void(std::size_t)>& fn) const override {
    // Narrow [lo, hi) to the words that start with text[0, k) as k grows:
    // one lower and one upper bound per byte, within the previous range.
    std::uint32_t lo = 0, hi = count_;
    for (std::size_t k = 1; k <= text.size() && lo < hi; ++k) {
      std::string_view prefix = text.substr(0, k);
      std::uint32_t a = lo, b = hi;
      while (a < b) {  // first word >= prefix
        std::uint32_t m = a + (b - a) / 2;
        if (word(m) < prefix) a = m + 1; else b = m;
      }
      lo = a;
      b = hi;
      while (a < b) {  // first word that does not start with prefix
        std::uint32_t m = a + (b - a) / 2;
        if (word(m).substr(0, k) <= prefix) a = m + 1; else b = m;
      }
      hi = a;
      if (lo < hi && k >= min_length && word(lo).size() == k) fn(k);
    }
  }

 private:
  std::string_view word(std::uint32_t i) const { return {pool_ + offsets_[i], offsets_[i + 1] - offsets_[i]}; }

  std::string_view rev_word(std::uint32_t i) const {
    return {rev_pool_ + rev_offsets_[i], rev_offsets_[i + 1] - rev_offsets_[i]};
  }

  // Is there, among `n` sorted words, one that starts with `prefix` and is
  // at least `extra` bytes longer? The words with that prefix are a range
  // that begins at the prefix's lower bound.
  template <class WordAt>
  bool any_with_prefix(std::string_view prefix, std::size_t extra, std::uint32_t n, WordAt at) const {
    std::uint32_t a = 0, b = n;
    while (a < b) {
      std::uint32_t m = a + (b - a) / 2;
      if (at(m) < prefix) a = m + 1; else b = m;
    }
    for (std::uint32_t i = a; i < n && i < a + 64; ++i) {  // the first few suffice in practice
      std::string_view w = at(i);
      if (w.substr(0, prefix.size()) != prefix) return false;
      if (w.size() >= prefix.size() + extra) return true;
    }
    return false;
  }

  long find(std::string_view w) const {
    std::string buffer;
    w = canonical(w, buffer);
    std::uint32_t a = 0, b = count_;
    while (a < b) {
      std::uint32_t m = a + (b - a) / 2;
      int c = word(m).compare(w);
      if (c == 0) return m;
      if (c < 0) a = m + 1; else b = m;
    }
    return -1;
  }

  void* base_;
  std::size_t bytes_;
  std::string language_;
  std::uint32_t count_ = 0;
  const std::uint32_t* offsets_ = nullptr;
  const std::uint16_t* info_ = nullptr;
  const char* pool_ = nullptr;
  std::uint32_t rev_count_ = 0;
  const std::uint32_t* rev_offsets_ = nullptr;
  const char* rev_pool_ = nullptr;
};

}  // namespace

Lexicon::Info Lexicon::info(std::string_view word) const {
  if (!contains(word)) return {};
  std::uint32_t f = frequency(word);
  return Info{true, static_cast<std::uint8_t>(f > 255 ? 255 : f), fmt::kGeneral};
}

void Lexicon::for_each_prefix(std::string_view text, std::size_t min_length,
                              const std::function<void(std::size_t)>& fn) const {
  for (std::size_t k = std::max<std::size_t>(min_length, 1); k <= text.size(); ++k)
    if (contains(text.substr(0, k))) fn(k);
}

bool Lexicon::begins_longer_word(std::string_view, std::size_t) const { return false; }
bool Lexicon::ends_longer_word(std::string_view, std::size_t) const { return false; }

Result<std::shared_ptr<const Lexicon>> Lexicon::load(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return missing(path, std::strerror(errno));
  struct stat st {};
  if (fstat(fd, &st) != 0 || st.st_size < static_cast<off_t>(sizeof(fmt::FileHeader))) {
    ::close(fd);
    return missing(path, "not a compiled lexicon (too short)");
  }
  std::size_t bytes = static_cast<std::size_t>(st.st_size);
  void* base = mmap(nullptr, bytes, PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);  // the mapping keeps the file
  if (base == MAP_FAILED) return missing(path, std::strerror(errno));
  // Check the header and that every section lies inside the file, so that a
  // truncated or foreign file fails here and not in a lookup.
  const auto* h = static_cast<const fmt::FileHeader*>(base);
  const char* why = nullptr;
  std::uint64_t n = h->word_count;
  if (std::memcmp(h->magic, fmt::kMagic, sizeof fmt::kMagic) != 0) {
    why = "not a compiled lexicon (bad magic; rebuild with dictionaries/mklex)";
  } else if (h->file_size != bytes || h->offsets_at + 4 * (n + 1) > bytes || h->info_at + 2 * n > bytes ||
             h->pool_at + h->pool_size > bytes || h->offsets_at % 4 != 0 || h->info_at % 2 != 0 ||
             h->rev_offsets_at + 4 * (std::uint64_t(h->rev_count) + 1) > bytes || h->rev_offsets_at % 4 != 0 ||
             h->rev_pool_at + h->rev_pool_size > bytes) {
    why = "truncated or inconsistent compiled lexicon";
  } else {
    const auto* offsets = reinterpret_cast<const std::uint32_t*>(static_cast<const char*>(base) + h->offsets_at);
    const auto* rev = reinterpret_cast<const std::uint32_t*>(static_cast<const char*>(base) + h->rev_offsets_at);
    if (offsets[n] != h->pool_size || rev[h->rev_count] != h->rev_pool_size) why = "inconsistent word offsets";
  }
  if (why) {
    munmap(base, bytes);
    return missing(path, why);
  }
  // The language is the file's name: "fr.lex" is French; a lexicon not
  // named by a language code ("custom.lex") is taken as Dutch, as before.
  std::string stem = std::filesystem::path(path).stem().string();
  bool code = stem.size() == 2 && std::islower(static_cast<unsigned char>(stem[0])) &&
              std::islower(static_cast<unsigned char>(stem[1]));
  return std::shared_ptr<const Lexicon>(std::make_shared<MappedLexicon>(base, bytes, code ? stem : "nl"));
}

std::string Lexicon::default_path() {
  if (const char* dir = std::getenv("OVERLEG_DATA_DIR"); dir && *dir) return std::string(dir) + "/nl.lex";
  // <bindir>/../share/overleg when installed, <bindir>/data in a build tree
  // (build/overleg), <bindir>/../data for the test binary (build/tests/).
  std::error_code ec;
  const auto places = beside_binary("nl.lex", {OVERLEG_DATA_FROM_BINDIR, "data", "../data"});
  for (const auto& place : places)
    if (std::filesystem::exists(place, ec)) return place.string();
  return places.empty() ? std::string("nl.lex") : places.front().string();
}

// Every language's lexicon lives beside the Dutch one: one lookup of the
// data folder (default_path()) serves them all.
std::string Lexicon::default_path(std::string_view lang) {
  return (std::filesystem::path(default_path()).parent_path() / (std::string(lang) + ".lex")).string();
}

Result<std::shared_ptr<const Lexicon>> Lexicon::load_language(std::string_view lang) {
  return load(default_path(lang));
}

}  // namespace overleg
