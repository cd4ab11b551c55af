// Broken words: a word that OCR or extraction broke in two with a space
// ("wei nig", "inschrij ving", "traditi onele") joined again, rule "join".
// Only when a half is no word and the whole is one; function words are words
// of their own. Pure function over read-only data; thread-safe.
#pragma once

#include <vector>

#include "text/pieces.h"
#include "text/repair_log.h"

namespace overleg {

class Lexicon;

/// Joins the broken words among `p`, logging each join.
void join_broken_words(std::vector<Piece>& p, const Lexicon& lex, RepairLog& log);

}  // namespace overleg
