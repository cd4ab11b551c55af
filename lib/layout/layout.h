// Layout: positioned words of all pages -> blocks in reading order, each with
// its typographic kind (heading, paragraph, list item, table...) and neutral
// measured properties (column, narrow edge column, above the columns, type
// size relative to the body text, repeats on every page). Geometry only: it
// knows no words; what a block is, the role stage decides. Works the same on
// text-layer and OCR'd pages: it only looks at boxes.
// Pure function over values; thread-safe.
#pragma once

#include <functional>
#include <map>
#include <string_view>
#include <vector>

#include "model/block.h"
#include "model/page.h"

namespace overleg {

/// What the words of a line say about it being a heading, for lines whose
/// type says little (scans have no bold). Layout knows no words: the caller
/// passes the role stage's heading cues; empty functions mean "no cue".
struct HeadingCue {
  std::function<bool(std::string_view)> is_heading;        ///< the line is a known heading
  std::function<bool(std::string_view)> is_heading_start;  ///< the line starts one, cut short by a break
  std::function<bool(std::string_view)> is_label;          ///< the line opens with a label ("Datum:"): a new block
  /// A known heading on one line goes on, as a longer known heading, on the next
  /// ("Gezamenlijk uit te voeren acties en" + "VOORUITZICHTEN").
  std::function<bool(std::string_view line, std::string_view next)> heading_goes_on;
};

/// The document's blocks in reading order: page by page, area by area.
/// A paragraph or list item broken by a column or page break is one block.
/// OCR lines read out of specks are left out; `speck_words` (optional)
/// receives their words by page number, for the record's left_out.
std::vector<Block> lay_out(const std::vector<Page>& pages, const HeadingCue& cue = {},
                           std::map<int, int>* speck_words = nullptr);

/// The body text size: the font size that carries the most letters.
double body_font_size(const std::vector<Page>& pages);

}  // namespace overleg
