// The per-page OCR decision (--ocr auto|always|never), in one place with its
// reasons. In auto mode a page is OCR'd when its text layer
//   - is missing (fewer than kMinTextChars characters) and the page has ink,
//   - is too small for the ink on the page: a low-dpi render shows much more
//     text-like ink (small dark blobs) outside the text layer's word boxes than inside,
//   - is mostly unreadable glyphs (U+FFFD, private-use, control characters),
//   - or fails the lexicon plausibility check: few of its tokens are Dutch
//     words and the tokens do not look like words of another language either.
// Pure functions over values; thread-safe (the Lexicon is immutable).
#pragma once

#include <optional>
#include <string>

#include "model/diagnostic.h"
#include "extract/document_source.h"
#include "model/page.h"

namespace overleg {

/// When pages are OCR'd (--ocr): by the per-page decision below, always, or never.
enum class OcrMode { automatic, always, never };

class Lexicon;

/// Resolution of the render the ink measure wants (cheap: ~10-100 ms a page).
constexpr int kInkDpi = 50;
/// Fewer non-space characters than this is no text layer (a page number).
constexpr int kMinTextChars = 16;
/// The ink image should have between these many pixels; ink_dpi keeps to it.
constexpr double kMinInkPixels = 200'000;    ///< ~A5 at kInkDpi
constexpr double kMaxInkPixels = 4'000'000;  ///< ~A0 at kInkDpi

/// The dpi to render the ink image of a page of this size (points) at:
/// kInkDpi for ordinary pages, more for small ones, less for posters.
int ink_dpi(double width_pt, double height_pt);

/// What the decision measured about a page (for the reason and for tests).
struct TextLayerStats {
  int chars = 0;            ///< non-space characters (code points) in the text layer
  int bad_glyphs = 0;       ///< of them U+FFFD, private-use or control characters
  int tokens = 0;           ///< letter tokens of 2+ letters
  int dutch_tokens = 0;     ///< of them in the lexicon (0 without a lexicon)
  int odd_tokens = 0;       ///< of them not looking like a word of any language
  long covered_ink = -1;    ///< text-like ink pixels (at kInkDpi) inside the word boxes, -1 without ink image
  long uncovered_ink = -1;  ///< text-like ink pixels outside them, -1 without ink image
  double dark_share = -1;   ///< share of dark pixels of any kind, -1 without ink image
};

/// Stable codes of PageDecision::code.
namespace decision {
inline constexpr const char* forced = "forced";      ///< --ocr always
inline constexpr const char* disabled = "disabled";  ///< --ocr never
inline constexpr const char* no_text_layer = "no_text_layer";
inline constexpr const char* blank_page = "blank_page";    ///< no text layer, no ink: nothing to OCR
inline constexpr const char* sparse_text = "sparse_text";  ///< too small for the ink
inline constexpr const char* bad_glyphs = "bad_glyphs";
inline constexpr const char* not_dutch = "not_dutch";
inline constexpr const char* text_layer_ok = "text_layer_ok";
}  // namespace decision

/// The decision about one page and why.
struct PageDecision {
  bool ocr = false;    ///< read the page with OCR (its words replace the text layer's)
  std::string code;    ///< one of decision::*
  std::string reason;  ///< one line for a person, with the figures
  /// The text layer is unusable (no text, unreadable, not Dutch) although
  /// the page is not OCR'd (--ocr never): the pipeline should warn.
  bool text_unusable = false;
  TextLayerStats stats;  ///< the figures behind it
};

/// Measures `page`'s text layer (and the ink image when given, rendered at
/// any dpi, usually kInkDpi). `lexicon` may be null.
TextLayerStats measure_text_layer(const Page& page, const GrayImage* ink, const Lexicon* lexicon);

/// Adds the ink measure of `ink` (a render of `page` at any dpi, usually
/// ink_dpi) to `stats`, which measure_text_layer made without one.
void add_ink_measure(const Page& page, const GrayImage& ink, TextLayerStats& stats);

/// The decision from measured figures; `have_lexicon` says whether
/// dutch_tokens was measured. The stats carry the ink figures when there
/// was an ink image (covered_ink >= 0).
PageDecision decide_page_method(const TextLayerStats& stats, OcrMode mode, bool have_lexicon);

/// Decides whether to OCR `page`, whose boxes are its text layer. `ink` is a
/// low-dpi render of the page (see ink_dpi) or null (then the ink rule is
/// off and an empty text layer always means OCR); `lexicon` may be null
/// (then only the look of the words is judged, not whether they are Dutch).
PageDecision decide_page_method(const Page& page, const GrayImage* ink, OcrMode mode, const Lexicon* lexicon);

/// Does the decision need the ink image? False when it is clear without one
/// (always/never, a text layer of unreadable glyphs, a text layer on a page
/// that draws no image large enough to be a picture of text), so the render
/// can be skipped. Callers may always pass one; this only saves time.
/// `words` is measure_text_layer(page, nullptr, ...).
bool decision_needs_ink(const Page& page, const TextLayerStats& words, OcrMode mode);
/// The same, measuring the text layer itself.
bool decision_needs_ink(const Page& page, OcrMode mode, const Lexicon* lexicon);

/// The warning for the record when a page's text is lost: --ocr never on a
/// page without usable text ("ocr_disabled"), or nullopt.
std::optional<Diagnostic> decision_warning(const PageDecision& decision, const std::string& file, int page);

}  // namespace overleg
