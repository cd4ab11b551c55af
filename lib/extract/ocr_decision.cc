#include "extract/ocr_decision.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <vector>

#include "lexicon/lexicon.h"
#include "util/ligatures.h"
#include "util/text.h"

namespace overleg {
namespace {

// --- Thresholds. Measured with bench/ocr_decisions.cc on the dev corpus (16
// text-layer pages, 10 scanned ones) and the real-world corpus of
// ../shared/corpus (460 pages: reports, papers, forms, manuals, scans):
// text-like ink outside the word boxes is 0-501 pixels on the dev text pages
// and at most 1,360 on real-world text pages (figures with labels, maths);
// the pages above 1,500 are the Federal Register's pictures of text, which
// want OCR; scanned pages have 2,466-18,857. Text pages are 90-99% Dutch
// words (Dutch) or 10-50% (German, English, French), with under 3% odd tokens.

// A page is "too small for its ink" when at least this many pixels (at
// kInkDpi) of text-like ink lie outside the text layer's boxes...
constexpr long kSparseMinInk = 1500;
// ...and they are more than this many times those inside the boxes.
constexpr double kSparseRatio = 1.0;
// Without a text layer, OCR only when there is at least this much text-like
// ink (pixels at kInkDpi; a short word of body text is ~40).
constexpr long kMinUncoveredInk = 100;
// A page without text layer and with less than this share of dark pixels is
// blank (relative, so that a small page's few letters still count).
constexpr double kBlankMaxDarkShare = 0.0002;
// Ink is darker than this (anti-aliased type at kInkDpi is grey).
constexpr int kDarkLevel = 170;
// Blobs taller than this (points) are not type: pictures, line art, bands.
constexpr double kMaxTextHeightPt = 30;
// Blobs smaller than this (pixels at kInkDpi) are speckle.
constexpr double kMinBlobPixels = 3;
// Blobs filling more than this share of their bounding box, if not tiny
// (kMinSolidArea pixels at kInkDpi), are solid shapes: a coloured band, a
// filled box, a thick rule. Type, even merged into a line at 50 dpi, fills
// 30-60%.
constexpr double kMaxTypeFill = 0.75;
constexpr double kMinSolidArea = 60;
// Word boxes are widened by this (points) before deciding what they cover:
// anti-aliasing and the edge just right of the last letter.
constexpr double kBoxMargin = 1.5;

// A readable text layer on a page whose largest raster image has fewer
// pixels than this needs no ink render: only a picture can hold text the
// text layer lacks (vector art never did: at most 1,360 uncovered pixels on
// the real-world text pages, under kSparseMinInk), and a picture of text big
// enough to read has at least ~0.5 Mpx (a third of an A4 page at 120 dpi).
// Logos and icons stay under it; photos above it pay the render, and the ink
// measure then judges them as before. Measured on the dev corpus: the render
// was 82% of a text-layer conversion's instructions.
constexpr double kMinTextImagePixels = 500'000;

// Share of unreadable glyphs that makes the text layer unusable. "Mostly" in
// the issue; a third is already worse than OCR of a clean page.
constexpr double kBadGlyphShare = 0.30;

// Lexicon check: judged only on at least this many tokens...
constexpr int kMinTokens = 20;
// ...fails when fewer than this share are Dutch words (Dutch prose scores
// 0.85-0.95, garbled text ~0.05, French ~0.2)...
constexpr double kMinDutchShare = 0.30;
// ...and at least this share do not look like words of any language, so that
// a clean French or English page is not OCR'd for being foreign.
constexpr double kMinOddShareWithLexicon = 0.15;
// Without a lexicon, only the look of the tokens is left.
constexpr double kMinOddShareWithoutLexicon = 0.50;

// Decodes one UTF-8 code point at `i` (advancing it); bad bytes give U+FFFD.
char32_t next_code_point(const std::string& s, std::size_t& i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = byte(i);
  int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
  if (len == 0 || i + len > s.size()) {
    ++i;
    return 0xFFFD;
  }
  char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
  for (int k = 1; k < len; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  i += len;
  return cp;
}

bool is_bad_glyph(char32_t cp) {
  return cp == 0xFFFD || (cp >= 0xE000 && cp <= 0xF8FF) || cp >= 0xF0000 ||  // replacement, private use
         (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || (cp >= 0x7F && cp < 0xA0);  // controls
}

bool is_space(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0 || cp == 0x2009 || cp == 0x202F;
}

// Letters of the scripts the flyers' languages use, without ICU: ASCII,
// Latin-1 and Latin Extended letters, Greek and Cyrillic; ligatures count.
bool is_letter(char32_t cp) {
  if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')) return true;
  if (cp >= 0xC0 && cp <= 0x24F) return cp != 0xD7 && cp != 0xF7;
  if (cp >= 0x370 && cp <= 0x52F) return true;
  return cp >= 0xFB00 && cp <= 0xFB06;
}

bool is_vowel(char32_t cp) {
  if (cp < 0x80) {
    char c = static_cast<char>(cp | 0x20);
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
  }
  // Accented Latin letters are vowels (the consonants with diacritics, ç ñ ß,
  // are rare enough); other scripts are not judged, so count as vowels too.
  return !(cp == 0xC7 || cp == 0xE7 || cp == 0xD1 || cp == 0xF1 || cp == 0xDF);
}

bool is_upper(char32_t cp) { return (cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7); }
bool is_lower(char32_t cp) { return (cp >= 'a' && cp <= 'z') || (cp >= 0xDF && cp <= 0xFF && cp != 0xF7); }

// Does a token not look like a word of any language? No vowel in 3+ letters,
// 6+ consonants in a row, or a capital after a small letter ("vAn").
bool looks_odd(const std::u32string& token) {
  bool vowel = false;
  int consonants = 0, worst = 0;
  for (std::size_t i = 0; i < token.size(); ++i) {
    char32_t cp = token[i];
    if (is_vowel(cp)) {
      vowel = true;
      consonants = 0;
    } else {
      worst = std::max(worst, ++consonants);
    }
    if (i > 0 && is_upper(cp) && is_lower(token[i - 1])) return true;
  }
  return (!vowel && token.size() >= 3) || worst >= 6;
}

// Text-like ink of the ink image, split by whether the page's word boxes
// cover it: dark pixels in connected components no taller than a line of
// big type. Type is made of such small blobs (at kInkDpi a word or a line is
// one); line art, rules, frames, photos and coloured bands are big connected
// shapes and do not count, nor does speckle.
}  // namespace

void add_ink_measure(const Page& page, const GrayImage& ink, TextLayerStats& stats) {
  int w = ink.width, h = ink.height;
  if (w <= 1 || h <= 1 || ink.pixels.size() < static_cast<std::size_t>(w) * h || ink.dpi <= 0) return;
  std::size_t n = static_cast<std::size_t>(w) * h;
  // 0 paper, 1 ink not yet labelled, 2 labelled.
  std::vector<std::uint8_t> state(n);
  for (std::size_t i = 0; i < n; ++i) state[i] = ink.pixels[i] < kDarkLevel ? 1 : 0;

  std::vector<std::uint8_t> covered(n, 0);
  double scale = ink.dpi / 72.0;
  for (const Box& b : page.boxes) {
    int x0 = std::max(0, static_cast<int>(std::floor((b.bbox.x0 - kBoxMargin) * scale)));
    int x1 = std::min(w, static_cast<int>(std::ceil((b.bbox.x1 + kBoxMargin) * scale)));
    int y0 = std::max(0, static_cast<int>(std::floor((b.bbox.y0 - kBoxMargin) * scale)));
    int y1 = std::min(h, static_cast<int>(std::ceil((b.bbox.y1 + kBoxMargin) * scale)));
    if (x1 > x0)
      for (int y = y0; y < y1; ++y) std::fill_n(covered.begin() + static_cast<std::ptrdiff_t>(y) * w + x0, x1 - x0, 1);
  }

  double max_height = kMaxTextHeightPt * scale;
  double area_scale = (ink.dpi / static_cast<double>(kInkDpi)) * (ink.dpi / static_cast<double>(kInkDpi));
  double min_blob = kMinBlobPixels * area_scale, min_solid = kMinSolidArea * area_scale;
  long in = 0, out = 0, dark = 0;
  std::vector<std::size_t> stack, members;
  stack.reserve(1024);
  for (std::size_t start = 0; start < n; ++start) {
    if (state[start] != 1) continue;
    // Flood-fill one 8-connected component, noting its extent.
    members.clear();
    stack.assign(1, start);
    state[start] = 2;
    int top = h, bottom = -1, left = w, right = -1;
    while (!stack.empty()) {
      std::size_t i = stack.back();
      stack.pop_back();
      members.push_back(i);
      int x = static_cast<int>(i % w), y = static_cast<int>(i / w);
      top = std::min(top, y), bottom = std::max(bottom, y);
      left = std::min(left, x), right = std::max(right, x);
      for (int dy = -1; dy <= 1; ++dy)
        for (int dx = -1; dx <= 1; ++dx) {
          int nx = x + dx, ny = y + dy;
          if (nx < 0 || ny < 0 || nx >= w || ny >= h) continue;
          std::size_t j = static_cast<std::size_t>(ny) * w + nx;
          if (state[j] == 1) state[j] = 2, stack.push_back(j);
        }
    }
    dark += static_cast<long>(members.size());
    double box_area = static_cast<double>(right - left + 1) * (bottom - top + 1);
    bool solid = box_area >= min_solid && members.size() > kMaxTypeFill * box_area;
    if (members.size() < min_blob || bottom - top + 1 > max_height || solid) continue;
    for (std::size_t i : members) ++(covered[i] ? in : out);
  }
  // Thresholds are for kInkDpi; pixel counts grow with the square of the dpi.
  double to_ink_dpi = static_cast<double>(kInkDpi) / ink.dpi;
  to_ink_dpi *= to_ink_dpi;
  stats.covered_ink = std::lround(in * to_ink_dpi);
  stats.uncovered_ink = std::lround(out * to_ink_dpi);
  stats.dark_share = static_cast<double>(dark) / static_cast<double>(n);
}

namespace {

std::string percent(double share) { return std::to_string(static_cast<int>(std::lround(100 * share))) + "%"; }

}  // namespace

TextLayerStats measure_text_layer(const Page& page, const GrayImage* ink, const Lexicon* lexicon) {
  TextLayerStats stats;
  auto finish_token = [&](std::u32string& token) {
    if (token.size() >= 2) {
      ++stats.tokens;
      if (looks_odd(token)) ++stats.odd_tokens;
      if (lexicon) {
        if (lexicon->contains_any_case(to_utf8(token))) ++stats.dutch_tokens;
      }
    }
    token.clear();
  };
  std::u32string token;
  for (const Box& b : page.boxes) {
    for (std::size_t i = 0; i < b.text.size();) {
      char32_t cp = next_code_point(b.text, i);
      if (cp == 0xAD) continue;  // a soft hyphen splits nothing
      if (!is_space(cp)) ++stats.chars;
      if (is_bad_glyph(cp)) ++stats.bad_glyphs;
      if (is_letter(cp)) {
        if (cp >= 0xFB00)
          token += ligature_letters(cp);
        else
          token += cp;
      } else {
        finish_token(token);
      }
    }
    finish_token(token);  // a box is a word: tokens end with it
  }
  if (ink) add_ink_measure(page, *ink, stats);
  return stats;
}

int ink_dpi(double width_pt, double height_pt) {
  double pixels = width_pt / 72.0 * height_pt / 72.0 * kInkDpi * kInkDpi;
  if (!(pixels > 0)) return kInkDpi;
  // A small page (a label, a receipt) is rendered finer, so that its type
  // is not lost as speckle; a poster coarser, to bound time and memory.
  if (pixels < kMinInkPixels) return static_cast<int>(std::ceil(kInkDpi * std::sqrt(kMinInkPixels / pixels)));
  if (pixels > kMaxInkPixels) return std::max(1, static_cast<int>(kInkDpi * std::sqrt(kMaxInkPixels / pixels)));
  return kInkDpi;
}

bool decision_needs_ink(const Page& page, const TextLayerStats& s, OcrMode mode) {
  if (mode != OcrMode::automatic) return false;
  // Unreadable text is OCR'd whatever the ink says.
  if (s.chars > 0 && s.bad_glyphs >= kBadGlyphShare * s.chars) return false;
  // A text layer on a page with no picture that could hold more text is all
  // the text there is; an empty one may be a blank page, and a page with a
  // big image (or unknown images) may be half a scan: those need the ink.
  bool no_text_image = page.largest_image_pixels >= 0 && page.largest_image_pixels < kMinTextImagePixels;
  return !(s.chars >= kMinTextChars && no_text_image);
}

bool decision_needs_ink(const Page& page, OcrMode mode, const Lexicon* lexicon) {
  return decision_needs_ink(page, measure_text_layer(page, nullptr, lexicon), mode);
}

PageDecision decide_page_method(const Page& page, const GrayImage* ink, OcrMode mode, const Lexicon* lexicon) {
  return decide_page_method(measure_text_layer(page, ink, lexicon), mode, lexicon != nullptr);
}

PageDecision decide_page_method(const TextLayerStats& stats, OcrMode mode, bool have_lexicon) {
  PageDecision d;
  d.stats = stats;
  const TextLayerStats& s = d.stats;
  auto set = [&](bool ocr, const char* code, std::string reason, bool unusable = false) {
    d.ocr = ocr;
    d.code = code;
    d.reason = std::move(reason);
    d.text_unusable = unusable;
  };

  if (mode == OcrMode::always) {
    set(true, decision::forced, "OCR forced (--ocr always)");
    return d;
  }

  // What is wrong with the text layer, if anything, in order of certainty.
  const char* problem = nullptr;
  bool partial = false;  // the text layer is good but covers too little
  std::string why;
  bool have_ink = s.uncovered_ink >= 0;
  if (s.chars < kMinTextChars) {
    if (have_ink && s.dark_share < kBlankMaxDarkShare) {
      set(false, decision::blank_page,
          "blank page: no text layer and no ink (" + std::to_string(s.dark_share * 100).substr(0, 6) +
              "% dark pixels at " + std::to_string(kInkDpi) + " dpi)");
      return d;
    }
    if (have_ink && s.chars > 0 && s.uncovered_ink < kMinUncoveredInk) {
      // A page number or a caption over a picture: the few words are all
      // the text there is, OCR would find nothing more.
      set(false, mode == OcrMode::never ? decision::disabled : decision::text_layer_ok,
          "text layer used (" + std::to_string(s.chars) +
              " characters, and no text-like ink outside them: " + std::to_string(s.uncovered_ink) + " pixels)");
      return d;
    }
    problem = decision::no_text_layer;
    why = "no text layer (" + std::to_string(s.chars) + " characters)";
  } else if (s.bad_glyphs >= kBadGlyphShare * s.chars) {
    problem = decision::bad_glyphs;
    why = percent(static_cast<double>(s.bad_glyphs) / s.chars) + " of the text layer's " + std::to_string(s.chars) +
          " characters are U+FFFD, private-use or control characters";
  } else if (s.tokens >= kMinTokens && ((have_lexicon && s.dutch_tokens < kMinDutchShare * s.tokens &&
                                         s.odd_tokens >= kMinOddShareWithLexicon * s.tokens) ||
                                        (!have_lexicon && s.odd_tokens >= kMinOddShareWithoutLexicon * s.tokens))) {
    problem = decision::not_dutch;
    why = (have_lexicon ? "only " + percent(static_cast<double>(s.dutch_tokens) / s.tokens) + " of the text layer's " +
                         std::to_string(s.tokens) + " words are Dutch words and "
                   : std::string("without a lexicon: ")) +
          percent(static_cast<double>(s.odd_tokens) / s.tokens) + " do not look like words";
  } else if (have_ink && s.uncovered_ink >= kSparseMinInk && s.uncovered_ink > kSparseRatio * s.covered_ink) {
    problem = decision::sparse_text;
    partial = true;
    why = "text layer too small for the ink on the page (" + std::to_string(s.chars) + " characters; " +
          std::to_string(s.uncovered_ink) + " pixels of text-like ink outside its words vs " +
          std::to_string(s.covered_ink) + " inside)";
  }

  if (mode == OcrMode::never) {
    // A partial text layer is still text: warn only when there is none usable,
    // but say in the reason what OCR would have added.
    if (problem)
      set(false, decision::disabled, why + ", and OCR is off (--ocr never)", /*unusable=*/!partial);
    else
      set(false, decision::disabled, "OCR off (--ocr never)");
    return d;
  }
  if (problem) {
    set(true, problem, why);
    return d;
  }
  std::string ok = "text layer used (" + std::to_string(s.chars) + " characters";
  if (have_lexicon && s.tokens > 0) ok += ", " + percent(static_cast<double>(s.dutch_tokens) / s.tokens) + " Dutch words";
  if (have_ink) ok += ", " + std::to_string(s.uncovered_ink) + " pixels of text-like ink outside its words";
  set(false, decision::text_layer_ok, ok + ")");
  return d;
}

std::optional<Diagnostic> decision_warning(const PageDecision& decision, const std::string& file, int page) {
  if (decision.ocr || !decision.text_unusable) return std::nullopt;
  return Diagnostic{"ocr_disabled", file, page, "no usable text on this page: " + decision.reason};
}

}  // namespace overleg
