#include "extract/poppler_document.h"

#include <ErrorCodes.h>
#include <GlobalParams.h>
#include <PDFDoc.h>
#include <Page.h>
#include <Stream.h>
#include <TextOutputDev.h>

#include <new>
#include <type_traits>

#include "util/text.h"

namespace overleg {
namespace {

static_assert(std::is_same_v<Unicode, std::uint32_t>, "poppler's Unicode is a 32-bit code unit");

// Where poppler's messages go on this thread (PopplerMessages), or nowhere.
thread_local std::vector<std::string>* t_messages = nullptr;

void collect(const std::string& message) {
  if (t_messages && t_messages->size() < 50) t_messages->push_back(message);
}

// poppler's error callback, worded as poppler-cpp words it (the records
// carry these messages: they must not change with the API).
void on_poppler_error(ErrorCategory, Goffset pos, const char* msg) {
  collect((pos >= 0 ? "error (" + std::to_string(pos) + "): " : std::string("error: ")) + msg);
}

// poppler's globals, made on first use and kept for the process. The
// initer is never destroyed: a worker abandoned on a timeout may still be
// inside poppler when the process exits, and GlobalParams must outlive it.
// (poppler-cpp documents, which the tests open, share it.) It lives in
// static storage rather than on the heap, as LevelDB's NoDestructor: a
// heap object nothing points to is a leak to LeakSanitizer, and the
// sanitizer pass fails on every file.
void keep_poppler_globals() {
  alignas(GlobalParamsIniter) static unsigned char storage[sizeof(GlobalParamsIniter)];
  static GlobalParamsIniter* const kept = new (storage) GlobalParamsIniter(on_poppler_error);
  (void)kept;
}

PopplerRect rect_of(const PDFRectangle& r) { return {r.x1, r.y1, r.x2 - r.x1, r.y2 - r.y1}; }

std::unique_ptr<PDFDoc> parse(const std::string& bytes, const std::string& password) {
  keep_poppler_globals();
  // As poppler-cpp's load_from_raw_data: the stream reads the caller's
  // bytes in place; the document owns the stream, not the bytes.
  auto* stream = new MemStream(bytes.data(), 0, static_cast<Goffset>(bytes.size()), Object(objNull));
  const std::optional<GooString> pw(std::in_place, password.c_str());
  return std::make_unique<PDFDoc>(stream, pw, pw);
}

}  // namespace

PopplerMessages::PopplerMessages(std::vector<std::string>& sink) : previous_(t_messages) { t_messages = &sink; }

PopplerMessages::~PopplerMessages() { t_messages = previous_; }

std::string poppler_word_text(const std::uint32_t* chars, int count, int& utf16_units) {
  std::string text;
  utf16_units = 0;
  for (int i = 0; i < count; ++i) {
    const std::uint32_t u = chars[i];
    if (u > 0x10FFFF) continue;                          // poppler's UTF-8 map writes nothing
    if (u == 0 || (u >= 0xD800 && u <= 0xDFFF)) break;  // the C string ends; iconv refuses a surrogate
    append_utf8(text, static_cast<char32_t>(u));
    utf16_units += u >= 0x10000 ? 2 : 1;
  }
  return text;
}

PopplerDocument::PopplerDocument(const std::string& bytes, std::unique_ptr<PDFDoc> doc, bool locked)
    : bytes_(bytes), doc_(std::move(doc)), locked_(locked) {}

PopplerDocument::~PopplerDocument() = default;

std::unique_ptr<PopplerDocument> PopplerDocument::open(const std::string& bytes, const std::string& password) {
  std::unique_ptr<PDFDoc> doc = parse(bytes, password);
  const bool locked = !doc->isOk() && doc->getErrorCode() == errEncrypted;
  if (!doc->isOk() && !locked) return nullptr;
  return std::unique_ptr<PopplerDocument>(new PopplerDocument(bytes, std::move(doc), locked));
}

bool PopplerDocument::unlock(const std::string& password) {
  if (!locked_) return true;
  std::unique_ptr<PDFDoc> doc = parse(bytes_, password);
  if (!doc->isOk()) return false;
  doc_ = std::move(doc);
  locked_ = false;
  return true;
}

int PopplerDocument::page_count() const { return locked_ ? 0 : doc_->getNumPages(); }

std::optional<PopplerPageBoxes> PopplerDocument::page_boxes(int index) const {
  if (index < 0 || index >= page_count()) return std::nullopt;
  const ::Page* page = doc_->getCatalog()->getPage(index + 1);
  if (!page) return std::nullopt;
  return PopplerPageBoxes{rect_of(*page->getCropBox()), rect_of(*page->getMediaBox()), page->getRotate()};
}

std::vector<PopplerWord> PopplerDocument::words(int index, bool with_fonts) const {
  std::vector<PopplerWord> words;
  if (!page_boxes(index)) return words;
  // poppler-cpp's text_list settings (those of Qt's Page::textList): reading
  // order, no physical layout, 72 dpi, unrotated, the crop box not applied.
  TextOutputDev device(nullptr, false, 0, false, false);
  doc_->displayPageSlice(&device, index + 1, 72, 72, 0, false, false, false, -1, -1, -1, -1, nullptr, nullptr,
                         nullptr, nullptr, true);
  std::unique_ptr<TextWordList> list = device.makeWordList();
  if (!list) return words;
  words.reserve(list->getLength());
  for (int i = 0; i < list->getLength(); ++i) {
    const TextWord* w = list->get(i);
    PopplerWord word;
    word.text = poppler_word_text(w->getLength() > 0 ? w->getChar(0) : nullptr, w->getLength(), word.utf16_units);
    double x_min = 0, y_min = 0, x_max = 0, y_max = 0;
    w->getBBox(&x_min, &y_min, &x_max, &y_max);
    word.bbox = {x_min, y_min, x_max - x_min, y_max - y_min};
    word.space_after = w->hasSpaceAfter();
    if (with_fonts) {
      // The font the word's first glyph was shown with, as the font
      // dictionary names it (BaseFont).
      if (w->getLength() > 0)
        if (const GooString* name = w->getFontName(0)) word.font = name->toStr();
      word.font_size = w->getFontSize();
    }
    words.push_back(std::move(word));
  }
  return words;
}

}  // namespace overleg
