#include "roles/roles.h"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "roles/cues.h"
#include "roles/headings.h"
#include "roles/written_values.h"
#include "util/text.h"
#include "util/url.h"

namespace overleg {
namespace {

// The page margins, as shares of the page height (as layout's): furniture
// stands above kHeaderBottom or below kFooterTop. Measured on the dev
// flyers and samples (headers end by 5 %, footers start after 93 %).
constexpr double kHeaderBottom = 0.07;
constexpr double kFooterTop = 0.92;
// Footers are set smaller than the body text (dev flyers: 0.6–0.8); the
// running text may reach as low in body size.
constexpr double kFooterMaxRelSize = 0.95;
// A running header is at most body size (a page-2 title strip is larger).
constexpr double kHeaderMaxRelSize = 1.05;
// The title stands in the upper part of page 1 ...
constexpr double kTitleZone = 0.5;
// ... and is set clearly larger than the body text (dev titles 1.6–2.6;
// the first section heading 1.1–1.4 sits lower or is smaller) ...
constexpr double kTitleMinRelSize = 1.15;
// ... in one of a few lines: longer blocks are text, not a title.
constexpr std::size_t kTitleMaxCodePoints = 200;
// A line continues the title when its first word is set in the title's
// size (within this share: "(2024)" after the title, then the date).
constexpr double kSameSize = 0.06;
// A date line is short: "Datum: dinsdag 8 oktober 2024" is 29 code points.
constexpr std::size_t kDateLineMaxCodePoints = 40;
// The Save-the-date box's title is short ("Save the date", "Save the dates").
constexpr std::size_t kBoxTitleMaxCodePoints = 20;
// A sidebar's text is set smaller than the body text (dev sidebars: 0.56–0.7
// of it; a table's row headers beside the text: 1.0).
constexpr double kAsideMaxRelSize = 0.9;
// A masthead line (band, subtitle) has few words (seed004's subtitle: 17);
// more is text.
constexpr std::size_t kMastheadMaxWords = 25;
// Two blocks stand in the same box when its edges agree within this (points):
// layout reports the one shape's extent for each.
constexpr double kSameBox = 0.5;
// A subtitle set smaller than the text stands right under the title, within
// this many title sizes (seed004 drawn with the title under the band: 6.5 pt
// under 22 pt type, 0.3; 1.5 leaves room for looser designs, and the rule
// also needs smaller type and the block next after the title).
constexpr double kSubtitleMaxGap = 1.5;
// A section heading is a few words (dev headings: at most 8); a longer
// block in larger type is text that OCR measured large (a tall line box).
constexpr std::size_t kSectionHeadingMaxWords = 20;

double page_height(const Block& b) { return b.page_height > 0 ? b.page_height : 842; }

std::size_t word_count(const std::string& text) {
  std::size_t n = 0;
  bool in = false;
  for (unsigned char c : text) {
    bool space = std::isspace(c);
    if (!space && !in) ++n;
    in = !space;
  }
  return n;
}

void set(Block& b, Role role, const char* why) {
  b.role = role;
  b.why = why;
}

bool is_page_number(std::string_view lang, const std::string& text) {
  std::string t = trim(text);
  if (t.empty() || t.size() > 12) return false;
  // "2", "- 2 -", "2/3", "p. 2", "Pagina 2 van 3": digits and a few signs or words.
  int digits = 0;
  for (unsigned char c : t) digits += std::isdigit(c) != 0;
  if (digits == 0 || read_date(lang, t)) return false;  // "25/09/25" in the band's corner is a date
  std::string f = fold(t);
  for (std::string_view w : {"pagina ", "page ", "p "})
    if (f.rfind(w, 0) == 0) return true;
  for (unsigned char c : t)
    if (!std::isdigit(c) && c != '/' && c != '-' && c != ' ' && c != '|') return false;
  return true;
}

bool has_contact(const std::string& text) {
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find_first_of(" \n", start);
    if (end == std::string::npos) end = text.size();
    if (end > start && is_contact_word(std::string_view(text).substr(start, end - start))) return true;
    start = end + 1;
  }
  return false;
}

bool side_by_side(const Rect& a, const Rect& b) {
  return a.overlap_y(b) > 0.3 * std::min(a.height(), b.height()) && a.overlap_x(b) <= 0;
}

// 1. Furniture: page numbers, footers, running headers, by where they stand,
// their size, their words (contacts) and whether they repeat.
void mark_furniture(std::vector<Block>& blocks, std::string_view lang) {
  for (Block& b : blocks) {
    const double H = page_height(b);
    bool foot = b.bbox.y0 > kFooterTop * H, head = b.bbox.y1 < kHeaderBottom * H;
    if ((foot || head) && is_page_number(lang, b.text))
      set(b, Role::page_number, "a number alone in the page margin");
    else if (foot && b.repeats)
      set(b, Role::footer, "repeats at the foot of every page");
    else if (foot && b.rel_size < kFooterMaxRelSize)
      set(b, Role::footer, "small type at the foot of the page");
    else if (foot && has_contact(b.text))
      set(b, Role::footer, "contact line at the foot of the page");
    else if (head && (b.repeats || (b.page > 1 && b.rel_size <= kHeaderMaxRelSize)))
      set(b, Role::running_header, b.repeats ? "repeats at the top of every page" : "small line at the top of a later page");
  }
  // What stands beside a footer at the foot of the page is footer too
  // ("Met de steun van ..." left of the contact lines).
  for (Block& b : blocks)
    if (b.role == Role::body && b.bbox.y0 > kFooterTop * page_height(b))
      for (const Block& f : blocks)
        if (f.role == Role::footer && f.page == b.page && side_by_side(b.bbox, f.bbox))
          set(b, Role::footer, "beside a footer at the foot of the page");
}

bool is_box_title(std::string_view lang, const Block& b) {
  // The length first: matching folds the whole text, and most blocks asked
  // are paragraphs.
  return count_code_points(b.text) < kBoxTitleMaxCodePoints && heading_kind(lang, b.text) == "events";
}

// 2. The Save-the-date box: its title, and the announcements after it (below
// it in its width on its page, or after it in the text flow) until the next
// heading; or, where OCR lost the title, an area under the columns reaching
// over them that gives a date or a time.
void mark_events(std::vector<Block>& blocks, std::string_view lang) {
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    Block& box = blocks[i];
    if (box.role != Role::body) continue;
    bool titled = is_box_title(lang, box) || (box.kind == BlockKind::heading && heading_kind(lang, box.text) == "events");
    bool untitled = !titled && box.spans_columns && (read_date(lang, box.text) || read_time_range(lang, box.text));
    if (!titled && !untitled) continue;
    if (titled)
      set(box, Role::save_the_date, "names the Save-the-date box");
    else
      set(box, Role::event, "under the columns, over several, with a date or time");
    // The box's text: after it in reading order, below it in its width on
    // its page (what the reading order puts between, another column's
    // text, is not the box's), up to the next heading.
    for (std::size_t j = i + 1; j < blocks.size(); ++j) {
      Block& b = blocks[j];
      if (b.role != Role::body) continue;
      if (b.kind == BlockKind::heading || b.page != box.page) break;
      if (b.bbox.y0 < box.bbox.y0 - 2 || b.bbox.overlap_x(box.bbox) <= 0) continue;
      set(b, Role::event, titled ? "below the Save-the-date box's title" : "below an announcement, in its width");
    }
  }
}

bool is_date_line(std::string_view lang, const std::string& text) {
  std::string rest = label_kind(lang, text) == LabelKind::date ? strip_label(lang, text) : text;
  auto d = read_date(lang, rest);
  return d && d->year && count_code_points(rest) <= kDateLineMaxCodePoints;
}

bool same_box(const Rect& a, const Rect& b) {
  return std::abs(a.x0 - b.x0) < kSameBox && std::abs(a.y0 - b.y0) < kSameBox && std::abs(a.x1 - b.x1) < kSameBox &&
         std::abs(a.y1 - b.y1) < kSameBox;
}
bool in_any(const std::vector<Rect>& boxes, const Rect& box) {
  if (box.empty()) return false;
  return std::any_of(boxes.begin(), boxes.end(), [&](const Rect& r) { return same_box(r, box); });
}

// The info boxes of page 1: tinted or framed boxes (layout's Block::box)
// that hold what a sidebar holds -- a participant count, a label, the
// standing description, the presentation line -- and are not the band
// that holds the title, the series label or the masthead. The paint says
// "a box", the words say "of the meeting's data": a framed page of text
// or a tinted quote is no info box.
std::vector<Rect> find_info_boxes(const std::vector<Block>& blocks, std::string_view lang) {
  std::vector<Rect> band, boxes;
  for (const Block& b : blocks)
    if (b.page == 1 && !b.box.empty() &&
        (b.role == Role::title || b.role == Role::series || b.role == Role::masthead))
      band.push_back(b.box);
  for (const Block& b : blocks) {
    if (b.page != 1 || b.box.empty() || b.role != Role::body || in_any(band, b.box) || in_any(boxes, b.box)) continue;
    if (is_standing_description(lang, b.text) || label_kind(lang, b.text) != LabelKind::none ||
        is_presentation_line(lang, b.text) || read_participants(lang, b.text))
      boxes.push_back(b.box);
  }
  return boxes;
}

// 3. The head of page 1: the title by its type size rank, what stands above
// it (series label, band lines), the date line, and the labelled data
// (participants, agenda) in a sidebar or in the main area before the first
// section heading.
void mark_head(std::vector<Block>& blocks, std::string_view lang) {
  // The title: page 1's largest type in its upper part, not a known heading.
  int title = -1;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const Block& b = blocks[i];
    if (b.page != 1 || b.role != Role::body || b.narrow_column || b.kind == BlockKind::table) continue;
    if (b.bbox.y0 > kTitleZone * page_height(b) || b.rel_size < kTitleMinRelSize) continue;
    if (count_code_points(b.text) > kTitleMaxCodePoints || is_known_heading(lang, b.text) || is_date_line(lang, b.text)) continue;
    if (is_series_label(lang, b.text) || label_kind(lang, b.text) != LabelKind::none) continue;
    if (title < 0 || b.font_size > blocks[title].font_size + 0.01) title = static_cast<int>(i);
  }
  std::size_t head_end = 0;  // first block after the title's lines
  if (title >= 0) {
    Block& t = blocks[title];
    set(t, Role::title, "largest type in the upper half of page 1");
    head_end = title + 1;
    // A title set over two blocks: the next begins in the title's size.
    while (head_end < blocks.size()) {
      Block& n = blocks[head_end];
      if (n.page != 1 || n.role != Role::body || n.narrow_column) break;
      double size = n.first_size > 0 ? n.first_size : n.font_size;
      if (std::abs(size - t.font_size) > kSameSize * t.font_size || n.bbox.y0 < t.bbox.y0) break;
      set(n, Role::title, "goes on in the title's type under it");
      ++head_end;
    }
    // Above the title: the series label and the band's other lines.
    for (std::size_t i = 0; i < blocks.size(); ++i) {
      Block& b = blocks[i];
      if (b.page != 1 || b.role != Role::body || b.narrow_column || b.bbox.y1 > t.bbox.y0 + 1) continue;
      if (is_series_label(lang, b.text))
        set(b, Role::series, "the series label above the title");
      else if (is_date_line(lang, b.text))
        set(b, Role::date_line, "a date line above the title");
      else if (word_count(b.text) <= kMastheadMaxWords)
        set(b, Role::masthead, "a band line above the title");
    }
  }
  // The head: page-1 blocks before the first section heading, plus the
  // narrow edge column (a sidebar) wherever the reading order puts it.
  bool participants = false, standing_seen = false, agenda_open = false, date_seen = false;
  // A narrow edge column is a sidebar only when its words say so (a count
  // of participants, the standing description, a label) or it is set in
  // smaller type than the text: a table's first column is text like any other.
  bool has_standing = false, sidebar = false;
  const std::vector<Rect> info_boxes = find_info_boxes(blocks, lang);
  for (const Block& b : blocks) {
    if (b.page != 1 || !b.narrow_column || b.role != Role::body) continue;
    has_standing = has_standing || is_standing_description(lang, b.text);
    sidebar = sidebar || is_standing_description(lang, b.text) || label_kind(lang, b.text) != LabelKind::none ||
              is_presentation_line(lang, b.text) || read_participants(lang, b.text) || b.rel_size < kAsideMaxRelSize;
  }
  const Block* last_agenda = nullptr;
  bool in_head = true;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    Block& b = blocks[i];
    if (b.page != 1) break;
    if (b.role == Role::title) continue;
    if (b.role != Role::body) continue;
    bool aside = b.narrow_column && sidebar;
    const std::string& text = b.text;
    // A date line may be set like a heading (the band's corner) and come
    // late in reading order; above the columns it is still the head's.
    bool date_line = !date_seen && !aside && is_date_line(lang, text) && (in_head || b.above_columns);
    if (!aside && !date_line && b.kind == BlockKind::heading && i >= head_end) in_head = false;
    if (!aside && !date_line && !in_head && !b.above_columns) continue;
    // A block of an info box in the head is a sidebar's, drawn across the
    // page (after the first heading a box is the text's own).
    const bool boxed = in_head && in_any(info_boxes, b.box);
    const bool side = aside || boxed;
    LabelKind label = label_kind(lang, text);
    std::string rest = strip_label(lang, text);
    if (date_line) {
      set(b, Role::date_line, label == LabelKind::date ? "a date after a date label" : "a short date line in the head");
      date_seen = true;
    } else if (is_standing_description(lang, text)) {
      set(b, Role::standing_description, "the series' standing description (cues.tsv)");
      standing_seen = true;
      agenda_open = side;
    } else if (is_presentation_line(lang, text)) {
      set(b, Role::presentation_line, "points to the presentation (cues.tsv)");
      agenda_open = false;
    } else if (label != LabelKind::none && rest.empty()) {
      set(b, Role::label, "a label alone (cues.tsv)");
      agenda_open = label == LabelKind::agenda;
      last_agenda = nullptr;
    } else if (!participants && (label == LabelKind::participants || (!standing_seen && read_participants(lang, text)))) {
      set(b, Role::participants, label == LabelKind::participants ? "after a participants label" : "a participant count");
      participants = true;
    } else if (!participants && !standing_seen && i + 1 < blocks.size() && blocks[i + 1].role == Role::body &&
               blocks[i + 1].page == b.page && blocks[i + 1].column == b.column &&
               label_kind(lang, blocks[i + 1].text) == LabelKind::none &&
               read_participants(lang, text + " " + blocks[i + 1].text)) {
      // The count set in its own type over the line that says who
      // ("Een dertigtal" / "professionals uit ..."): one participants line
      // (a labelled line under it is its own).
      b.text += " " + blocks[i + 1].text;
      blocks[i + 1].text.clear();
      set(b, Role::participants, "a participant count over two blocks");
      set(blocks[i + 1], Role::participants, "joined to the count above it");
      participants = true;
    } else if (agenda_open && label == LabelKind::none &&
               (b.kind == BlockKind::list_item || side ||
                (last_agenda && last_agenda->area == b.area && last_agenda->kind != BlockKind::list_item))) {
      set(b, Role::agenda_item, side ? "after the standing description in the sidebar or box" : "after an agenda label");
      last_agenda = &b;
    } else if (label == LabelKind::agenda) {
      set(b, Role::agenda_item, "after an agenda label on its line");
      agenda_open = true;
      last_agenda = &b;
    } else if (aside && !has_standing && b.kind == BlockKind::list_item) {
      set(b, Role::agenda_item, "a list in the sidebar");
    } else if (aside) {
      set(b, Role::aside, "other text of the narrow edge column on page 1");
    } else if (boxed) {
      set(b, Role::aside, b.framed ? "other text of a framed box in the head of page 1"
                                   : "other text of a tinted box in the head of page 1");
    } else if ((b.above_columns ||
                (title >= 0 && i >= static_cast<std::size_t>(title) && i <= head_end + 1 &&
                 b.rel_size > kHeaderMaxRelSize) ||
                (title >= 0 && i == head_end && b.rel_size < kAsideMaxRelSize &&
                 b.bbox.y0 >= blocks[title].bbox.y1 - 1 &&
                 b.bbox.y0 - blocks[title].bbox.y1 < kSubtitleMaxGap * blocks[title].font_size)) &&
               word_count(text) <= kMastheadMaxWords && b.kind != BlockKind::list_item) {
      set(b, Role::masthead, b.above_columns ? "a band line above the columns" : "a subtitle under the title");
    } else if (b.kind != BlockKind::heading) {
      agenda_open = agenda_open && b.kind == BlockKind::list_item;
    }
  }
}

// 4. Section headings: what layout set apart by type (or a known heading's
// words) in the text flow; everything else left is body text.
void mark_sections(std::vector<Block>& blocks, std::string_view lang) {
  for (Block& b : blocks) {
    if (b.role != Role::body) continue;
    // Matching costs a fold of the text: only blocks set apart ask.
    const bool set_apart = b.kind == BlockKind::heading || b.kind == BlockKind::subheading;
    const bool known = set_apart && is_known_heading(lang, b.text);
    if (b.kind == BlockKind::heading && !known && word_count(b.text) > kSectionHeadingMaxWords)
      b.why = "running text (in larger type, but too long for a heading)";
    else if (b.kind == BlockKind::heading)
      set(b, Role::section_heading, known ? "a known heading (sections.tsv)" : "set apart by type");
    else if (b.kind == BlockKind::subheading && known && heading_kind(lang, b.text) != "other")
      set(b, Role::section_heading, "a known heading in bold (sections.tsv)");
    else
      b.why = "running text";
  }
}

}  // namespace

void assign_roles(std::vector<Block>& blocks, std::string_view lang) {
  for (Block& b : blocks) set(b, Role::body, "");
  mark_furniture(blocks, lang);
  mark_events(blocks, lang);
  mark_head(blocks, lang);
  mark_sections(blocks, lang);
}

}  // namespace overleg
