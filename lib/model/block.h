// Block: a run of lines that belong together (a heading, a paragraph, a list
// item, a table...), with the page region it sits in. Layout makes blocks in
// reading order; normalise turns their line-broken text into clean strings;
// segment groups them into the record's sections. Plain value type.
#pragma once

#include <string>
#include <vector>

#include "model/geometry.h"

namespace overleg {

/// The part of the flyer a block sits in. Only `body` blocks become sections.
enum class Region {
  band,            ///< the coloured top band: series, title, date
  sidebar,         ///< participants, the standing description, agenda
  body,            ///< the report's text columns
  save_the_date,   ///< the announcement box
  running_header,  ///< a repeated line at the top of later pages
  footer,          ///< sponsor lines, contacts, page numbers
};

enum class BlockKind { heading, subheading, paragraph, list_item, table };

const char* to_string(Region region);
const char* to_string(BlockKind kind);

struct Block {
  BlockKind kind = BlockKind::paragraph;
  Region region = Region::body;
  /// Text with a '\n' at each line break of the page; normalise joins the
  /// lines (deciding about line-end hyphens) and leaves single-line text.
  std::string text;
  /// Table cells (kind == table), each cell's text like `text` above.
  std::vector<std::vector<std::string>> rows;
  int level = 0;          ///< list nesting, 1 = top level (list items only)
  int page = 0;           ///< 1-based page where the block starts
  Rect bbox;              ///< on `page`
  double font_size = 0;   ///< dominant font size of the block's words
  bool bold = false;      ///< most of the block's letters are bold
  Rect last_line;         ///< extent of the last line (to join text across breaks)
};

}  // namespace overleg
