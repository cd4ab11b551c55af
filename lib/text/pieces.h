// Pieces: the repair stage's view of a text. The text is cut at white space
// into chunks, and each chunk at ICU word boundaries into words and other
// pieces (punctuation, numbers), so that every piece can be changed alone and
// the text rebuilt by concatenation: an unchanged text is rebuilt byte for
// byte. Also the questions the repair passes ask about a piece's
// neighbourhood (sentence start, hyphens, the chunk around it). Pure
// functions over values; thread-safe (ICU's word breaker is one per thread).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "lexicon/spelling.h"

namespace overleg {

enum class PieceKind { space, word, other };

/// One piece of a text: white space, a word, or anything else.
struct Piece {
  PieceKind kind = PieceKind::other;
  std::string text;
  bool protect = false;  ///< URL, e-mail, number: never changed
  int chunk = 0;         ///< index of its white-space-separated chunk (-1 for spaces)
};

/// `text` cut into pieces; rebuild(tokenize(t)) == t.
std::vector<Piece> tokenize(std::string_view text);
/// The pieces' texts, concatenated.
std::string rebuild(const std::vector<Piece>& pieces);

/// The first code point of `s` (-1 when empty or ill-formed).
int first_cp(std::string_view s);
/// Does `s` hold a letter / an ASCII digit?
bool has_letter(std::string_view s);
bool has_digit(std::string_view s);
/// Number of letters in `s`.
std::size_t letters(std::string_view s);

/// Does piece i begin a sentence (or the text)? Then a capital is no sign of a name.
bool starts_sentence(const std::vector<Piece>& pieces, std::size_t i);
/// Is `s` a hyphen ("-" or U+2010) or does it begin with one?
bool is_hyphen(std::string_view s);
/// What spelling needs to know about where word i stands (before a hyphen?).
SpellingContext context_of(const std::vector<Piece>& pieces, std::size_t i);
/// Is piece i a short hyphen piece (between two words, or at a chunk's end)?
bool hyphen_between(const std::vector<Piece>& p, std::size_t i);

/// The pieces [a, b) of the chunk around piece i (the white-space-separated word).
std::pair<std::size_t, std::size_t> chunk_range(const std::vector<Piece>& p, std::size_t i);
/// The text of pieces [a, b).
std::string join_text(const std::vector<Piece>& p, std::size_t a, std::size_t b);
/// The first piece at or after i whose text is not empty (p.size() if none).
std::size_t next_nonempty(const std::vector<Piece>& p, std::size_t i);
/// The pieces [a, b) that hyphens join to word i ("Diogenes-syndroont"): a
/// repair is logged with all of it, as the record's words are white-space words.
std::pair<std::size_t, std::size_t> hyphen_span(const std::vector<Piece>& p, std::size_t i);

}  // namespace overleg
