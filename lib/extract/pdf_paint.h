// PagePaint: what a page's content stream paints besides the glyphs'
// shapes -- the filled and stroked areas (a tinted box, a colour bar, a
// frame, the page's own background) and the colour each run of text is
// filled in -- read from the drawing operators.
//
// Why the content stream and not poppler: poppler's word list says nothing
// of what lies under a word, and an output device of our own would run
// poppler's whole interpreter over the page a second time. The operators
// are few (colour, path, paint, text position and the graphics-state
// stack), qpdf already decodes the page's streams for the links and images,
// and reading them costs one pass of a small scanner -- no rasterising.
//
// The operators are read with extract/content_lexer.h (why not qpdf's
// tokenizer: see there). What is not read: shading and pattern fills
// (their colour is unknown), clipping (a shape counts where it is drawn),
// colour spaces other than gray, RGB and CMYK and their ICC equivalents,
// a frame drawn as four separate lines. The colour of a text run is known at
// the run's start; a run that starts where the last one ended (no new
// position) gets that run's origin, so a colour change inside a line
// without a new position is attributed to the run before it.
//
// Pure functions; safe to call from several threads on different inputs.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "model/geometry.h"
#include "model/page.h"

namespace overleg {

/// Where a text run starts and how it is painted, in the page's top-left
/// coordinates (as poppler's text boxes).
struct TextPaint {
  double x = 0, y = 0;  ///< the run's origin: its left end on its baseline
  double size = 0;      ///< font size as drawn (Tf times the text and current matrices)
  Rgb color = kUnknownColor;
  int render_mode = 0;  ///< Tr: 3 is invisible (an OCR layer over a scan)
};

/// Everything one page paints that the role stage may weigh.
struct PagePaint {
  std::vector<Shape> shapes;  ///< in painting order (a later shape lies over an earlier one)
  std::vector<TextPaint> text;
  long shown = 0;             ///< text-showing operators
  long invisible = 0;         ///< of them drawn in render mode 3
};

struct FormContent;

/// The names a content stream refers to, resolved in its resources (a
/// page's or a form's).
class PaintResources {
 public:
  virtual ~PaintResources() = default;
  /// 1, 3 or 4 when colour space `name` ("/CS0", "/DeviceRGB") takes gray,
  /// RGB or CMYK values (the Device, Cal and ICCBased spaces); 0 otherwise
  /// (Separation, Indexed, Lab, Pattern, unknown): its colours are unknown.
  virtual int color_components(std::string_view name) const = 0;
  /// The form XObject `name` ("/Fm0"); false when it is an image or unknown.
  virtual bool form(std::string_view name, FormContent& out) const = 0;
};

/// A form XObject's content, for a `Do`: its decoded bytes, its /Matrix,
/// and its own resources.
struct FormContent {
  std::string data;
  double matrix[6] = {1, 0, 0, 1, 0, 0};
  std::unique_ptr<PaintResources> resources;  ///< may be null: names unresolved
};

/// The page frame the paint is mapped into: the crop box (PDF user space)
/// and the page's /Rotate (0, 90, 180, 270), so that the result lies where
/// poppler puts the page's words.
struct PaintFrame {
  Rect crop{0, 0, 612, 792};  ///< x0,y0 lower-left, x1,y1 upper-right, PDF user space
  int rotate = 0;
};

/// 1, 3 or 4 for a colour space family that takes gray, RGB or CMYK values
/// by its name alone ("/DeviceRGB", "/CalGray", "/G"); 0 for any other.
int color_space_components(std::string_view family);

/// Reads the paint of decoded content `data` (the page's streams joined).
/// `resources` resolves colour space and form names (null: only the
/// Device colour spaces are known and forms are not entered). Damaged
/// content yields what could be read around the damage.
PagePaint read_paint(std::string_view data, const PaintFrame& frame, const PaintResources* resources);

/// The colour of each box of `boxes` (Box::color) from the text runs of
/// `paint`: the run on the box's line that starts nearest before it. Boxes
/// no run explains keep kUnknownColor.
void color_boxes(const PagePaint& paint, std::vector<Box>& boxes);

}  // namespace overleg
