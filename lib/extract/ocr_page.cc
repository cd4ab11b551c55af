#include "extract/ocr_page.h"

#include <cmath>
#include <cstdio>
#include <string>

#include "extract/ocr_decision.h"  // measure_text_layer: the lexicon share
#include "extract/page_image.h"
#include "lexicon/lexicon.h"
#include "util/text.h"  // count_words

namespace overleg {

int choose_ocr_dpi(std::optional<int> native, int requested, std::string* reason) {
  if (requested <= 0) requested = 300;
  auto say = [&](std::string why) {
    if (reason) *reason = std::move(why);
  };
  if (!native || *native <= 0) {
    say("no scan resolution known: --dpi");
    return requested;
  }
  int n = *native;
  if (n >= requested) {
    // More pixels than --dpi cost time for nothing; fewer are resampled up.
    say(n == requested ? "as scanned" : "scanned at " + std::to_string(n) + " dpi: read at --dpi");
    return requested;
  }
  // Below --dpi the scan is read resampled up to it: small type in a
  // low-resolution scan is read better with more pixels (Tesseract's LSTM
  // wants ~20 px of x-height). Measured on the dev scans: dev-new1-v-scan
  // (200 dpi) words 0.911 read at 200, 0.999 at 300; the 150-dpi seed002
  // and seed004 lose type read at 150.
  say("scanned at " + std::to_string(n) + " dpi: read upsampled to --dpi");
  return requested;
}

void judge_pass(const OcrResult& result, const Lexicon* lexicon, OcrPass& pass) {
  pass.confidence = result.mean_confidence;
  pass.words = result.words_read;
  pass.lexicon_share = -1;
  pass.quality = pass.confidence;
  if (!lexicon) return;
  Page page;
  page.boxes = result.boxes;
  TextLayerStats stats = measure_text_layer(page, nullptr, lexicon);
  pass.lexicon_share = stats.tokens > 0 ? static_cast<double>(stats.dutch_tokens) / stats.tokens : 0.0;
  pass.quality = pass.confidence * pass.lexicon_share;
}

namespace {

// Light type on dark fills (a heading on a colour bar, a title band) is read
// again on its own, inverted to dark on white: Tesseract often read no word
// of a white heading on a dark bar, taking the bar for a picture
// (dev-new1-v-scan's "Bevindingen"). Inverting the fills in the page itself
// changed how Tesseract binarised the rest of a grey 150-dpi page and cost
// it its word spaces (seed002-scan), so each fill is read apart and its
// words replace the page pass's words inside it when they read better:
// more words, or as many at a higher mean confidence.
// Mean word confidence (0..1) a fill's own reading needs to replace the
// page pass's words in it.
constexpr double kMinFillConfidence = 0.6;

void read_dark_fills(const GrayImage& page, const std::vector<PixelRect>& fills, OcrEngine& engine,
                     OcrResult& kept) {
  const double to_points = 72.0 / page.dpi;
  for (const PixelRect& r : fills) {
    GrayImage fill = inverted_fill(page, r);
    if (fill.pixels.empty()) continue;
    auto read = engine.recognise(fill);
    if (!read || read.value().boxes.empty()) continue;
    const double left = r.x0 * to_points, top = r.y0 * to_points;
    const double right = r.x1 * to_points, bottom = r.y1 * to_points;
    auto inside = [&](const Box& b) {
      const double cx = (b.bbox.x0 + b.bbox.x1) / 2, cy = (b.bbox.y0 + b.bbox.y1) / 2;
      return cx >= left && cx <= right && cy >= top && cy <= bottom;
    };
    int before = 0, before_words = 0;
    double before_confidence = 0;
    for (const Box& b : kept.boxes)
      if (inside(b)) ++before, before_confidence += b.confidence, before_words += count_words(b.text);
    OcrResult& again = read.value();
    // A dark photo inverted reads as noise at low confidence: only a
    // confident reading (a heading on a bar reads at ~0.9) may come in.
    if (again.mean_confidence < kMinFillConfidence) continue;
    const int after = static_cast<int>(again.boxes.size());
    if (after < before || (after == before && again.mean_confidence * after <= before_confidence)) continue;
    // The fill's image has a white margin around the fill: its words are
    // moved back to where the fill is on the page.
    const double shift_x = left - inverted_fill_margin(page.dpi) * to_points;
    const double shift_y = top - inverted_fill_margin(page.dpi) * to_points;
    std::vector<Box> boxes;
    for (Box& b : kept.boxes)
      if (!inside(b)) boxes.push_back(std::move(b));
    for (Box& b : again.boxes) {
      b.bbox = {b.bbox.x0 + shift_x, b.bbox.y0 + shift_y, b.bbox.x1 + shift_x, b.bbox.y1 + shift_y};
      boxes.push_back(std::move(b));
    }
    kept.boxes = std::move(boxes);
    // The ledger (words read = words kept + words left out) stays whole:
    // the page pass's words inside the fill go, the fill's reading comes in.
    kept.words_read += again.words_read - before_words;
    kept.low_confidence_words += again.low_confidence_words;
    for (const auto& [reason, n] : again.left_out) kept.left_out[reason] += n;
  }
}

// Asks the engine which way page `index` is turned, on a small render; null
// (and why, in prep.orientation) when it cannot tell.
std::optional<OrientationGuess> guess_orientation(DocumentSource& doc, int index, OcrEngine& engine,
                                                  OcrPreparation& prep, std::vector<Diagnostic>& warnings) {
  auto small = doc.render(index, kOrientationDpi);
  if (!small) {
    prep.orientation = "not checked: " + small.failure().diagnostic.message;
    return std::nullopt;
  }
  auto guess = engine.detect_orientation(small.value());
  if (!guess) {
    warnings.push_back({guess.failure().diagnostic.code, "", 0, guess.failure().diagnostic.message});
    prep.orientation = "not checked: " + guess.failure().diagnostic.message;
    return std::nullopt;
  }
  if (!guess.value().known) {
    prep.orientation = "not known (no text found to tell)";
    return std::nullopt;
  }
  return guess.value();
}

// The clockwise turn to make for `guess` (0: upright or unsure), said in
// prep.orientation. `corroborated`: other evidence says the same (the first
// pass saw the lines run up or down the page and the guess is a quarter
// turn, or Leptonica's letter count gave the same turn), so the guess is
// taken at any confidence (a sideways sample page: 1.0 at 100 dpi, right).
int turn_for(const OrientationGuess& guess, bool corroborated, OcrPreparation& prep) {
  char conf[32];
  std::snprintf(conf, sizeof conf, "%.1f", guess.confidence);
  const int t = guess.turn;
  const bool sure = guess.confidence >= kMinOrientationConfidence || corroborated;
  prep.orientation = "turn " + std::to_string(t) + " (confidence " + conf + (t != 0 && !sure ? ", too unsure to turn)" : ")");
  return t != 0 && sure ? t : 0;
}

}  // namespace

Result<OcrPage> read_page_with_ocr(DocumentSource& doc, int index, OcrEngine& engine, const Lexicon* lexicon,
                                   int requested_dpi) {
  OcrPage out;
  OcrPreparation& prep = out.preparation;
  prep.native_dpi = doc.native_dpi(index);
  prep.dpi = choose_ocr_dpi(prep.native_dpi, requested_dpi, &prep.dpi_reason);
  auto rendered = doc.render(index, prep.dpi);
  if (!rendered) return rendered.failure();
  prep.dpi = rendered.value().dpi;  // the render may have lowered it (pixel cap)
  // The render's own warnings (dpi lowered, damaged images) are the page's.
  out.warnings.insert(out.warnings.end(), rendered.value().warnings.begin(), rendered.value().warnings.end());

  // Straightening costs a few hundredths of a second and helps line finding
  // on every leaning page, so it is always done.
  Deskewed level = deskew(rendered.value());
  prep.skew = level.degrees;
  prep.skew_confidence = level.confidence;
  GrayImage image = std::move(level.image);

  // A page whose letters look turned (Leptonica's count, 20 ms) is asked
  // about before its first pass: a pass over an upside-down page reads
  // noise, slower than a clean pass, and a retry would double the page.
  bool asked = false;
  std::optional<OrientationGuess> guess;
  int early_turn = 0;
  const std::optional<int> hint = likely_turn(image);
  if (hint && *hint != 0) {
    asked = true;
    guess = guess_orientation(doc, index, engine, prep, out.warnings);
    if (guess) early_turn = turn_for(*guess, guess->turn == *hint, prep);
    prep.orientation += early_turn ? "; asked before the first pass: the letters looked turned"
                                   : "; asked before the first pass";
    if (early_turn) {
      image = turn_clockwise(image, early_turn);
      prep.rotation = early_turn;
    }
  }

  auto first = engine.recognise(image);
  if (!first) return first.failure();
  OcrPass pass1{early_turn ? "turned " + std::to_string(early_turn) : "as scanned"};
  judge_pass(first.value(), lexicon, pass1);
  prep.passes.push_back(pass1);
  OcrResult kept = std::move(first.value());
  GrayImage kept_image = std::move(image);
  GrayImage uncleaned;  // a cleaned pass's page before cleaning levelled its tints
  if (!asked) prep.orientation = "not checked: the first pass read well, upright";

  // One retry, only for a page whose first pass read poorly: a page that
  // reads well costs nothing more.
  const bool sideways = kept.not_upright_share > kMaxNotUprightShare;
  if (pass1.quality < kPoorPassQuality || sideways) {
    // A poor page whose letters stand upright is cleaned without asking
    // (the retry then costs one pass); otherwise the detector is asked.
    if (!asked && hint == 0 && !sideways)
      prep.orientation = "not asked: the letters stand upright (Leptonica's count)";
    else if (!asked)
      guess = guess_orientation(doc, index, engine, prep, out.warnings);
    // A page already turned is not turned again; one the detector was too
    // unsure to turn may be now that the first pass saw its lines sideways.
    int turn = guess && !early_turn ? turn_for(*guess, sideways && (guess->turn == 90 || guess->turn == 270), prep) : 0;
    // A page the wrong way up is the retry's first cause; turned upright it
    // is read as scanned. Otherwise the page is poor: cleaned.
    GrayImage retry = turn ? turn_clockwise(kept_image, turn) : clean_poor_scan(kept_image);
    auto second = engine.recognise(retry);
    if (second) {
      OcrPass pass2{turn ? "turned " + std::to_string(turn) : "cleaned"};
      judge_pass(second.value(), lexicon, pass2);
      prep.passes.push_back(pass2);
      // A sideways page's first pass can read well, its words in the wrong
      // frame for layout: the upright pass is kept unless clearly worse.
      bool was_sideways = turn == 90 || turn == 270;
      if (pass2.quality > pass1.quality || (was_sideways && pass2.quality >= kSidewaysKeep * pass1.quality)) {
        kept = std::move(second.value());
        if (!turn) uncleaned = std::move(kept_image);
        kept_image = std::move(retry);
        prep.chosen = 1;
        if (turn) prep.rotation = turn;  // else a cleaned pass, turned as the first was
      }
    } else if (second.failure().kind == ErrorKind::cancelled || second.failure().kind == ErrorKind::timeout) {
      return second.failure();
    }
  }
  const std::vector<PixelRect> fills = find_dark_fills(kept_image);
  read_dark_fills(kept_image, fills, engine, kept);
  out.shapes = painted_shapes(uncleaned.pixels.empty() ? kept_image : uncleaned, fills);
  prep.words_read = kept.words_read;
  out.width = kept_image.width * 72.0 / kept_image.dpi;
  out.height = kept_image.height * 72.0 / kept_image.dpi;
  out.result = std::move(kept);
  return out;
}

}  // namespace overleg
