// Normalise: block text as layout left it (lines separated by '\n') ->
// clean single-line text per record.md: NFC; no U+FFFD, private-use code
// points, soft hyphens or ligature code points; white space folded; line
// breaks joined, a line-end hyphen removed when it only split the word and
// kept when the word is written with it -- decided with the Dutch lexicon.
// Pure functions; thread-safe (the lexicon is read-only).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/block.h"

namespace overleg {

class Lexicon;
class DocumentWords;

/// Cleans code points and white space of `text` (line breaks kept).
std::string clean_text(std::string_view text);

/// Joins `first` (ending in a hyphen) and `second` (the next line's first
/// word): "inter-"+"ventie" -> "interventie", "re-"+"integratie" ->
/// "re-integratie", "Zuid-"+"Oost" -> "Zuid-Oost"; the decision is
/// line_end_hyphen.h's. `lexicon` and `document` (the document's own words) may be null.
std::string join_hyphenated(std::string_view first, std::string_view second, const Lexicon* lexicon,
                            const DocumentWords* document = nullptr);

/// clean_text, then the lines joined into one (see join_hyphenated).
std::string normalise_text(std::string_view text, const Lexicon* lexicon, const DocumentWords* document = nullptr);

/// The lines of cleaned text (clean_text's output) joined into one.
std::string join_lines(std::string_view clean, const Lexicon* lexicon, const DocumentWords* document = nullptr);

/// normalise_text on every block's text and table cell, with the words of
/// all the blocks as the document's own spelling.
void normalise_blocks(std::vector<Block>& blocks, const Lexicon* lexicon);

}  // namespace overleg
