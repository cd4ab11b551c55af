#include "pipeline.h"

#include <exception>

#include "extract/document_source.h"
#include "layout/layout.h"
#include "lexicon/lexicon.h"
#include "segment/links.h"
#include "text/normalise.h"
#include "extract/ocr_decision.h"
#include "extract/ocr_engine.h"
#include "extract/ocr_page.h"
#include "text/repair.h"
#include "segment/segment.h"
#include "util/sha256.h"
#include "extract/tesseract_engine.h"
#include "util/text.h"

namespace overleg {

Converter::Converter(ConvertOptions options, const Lexicon* lexicon)
    : options_(std::move(options)), lexicon_(lexicon) {}

Converter::~Converter() = default;

void Converter::set_ocr_engine(std::unique_ptr<OcrEngine> engine) { ocr_ = std::move(engine); }

Result<std::vector<Page>> Converter::extract(const std::string& path, std::string bytes, Report& report) {
  auto opened = open_document(path, std::move(bytes));
  if (!opened) return opened.failure();
  DocumentSource& doc = *opened.value();
  report.source.pages = doc.page_count();
  std::vector<Page> pages;
  int low_confidence_words = 0;
  for (int i = 0; i < doc.page_count(); ++i) {
    Page page = doc.text_page(i);
    // The decision needs the page's ink only when the text layer alone does
    // not settle it; that low-dpi render is cheap next to OCR.
    std::optional<GrayImage> ink;
    if (decision_needs_ink(page, options_.ocr, lexicon_)) {
      auto img = doc.render(i, ink_dpi(page.width, page.height));
      if (img) ink = std::move(img.value());
    }
    PageDecision decision = decide_page_method(page, ink ? &*ink : nullptr, options_.ocr, lexicon_);
    if (auto w = decision_warning(decision, path, page.number)) page.warnings.push_back(*w);
    std::optional<OcrPreparation> preparation;
    std::map<std::string, int> left_out;
    if (decision.ocr) {
      auto ocr = ocr_page(doc, i);
      if (!ocr) {
        if (ocr.failure().kind == ErrorKind::missing_data) return ocr.failure();
        page.warnings.push_back({"ocr_failed", path, page.number, ocr.failure().diagnostic.message});
        page.method = PageMethod::none;
      } else {
        // OCR words replace the text layer (in the prepared page's frame);
        // the links stay (annotations).
        OcrPage& read = ocr.value();
        page.boxes = std::move(read.result.boxes);
        page.method = PageMethod::ocr;
        page.width = read.width, page.height = read.height;
        page.ocr_confidence = read.result.mean_confidence;
        page.chars = 0;
        for (const Box& b : page.boxes) page.chars += static_cast<int>(count_code_points(b.text));
        for (Diagnostic w : read.warnings) page.warnings.push_back({w.code, path, page.number, w.message});
        low_confidence_words += read.result.low_confidence_words;
        preparation = std::move(read.preparation);
        left_out = std::move(read.result.left_out);
      }
    } else if (decision.text_unusable || page.boxes.empty()) {
      page.method = PageMethod::none;
    }
    for (Diagnostic& w : page.warnings) {
      w.file = path;
      report.warnings.push_back(w);
    }
    PageInfo info;
    info.number = page.number, info.method = page.method, info.chars = page.chars;
    info.ocr_confidence = page.ocr_confidence;
    if (page.method == PageMethod::ocr && preparation) {
      info.rotation = preparation->rotation;
      info.skew = preparation->skew;
      info.dpi = preparation->dpi;
      for (const auto& [reason, words] : left_out) info.left_out[reason] += words;
      info.preparation = std::move(preparation);
    }
    report.pages.push_back(std::move(info));
    pages.push_back(std::move(page));
  }
  if (low_confidence_words > 0)
    report.warnings.push_back({"ocr_low_confidence", path, 0,
                               std::to_string(low_confidence_words) + " OCR words below the confidence threshold (kept)"});
  return pages;
}

Result<OcrPage> Converter::ocr_page(DocumentSource& doc, int index) {
  if (!ocr_) {
    auto engine = make_tesseract_engine(options_.lang);
    if (!engine) return engine.failure();
    ocr_ = std::move(engine.value());
  }
  return read_page_with_ocr(doc, index, *ocr_, lexicon_, options_.dpi);
}

void Converter::repair_blocks(std::vector<Block>& blocks, const std::vector<Page>& pages, Report& report) const {
  for (Block& b : blocks) {
    // Footers and running headers are not part of the record; their
    // repairs would only be noise in it.
    if (b.region == Region::footer || b.region == Region::running_header) continue;
    RepairOptions opts;
    opts.ocr = b.page >= 1 && b.page <= static_cast<int>(pages.size()) &&
               pages[b.page - 1].method == PageMethod::ocr;
    auto fix = [&](std::string& text) {
      RepairOutcome out = repair_text(text, b.page, *lexicon_, opts);
      text = std::move(out.text);
      report.repairs.insert(report.repairs.end(), out.repairs.begin(), out.repairs.end());
    };
    fix(b.text);
    for (auto& row : b.rows)
      for (auto& cell : row) fix(cell);
  }
}

Result<std::vector<Block>> Converter::inspect(const std::string& path, std::string bytes,
                                              std::vector<PageInfo>* page_infos) {
  Report report;
  auto pages = extract(path, std::move(bytes), report);
  if (!pages) return pages.failure();
  if (page_infos) *page_infos = report.pages;
  std::vector<Block> blocks = lay_out(pages.value());
  normalise_blocks(blocks, lexicon_);
  return blocks;
}

Result<Report> Converter::convert(const std::string& path, std::string bytes) {
  Report report;
  report.source.path = path;
  report.source.sha256 = sha256_hex(bytes);
  report.source.bytes = static_cast<long long>(bytes.size());
  auto pages = extract(path, std::move(bytes), report);
  if (!pages) return pages.failure();
  std::vector<Block> blocks = lay_out(pages.value());
  normalise_blocks(blocks, lexicon_);
  if (options_.repair && lexicon_) repair_blocks(blocks, pages.value(), report);
  report.links = collect_links(pages.value());
  segment(blocks, report);
  return report;
}

}  // namespace overleg
