// The OCR module (overleg-tesseract.so): TesseractEngine, the OcrEngine that
// wraps tesseract::TessBaseAPI, built as a shared module that the library
// loads with dlopen when the first page needs OCR (extract/tesseract_engine.h,
// ocr_module_loader.cc), and the module's entry point, whose table also
// holds the Leptonica image operations (leptonica_*.h, outline_drawing.h).
// Linking Tesseract into the binary cost every run ~34 M instructions of
// dynamic loading (Tesseract, libarchive, libcurl and theirs) before main(),
// a text-layer run included, Leptonica another ~1.2 M (issue #13). Only
// overleg_ocr_module() is exported (-fvisibility=hidden).
#include "extract/tesseract/ocr_module.h"

#include <dlfcn.h>
#include <leptonica/allheaders.h>
#include <tesseract/baseapi.h>
#include <tesseract/ocrclass.h>
#include <tesseract/resultiterator.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "extract/small_caps.h"
#include "extract/tessdata.h"
#include "extract/tesseract/leptonica_images.h"
#include "extract/tesseract/leptonica_pages.h"
#include "extract/tesseract/leptonica_pix.h"
#include "extract/tesseract/outline_drawing.h"
#include "util/text.h"

namespace overleg {

// The engine: initialised once with its languages, reused for every page a
// worker OCRs. Not thread-safe: one per worker thread.
class TesseractEngine : public OcrEngine {
 public:
  explicit TesseractEngine(TesseractOptions options) : options_(std::move(options)) {}
  ~TesseractEngine() override;
  TesseractEngine(const TesseractEngine&) = delete;
  TesseractEngine& operator=(const TesseractEngine&) = delete;

  Result<OcrResult> recognise(const GrayImage& image) override;
  Result<OrientationGuess> detect_orientation(const GrayImage& image) override;

 private:
  friend Result<std::unique_ptr<OcrEngine>> create_tesseract_engine(const TesseractOptions& options);

  TesseractOptions options_;
  std::unique_ptr<tesseract::TessBaseAPI> api_;
  std::unique_ptr<tesseract::TessBaseAPI> osd_;  ///< the OSD model, made on first use
  bool osd_missing_ = false;                     ///< its data was looked for and not found
  double rating_coefficient_ = 5;                ///< Tesseract's lstm_rating_coefficient (choices' ratings -> %)
};

namespace {

// Font size in points per point of Tesseract's line height (descender bottom
// to ascender top). Measured on the dev corpus: OCR of the text-layer PDFs
// rendered at 300 dpi and of their scans, matched word by word against the
// text layer's font sizes (bench/ocr_calibrate.cc); median ratio.
// The factor is between 0.96 and 1.11 per document (fonts differ), within a
// document heading/body ratios are right within ~5%.
constexpr double kDefaultSizePerLineHeight = 1.03;

// A line is bold when both stroke measures of its words (median over the
// line, per x-height) exceed the page's median by these factors. Measured the
// same way as the size factor, on 1356 lines: 21 of 1197 regular lines taken
// for bold (12 of them the title band's, which looks bold but is not set in a
// bold font), 35 of 159 bold lines missed, nearly all on the two poor
// 150-dpi scans, where blur makes bold and regular alike. A false "bold"
// turns a body line into a subheading, a missed one only loses a hint that
// size and heading names also give: precision first.
constexpr double kBoldRun = 1.20;
constexpr double kBoldMass = 1.30;

// A text line is a speck (or a picture's texture) when it has no letter or
// digit at all, or at most this many and a mean confidence below the next
// figure: the rule the layout stage applied to OCR lines since the first
// scans (4b1c99f), moved here so that what it leaves out is counted. On the
// dev scans it removes only strokes, dots and frame edges.
constexpr int kNoiseMaxLetters = 3;
constexpr double kNoiseMaxConfidence = 0.6;

// OCR's alternatives for a symbol: the best choice of each of Tesseract's
// re-decodings of the line that exclude the earlier ones (lstm_choice_mode
// 2, lstm_choice_iterations of them: five). Most are far-fetched and come
// out at confidence 0; an alternative is kept from this confidence on, and
// the strongest this many per symbol (repair weighs them from 0.3). On the
// dev scan seed002-scan page 1 (150 dpi) the misread "huip" has l at 0.72
// against i at 0.83; a blurred letter can have five above 0.6 ("line": h
// 0.79, l 0.78, i 0.72, k 0.66, b 0.63), of which the first three matter.
constexpr double kMinAlternative = 0.1;
constexpr std::size_t kMaxAlternatives = 3;

// Tesseract's parameters include process-wide ones (debug_file among them):
// engines and their OSD models are made one at a time.
std::mutex& init_mutex() {
  static std::mutex m;
  return m;
}

std::string trim(const char* s) {
  if (!s) return {};
  std::string out(s);
  auto not_space = [](unsigned char c) { return !std::isspace(c); };
  out.erase(out.begin(), std::find_if(out.begin(), out.end(), not_space));
  out.erase(std::find_if(out.rbegin(), out.rend(), not_space).base(), out.end());
  return out;
}

// Tesseract writes its messages (tprintf) to stderr unless the global
// parameter debug_file names a file. The library never prints, so every
// engine sends them to /dev/null before Init (Init's own errors included).
void silence_tesseract(tesseract::TessBaseAPI& api) { api.SetVariable("debug_file", "/dev/null"); }

// The median of a histogram of run lengths (index = length).
template <std::size_t N>
double histogram_median(const std::array<int, N>& h) {
  long total = 0;
  for (int v : h) total += v;
  if (total == 0) return 0;
  long seen = 0;
  for (std::size_t i = 0; i < N; ++i) {
    seen += h[i];
    if (2 * seen >= total) return static_cast<double>(i);
  }
  return static_cast<double>(N - 1);
}

// Two measures of a word's stroke width, in pixels. Bold type has thicker
// strokes; neither measure alone separates it well on blurred scans, both
// together do (see kBoldRun/kBoldMass).
struct Stroke {
  double run = 0;   // median horizontal run of black pixels in the binarised
                    // word: mostly vertical stems, so the stroke width
  double mass = 0;  // ink per stroke crossing in the grey image: darkness
                    // (0 paper .. 1 the word's darkest ink) summed over the
                    // word, divided by the number of black runs. Blur moves
                    // ink around but keeps its sum, so this survives soft scans
};

// One pass over the word's pixels in both images.
Stroke measure_stroke(Pix* binary, const GrayImage& grey, int left, int top, int right, int bottom) {
  Stroke s;
  if (!binary) return s;
  int w = pixGetWidth(binary), h = pixGetHeight(binary);
  left = std::max(0, left), top = std::max(0, top);
  right = std::min(w, right), bottom = std::min(h, bottom);
  if (right - left < 2 || bottom - top < 2) return s;
  std::array<int, 64> runs{};
  long run_count = 0;
  l_uint32* data = pixGetData(binary);
  int wpl = pixGetWpl(binary);
  for (int y = top; y < bottom; ++y) {
    l_uint32* line = data + static_cast<std::ptrdiff_t>(y) * wpl;
    int run = 0;
    for (int x = left; x < right; ++x) {
      if (GET_DATA_BIT(line, x)) {
        ++run;
      } else if (run > 0) {
        ++runs[std::min(run, 63)], ++run_count;
        run = 0;
      }
    }
    if (run > 0) ++runs[std::min(run, 63)], ++run_count;
  }
  s.run = histogram_median(runs);
  if (run_count == 0 || grey.width != w || grey.height != h) return s;

  // The word's own paper and ink levels (percentiles of its pixels), so
  // that a coloured heading, grey once scanned, is measured like black text.
  std::array<int, 256> levels{};
  for (int y = top; y < bottom; ++y) {
    const std::uint8_t* row = grey.pixels.data() + static_cast<std::size_t>(y) * w;
    for (int x = left; x < right; ++x) ++levels[row[x]];
  }
  long n = static_cast<long>(right - left) * (bottom - top);
  auto percentile = [&](double p) {
    long target = static_cast<long>(p * n), seen = 0;
    for (int v = 0; v < 256; ++v)
      if ((seen += levels[v]) > target) return v;
    return 255;
  };
  double ink = percentile(0.02), paper = percentile(0.90);
  if (paper - ink < 20) return s;  // no contrast: a smudge, not type
  double mass = 0;
  for (int v = 0; v < 256; ++v)
    if (levels[v]) mass += levels[v] * std::clamp((paper - v) / (paper - ink), 0.0, 1.0);
  s.mass = mass / static_cast<double>(run_count);
  return s;
}

double median_of(std::vector<double> v) {
  if (v.empty()) return 0;
  auto mid = v.begin() + v.size() / 2;
  std::nth_element(v.begin(), mid, v.end());
  return *mid;
}

// One recognised word before it becomes a Box: pixel coordinates and the
// measurements the size and bold estimates are made from.
struct RawWord {
  std::string text;
  int left, top, right, bottom;
  double confidence;   // 0..1
  double line_height;  // px, descender bottom to ascender top
  double x_height;     // px
  Stroke stroke;       // px, 0 when unknown
  std::vector<SymbolChoice> choices;  // OCR's alternatives, when read below choices_below
  int line;            // index of its text line
  double block_skew;   // radians, Tesseract's deskew angle of its block
  bool picture;        // its block is one Tesseract took for an image
};

// Letters and digits of `text` (every byte of a non-ASCII character counts:
// accented letters are letters), as the noise rule counts them.
int letters_of(const std::string& text) {
  int n = 0;
  for (unsigned char c : text) n += std::isalnum(c) || c >= 0x80;
  return n;
}

// Leaves out the words of noise lines (kNoiseMaxLetters), counting them in
// `result` by reason; counts every word read in result.words_read.
void leave_out_noise(std::vector<RawWord>& raw, OcrResult& result) {
  if (raw.empty()) return;
  int lines = 0;
  for (const RawWord& w : raw) lines = std::max(lines, w.line + 1);
  std::vector<int> letters(lines, 0), words(lines, 0);
  std::vector<double> confidence(lines, 0);
  for (const RawWord& w : raw) {
    letters[w.line] += letters_of(w.text);
    confidence[w.line] += w.confidence;
    ++words[w.line];
  }
  auto noise = [&](int l) {
    return letters[l] == 0 || (letters[l] <= kNoiseMaxLetters && confidence[l] / words[l] < kNoiseMaxConfidence);
  };
  std::vector<RawWord> kept;
  for (RawWord& w : raw) {
    int n = count_words(w.text);
    result.words_read += n;
    if (!noise(w.line)) {
      kept.push_back(std::move(w));
    } else if (n > 0) {
      result.left_out[w.picture ? "picture" : "speck"] += n;
    }
  }
  raw = std::move(kept);
}

// OCR's alternatives for each symbol of the word `it` is at (Box::
// symbol_choices), or none. Tesseract's per-symbol lists
// (GetBestLSTMSymbolChoices) are made per line and cut at the word's
// character boundaries, and they do not always line up with the word's
// symbols: "hulp" came with lists for h, u, i/l and i/l/t on seed002-scan.
// A list that starts with a space is the gap before the word. The lists are
// taken only when there is one per symbol and each holds the symbol as
// read (not always first: "manier" has t 0.81 before the i it reads, 0.79,
// as its fourth symbol's list; the word's text comes from the whole line's
// best path). Ratings become confidences as ChoiceIterator::Confidence
// makes them: 100 - lstm_rating_coefficient x rating, in percent.
std::vector<SymbolChoice> symbol_choices(const tesseract::ResultIterator& it, const std::string& text,
                                         double rating_coefficient) {
  const std::vector<std::vector<std::pair<const char*, float>>>* lists = it.GetBestLSTMSymbolChoices();
  if (!lists) return {};
  std::vector<const std::vector<std::pair<const char*, float>>*> per_symbol;
  for (const auto& list : *lists)
    if (!list.empty() && !(list.front().first && std::string(list.front().first) == " ")) per_symbol.push_back(&list);
  std::vector<SymbolChoice> out;
  std::string spelled;
  tesseract::ResultIterator symbol(it);
  bool any_alternative = false;
  do {
    std::unique_ptr<char[]> t(symbol.GetUTF8Text(tesseract::RIL_SYMBOL));
    if (!t || out.size() >= per_symbol.size()) return {};
    SymbolChoice c;
    c.read = t.get();
    spelled += c.read;
    bool found = false;
    for (const auto& choice_rating : *per_symbol[out.size()]) {
      // Not a structured binding: clang before 16 cannot capture one in the lambda below.
      const char* const choice = choice_rating.first;
      const float rating = choice_rating.second;
      if (!choice) continue;
      double confidence = std::clamp(1.0 - rating_coefficient * rating / 100.0, 0.0, 1.0);
      if (c.read == choice) {
        if (!found) c.confidence = confidence;
        found = true;
      } else if (confidence >= kMinAlternative && c.alternatives.size() < kMaxAlternatives &&
                 std::none_of(c.alternatives.begin(), c.alternatives.end(),
                              [&](const auto& a) { return a.first == choice; })) {
        c.alternatives.emplace_back(choice, confidence);
      }
    }
    if (!found) return {};
    any_alternative = any_alternative || !c.alternatives.empty();
    out.push_back(std::move(c));
  } while (!symbol.IsAtFinalElement(tesseract::RIL_WORD, tesseract::RIL_SYMBOL) && symbol.Next(tesseract::RIL_SYMBOL));
  if (out.size() != per_symbol.size() || spelled != text || !any_alternative) return {};
  return out;
}

}  // namespace

namespace {

using SetMaxActiveLevels = void (*)(int);

// omp_set_max_active_levels when we limit OpenMP, else null. Decided once.
SetMaxActiveLevels openmp_limiter(std::string* account = nullptr) {
  static std::once_flag once;
  static std::string said;
  static SetMaxActiveLevels limiter = nullptr;
  std::call_once(once, [] {
    if (const char* user = std::getenv("OMP_THREAD_LIMIT")) {
      said = std::string("OMP_THREAD_LIMIT=") + user + " set by the user: kept";
      return;
    }
    // Debian's Tesseract runs its LSTM loops with OpenMP teams; on a 2-core
    // machine that made a page 2-5x slower in wall time (threads spinning
    // against each other and against our other workers). We want one
    // thread per engine and parallelism from pages/documents.
    //
    // The documented switch is OMP_THREAD_LIMIT=1, and we set it here for
    // anything started later (child processes, an OpenMP runtime loaded
    // after this point). But GNU libgomp reads its environment in a
    // constructor when the library is loaded -- before main(), since
    // libtesseract links it -- so setenv() now does not change this process
    // (measured on a 300-dpi scan page, 2 cores: 10.9 s without, 9.3 s
    // with it). The runtime's own API does: a max-active-levels of 0 makes
    // every parallel region run on the calling thread alone (num_threads
    // clauses included). It is a per-thread setting in libgomp (a worker
    // thread starts from the environment's defaults: measured, a page in a
    // std::thread still used 2.7 cores), so recognise() applies it on the
    // thread that OCRs (see limit_this_thread). Measured: 1.9 s on the main
    // thread and on a worker, against 1.8 s with OMP_THREAD_LIMIT=1 set in
    // the environment before start. Looked up with dlsym, so that a
    // Tesseract built without OpenMP needs nothing.
    ::setenv("OMP_THREAD_LIMIT", "1", /*overwrite=*/0);
    limiter = reinterpret_cast<SetMaxActiveLevels>(::dlsym(RTLD_DEFAULT, "omp_set_max_active_levels"));
    said = limiter ? "OpenMP limited to one thread per engine (omp_set_max_active_levels(0) on each OCR thread)"
                   : "no OpenMP runtime in the process: Tesseract is single-threaded";
  });
  if (account) *account = said;
  return limiter;
}

// Applies the limit to the calling thread, once per thread.
void limit_this_thread() {
  thread_local bool done = false;
  if (done) return;
  done = true;
  if (SetMaxActiveLevels limiter = openmp_limiter()) limiter(0);
}

}  // namespace

std::string limit_openmp_threads_here() {
  std::string account;
  openmp_limiter(&account);
  limit_this_thread();
  return account;
}

TesseractEngine::~TesseractEngine() {
  if (api_) api_->End();
}

Result<std::unique_ptr<OcrEngine>> create_tesseract_engine(const TesseractOptions& options) {
  limit_openmp_threads_here();
  std::string lang = options.lang.empty() ? std::string("nld") : options.lang;
  auto missing_data = [&](const std::vector<std::string>& missing) {
    std::string names, packages;
    for (const auto& m : missing) {
      names += (names.empty() ? "" : "+") + m;
      packages += (packages.empty() ? "" : " ") + tesseract_package_name(m);
    }
    return Failure{
        ErrorKind::missing_data,
        {"ocr_language_missing", "", 0, "Tesseract language data '" + names + "' not found: install " + packages}};
  };
  std::vector<std::string> langs = split_ocr_languages(lang);
  if (langs.empty())
    return Failure{ErrorKind::missing_data,
                   {"ocr_language_missing", "", 0, "no Tesseract language given (e.g. --lang nld)"}};

  std::unique_ptr<TesseractEngine> engine(new TesseractEngine(options));
  engine->options_.lang = lang;
  if (engine->options_.size_per_line_height <= 0) engine->options_.size_per_line_height = kDefaultSizePerLineHeight;
  engine->api_ = std::make_unique<tesseract::TessBaseAPI>();
  {
    std::lock_guard<std::mutex> lock(init_mutex());
    silence_tesseract(*engine->api_);
    // LSTM only: the recogniser the `tesseract` command uses with Debian's
    // models (same words, measured), without loading the legacy one too.
    if (engine->api_->Init(nullptr, lang.c_str(), tesseract::OEM_LSTM_ONLY) != 0) {
      // Init only says it failed: name the languages whose file is missing.
      engine->api_.reset();
      std::vector<std::string> missing;
      for (const auto& l : langs)
        if (!traineddata_exists(l)) missing.push_back(l);
      return missing_data(missing.empty() ? langs : missing);  // else: unreadable, name them all
    }
  }
  // Tesseract loads the first language or fails, but skips a missing
  // additional one ("nld+fra" without fra) with a message only: check.
  std::vector<std::string> loaded, missing;
  engine->api_->GetLoadedLanguagesAsVector(&loaded);
  for (const auto& l : langs)
    if (std::find(loaded.begin(), loaded.end(), l) == loaded.end()) missing.push_back(l);
  if (!missing.empty()) return missing_data(missing);
  // The API defaults to a single text block; the command's default (and what
  // two-column flyers need) is automatic page segmentation.
  engine->api_->SetPageSegMode(tesseract::PSM_AUTO);
  // Per-symbol alternatives (Box::symbol_choices): the LSTM decoder keeps
  // them only in choice mode 2. The best path, its words and confidences
  // stay as they are (the dev scans' words byte-identical, measured).
  if (engine->options_.choices_below > 0) {
    engine->api_->SetVariable("lstm_choice_mode", "2");
    engine->api_->GetDoubleVariable("lstm_rating_coefficient", &engine->rating_coefficient_);
  }
  return std::unique_ptr<OcrEngine>(std::move(engine));
}

Result<OrientationGuess> TesseractEngine::detect_orientation(const GrayImage& image) {
  auto missing = [] {
    return Failure{ErrorKind::missing_data,
                   {"ocr_orientation_missing", "", 0,
                    "Tesseract orientation data 'osd' not found: install " + tesseract_package_name("osd")}};
  };
  if (osd_missing_) return missing();
  if (image.width <= 0 || image.height <= 0 || image.pixels.size() < static_cast<std::size_t>(image.width) * image.height)
    return OrientationGuess{};
  limit_this_thread();
  if (!osd_) {
    if (!traineddata_exists("osd")) {
      osd_missing_ = true;
      return missing();
    }
    auto api = std::make_unique<tesseract::TessBaseAPI>();
    std::lock_guard<std::mutex> lock(init_mutex());
    silence_tesseract(*api);
    // OSD is a model of the legacy engine: it is loaded as such.
    if (api->Init(nullptr, "osd", tesseract::OEM_TESSERACT_ONLY) != 0) {
      osd_missing_ = true;
      return missing();
    }
    api->SetPageSegMode(tesseract::PSM_OSD_ONLY);
    osd_ = std::move(api);
  }
  osd_->SetImage(image.pixels.data(), image.width, image.height, 1, image.width);
  osd_->SetSourceResolution(image.dpi);
  int degrees = 0;
  float confidence = 0, script_confidence = 0;
  const char* script = nullptr;
  bool found = osd_->DetectOrientationScript(&degrees, &confidence, &script, &script_confidence);
  osd_->Clear();
  OrientationGuess guess;
  if (!found) return guess;
  guess.known = true;
  // Tesseract gives how far the image is turned clockwise from upright;
  // turning it clockwise by the rest of the circle undoes that (the
  // `tesseract --psm 0` command prints the same figure as "Rotate:").
  guess.turn = ((360 - degrees) % 360 + 360) % 360;
  guess.confidence = confidence;
  return guess;
}

Result<OcrResult> TesseractEngine::recognise(const GrayImage& image) {
  if (image.width <= 0 || image.height <= 0 || image.dpi <= 0 ||
      image.pixels.size() < static_cast<std::size_t>(image.width) * image.height)
    return Failure{ErrorKind::internal, {"ocr_bad_image", "", 0, "OCR was given an empty or inconsistent image"}};

  // OpenMP's limit is per thread, and a worker may OCR on a thread of its own.
  limit_this_thread();
  tesseract::TessBaseAPI& api = *api_;
  api.SetImage(image.pixels.data(), image.width, image.height, 1, image.width);
  api.SetSourceResolution(image.dpi);
  // The monitor lets a page be given up: after the page deadline, or when
  // the owner raises the cancel flag (a batch that abandoned the document).
  tesseract::ETEXT_DESC monitor;
  if (options_.page_timeout_seconds > 0)
    monitor.set_deadline_msecs(static_cast<std::int32_t>(std::min(options_.page_timeout_seconds * 1000, 2.0e9)));
  if (options_.cancel) {
    monitor.cancel = [](void* flag, int) { return static_cast<const std::atomic<bool>*>(flag)->load(); };
    monitor.cancel_this = const_cast<std::atomic<bool>*>(options_.cancel);
  }
  if (api.Recognize(&monitor) != 0) {
    api.Clear();
    if (options_.cancel && options_.cancel->load())
      return Failure{ErrorKind::cancelled, {"ocr_cancelled", "", 0, "OCR of the page was cancelled"}};
    if (monitor.deadline_exceeded())
      return Failure{ErrorKind::timeout, {"ocr_timeout", "", 0, "OCR of the page took longer than allowed"}};
    return Failure{ErrorKind::internal, {"ocr_failed", "", 0, "Tesseract could not recognise the page"}};
  }

  // The binarised page Tesseract recognised, for the stroke widths; it may be
  // at another scale than the input.
  Pix* binary = api.GetThresholdedImage();
  double bin_scale = 1.0;
  if (binary && pixGetWidth(binary) != image.width) bin_scale = static_cast<double>(pixGetWidth(binary)) / image.width;

  std::vector<RawWord> raw;
  std::unique_ptr<tesseract::ResultIterator> it(api.GetIterator());
  int line = -1;
  double block_skew = 0;
  bool picture = false, upright = true;
  int not_upright = 0, all_words = 0;
  if (it) {
    it->Begin();
    do {
      if (it->IsAtBeginningOf(tesseract::RIL_BLOCK)) {
        tesseract::Orientation orientation;
        tesseract::WritingDirection direction;
        tesseract::TextlineOrder order;
        float deskew = 0;
        it->Orientation(&orientation, &direction, &order, &deskew);
        block_skew = deskew;
        upright = orientation == tesseract::ORIENTATION_PAGE_UP;
        tesseract::PolyBlockType type = it->BlockType();
        picture = type == tesseract::PT_FLOWING_IMAGE || type == tesseract::PT_HEADING_IMAGE ||
                  type == tesseract::PT_PULLOUT_IMAGE;
      }
      if (it->IsAtBeginningOf(tesseract::RIL_TEXTLINE)) ++line;
      std::unique_ptr<char[]> text(it->GetUTF8Text(tesseract::RIL_WORD));
      std::string word = trim(text.get());
      if (word.empty()) continue;
      RawWord w{};
      w.text = std::move(word);
      if (!it->BoundingBox(tesseract::RIL_WORD, &w.left, &w.top, &w.right, &w.bottom)) continue;
      w.confidence = std::clamp(it->Confidence(tesseract::RIL_WORD) / 100.0, 0.0, 1.0);
      if (w.confidence < options_.choices_below) w.choices = symbol_choices(*it, w.text, rating_coefficient_);
      float row_height = 0, descenders = 0, ascenders = 0;
      it->RowAttributes(&row_height, &descenders, &ascenders);
      w.line_height = row_height;
      w.x_height = row_height - ascenders + descenders;  // descenders are negative
      w.stroke = measure_stroke(binary, image, static_cast<int>(w.left * bin_scale),
                                static_cast<int>(w.top * bin_scale), static_cast<int>(std::ceil(w.right * bin_scale)),
                                static_cast<int>(std::ceil(w.bottom * bin_scale)));
      w.line = std::max(line, 0);
      w.block_skew = block_skew;
      w.picture = picture;
      // A word of four letters or more taller than wide runs up or down the
      // page: Tesseract reads sideways pages' lines as vertical text and
      // still calls their blocks upright.
      bool standing = count_code_points(w.text) >= 4 && (w.bottom - w.top) > (w.right - w.left);
      ++all_words, not_upright += !upright || standing;
      raw.push_back(std::move(w));
    } while (it->Next(tesseract::RIL_WORD));
  }
  it.reset();
  if (binary) pixDestroy(&binary);
  // Drop the page's recognition results now rather than at the next page:
  // they are the bulk of the engine's memory.
  api.Clear();

  OcrResult result;
  if (all_words > 0) result.not_upright_share = static_cast<double>(not_upright) / all_words;
  leave_out_noise(raw, result);
  {
    std::vector<OcrWordShape> shapes;
    for (const RawWord& w : raw) shapes.push_back({w.text, w.top, w.bottom, w.line});
    lower_small_capitals(shapes);
    for (std::size_t i = 0; i < raw.size(); ++i) {
      // A word lowered from small capitals is no longer what its symbols spell.
      if (shapes[i].text != raw[i].text) raw[i].choices.clear();
      raw[i].text = std::move(shapes[i].text);
    }
  }
  if (raw.empty()) return result;

  // Page skew: the word-weighted median of the blocks' deskew angles. Boxes
  // are rotated by it around the page centre so that a printed line is level
  // and the layout stage's line grouping works on scans that lean a little.
  std::vector<double> skews;
  for (const RawWord& w : raw) skews.push_back(w.block_skew);
  double skew = median_of(skews);
  if (std::abs(skew) > 0.1) skew = 0;  // > 6 degrees: not a lean but a misreading
  double cos_a = std::cos(skew), sin_a = std::sin(skew);
  double cx = image.width / 2.0, cy = image.height / 2.0;

  // Bold is relative to the page's ordinary text (the median over all its
  // words) and decided per line: Tesseract measures heights per line, and a
  // single short word's strokes are noisy. Strokes are per x-height, so that
  // big regular type does not pass for bold.
  auto run_ratio = [](const RawWord& w) { return w.x_height > 0 ? w.stroke.run / w.x_height : 0.0; };
  auto mass_ratio = [](const RawWord& w) { return w.x_height > 0 ? w.stroke.mass / w.x_height : 0.0; };
  std::vector<double> runs, masses;
  std::vector<std::vector<double>> line_runs(raw.back().line + 1), line_masses(raw.back().line + 1);
  for (const RawWord& w : raw) {
    if (run_ratio(w) > 0) runs.push_back(run_ratio(w)), line_runs[w.line].push_back(run_ratio(w));
    if (mass_ratio(w) > 0) masses.push_back(mass_ratio(w)), line_masses[w.line].push_back(mass_ratio(w));
  }
  double page_run = median_of(runs), page_mass = median_of(masses);
  std::vector<char> line_bold(line_runs.size(), 0);
  std::vector<double> line_run(line_runs.size()), line_mass(line_runs.size());
  for (std::size_t l = 0; l < line_runs.size(); ++l) {
    line_run[l] = page_run > 0 ? median_of(line_runs[l]) / page_run : 0;
    line_mass[l] = page_mass > 0 ? median_of(line_masses[l]) / page_mass : 0;
    line_bold[l] = line_run[l] >= kBoldRun && line_mass[l] >= kBoldMass;
  }

  double to_points = 72.0 / image.dpi;
  double confidence_sum = 0;
  for (RawWord& w : raw) {
    Box b;
    b.text = std::move(w.text);
    // Rotate the word's centre anti-clockwise as seen on the page (y grows
    // downwards), keep its size.
    double wx = (w.left + w.right) / 2.0 - cx, wy = (w.top + w.bottom) / 2.0 - cy;
    double rx = cx + wx * cos_a + wy * sin_a, ry = cy - wx * sin_a + wy * cos_a;
    double half_w = (w.right - w.left) / 2.0, half_h = (w.bottom - w.top) / 2.0;
    b.bbox = {(rx - half_w) * to_points, (ry - half_h) * to_points, (rx + half_w) * to_points,
              (ry + half_h) * to_points};
    b.size = w.line_height * to_points * options_.size_per_line_height;
    b.bold = line_bold[w.line];
    b.confidence = w.confidence;
    b.symbol_choices = std::move(w.choices);
    if (options_.annotate_measurements)
      b.font = "ocr:lh=" + std::to_string(w.line_height * to_points) + ":xh=" + std::to_string(w.x_height * to_points) +
               ":sw=" + std::to_string(page_run > 0 ? run_ratio(w) / page_run : 0) +
               ":ms=" + std::to_string(page_mass > 0 ? mass_ratio(w) / page_mass : 0) +
               ":lsw=" + std::to_string(line_run[w.line]) + ":lms=" + std::to_string(line_mass[w.line]) +
               ":line=" + std::to_string(w.line);
    confidence_sum += w.confidence;
    if (w.confidence < options_.low_confidence) ++result.low_confidence_words;
    result.boxes.push_back(std::move(b));
  }
  result.mean_confidence = confidence_sum / static_cast<double>(result.boxes.size());
  return result;
}

}  // namespace overleg

extern "C" __attribute__((visibility("default"))) const overleg::OcrModule* overleg_ocr_module() {
  namespace lept = overleg::leptonica;
  lept::silence();  // before anything of the module can call Leptonica
  static const overleg::OcrModule module{
      overleg::kOcrModuleAbi,
      OVERLEG_VERSION_STRING,
      &overleg::create_tesseract_engine,
      &overleg::limit_openmp_threads_here,
      {&lept::deskew, &lept::likely_turn, &lept::find_dark_fills, &lept::find_tinted_areas, &lept::clean_poor_scan,
       &lept::open_image, &lept::write_outlined_png}};
  return &module;
}
