// Roles: what each block is (title, series label, date line, participants,
// agenda, standing description, label, aside, section heading, Save-the-date
// box, running header, footer, page number, body text), decided by weighing
// the evidence layout measured (type size rank on page 1, nearness to the
// title, a narrow edge column, the page margins, repeats) together with the
// block's words (cues.tsv and sections.tsv of the document's language) and
// the order things come in. Sets Block::role and Block::why.
// Pure function over values; thread-safe.
#pragma once

#include <string_view>
#include <vector>

#include "model/block.h"

namespace overleg {

/// Gives every block of a document (in reading order) its role, with the
/// cues, headings, dates and counts of language `lang` (ISO 639-1, the
/// document's: the rule tables of util/rules.h).
void assign_roles(std::vector<Block>& blocks, std::string_view lang);

}  // namespace overleg
