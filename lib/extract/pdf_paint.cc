#include "extract/pdf_paint.h"

#include <qpdf/QPDFMatrix.hh>

#include <algorithm>
#include <cmath>
#include <exception>

#include "extract/content_lexer.h"

namespace overleg {
namespace {

// A shape narrower or lower than this (points) cannot hold a line of text
// (6 pt type stands about 7 pt high): bullets, dots, rules, underlines and
// glyph-like drawings are not kept.
constexpr double kMinShapeSide = 6;
// At most this many shapes and text runs per page: a chart or a vector
// drawing paints thousands of paths, a report's boxes are a handful, and a
// hostile page must not grow memory without bound.
constexpr std::size_t kMaxShapes = 4000;
constexpr std::size_t kMaxTextRuns = 50000;
// Forms nested deeper than this are not entered (a form that draws itself).
constexpr int kMaxFormDepth = 8;
// A run's origin may stand this far right of its word's left edge (points):
// poppler's box starts at the glyph's left bearing, the origin a little
// before or after it.
constexpr double kOriginSlack = 1.0;

// A box stays a box under a matrix that only scales, flips or turns by
// quarters (qpdf's QPDFMatrix: row vectors, (x y 1) * [a b 0; c d 0; e f 1]).
bool axis_aligned(const QPDFMatrix& m) { return (m.b == 0 && m.c == 0) || (m.a == 0 && m.d == 0); }

// 0..1 components to 0xRRGGBB.
Rgb rgb(double r, double g, double b) {
  auto byte = [](double v) { return static_cast<Rgb>(std::lround(std::clamp(v, 0.0, 1.0) * 255)); };
  return (byte(r) << 16) | (byte(g) << 8) | byte(b);
}

// The colour of `n` operands in a space of `components` (1 gray, 3 RGB,
// 4 CMYK, naive conversion as PDF's own default for DeviceCMYK to RGB).
Rgb color_of(const double* v, std::size_t n, int components) {
  if (components == 1 && n == 1) return rgb(v[0], v[0], v[0]);
  if (components == 3 && n == 3) return rgb(v[0], v[1], v[2]);
  if (components == 4 && n == 4)
    return rgb((1 - v[0]) * (1 - v[3]), (1 - v[1]) * (1 - v[3]), (1 - v[2]) * (1 - v[3]));
  return kUnknownColor;
}


// What q saves and Q restores (the parts that decide where and in what
// colour things are painted).
struct GraphicsState {
  QPDFMatrix ctm;
  Rgb fill = 0, stroke = 0;        // black until set
  int fill_components = 1, stroke_components = 1;
  int render_mode = 0;
  double font_size = 0, leading = 0;
};

// An operator of up to three characters as one number, for a switch.
constexpr int code(const char* op) {
  return op[0] == 0 ? 0 : op[1] == 0 ? op[0] : op[2] == 0 ? (op[0] << 8 | op[1]) : (op[0] << 16 | op[1] << 8 | op[2]);
}
int code(std::string_view op) {
  if (op.empty() || op.size() > 3) return -1;
  char text[4] = {};
  op.copy(text, op.size());
  return code(text);
}

class PaintReader {
 public:
  PaintReader(const PaintFrame& frame, PagePaint& out) : frame_(frame), out_(out) {}

  void run(std::string_view data, const PaintResources* resources, int depth) {
    ContentLexer lexer(data);
    for (;;) {
      ContentToken token = lexer.next();
      switch (token.kind) {
        case ContentToken::end: return;
        case ContentToken::number: push_number(token.value); break;
        case ContentToken::name: name_ = token.text; break;
        case ContentToken::word:
          // An inline image's data runs to EI.
          if (token.text == "ID") lexer.skip_inline_image();
          else operate(token.text, resources, depth);
          operands_ = 0;
          name_ = {};
          break;
        case ContentToken::other: break;  // strings, arrays, dictionaries: operands nothing here reads
      }
    }
  }

 private:
  void push_number(double v) {
    if (operands_ < kOperands) numbers_[operands_] = v;
    ++operands_;
  }
  // The last `n` numeric operands, or null when there are fewer.
  const double* last(std::size_t n) const {
    return operands_ >= n && operands_ <= kOperands ? numbers_ + operands_ - n : nullptr;
  }

  void operate(std::string_view op, const PaintResources* resources, int depth) {
    GraphicsState& gs = state_;
    const double* v = nullptr;
    switch (code(op)) {
      case 'q': stack_.push_back(gs); break;
      case 'Q':
        if (!stack_.empty()) state_ = stack_.back(), stack_.pop_back();
        break;
      case code("cm"):
        if ((v = last(6))) gs.ctm.concat(QPDFMatrix(v[0], v[1], v[2], v[3], v[4], v[5]));
        break;
      // Colour.
      case 'g': set_color(gs.fill, gs.fill_components, 1); break;
      case 'G': set_color(gs.stroke, gs.stroke_components, 1); break;
      case code("rg"): set_color(gs.fill, gs.fill_components, 3); break;
      case code("RG"): set_color(gs.stroke, gs.stroke_components, 3); break;
      case 'k': set_color(gs.fill, gs.fill_components, 4); break;
      case 'K': set_color(gs.stroke, gs.stroke_components, 4); break;
      case code("cs"): set_space(gs.fill, gs.fill_components, resources); break;
      case code("CS"): set_space(gs.stroke, gs.stroke_components, resources); break;
      case code("sc"):
      case code("scn"): set_components(gs.fill, gs.fill_components); break;
      case code("SC"):
      case code("SCN"): set_components(gs.stroke, gs.stroke_components); break;
      // Paths.
      case 'm':
      case 'l':
        if ((v = last(2))) add_point(v[0], v[1]);
        break;
      case 'c':
        if ((v = last(6))) add_point(v[0], v[1]), add_point(v[2], v[3]), add_point(v[4], v[5]);
        break;
      case 'v':
      case 'y':
        if ((v = last(4))) add_point(v[0], v[1]), add_point(v[2], v[3]);
        break;
      case code("re"):
        if ((v = last(4))) {
          bool first = path_points_ == 0;
          add_point(v[0], v[1]), add_point(v[0] + v[2], v[1]);
          add_point(v[0], v[1] + v[3]), add_point(v[0] + v[2], v[1] + v[3]);
          path_rectangles_ += first ? 1 : 2;  // a second subpath makes it no single box
        }
        break;
      case 'f':
      case 'F':
      case code("f*"): paint(true, false); break;
      case 'S':
      case 's': paint(false, true); break;
      case 'B':
      case 'b':
      case code("B*"):
      case code("b*"): paint(true, true); break;
      case 'n': end_path(); break;
      // Text.
      case code("BT"): text_ = line_ = QPDFMatrix(), origin_known_ = true; break;
      case code("Tf"):
        if ((v = last(1))) gs.font_size = v[0];
        break;
      case code("TL"):
        if ((v = last(1))) gs.leading = v[0];
        break;
      case code("Tr"):
        if ((v = last(1))) gs.render_mode = static_cast<int>(v[0]);
        break;
      case code("Td"):
        if ((v = last(2))) move_line(v[0], v[1]);
        break;
      case code("TD"):
        if ((v = last(2))) gs.leading = -v[1], move_line(v[0], v[1]);
        break;
      case code("Tm"):
        if ((v = last(6))) text_ = line_ = QPDFMatrix(v[0], v[1], v[2], v[3], v[4], v[5]), origin_known_ = true;
        break;
      case code("T*"): move_line(0, -gs.leading); break;
      case code("Tj"):
      case code("TJ"): show(); break;
      case '\'':
      case '"': move_line(0, -gs.leading), show(); break;
      case code("Do"): draw_form(resources, depth); break;
      default: break;
    }
  }

  void set_color(Rgb& color, int& components, int n) {
    components = n;
    const double* v = last(static_cast<std::size_t>(n));
    color = v ? color_of(v, static_cast<std::size_t>(n), n) : kUnknownColor;
  }
  // cs/CS: a new colour space; its initial colour is black (0 for gray and
  // RGB, 0 0 0 1 for CMYK), unknown for the spaces not read.
  void set_space(Rgb& color, int& components, const PaintResources* resources) {
    int n = color_space_components(name_);
    if (n == 0 && resources && !name_.empty()) n = resources->color_components(ContentLexer::decoded_name(name_));
    components = n;
    color = n ? 0 : kUnknownColor;
  }
  // sc/scn: as many numbers as the space has components; a pattern name
  // (scn /P0) or a space not read leaves the colour unknown.
  void set_components(Rgb& color, int components) {
    const double* v = components ? last(static_cast<std::size_t>(components)) : nullptr;
    color = v && name_.empty() && operands_ == static_cast<std::size_t>(components)
                ? color_of(v, static_cast<std::size_t>(components), components)
                : kUnknownColor;
  }

  // A point of user space under `m`, in the page's top-left coordinates.
  void map_point(const QPDFMatrix& m, double x, double y, double& ox, double& oy) const {
    double px, py;
    m.transform(x, y, px, py);
    double u = px - frame_.crop.x0, w = frame_.crop.width();
    double t = frame_.crop.y1 - py, h = frame_.crop.height();
    ox = u, oy = t;
    switch (frame_.rotate) {
      case 90: ox = h - t, oy = u; break;
      case 180: ox = w - u, oy = h - t; break;
      case 270: ox = t, oy = w - u; break;
      default: break;
    }
  }
  // A point of the path.
  void add_point(double x, double y) {
    double ox, oy;
    map_point(state_.ctm, x, y, ox, oy);
    if (path_points_ == 0) path_ = {ox, oy, ox, oy};
    else path_ = {std::min(path_.x0, ox), std::min(path_.y0, oy), std::max(path_.x1, ox), std::max(path_.y1, oy)};
    ++path_points_;
  }
  void end_path() {
    path_points_ = 0;
    path_rectangles_ = 0;
  }
  void paint(bool fill, bool stroke) {
    Shape shape;
    shape.bbox = path_;
    shape.fill = fill ? state_.fill : kUnknownColor;
    shape.stroke = stroke ? state_.stroke : kUnknownColor;
    shape.rectangle = path_rectangles_ == 1 && path_points_ == 4 && axis_aligned(state_.ctm);
    bool known = shape.fill != kUnknownColor || shape.stroke != kUnknownColor;
    if (path_points_ > 0 && known && shape.bbox.width() >= kMinShapeSide && shape.bbox.height() >= kMinShapeSide &&
        out_.shapes.size() < kMaxShapes)
      out_.shapes.push_back(shape);
    end_path();
  }

  void move_line(double tx, double ty) {
    line_.translate(tx, ty);  // the new line matrix: the move, then the old one
    text_ = line_;
    origin_known_ = true;
  }
  void show() {
    ++out_.shown;
    out_.invisible += state_.render_mode == 3;
    if (out_.text.size() >= kMaxTextRuns) return;
    // A run that follows another without a new position starts where that
    // one ended, which only the font's widths tell: it is given the
    // previous run's origin.
    if (!origin_known_ && !out_.text.empty()) {
      TextPaint run = out_.text.back();
      run.color = run_color();
      run.render_mode = state_.render_mode;
      out_.text.push_back(run);
      return;
    }
    QPDFMatrix m = state_.ctm;
    m.concat(text_);  // the text matrix, then the current one
    TextPaint run;
    map_point(m, 0, 0, run.x, run.y);
    run.size = std::abs(state_.font_size) * std::hypot(m.c, m.d);
    run.color = run_color();
    run.render_mode = state_.render_mode;
    out_.text.push_back(run);
    origin_known_ = false;
  }
  // Modes 1 and 5 stroke the glyphs only; 3 and 7 paint nothing.
  Rgb run_color() const {
    int mode = state_.render_mode;
    if (mode == 3 || mode == 7) return kUnknownColor;
    return mode == 1 || mode == 5 ? state_.stroke : state_.fill;
  }

  void draw_form(const PaintResources* resources, int depth) {
    FormContent form;
    if (!resources || name_.empty() || depth >= kMaxFormDepth || !resources->form(ContentLexer::decoded_name(name_), form))
      return;
    GraphicsState saved = state_;
    QPDFMatrix saved_text = text_, saved_line = line_;
    const double* f = form.matrix;
    state_.ctm.concat(QPDFMatrix(f[0], f[1], f[2], f[3], f[4], f[5]));
    std::size_t stack_depth = stack_.size();
    run(form.data, form.resources.get(), depth + 1);
    stack_.resize(std::min(stack_.size(), stack_depth));  // a form's unbalanced q stays inside it
    state_ = saved;
    text_ = saved_text, line_ = saved_line;
  }

  static constexpr std::size_t kOperands = 8;

  const PaintFrame& frame_;
  PagePaint& out_;
  GraphicsState state_;
  std::vector<GraphicsState> stack_;
  double numbers_[kOperands] = {};
  std::size_t operands_ = 0;
  std::string_view name_;  // the last name operand as written ("/CS0", "/Fm1"), empty when none
  QPDFMatrix text_, line_;
  bool origin_known_ = true;
  Rect path_;
  std::size_t path_points_ = 0;
  int path_rectangles_ = 0;
};

}  // namespace

int color_space_components(std::string_view family) {
  // The inline image abbreviations (G, RGB, CMYK) may name them in content too.
  if (family == "/DeviceGray" || family == "/G" || family == "/CalGray") return 1;
  if (family == "/DeviceRGB" || family == "/RGB" || family == "/CalRGB") return 3;
  if (family == "/DeviceCMYK" || family == "/CMYK") return 4;
  return 0;
}

PagePaint read_paint(std::string_view data, const PaintFrame& frame, const PaintResources* resources) {
  PagePaint out;
  PaintReader reader(frame, out);
  try {
    reader.run(data, resources, 0);
  } catch (const std::exception&) {
    // qpdf gave up on damaged content: what was read before counts.
  }
  return out;
}

void color_boxes(const PagePaint& paint, std::vector<Box>& boxes) {
  if (paint.text.empty()) return;
  // A box takes the colour of the run that starts last at or before its
  // left edge among the runs whose baseline lies in its height (the later
  // drawn where two start at one x): one binary search per baseline in its
  // height, over the runs in stable (baseline, x) order. Producers draw a
  // line's runs one after another, mostly left to right, so that order is
  // made of the stretches of one baseline as they come (a page has
  // thousands of runs and some hundred stretches), each baseline sorted by
  // x only where it is not in order already.
  struct Run {
    double y, x;
    std::size_t index;
  };
  std::vector<Run> drawn;
  drawn.reserve(paint.text.size());
  for (std::size_t i = 0; i < paint.text.size(); ++i) {
    const TextPaint& t = paint.text[i];
    if (std::isfinite(t.x) && std::isfinite(t.y)) drawn.push_back({t.y, t.x, i});  // damage can overflow a matrix
  }
  std::vector<std::pair<std::size_t, std::size_t>> stretches;  // [first, last) of `drawn` on one baseline
  for (std::size_t i = 0; i < drawn.size(); ++i)
    if (i == 0 || drawn[i].y != drawn[i - 1].y) stretches.emplace_back(i, i + 1);
    else stretches.back().second = i + 1;
  std::stable_sort(stretches.begin(), stretches.end(),
                   [&](const auto& a, const auto& b) { return drawn[a.first].y < drawn[b.first].y; });
  std::vector<Run> runs;
  runs.reserve(drawn.size());
  for (const auto& [first, last] : stretches) runs.insert(runs.end(), drawn.begin() + first, drawn.begin() + last);
  std::vector<std::size_t> group_start;  // where each baseline's runs begin in `runs`, and the end
  auto by_x = [](const Run& a, const Run& b) { return a.x < b.x; };
  for (std::size_t i = 0, j; i < runs.size(); i = j) {
    for (j = i + 1; j < runs.size() && runs[j].y == runs[i].y;) ++j;
    if (!std::is_sorted(runs.begin() + i, runs.begin() + j, by_x)) std::stable_sort(runs.begin() + i, runs.begin() + j, by_x);
    group_start.push_back(i);
  }
  group_start.push_back(runs.size());
  for (Box& box : boxes) {
    const double limit = box.bbox.x0 + kOriginSlack;
    auto g = std::lower_bound(group_start.begin(), group_start.end() - 1, box.bbox.y0,
                              [&](std::size_t start, double y) { return runs[start].y < y; });
    const Run* best = nullptr;
    for (; g != group_start.end() - 1 && runs[*g].y <= box.bbox.y1; ++g) {
      auto first = runs.begin() + static_cast<std::ptrdiff_t>(*g), last = runs.begin() + static_cast<std::ptrdiff_t>(*(g + 1));
      auto past = std::upper_bound(first, last, limit, [](double x, const Run& r) { return x < r.x; });
      if (past == first) continue;  // every run of the baseline starts right of the box
      const Run* r = &*(past - 1);
      if (!best || r->x >= best->x) best = r;
    }
    box.color = best ? paint.text[best->index].color : kUnknownColor;
  }
}

}  // namespace overleg
