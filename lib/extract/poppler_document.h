// PopplerDocument: a PDF read by poppler's core library (libpoppler, with
// the headers of Debian's libpoppler-private-dev) rather than through
// poppler-cpp. The core API hands over each word's font name and size from
// the text output device; poppler-cpp's text_list finds them by scanning
// every page's fonts again (FontInfoScanner, a fontconfig lookup per
// non-embedded font) and copies the page's font list into each word, about
// a tenth of a text-layer run (issue #13, docs/performance.md).
//
// The core ABI follows poppler's soname (libpoppler126 on Debian 12), which
// the package depends on; only this unit and pdf_render.cc include its
// headers. What it reports is what poppler-cpp reported for the same calls
// (the records of every test PDF are byte-identical across the change):
// its rectangles keep poppler-cpp's origin-and-size form, its words the
// text poppler-cpp's UTF-8 to UTF-16 conversion kept.
//
// The unit also owns poppler's process-wide state: GlobalParams, made once
// for the process (poppler-cpp makes one with each document and frees it
// with the last: 4 M instructions a document), and the error callback,
// whose messages reach the PopplerMessages of the calling thread.
//
// Thread-safety: a document is used by one thread at a time; different
// documents may be used from different threads at once (poppler locks its
// globals). PopplerMessages is per thread.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

class PDFDoc;  // poppler's core document (PDFDoc.h)

namespace overleg {

/// Collects poppler's error messages on this thread for the scope's
/// lifetime (at most 50), as "error (offset): message" or "error: message";
/// nothing reaches stderr. Scopes nest: the innermost collects.
class PopplerMessages {
 public:
  explicit PopplerMessages(std::vector<std::string>& sink);
  ~PopplerMessages();
  PopplerMessages(const PopplerMessages&) = delete;
  PopplerMessages& operator=(const PopplerMessages&) = delete;

 private:
  std::vector<std::string>* previous_;
};

/// A rectangle as origin and size, in PDF space for page boxes (y up) and
/// in text space for words (y down). right() and bottom() are computed from
/// the size, as poppler-cpp's rectf did, so that they round the same way.
struct PopplerRect {
  double x = 0, y = 0, width = 0, height = 0;
  double left() const { return x; }
  double top() const { return y; }
  double right() const { return x + width; }
  double bottom() const { return y + height; }
};

/// A page's boxes and turn, as its dictionary (inherited entries applied)
/// gives them.
struct PopplerPageBoxes {
  PopplerRect crop_box;
  PopplerRect media_box;
  int rotate = 0;  ///< /Rotate, 0, 90, 180 or 270
};

/// One word of a page's text layer, in poppler's reading order.
struct PopplerWord {
  std::string text;          ///< UTF-8; may be empty (see poppler_word_text)
  int utf16_units = 0;       ///< the text's length in UTF-16 code units
  PopplerRect bbox;          ///< in points, top-left origin, page rotation not applied
  std::string font;          ///< the first glyph's font name, subset tag included; "" when it has none
  double font_size = -1;     ///< in points; -1 when fonts were not asked for
  bool space_after = false;  ///< does a space separate it from the next word on its line?
};

/// The text poppler-cpp's text_list gave for a word whose characters are
/// `chars`: poppler writes them as UTF-8 (dropping values above U+10FFFF),
/// and poppler-cpp's iconv conversion keeps what comes before the first NUL
/// or surrogate. `utf16_units` receives the kept text's UTF-16 length.
std::string poppler_word_text(const std::uint32_t* chars, int count, int& utf16_units);

class PopplerDocument {
 public:
  /// Parses `bytes` with poppler (which keeps pointing into them: they must
  /// outlive the document) with `password` as owner and user password.
  /// Null when poppler cannot read it; an encrypted document that the
  /// password does not open is returned locked.
  static std::unique_ptr<PopplerDocument> open(const std::string& bytes, const std::string& password = "");
  ~PopplerDocument();
  PopplerDocument(const PopplerDocument&) = delete;
  PopplerDocument& operator=(const PopplerDocument&) = delete;

  /// Is the document encrypted and not yet opened with its password?
  bool locked() const { return locked_; }
  /// Tries `password` on a locked document; true when it is (now) unlocked.
  bool unlock(const std::string& password);

  /// The number of pages the page tree declares (0 when locked).
  int page_count() const;
  /// Page `index` (from 0)'s boxes; nullopt when it is out of range or
  /// poppler cannot read it.
  std::optional<PopplerPageBoxes> page_boxes(int index) const;
  /// Page `index`'s words as poppler's text output device reads them at
  /// 72 dpi (poppler-cpp's text_list: reading order, no physical layout),
  /// with each word's font name and size when `with_fonts`.
  std::vector<PopplerWord> words(int index, bool with_fonts) const;

  /// The core document, for rendering (pdf_render.cc).
  PDFDoc& pdf() const { return *doc_; }

 private:
  PopplerDocument(const std::string& bytes, std::unique_ptr<PDFDoc> doc, bool locked);

  const std::string& bytes_;
  std::unique_ptr<PDFDoc> doc_;
  bool locked_ = false;
};

}  // namespace overleg
