#include "layout/layout.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <numeric>

#include "layout/areas.h"
#include "layout/bullets.h"
#include "layout/lines.h"
#include "layout/paint.h"
#include "layout/tables.h"
#include "util/stats.h"
#include "util/text.h"

namespace overleg {

const char* to_string(Role role) {
  switch (role) {
    case Role::body: return "body";
    case Role::section_heading: return "section_heading";
    case Role::title: return "title";
    case Role::series: return "series";
    case Role::masthead: return "masthead";
    case Role::date_line: return "date_line";
    case Role::participants: return "participants";
    case Role::agenda_item: return "agenda_item";
    case Role::standing_description: return "standing_description";
    case Role::presentation_line: return "presentation_line";
    case Role::label: return "label";
    case Role::aside: return "aside";
    case Role::save_the_date: return "save_the_date";
    case Role::event: return "event";
    case Role::running_header: return "running_header";
    case Role::footer: return "footer";
    case Role::page_number: return "page_number";
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

// Where a page's margins end, as shares of the page height: what lies above
// kHeaderBottom or below kFooterTop is outside the text flow (running
// headers, footers, page numbers). Measured on the dev flyers and the
// samples: headers end by 5 %, footers start after 93 % of A4.
constexpr double kHeaderBottom = 0.07;
constexpr double kFooterTop = 0.92;
// Columns are looked for among areas at most this share of the page wide
// (two-column A4 text: 0.43; one column beside a sidebar: 0.63; a full
// one-column page: 0.9, no column to find).
constexpr double kColumnMaxWidth = 0.7;
// Columns start where they begin in the page's upper half; a first
// side-by-side row lower down is a box or a table, not the columns' top.
constexpr double kColumnsTopLimit = 0.5;
// An edge column narrower than this share of the median width of the other
// columns is narrow (a sidebar): 0.6 beside one text column, 0.9 beside two
// (dev sidebars are 0.45–0.55 of a text column; three equal columns ~1.0).
constexpr double kNarrowBesideOne = 0.6;
constexpr double kNarrowBesideTwo = 0.9;
// An area is running text when it has at least this many lines.
constexpr std::size_t kRunningTextLines = 3;
// OCR'd type at least this many times the body size is "large" (title and
// heading type), where OCR's bold estimate is not trusted to split lines.
constexpr double kOcrLargeType = 1.4;
// OCR'd type at least this many times the body size, on a short line that
// stands alone between gaps, is a heading even where OCR saw no bold (its
// weight estimate fails on blurred or coarse scans; its size estimate
// wanders by about 0.1 of the body size, hence the gaps too).
constexpr double kOcrHeadingMinSize = 1.12;
// ... in at most this many lines and words (dev headings: 3 lines, 7 words).
constexpr std::size_t kOcrHeadingMaxLines = 3;
constexpr std::size_t kOcrHeadingMaxWords = 12;
// A table's first line in at least this many times the type of the line
// under it, in its first column only, is the table's heading (dev: 14.4 pt
// over a 12.5-pt header row).
constexpr double kTableHeadingMinSize = 1.1;
// How far below the baseline descenders reach, and ascenders above the
// x-height, as shares of the type size (typical text faces: 0.2 and 0.25):
// OCR boxes end where the ink does.
constexpr double kOcrDescender = 0.2;
constexpr double kOcrAscender = 0.25;

// An area of a page with what layout measured about it.
struct PlacedArea {
  Area area;               // its extent and table cuts; its words have moved into `lines`
  std::vector<Line> lines;  // the area's lines, built once
  int column = -1;
  bool narrow = false, above_columns = false, spans_columns = false, margin = false;
  bool vertical = false;  // words turned on their side (lines.h), outside the text flow
  double column_left = 0, column_right = 0;  // extent of the column it belongs to
};

bool side_by_side(const Rect& a, const Rect& b) {
  return a.overlap_y(b) > 0.3 * std::min(a.height(), b.height()) && a.overlap_x(b) <= 0;
}

// Measures each area of a page: in the margins or not, above the columns or
// in one of them (and whether that column is a narrow edge column), or
// under the columns reaching over several.
std::vector<PlacedArea> place_areas(const Page& page) {
  std::vector<PlacedArea> placed;
  // Words turned on their side are set apart first: their tall boxes would
  // bridge the upright lines and columns they stand beside.
  std::vector<Box> upright, turned;
  for (const Box& b : page.boxes) (is_vertical_word(b) ? turned : upright).push_back(b);
  for (Area& a : find_areas(upright, page.width)) {
    PlacedArea p;
    p.lines = build_lines(std::move(a.boxes));  // the words live on in the lines
    p.area = std::move(a);
    placed.push_back(std::move(p));
  }
  const double H = page.height > 0 ? page.height : 842;
  const double W = page.width > 0 ? page.width : 595;
  for (PlacedArea& p : placed)
    p.margin = p.area.bbox.y0 > kFooterTop * H || (page.number > 1 && p.area.bbox.y1 < kHeaderBottom * H);

  // Columns start where two areas of running text (several lines each)
  // first stand side by side; what lies above stands above the columns (a
  // title band; the band's own title and date stand side by side too, but
  // on few lines).
  double body_top = H;
  for (std::size_t i = 0; i < placed.size(); ++i)
    for (std::size_t j = i + 1; j < placed.size(); ++j)
      if (!placed[i].margin && !placed[j].margin && placed[i].lines.size() >= kRunningTextLines &&
          placed[j].lines.size() >= kRunningTextLines && side_by_side(placed[i].area.bbox, placed[j].area.bbox))
        body_top = std::min({body_top, placed[i].area.bbox.y0, placed[j].area.bbox.y0});
  if (page.number == 1 && body_top < kColumnsTopLimit * H)
    for (PlacedArea& p : placed)
      if (!p.margin && p.area.bbox.y1 <= body_top + 1) p.above_columns = true;

  // Columns: areas that overlap horizontally belong to one column. Narrow
  // areas first, and an area that reaches over two columns (a box under
  // them) joins neither.
  std::vector<Rect> columns;
  std::vector<std::size_t> by_width;
  for (std::size_t i = 0; i < placed.size(); ++i)
    if (!placed[i].margin && !placed[i].above_columns && placed[i].area.bbox.width() <= kColumnMaxWidth * W)
      by_width.push_back(i);
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
    placed[i].column = found;
  }
  // Number the columns left to right.
  std::vector<int> rank(columns.size());
  {
    std::vector<int> order(columns.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](int a, int b) { return columns[a].x0 < columns[b].x0; });
    for (std::size_t k = 0; k < order.size(); ++k) rank[order[k]] = static_cast<int>(k);
  }
  // An area under the columns, in none, reaching over two of them.
  for (PlacedArea& p : placed) {
    if (p.margin || p.above_columns || p.column >= 0) continue;
    int spanned = 0;
    double columns_top = H;
    for (const Rect& c : columns)
      if (c.overlap_x(p.area.bbox) > 0.5 * c.width()) ++spanned, columns_top = std::min(columns_top, c.y0);
    p.spans_columns = spanned >= 2 && p.area.bbox.y0 >= columns_top;
  }
  // A narrow column: at the page's edge, clearly narrower than the others.
  int narrow = -1;
  if (columns.size() >= 2) {
    auto others_width = [&](std::size_t skip) {
      std::vector<double> w;
      for (std::size_t c = 0; c < columns.size(); ++c)
        if (c != skip) w.push_back(columns[c].width());
      return median(w);
    };
    double limit = columns.size() >= 3 ? kNarrowBesideTwo : kNarrowBesideOne;
    for (std::size_t c = 0; c < columns.size(); ++c) {
      bool edge = rank[c] == 0 || rank[c] == static_cast<int>(columns.size()) - 1;
      if (edge && columns[c].width() < limit * others_width(c) &&
          (narrow < 0 || columns[c].width() < columns[narrow].width()))
        narrow = static_cast<int>(c);
    }
  }
  for (PlacedArea& p : placed) {
    const Rect& c = p.column >= 0 ? columns[p.column] : p.area.bbox;
    p.column_left = c.x0;
    p.column_right = c.x1;
    p.narrow = p.column >= 0 && p.column == narrow;
    if (p.column >= 0) p.column = rank[p.column];
  }
  // The turned words, one area after the page's others, a line each.
  if (!turned.empty()) {
    PlacedArea p;
    p.vertical = true;
    for (const Box& b : turned) p.area.bbox = p.area.bbox.united(b.bbox);
    p.lines = build_vertical_lines(std::move(turned));
    p.column_left = p.area.bbox.x0;
    p.column_right = p.area.bbox.x1;
    placed.push_back(std::move(p));
  }
  return placed;
}

// One line as the block builder sees it.
struct LineView {
  Line line;
  std::string text;        // without a list marker
  std::string marker;      // the list marker taken off ("•", "3.")
  bool numbered = false;   // the marker is a number ("3.", "a)")
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
      v.marker = first.text;
      v.numbered = kind == BulletKind::number;
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
      v.marker = first.text.substr(0, n);
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
bool blank_text(const std::string& s) {
  const std::string t = trim(s);
  return t.empty() || t == "\ufffd";
}

class BlockBuilder {
 public:
  BlockBuilder(double body_size, const Page& page, const HeadingCue& cue)
      : body_size_(body_size), page_(page.number), cue_(cue) {}

  /// Words of the lines build() left out as OCR noise.
  int noise_words() const { return noise_words_; }

  std::vector<Block> build(const PlacedArea& placed) {
    const std::vector<Line>& lines = placed.lines;
    if (placed.area.table && lines.empty()) return {table_block(lines, placed.area.cell_cuts)};
    // An area that is a table is one run of all its lines.
    std::vector<TableRun> tables = placed.area.table ? std::vector<TableRun>{{0, lines.size() - 1, placed.area.cell_cuts}}
                                                     : find_table_runs(lines, body_size_);
    for (TableRun& t : tables) drop_leading_heading(t, lines);
    std::vector<LineView> views;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      double next_x0 = i + 1 < lines.size() ? lines[i + 1].bbox.x0 : -1000;
      views.push_back(view_line(lines[i], next_x0));
    }
    double normal_gap = typical_gap(views);
    std::vector<Block> blocks;
    std::size_t next_table = 0;
    const LineView* last_kept = nullptr;  // the line before, skipping noise
    for (std::size_t i = 0; i < views.size(); ++i) {
      if (next_table < tables.size() && tables[next_table].first == i) {
        const TableRun& t = tables[next_table++];
        blocks.push_back(table_block({lines.begin() + t.first, lines.begin() + t.last + 1}, t.cuts));
        i = t.last;
        continue;
      }
      // The view stays as it was read (it is a later line's `prev`); what
      // this line changes of it is its own. Not a copy: a line's words are.
      const LineView& view = views[i];
      std::string text = view.text;
      bool bullet = view.bullet;
      if (blank_text(text)) continue;
      if (is_ocr_noise(view.line)) {
        // Left out, but counted: the record's ledger says where every OCR
        // word went (a layout line can be noise where Tesseract's longer
        // line, which the engine judged, was not: a mark at the margin).
        noise_words_ += count_words(view.marker) + count_words(text);
        continue;
      }
      const LineView* prev = last_kept;
      last_kept = &views[i];
      Block* cur = blocks.empty() ? nullptr : &blocks.back();
      double size = std::max(view.line.size, 4.0);
      bool heading_style = view.line.bold() && view.line.size >= 1.12 * body_size_;
      bool big = view.line.size >= 1.25 * body_size_ && view.line.confidence >= 0;  // OCR: no bold
      // A numbered line in heading type is a numbered heading, not a list
      // item: its number stays in the text (the role stage strips it).
      if (bullet && view.numbered && (heading_style || big) && !starts_lowercase(text)) {
        text = view.marker + " " + text;
        bullet = false;
      }
      double gap = prev ? line_gap(*prev, view) : 1e9;
      bool gap_break = is_break(gap, normal_gap, size);
      bool words_few = view.line.words.size() <= 12;
      bool block_start = gap_break || !prev || ends_sentence(prev->text);
      bool known = words_few && block_start && !bullet && cue_.is_heading && cue_.is_heading(text);
      bool wrapped_heading = false;  // a known heading broken before its key words
      if (words_few && block_start && !bullet && !known && i + 1 < views.size() && cue_.is_heading_start &&
          cue_.is_heading_start(text) && cue_.is_heading(text + " " + views[i + 1].text))
        known = wrapped_heading = true;
      else if (known && i + 1 < views.size() && !views[i + 1].bullet && cue_.heading_goes_on &&
               cue_.heading_goes_on(text, views[i + 1].text))
        wrapped_heading = true;  // its second line goes on it across any gap

      if (view.line.confidence >= 0 && !view.line.bold() && !bullet && gap_break &&
          view.line.size >= kOcrHeadingMinSize * body_size_)
        heading_style = stands_alone_as_heading(views, i, normal_gap);
      // Headings start with a capital or a digit, never mid-sentence.
      if (starts_lowercase(text)) heading_style = big = known = false;
      BlockKind kind = BlockKind::paragraph;
      if (bullet)
        kind = BlockKind::list_item;
      else if (heading_style || big || known)
        kind = BlockKind::heading;
      else if (view.line.bold() && words_few && last_code_point(text) != U'.')
        kind = BlockKind::subheading;

      bool start = true;
      bool labelled = cue_.is_label && !bullet && cue_.is_label(text);  // "Datum: ..." under "Deelnemers: ..."
      if (heading_goes_on_) {
        start = false;
        heading_goes_on_ = false;
      } else if (cur && !gap_break && !bullet && !labelled) {
        // OCR's bold is an estimate from stroke widths, unsure in large
        // type: a title band's two lines came out regular and bold once its
        // fill was inverted for OCR (dev-new1-v-scan). Two OCR lines of
        // large type in the same size go on as one whatever their weight.
        bool ocr_large = view.line.confidence >= 0 && view.line.size >= kOcrLargeType * body_size_ &&
                         cur->font_size >= kOcrLargeType * body_size_;
        bool same_style = (cur->bold == view.line.bold() || ocr_large) && std::abs(cur->font_size - view.line.size) < 0.15 * size;
        if (cur->kind == BlockKind::heading || cur->kind == BlockKind::subheading) {
          // A heading set over two lines goes on in the same type, or in
          // bold from a lower-case word (small caps: the first line's
          // capitals are set larger).
          start = !same_style && !(view.line.bold() && cur->bold && starts_lowercase(text));
        } else if (kind == BlockKind::heading || (kind == BlockKind::subheading && !cur->bold)) {
          // A heading-like line after text starts a block, unless the text
          // before is set the same way (large sidebar type, OCR's estimates).
          start = !same_style || known;
        } else if (cur->kind == BlockKind::list_item) {
          // A list item goes on in its hanging indent; back at the margin
          // a new paragraph starts.
          start = view.line.bbox.x0 < item_text_x_ - 0.4 * size;
        } else {
          start = cur->kind == BlockKind::table;
        }
        // OCR's weight estimate flips from line to line in small type (a
        // sidebar's paragraph came out bold, regular, bold): on a scan, a
        // line that starts in lower case under one that ends mid-sentence
        // goes on the block whatever its weight.
        if (start && view.line.confidence >= 0 && cur->kind != BlockKind::table && starts_lowercase(text) && prev &&
            !ends_sentence(prev->text))
          start = false;
      }
      if (start) {
        heading_goes_on_ = wrapped_heading && kind == BlockKind::heading;
        Block b;
        // Only the first line decides a block's kind; a heading's second line
        // may look like anything.
        b.kind = kind;
        b.page = page_;
        b.bbox = view.line.bbox;
        b.font_size = view.line.size;
        b.first_size = view.line.words.empty() ? view.line.size : view.line.words.front().size;
        b.bold = view.line.bold();
        b.ocr = view.line.confidence >= 0;
        b.text = text;
        b.last_line = view.line.bbox;
        if (kind == BlockKind::list_item) {
          b.marker = trim(view.marker);
          b.level = view.marker_x - placed.column_left > 0.8 * size ? 2 : 1;
          item_text_x_ = view.text_x;
        }
        blocks.push_back(std::move(b));
      } else {
        cur->text += '\n';
        cur->text += text;
        cur->bbox = cur->bbox.united(view.line.bbox);
        cur->last_line = view.line.bbox;
        cur->bold = cur->bold && view.line.bold();
      }
    }
    return blocks;
  }

  // A table's channel leaves room for a heading above it in the first
  // column only ("Vastgestelde thema's" over "THEMA | BETROKKEN ZORGZONES"):
  // such a line in larger type, or a known heading, is the table's heading,
  // not a row.
  void drop_leading_heading(TableRun& t, const std::vector<Line>& lines) const {
    while (t.last >= t.first + 3 && !t.cuts.empty()) {
      const Line& line = lines[t.first];
      const Line& next = lines[t.first + 1];
      bool first_column_only = true;
      for (const Box& w : line.words) first_column_only = first_column_only && w.bbox.center_x() < t.cuts.front();
      const bool larger = line.size >= kTableHeadingMinSize * next.size;
      if (!first_column_only || !(larger || (cue_.is_heading && cue_.is_heading(line.text())))) return;
      ++t.first;
    }
  }

  // Whether the OCR'd lines from `first` on (a heading's lines go on in its
  // size, close together) are a few words in larger type than the line after
  // them, which a gap sets apart, and end with no sentence mark.
  static bool stands_alone_as_heading(const std::vector<LineView>& views, std::size_t first, double normal_gap) {
    const Line& top = views[first].line;
    const double size = std::max(top.size, 4.0);
    std::size_t words = 0;
    for (std::size_t k = first; k < views.size() && k < first + kOcrHeadingMaxLines; ++k) {
      const Line& line = views[k].line;
      words += line.words.size();
      if (words > kOcrHeadingMaxWords || views[k].bullet) return false;
      if (k + 1 == views.size()) return false;  // nothing below to compare with
      const Line& next = views[k + 1].line;
      const double gap = line_gap(views[k], views[k + 1]);
      const bool same_type = std::abs(next.size - top.size) < 0.15 * size;
      const bool gap_break = is_break(gap, normal_gap, size);
      if (!gap_break && same_type) continue;  // the heading goes on
      const char32_t end = last_code_point(views[k].text);
      return gap_break && next.size < top.size && !ends_sentence(views[k].text) && end != U',';
    }
    return false;
  }

  // Whether a space of `gap` between lines of type `size` breaks the text,
  // against the area's usual space between the lines of a paragraph.
  static bool is_break(double gap, double normal_gap, double size) { return gap > normal_gap + 0.3 * size; }

  // The white space between two lines, one under the other. OCR boxes hug
  // the ink: a line without descenders ends at its baseline, one without
  // ascenders or capitals starts at its x-height, so the space between
  // such lines looks wider than between lines of the same leading that
  // have them ("acties voor te stellen. Alle" over "actoren uit de"). On
  // OCR'd lines the space is measured as if both had them; a text layer's
  // boxes come from the font's ascent and descent already.
  static double line_gap(const LineView& above, const LineView& below) {
    double gap = below.line.bbox.y0 - above.line.bbox.y1;
    if (above.line.confidence < 0 || below.line.confidence < 0) return gap;
    const double size = std::max(std::min(above.line.size, below.line.size), 4.0);
    if (!has_descender(above.line)) gap -= kOcrDescender * size;
    if (!has_ascender(below.line)) gap -= kOcrAscender * size;
    return gap;
  }

  static bool has_descender(const Line& line) {
    for (const Box& w : line.words)
      if (w.text.find_first_of("gjpqyQ") != std::string::npos) return true;
    return false;
  }

  // Anything but x-height letters and low punctuation reaches above the
  // x-height: capitals, digits, b d f h k l t, accents, dots, brackets.
  static bool has_ascender(const Line& line) {
    for (const Box& w : line.words)
      if (w.text.find_first_not_of("acemnorsuvwxz.,;:-") != std::string::npos) return true;
    return false;
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
        gaps.push_back(line_gap(views[i - 1], views[i]));
    }
    if (gaps.empty()) return 0.25 * body_size_;
    // The smaller third: paragraph breaks must not raise the norm.
    return quantile(std::move(gaps), 1.0 / 3);
  }

  Block table_block(const std::vector<Line>& lines, const std::vector<double>& cuts) const {
    Block b;
    b.kind = BlockKind::table;
    b.page = page_;
    for (const Line& l : lines) b.bbox = b.bbox.united(l.bbox);
    b.last_line = lines.empty() ? Rect{} : lines.back().bbox;
    b.font_size = b.first_size = body_size_;
    b.ocr = !lines.empty() && lines.front().confidence >= 0;
    b.rows = table_rows(lines, cuts);
    return b;
  }

  double body_size_;
  int page_;
  const HeadingCue& cue_;
  int noise_words_ = 0;
  double item_text_x_ = 0;
  bool heading_goes_on_ = false;  // the next line completes a wrapped known heading
};

// A paragraph set wholly at a hanging indent is a list item whose marker
// is lost: OCR missed a small bullet, or the bullet was drawn as a shape.
// (Only after joining across breaks: there, an indented start continues.)
void mark_unmarked_item(Block& b, double column_left) {
  if (b.kind != BlockKind::paragraph || b.above_columns) return;
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

// A turned line is a paragraph of its own: its words are no heading, list
// or table of the upright text around it.
std::vector<Block> vertical_blocks(const std::vector<Line>& lines, int page) {
  std::vector<Block> out;
  for (const Line& line : lines) {
    Block b;
    b.page = page;
    b.bbox = b.last_line = line.bbox;
    b.font_size = b.first_size = line.size;
    b.bold = line.bold();
    b.text = line.text();
    if (!blank_text(b.text)) out.push_back(std::move(b));
  }
  return out;
}

// Marks the blocks in a page's margins whose text stands at about the same
// height on every other page too (running headers, footers).
void mark_repeats(std::vector<Block>& blocks, int page_count) {
  if (page_count < 2) return;
  for (Block& b : blocks) {
    if (b.page_height <= 0 || (b.bbox.y0 <= kFooterTop * b.page_height && b.bbox.y1 >= kHeaderBottom * b.page_height))
      continue;
    std::vector<bool> on(page_count + 1);
    for (const Block& o : blocks)
      if (o.page >= 1 && o.page <= page_count && o.text == b.text && std::abs(o.bbox.y0 - b.bbox.y0) < b.font_size)
        on[o.page] = true;
    b.repeats = std::count(on.begin(), on.end(), true) == page_count;
  }
}

}  // namespace

std::vector<Block> lay_out(const std::vector<Page>& pages, const HeadingCue& cue, std::map<int, int>* speck_words) {
  const double body_size = body_font_size(pages);
  std::vector<Block> out;
  int last_flow = -1;  // index in `out` of the last block of the text flow so far
  double last_right = 0, last_column_right = 0;
  int last_column = -1, last_page = 0;
  for (const Page& page : pages) {
    std::vector<PlacedArea> areas = place_areas(page);
    for (std::size_t a = 0; a < areas.size(); ++a) {
      const PlacedArea& placed = areas[a];
      BlockBuilder builder(body_size, page, cue);
      std::vector<Block> blocks = placed.vertical ? vertical_blocks(placed.lines, page.number) : builder.build(placed);
      if (speck_words && builder.noise_words() > 0) (*speck_words)[page.number] += builder.noise_words();
      // The text flow: the columns, not the margins, not what stands above
      // the columns or in a narrow edge column.
      bool flow = !placed.margin && !placed.above_columns && !placed.narrow && !placed.vertical;
      for (std::size_t i = 0; i < blocks.size(); ++i) {
        Block& b = blocks[i];
        b.rel_size = b.font_size / body_size;
        b.page_width = page.width;
        b.page_height = page.height;
        b.area = static_cast<int>(a);
        b.column = placed.column;
        b.narrow_column = placed.narrow;
        b.above_columns = placed.above_columns;
        b.spans_columns = placed.spans_columns;
        if (!flow) {
          mark_unmarked_item(b, placed.column_left);
          out.push_back(std::move(b));
          continue;
        }
        // Only across a real break: the next column or the next page.
        bool broke = page.number > last_page || placed.column != last_column;
        if (i == 0 && last_flow >= 0 && broke &&
            continues(out[last_flow], last_right, last_column_right, b, placed.column_left)) {
          out[last_flow].text += '\n';
          out[last_flow].text += b.text;
        } else {
          mark_unmarked_item(b, placed.column_left);
          out.push_back(b);
          last_flow = static_cast<int>(out.size() - 1);
        }
        last_right = b.last_line.x1;
        last_column_right = placed.column_right;
        last_column = placed.column;
        last_page = page.number;
      }
    }
  }
  mark_repeats(out, static_cast<int>(pages.size()));
  for (const Page& page : pages) measure_paint(page, out);
  return out;
}

}  // namespace overleg
