// Headings: which section kind a heading names (dictionaries/rules/
// sections.tsv), tolerant of case, accents, punctuation, suffixes ("van de
// bevolking", "2025") and a damaged letter. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace overleg {

/// "monitoring", "findings", "actions", "events" (Save the date) or "other".
std::string heading_kind(std::string_view heading);

/// Does `text` start like a heading of dictionaries/rules/sections.tsv
/// (any kind, "other" rows included)?
bool is_known_heading(std::string_view text);

/// Is `text` the first words of a known heading, cut short by a line break
/// ("Gezamenlijke uit te voeren" of "... acties")?
bool is_known_heading_start(std::string_view text);

}  // namespace overleg
