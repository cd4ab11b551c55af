// Roles: what each block is (title, series label, date line, participants,
// agenda, standing description, label, aside, section heading, Save-the-date
// box, running header, footer, page number, body text), decided by weighing
// the evidence layout measured (type size rank on page 1, nearness to the
// title, a narrow edge column, the page margins, repeats) together with the
// block's words (cues in dictionaries/rules/cues.tsv and sections.tsv) and
// the order things come in. Sets Block::role and Block::why.
// Pure function over values; thread-safe.
#pragma once

#include <vector>

#include "model/block.h"

namespace overleg {

/// Gives every block of a document (in reading order) its role.
void assign_roles(std::vector<Block>& blocks);

}  // namespace overleg
