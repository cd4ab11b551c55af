// Block paint: the neutral colour facts of a block -- the colour its
// letters are filled in, the fill it stands on (a tinted box, a colour
// bar) and whether a frame encloses it -- measured from the page's words
// and shapes (extract/pdf_paint.h). Evidence for the role stage, which
// decides what a tinted box is; layout says only what is painted.
// Pure functions; thread-safe.
#pragma once

#include <vector>

#include "model/block.h"
#include "model/page.h"

namespace overleg {

/// Sets color, background and framed of the blocks of `page` among
/// `blocks` (those with block.page == page.number).
void measure_paint(const Page& page, std::vector<Block>& blocks);

/// Is `color` so light that type on it reads as on the paper (white, or
/// within kPaperWhite of it)?
bool paper_white(Rgb color);

}  // namespace overleg
