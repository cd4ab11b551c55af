// LexiconFormat: the layout of the compiled lexicon file data/nl.lex, shared
// by its writer (dictionaries/mklex.cc, at build time) and its reader
// (lib/lexicon.cc, which maps it). Constants and plain structs only; no state.
//
// File layout (little-endian, every section 8-byte aligned):
//   FileHeader
//   offsets  uint32[word_count + 1]  start of word i in the pool; the last
//                                    entry is the pool size, so word i is
//                                    pool[offsets[i] .. offsets[i+1])
//   info     uint16[word_count]      low byte: Zipf frequency x 20 (0 = none),
//                                    high byte: WordFlag bits
//   pool     the words' UTF-8 bytes, no separators, sorted bytewise
//   rev_offsets uint32[rev_count + 1], rev_pool: the lower-case words spelt
//            backwards (by code point), sorted bytewise: for "which words end
//            in ...?" (a token that ends a longer word may be a fragment)
// Apostrophes are stored as ASCII "'" (lookups map ’ to it).
#pragma once

#include <cstdint>

namespace overleg::lexicon_format {

inline constexpr char kMagic[8] = {'O', 'V', 'L', 'E', 'X', '0', '2', '\0'};

struct FileHeader {
  char magic[8];
  std::uint32_t word_count;
  std::uint32_t reserved;
  std::uint64_t offsets_at;  ///< byte offset of the offsets array
  std::uint64_t info_at;     ///< byte offset of the info array
  std::uint64_t pool_at;     ///< byte offset of the pool
  std::uint64_t pool_size;
  std::uint64_t rev_offsets_at;  ///< byte offset of the reversed words' offsets
  std::uint64_t rev_pool_at;     ///< byte offset of the reversed words' pool
  std::uint64_t rev_pool_size;
  std::uint32_t rev_count;       ///< number of reversed (lower-case) words
  std::uint32_t reserved2;
  std::uint64_t file_size;       ///< for a truncation check
};

/// Bits of a word's flag byte.
enum WordFlag : std::uint8_t {
  kGeneral = 1,      ///< in the general word lists (OpenTaal wdutch, hunspell-nl)
  kAttested = 2,     ///< also in Tesseract's nld word list (seen in web text)
  kDomain = 4,       ///< in the field's domain lists (dictionaries/domain/)
  kFunction = 8,     ///< closed-class word: never part of a compound
  kFrequent = 16,    ///< in dictionaries/frequent-words.txt
  kParticle = 32,    ///< a function word that also begins compounds (in, aan, door...)
};

/// Zipf values are stored multiplied by this (one byte: 0 .. 12.75).
inline constexpr double kZipfScale = 20.0;

}  // namespace overleg::lexicon_format
