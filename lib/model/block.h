// Block: a run of lines that belong together (a heading, a paragraph, a list
// item, a table...). Layout makes blocks in reading order with neutral
// measured properties (page, box, column, type size relative to the body
// text, weight, whether it repeats on every page); the role stage then says
// what each block is (title, date line, participants, agenda, section
// heading, footer, ...) and why; segment reads the roles into the record.
// Plain value type; safe to copy and share.
#pragma once

#include <string>
#include <vector>

#include "model/geometry.h"
#include "model/page.h"

namespace overleg {

/// The typographic shape layout sees: a line set apart by size or weight
/// (heading, subheading), running text, a list item, a table.
enum class BlockKind { heading, subheading, paragraph, list_item, table };

/// What a block is in the report (decided by the role stage). `body` is the
/// text of a section; every other role is meeting data, an event, or text
/// the record leaves out on purpose (counted in extraction.pages[].left_out).
enum class Role {
  body,                  ///< running text of a section (paragraph, list item, subheading, table)
  section_heading,       ///< opens a section (its number is not part of the heading)
  title,                 ///< the report's title (with theme, edition)
  series,                ///< the series label ("Thematisch overleg")
  masthead,              ///< other lines of the title band ("Zorgzone Noord", a subtitle)
  date_line,             ///< the meeting's date as printed
  participants,          ///< who took part and how many
  agenda_item,           ///< one item of the meeting's agenda
  standing_description,  ///< the series' standing description ("Het thematisch overleg ... wordt georganiseerd")
  presentation_line,     ///< "Zie presentatie hier."
  label,                 ///< a label on its own ("Deelnemers", "Op de agenda", "Agenda")
  aside,                 ///< other text of a sidebar or info box
  save_the_date,         ///< the announcement box's title
  event,                 ///< an announcement of the box
  running_header,        ///< a line repeated at the top of the pages
  footer,                ///< sponsor and contact lines at the foot of a page
  page_number,           ///< a page number in the margin
};

const char* to_string(BlockKind kind);
const char* to_string(Role role);

struct Block {
  BlockKind kind = BlockKind::paragraph;
  /// Text with a '\n' at each line break of the page; normalise joins the
  /// lines (deciding about line-end hyphens) and leaves single-line text.
  std::string text;
  /// Table cells (kind == table), each cell's text like `text` above.
  std::vector<std::vector<std::string>> rows;
  int level = 0;          ///< list nesting, 1 = top level (list items only)
  /// The list marker layout took off the first line ("3.", "a)", "▪"): not
  /// part of `text`; the record counts its words as left out (list_marker).
  std::string marker;
  int page = 0;           ///< 1-based page where the block starts
  Rect bbox;              ///< on `page`
  double font_size = 0;   ///< dominant font size of the block's words
  double first_size = 0;  ///< font size of the block's first word
  bool bold = false;      ///< most of the block's letters are bold
  Rect last_line;         ///< extent of the last line (to join text across breaks)

  // Neutral measured properties (layout): evidence for the role stage.
  double rel_size = 1;         ///< font_size / the document's body text size
  double page_width = 0;       ///< of `page`, points
  double page_height = 0;
  int area = 0;                ///< index of the page area (XY-cut leaf) it came from
  int column = -1;             ///< the page's text column it sits in, left to right; -1 none
  int columns = 0;             ///< text columns on the page
  bool narrow_column = false;  ///< its column is at the page's edge and clearly narrower than the others
  bool above_columns = false;  ///< it stands above the row where the page's text columns begin
  bool spans_columns = false;  ///< it lies under the columns and reaches over two or more of them
  bool repeats = false;        ///< the same text stands at the same place on every other page
  Rgb color = kUnknownColor;   ///< the colour most of its letters are filled in (text layer; OCR: unknown)
  /// The fill of the topmost shape the whole block stands on (a tinted box,
  /// a colour bar); kUnknownColor on the paper (nothing painted under it,
  /// white, the page's own background). On OCR'd pages: the image's grey.
  Rgb background = kUnknownColor;
  bool framed = false;         ///< a stroked rectangle encloses it (a framed box)
  /// The extent of the tinted shape or frame it stands in (the innermost);
  /// empty when none. Blocks of one box report the same rectangle.
  Rect box;
  bool ocr = false;            ///< its words came from OCR

  // The role stage's verdict.
  Role role = Role::body;
  std::string why;  ///< the evidence that decided the role ("largest type on page 1")
};

}  // namespace overleg
