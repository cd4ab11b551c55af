// Headings: which section kind a heading names, from the sections.tsv of
// the document's language `lang` (util/rules.h: dictionaries/rules/<lang>/,
// the top-level tables for "nl", or a folder loaded at run time), tolerant
// of case, accents, punctuation, suffixes ("van de bevolking", "2025") and a
// damaged letter. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace overleg {

/// The length in bytes of the number a heading opens with ("2. ", "II. ",
/// "2) ", "1 ", "3.1 "), with the space after it; 0 when it has none. The
/// number is not part of the heading text.
std::size_t heading_number_length(std::string_view heading);

/// `heading` without its number ("2. Bevindingen" -> "Bevindingen").
std::string strip_heading_number(std::string_view heading);

/// "monitoring", "findings", "actions", "events" (Save the date) or "other"
/// (a heading number is ignored).
std::string heading_kind(std::string_view lang, std::string_view heading);

/// Does `text` start like a heading of `lang`'s sections.tsv (any kind,
/// "other" rows included)?
bool is_known_heading(std::string_view lang, std::string_view text);

/// How much of `text` the longest sections.tsv heading it starts with covers,
/// in folded code points; 0 when it starts with none. A heading broken over
/// two lines matches more with its second line than without it.
std::size_t known_heading_length(std::string_view lang, std::string_view text);

/// Is `text` the first words of a known heading, cut short by a line break
/// ("Gezamenlijke uit te voeren" of "... acties")?
bool is_known_heading_start(std::string_view lang, std::string_view text);

}  // namespace overleg
