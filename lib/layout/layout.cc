#include "layout/layout.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <numeric>

#include "layout/areas.h"
#include "layout/bullets.h"
#include "segment/dutch.h"
#include "segment/headings.h"
#include "layout/lines.h"
#include "layout/tables.h"
#include "util/text.h"

namespace overleg {

const char* to_string(Region region) {
  switch (region) {
    case Region::band: return "band";
    case Region::sidebar: return "sidebar";
    case Region::body: return "body";
    case Region::save_the_date: return "save_the_date";
    case Region::running_header: return "running_header";
    case Region::footer: return "footer";
  }
  return "body";
}

const char* to_string(BlockKind kind) {
  switch (kind) {
    case BlockKind::heading: return "heading";
    case BlockKind::subheading: return "subheading";
    case BlockKind::paragraph: return "paragraph";
    case BlockKind::list_item: return "list_item";
    case BlockKind::table: return "table";
  }
  return "paragraph";
}

double body_font_size(const std::vector<Page>& pages) {
  // Sizes rounded to half a point, weighted by letters.
  std::map<long, double> weight;
  for (const Page& p : pages)
    for (const Box& b : p.boxes)
      if (b.size > 0) weight[std::lround(b.size * 2)] += static_cast<double>(b.text.size());
  long best = 0;
  double best_w = -1;
  for (auto [size, w] : weight)
    if (w > best_w) best = size, best_w = w;
  return best > 0 ? best / 2.0 : 10.0;
}

namespace {

// Where the page's furniture sits, as shares of the page height: a running
// header above, a footer below these lines.
constexpr double kHeaderBottom = 0.07;
constexpr double kFooterTop = 0.92;

// An area of a page with the role it plays on the flyer.
struct PlacedArea {
  Area area;
  std::vector<Line> lines;  // the area's lines, built once
  Region role = Region::body;
  double column_left = 0, column_right = 0;  // extent of the column it belongs to
};

// Contact lines of a footer: an e-mail or web address or a phone number.
bool looks_like_contact(const Area& a) {
  for (const Box& b : a.boxes) {
    const std::string& t = b.text;
    if (t.find('@') != std::string::npos || t.rfind("www.", 0) == 0 || t.rfind("http", 0) == 0 ||
        (t.size() >= 3 && t[0] == '+' && std::isdigit(static_cast<unsigned char>(t[1]))))
      return true;
  }
  return false;
}

double max_size(const Area& a) {
  double m = 0;
  for (const Box& b : a.boxes) m = std::max(m, b.size);
  return m;
}

std::string first_line_text(const PlacedArea& a) {
  return a.lines.empty() ? std::string() : a.lines.front().text();
}

bool side_by_side(const Rect& a, const Rect& b) {
  return a.overlap_y(b) > 0.3 * std::min(a.height(), b.height()) && a.overlap_x(b) <= 0;
}

// Gives each area of a page its role: header and footer by position, the
// Save-the-date box by its title, the band as what lies above the columns
// of page 1, the sidebar as page 1's narrow extra column.
std::vector<PlacedArea> place_areas(const Page& page, double body_size) {
  std::vector<PlacedArea> placed;
  for (Area& a : find_areas(page.boxes, page.width)) {
    std::vector<Line> lines = build_lines(a.boxes);
    placed.push_back({std::move(a), std::move(lines), Region::body, 0, 0});
  }
  const double H = page.height > 0 ? page.height : 842;

  for (PlacedArea& p : placed) {
    const Rect& r = p.area.bbox;
    // Footers sit at the foot of the page in smaller type than the text
    // (running text may reach as low).
    if (r.y0 > kFooterTop * H && (max_size(p.area) < 0.95 * body_size || looks_like_contact(p.area)))
      p.role = Region::footer;
    else if (page.number > 1 && r.y1 < kHeaderBottom * H && max_size(p.area) <= body_size * 1.05)
      p.role = Region::running_header;
  }
  // What stands beside a footer at the foot of the page is footer too
  // ("Met de steun van ..." left of the contact lines).
  for (PlacedArea& p : placed)
    if (p.role == Region::body && p.area.bbox.y0 > kFooterTop * H)
      for (const PlacedArea& q : placed)
        if (q.role == Region::footer && side_by_side(p.area.bbox, q.area.bbox)) p.role = Region::footer;
  // The Save-the-date box: its title, and what lies below it in its width.
  for (std::size_t i = 0; i < placed.size(); ++i) {
    if (placed[i].role != Region::body) continue;
    if (heading_kind(first_line_text(placed[i])) != "events") continue;
    const Rect box = placed[i].area.bbox;
    for (PlacedArea& p : placed)
      if (p.role == Region::body && p.area.bbox.y0 >= box.y0 - 2 && p.area.bbox.overlap_x(box) > 0)
        p.role = Region::save_the_date;
  }
  if (page.number == 1) {
    // Columns start where two areas of running text (several lines each)
    // first stand side by side; the band is everything above that. (The
    // band's own title and date stand side by side too, but on few lines.)
    std::vector<bool> running(placed.size());
    for (std::size_t i = 0; i < placed.size(); ++i) running[i] = placed[i].lines.size() >= 3;
    double body_top = H;
    for (std::size_t i = 0; i < placed.size(); ++i)
      for (std::size_t j = i + 1; j < placed.size(); ++j)
        if (placed[i].role == Region::body && placed[j].role == Region::body && running[i] && running[j] &&
            side_by_side(placed[i].area.bbox, placed[j].area.bbox))
          body_top = std::min({body_top, placed[i].area.bbox.y0, placed[j].area.bbox.y0});
    if (body_top < 0.5 * H)
      for (PlacedArea& p : placed)
        if (p.role == Region::body && p.area.bbox.y1 <= body_top + 1) p.role = Region::band;
  }

  // Columns: body areas that overlap horizontally belong to one column.
  // Narrow areas first, and an area that reaches over two columns (a box
  // under them) joins neither.
  std::vector<int> column(placed.size(), -1);
  std::vector<Rect> columns;
  std::vector<std::size_t> by_width;
  for (std::size_t i = 0; i < placed.size(); ++i)
    if (placed[i].role == Region::body && placed[i].area.bbox.width() <= 0.6 * page.width) by_width.push_back(i);
  std::stable_sort(by_width.begin(), by_width.end(), [&](std::size_t a, std::size_t b) {
    return placed[a].area.bbox.width() < placed[b].area.bbox.width();
  });
  for (std::size_t i : by_width) {
    const Rect& r = placed[i].area.bbox;
    std::vector<int> hits;
    for (std::size_t c = 0; c < columns.size(); ++c)
      if (columns[c].overlap_x(r) > 0.5 * std::min(columns[c].width(), r.width())) hits.push_back(static_cast<int>(c));
    if (hits.size() > 1) continue;
    int found = hits.empty() ? -1 : hits.front();
    if (found < 0) {
      columns.push_back(r);
      found = static_cast<int>(columns.size() - 1);
    } else {
      columns[found] = columns[found].united(r);
    }
    column[i] = found;
  }
  // An announcement box whose title was lost (OCR): an area under the
  // columns, reaching over two of them, that gives a date or a time.
  for (std::size_t i = 0; i < placed.size(); ++i) {
    if (placed[i].role != Region::body || column[i] >= 0) continue;
    const Rect box = placed[i].area.bbox;
    int spanned = 0;
    double columns_top = H;
    for (const Rect& c : columns)
      if (c.overlap_x(box) > 0.5 * c.width()) ++spanned, columns_top = std::min(columns_top, c.y0);
    if (spanned < 2 || box.y0 < columns_top) continue;
    std::string text;
    for (const Line& l : placed[i].lines) text += l.text() + " ";
    if (!find_date(text) && !find_time_range(text)) continue;
    for (PlacedArea& p : placed)
      if (p.role == Region::body && p.area.bbox.y0 >= box.y0 - 2 && p.area.bbox.overlap_x(box) > 0 &&
          &p != &placed[i] && column[&p - &placed[0]] < 0)
        p.role = Region::save_the_date;
    placed[i].role = Region::save_the_date;
  }
  for (std::size_t i = 0; i < placed.size(); ++i) {
    const Rect& c = column[i] >= 0 ? columns[column[i]] : placed[i].area.bbox;
    placed[i].column_left = c.x0;
    placed[i].column_right = c.x1;
  }
  // The sidebar: on page 1, a column at the page's edge clearly narrower
  // than the text columns beside it.
  if (page.number == 1 && columns.size() >= 2) {
    std::vector<std::size_t> order(columns.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](auto a, auto b) { return columns[a].x0 < columns[b].x0; });
    auto others_width = [&](std::size_t skip) {
      std::vector<double> w;
      for (std::size_t c : order)
        if (c != skip) w.push_back(columns[c].width());
      return median(w);
    };
    double limit = columns.size() >= 3 ? 0.9 : 0.6;
    int sidebar = -1;
    for (std::size_t edge : {order.front(), order.back()})
      if (columns[edge].width() < limit * others_width(edge) &&
          (sidebar < 0 || columns[edge].width() < columns[sidebar].width()))
        sidebar = static_cast<int>(edge);
    if (sidebar >= 0)
      for (std::size_t i = 0; i < placed.size(); ++i)
        if (column[i] == sidebar) placed[i].role = Region::sidebar;
  }
  return placed;
}

// One line as the block builder sees it.
struct LineView {
  Line line;
  std::string text;        // without a list marker
  bool bullet = false;
  double marker_x = 0;     // where the marker stands
  double text_x = 0;       // where the text after the marker starts
};

LineView view_line(Line line, double next_line_x0) {
  LineView v;
  v.marker_x = v.text_x = line.bbox.x0;
  if (!line.words.empty()) {
    const Box& first = line.words.front();
    BulletKind kind = bullet_kind(first.text);
    bool ocr = first.confidence >= 0;
    if (kind == BulletKind::ocr_guess && ocr && line.words.size() > 1) {
      // A misread bullet only counts where the layout says list: the next
      // line hangs under the text, or a wide space follows the marker.
      double text_x = line.words[1].bbox.x0;
      double gap = text_x - first.bbox.x1;
      bool hangs = std::abs(next_line_x0 - text_x) < 0.6 * std::max(line.size, 6.0);
      if (!(hangs || gap > 0.6 * std::max(line.size, 6.0))) kind = BulletKind::none;
    } else if (kind == BulletKind::ocr_guess) {
      kind = BulletKind::none;
    }
    if (kind != BulletKind::none && line.words.size() > 1) {
      v.bullet = true;
      v.text_x = line.words[1].bbox.x0;
      line.words.erase(line.words.begin());
    } else if (std::size_t n = ocr ? std::max(glued_bullet_length(first.text), glued_ocr_bullet_length(first.text))
                                   : glued_bullet_length(first.text)) {
      // The text starts after the glyph: estimate where from its share of
      // the word's letters.
      v.bullet = true;
      double share = static_cast<double>(count_code_points(first.text.substr(0, n))) /
                     std::max<std::size_t>(1, count_code_points(first.text));
      v.text_x = first.bbox.x0 + share * first.bbox.width();
      line.words.front().text.erase(0, n);
    }
  }
  v.text = line.text();
  v.line = std::move(line);
  return v;
}

// OCR reads specks and pictures as short words of low confidence: a line
// with hardly a letter and little confidence is not text.
bool is_ocr_noise(const Line& line) {
  if (line.confidence < 0) return false;
  int alnum = 0;
  for (const Box& b : line.words)
    for (unsigned char c : b.text) alnum += std::isalnum(c) || c >= 0x80;
  if (alnum == 0) return true;
  return alnum <= 3 && line.confidence < 0.6;
}

// Strings equal to "" or only a replacement character carry no text.
bool blank_text(const std::string& s) { return trim(s).empty() || trim(s) == "\ufffd"; }

class BlockBuilder {
 public:
  BlockBuilder(double body_size, int page, double page_height)
      : body_size_(body_size), page_(page), page_height_(page_height) {}

  std::vector<Block> build(const PlacedArea& placed) {
    const std::vector<Line>& lines = placed.lines;
    if (placed.area.table) return {table_block(lines, placed.area.cell_cuts, placed.role)};
    std::vector<TableRun> tables = find_table_runs(lines, body_size_);
    std::vector<LineView> views;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      double next_x0 = i + 1 < lines.size() ? lines[i + 1].bbox.x0 : -1000;
      views.push_back(view_line(lines[i], next_x0));
    }
    double normal_gap = typical_gap(views);
    std::vector<Block> blocks;
    Region role = placed.role;
    std::size_t next_table = 0;
    const LineView* last_kept = nullptr;  // the line before, skipping noise
    for (std::size_t i = 0; i < views.size(); ++i) {
      if (next_table < tables.size() && tables[next_table].first == i) {
        const TableRun& t = tables[next_table++];
        blocks.push_back(table_block({lines.begin() + t.first, lines.begin() + t.last + 1}, t.cuts, role));
        i = t.last;
        continue;
      }
      const LineView& v = views[i];
      if (blank_text(v.text) || is_ocr_noise(v.line)) continue;
      const LineView* prev = last_kept;
      last_kept = &v;
      Block* cur = blocks.empty() ? nullptr : &blocks.back();
      double size = std::max(v.line.size, 4.0);
      bool heading_style = v.line.bold() && v.line.size >= 1.12 * body_size_;
      bool big = v.line.size >= 1.25 * body_size_ && v.line.confidence >= 0;  // OCR: no bold
      double gap = prev ? v.line.bbox.y0 - prev->line.bbox.y1 : 1e9;
      bool gap_break = gap > normal_gap + 0.3 * size;
      bool words_few = v.line.words.size() <= 12;
      bool block_start = gap_break || !prev || ends_sentence(prev->text);
      bool known = words_few && block_start && !v.bullet && is_known_heading(v.text);
      bool wrapped_heading = false;  // a known heading broken before its key words
      if (words_few && block_start && !v.bullet && !known && i + 1 < views.size() &&
          is_known_heading_start(v.text) && is_known_heading(v.text + " " + views[i + 1].text))
        known = wrapped_heading = true;

      // Headings start with a capital or a digit, never mid-sentence.
      if (starts_lowercase(v.text)) heading_style = big = known = false;
      BlockKind kind = BlockKind::paragraph;
      if (v.bullet)
        kind = BlockKind::list_item;
      else if (heading_style || big || (known && role == Region::body))
        kind = BlockKind::heading;
      else if (v.line.bold() && words_few && last_code_point(v.text) != U'.' && role == Region::body)
        kind = BlockKind::subheading;

      bool start = true;
      if (heading_goes_on_) {
        start = false;
        heading_goes_on_ = false;
      } else if (cur && !gap_break && !v.bullet) {
        bool same_style = cur->bold == v.line.bold() && std::abs(cur->font_size - v.line.size) < 0.15 * size;
        if (cur->kind == BlockKind::heading || cur->kind == BlockKind::subheading) {
          // A heading set over two lines goes on in the same type.
          start = !same_style;
        } else if (kind == BlockKind::heading || (kind == BlockKind::subheading && !cur->bold)) {
          // A heading-like line after text starts a block, unless the text
          // before is set the same way (large sidebar type, OCR's estimates).
          start = !same_style || (known && role == Region::body);
        } else if (cur->kind == BlockKind::list_item) {
          // A list item goes on in its hanging indent; back at the margin
          // a new paragraph starts.
          start = v.line.bbox.x0 < item_text_x_ - 0.4 * size;
        } else {
          start = cur->kind == BlockKind::table;
        }
      }
      if (kind == BlockKind::heading && heading_kind(v.text) == "events" && role == Region::body)
        role = Region::save_the_date;  // the box was not set apart from the text

      if (start) {
        heading_goes_on_ = wrapped_heading && kind == BlockKind::heading;
        Block b;
        // Only the first line decides a block's kind; a heading's second line
        // may look like anything.
        b.kind = kind;
        b.region = role;
        b.page = page_;
        b.bbox = v.line.bbox;
        b.font_size = v.line.size;
        b.bold = v.line.bold();
        b.text = v.text;
        b.last_line = v.line.bbox;
        if (kind == BlockKind::list_item) {
          b.level = v.marker_x - placed.column_left > 0.8 * size ? 2 : 1;
          item_text_x_ = v.text_x;
        }
        if (v.line.bbox.y0 > kFooterTop * page_height_ && role == Region::body && v.line.size < 0.95 * body_size_)
          b.region = Region::footer;
        blocks.push_back(std::move(b));
      } else {
        cur->text += '\n';
        cur->text += v.text;
        cur->bbox = cur->bbox.united(v.line.bbox);
        cur->last_line = v.line.bbox;
        cur->bold = cur->bold && v.line.bold();
      }
    }
    return blocks;
  }

  static bool ends_sentence(const std::string& text) {
    char32_t c = last_code_point(text);
    return c == U'.' || c == U'!' || c == U'?' || c == U':' || c == U';';
  }

 private:
  // The usual space between two lines of one paragraph in this area.
  double typical_gap(const std::vector<LineView>& views) const {
    std::vector<double> gaps;
    for (std::size_t i = 1; i < views.size(); ++i) {
      const Line& a = views[i - 1].line;
      const Line& b = views[i].line;
      if (std::abs(a.size - b.size) < 0.1 * std::max(a.size, 1.0) && !a.bold() && !b.bold())
        gaps.push_back(b.bbox.y0 - a.bbox.y1);
    }
    if (gaps.empty()) return 0.25 * body_size_;
    // The smaller half: paragraph breaks must not raise the norm.
    std::sort(gaps.begin(), gaps.end());
    return gaps[(gaps.size() - 1) / 3];
  }

  Block table_block(const std::vector<Line>& lines, const std::vector<double>& cuts, Region role) const {
    Block b;
    b.kind = BlockKind::table;
    b.region = role;
    b.page = page_;
    for (const Line& l : lines) b.bbox = b.bbox.united(l.bbox);
    b.last_line = lines.empty() ? Rect{} : lines.back().bbox;
    b.font_size = body_size_;
    b.rows = table_rows(lines, cuts);
    return b;
  }

  double body_size_;
  int page_;
  double page_height_;
  double item_text_x_ = 0;
  bool heading_goes_on_ = false;  // the next line completes a wrapped known heading
};

// A paragraph set wholly at a hanging indent is a list item whose marker
// is lost: OCR missed a small bullet, or the bullet was drawn as a shape.
// (Only after joining across breaks: there, an indented start continues.)
void mark_unmarked_item(Block& b, double column_left) {
  if (b.kind != BlockKind::paragraph || (b.region != Region::body && b.region != Region::sidebar)) return;
  double indent = b.bbox.x0 - column_left, size = std::max(b.font_size, 4.0);
  if (indent >= 0.6 * size && indent <= 3.0 * size) {
    b.kind = BlockKind::list_item;
    b.level = indent > 2.0 * size ? 2 : 1;
  }
}

// Does the previous body block go on in `next`, the first block of a new
// column or page? A paragraph or list item broken by the break continues in
// lower case, or its last line was full (justified to the column's edge)
// without closing its sentence; a list item continues in a hanging indent.
bool continues(const Block& prev, double prev_last_right, double prev_column_right, const Block& next,
               double next_column_left) {
  if (next.kind != BlockKind::paragraph) return false;
  if (prev.kind != BlockKind::paragraph && prev.kind != BlockKind::list_item) return false;
  double size = std::max(next.font_size, 4.0);
  if (prev.kind == BlockKind::list_item && next.bbox.x0 > next_column_left + 0.5 * size) return true;
  std::string first_line = next.text.substr(0, next.text.find('\n'));
  if (starts_lowercase(first_line)) return true;
  bool full = prev_last_right > prev_column_right - 1.5 * size;
  return full && !BlockBuilder::ends_sentence(prev.text);
}

}  // namespace

std::vector<Block> lay_out(const std::vector<Page>& pages) {
  const double body_size = body_font_size(pages);
  std::vector<Block> out;
  int last_body = -1;  // index in `out` of the last body block so far
  double last_right = 0, last_column_right = 0;
  for (const Page& page : pages) {
    for (const PlacedArea& placed : place_areas(page, body_size)) {
      BlockBuilder builder(body_size, page.number, page.height);
      std::vector<Block> blocks = builder.build(placed);
      for (std::size_t i = 0; i < blocks.size(); ++i) {
        Block& b = blocks[i];
        if (b.region != Region::body) {
          mark_unmarked_item(b, placed.column_left);
          out.push_back(std::move(b));
          continue;
        }
        if (i == 0 && last_body >= 0 &&
            continues(out[last_body], last_right, last_column_right, b, placed.column_left)) {
          out[last_body].text += '\n';
          out[last_body].text += b.text;
        } else {
          mark_unmarked_item(b, placed.column_left);
          out.push_back(b);
          last_body = static_cast<int>(out.size() - 1);
        }
        last_right = b.last_line.x1;
        last_column_right = placed.column_right;
      }
    }
  }
  return out;
}

}  // namespace overleg
