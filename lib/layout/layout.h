// Layout: positioned words of all pages -> blocks in reading order, each with
// its kind (heading, paragraph, list item, table...) and the flyer region it
// sits in (band, sidebar, body, Save the date box, header, footer). Works the
// same on text-layer and OCR'd pages: it only looks at boxes.
// Pure function over values; thread-safe.
#pragma once

#include <vector>

#include "model/block.h"
#include "model/page.h"

namespace overleg {

/// The document's blocks in reading order: page by page, region by region.
/// A paragraph or list item broken by a column or page break is one block.
std::vector<Block> lay_out(const std::vector<Page>& pages);

/// The body text size: the font size that carries the most letters.
double body_font_size(const std::vector<Page>& pages);

}  // namespace overleg
