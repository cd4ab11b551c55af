// Page and Box: what the extract stage hands to layout. A Box is one word
// with its position and font, from the PDF's text layer or from OCR; layout
// does not care which. Plain value types; safe to copy and share.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/diagnostic.h"
#include "model/geometry.h"

namespace overleg {

/// Where a page's words came from.
enum class PageMethod { text, ocr, none };

/// "text", "ocr" or "none", as in the record's extraction.pages[].method.
const char* to_string(PageMethod method);

/// A colour as 0xRRGGBB.
using Rgb = std::int32_t;
/// No colour known (OCR, or a colour space extract does not read).
constexpr Rgb kUnknownColor = -1;

/// An area the page paints that is not a glyph or an image: a tinted box, a
/// colour bar, a frame, the page's background. Extract keeps only shapes
/// large enough to hold a line of text.
struct Shape {
  Rect bbox;                   ///< top-left page coordinates
  Rgb fill = kUnknownColor;    ///< kUnknownColor: not filled (or a pattern)
  Rgb stroke = kUnknownColor;  ///< kUnknownColor: not stroked
  bool rectangle = false;      ///< drawn as one `re`: a box, not a curve or polygon
};

/// One symbol (a letter, mostly) of an OCR word: as OCR read it, and what
/// else it took it for, each with OCR's confidence 0..1.
struct SymbolChoice {
  std::string read;
  double confidence = 0;
  std::vector<std::pair<std::string, double>> alternatives;  ///< best first
};

/// One word (no white space inside) on a page.
struct Box {
  std::string text;        ///< UTF-8, as extracted (normalise cleans it later)
  Rect bbox;               ///< the word's extent on the page
  std::string font;        ///< font name without subset prefix ("Roboto-Bold"); empty if unknown
  double size = 0;         ///< font size in points (OCR: estimated from the line height)
  bool bold = false;       ///< from the font name, or OCR's estimate
  bool italic = false;
  double confidence = -1;  ///< OCR word confidence 0..1; -1 for the text layer
  /// OCR words read with little confidence: OCR's alternatives for each
  /// symbol of `text`, in order (the symbols' `read` spell `text`); empty
  /// for every other word and for the text layer.
  std::vector<SymbolChoice> symbol_choices = {};
  /// Text layer: the word's place in the order the PDF reader gave the
  /// page's words, and whether it saw a space after it before the next (a
  /// new font size or script without a space is not a new word: "H" + "i",
  /// "π" + "1"); -1 and geometry alone for OCR.
  int order = -1;
  bool space_after = false;
  /// The colour the word is filled in (text layer); kUnknownColor for OCR.
  Rgb color = kUnknownColor;
};

/// A URI link annotation: where it points and the area one clicks.
struct Link {
  std::string url;
  Rect rect;
  int page = 0;  ///< 1-based
};

struct Page {
  int number = 0;       ///< 1-based
  double width = 0;     ///< points
  double height = 0;
  std::vector<Box> boxes;  ///< in the order the source gave them (not reading order)
  std::vector<Link> links;
  /// What the page paints besides text and images, in painting order: the
  /// content stream's shapes on a text page, the image's tints and dark
  /// fills (grey) on an OCR'd one.
  std::vector<Shape> shapes;
  PageMethod method = PageMethod::text;
  int chars = 0;                          ///< characters extracted from this page
  std::optional<double> ocr_confidence;   ///< mean word confidence when OCR'd
  /// Width x height in pixels of the largest raster image the page draws,
  /// 0 when none, -1 when unknown (not a PDF, or its objects unreadable).
  /// The OCR decision renders a page only when an image may hold text.
  double largest_image_pixels = -1;
  std::vector<Diagnostic> warnings;
  /// Words of the page that extract read but leaves out on purpose, by
  /// reason (record.md "Left-out words"): text outside the crop box.
  std::map<std::string, int> left_out;
  /// The text layer is itself OCR output (invisible text over the page
  /// image, as scanners write it); set by extract when it sees that. Repair
  /// treats such a page as OCR'd (text/ocr_text_layer.h also knows OCR fonts).
  bool text_layer_ocr = false;
};

}  // namespace overleg
