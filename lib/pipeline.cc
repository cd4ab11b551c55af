#include "pipeline.h"
#include "pipeline_pages.h"

#include <exception>

#include "extract/document_source.h"
#include "extract/ocr_decision.h"
#include "extract/ocr_engine.h"
#include "extract/ocr_page.h"
#include "lexicon/any_language.h"
#include "lexicon/language.h"
#include "util/file_name.h"
#include "extract/tesseract_engine.h"
#include "extract/unmapped_glyphs.h"
#include "layout/links.h"
#include "lexicon/lexicon.h"
#include "segment/segment.h"
#include "text/normalise.h"
#include "util/rules.h"
#include "util/sha256.h"
#include "util/text.h"

namespace overleg {

Converter::Converter(ConvertOptions options, const Lexicon* lexicon)
    : options_(std::move(options)), lexicon_(lexicon) {}

Converter::~Converter() = default;

void Converter::set_ocr_engine(std::unique_ptr<OcrEngine> engine) { ocr_ = std::move(engine); }

Result<std::vector<Page>> Converter::extract(const std::string& path, std::string bytes, Report& report) {
  auto opened = open_document(path, std::move(bytes), options_.passwords);
  if (!opened) return opened.failure();
  DocumentSource& doc = *opened.value();
  report.source.pages = doc.page_count();
  std::vector<Page> pages;
  int low_confidence_words = 0;
  for (int i = 0; i < doc.page_count(); ++i) {
    Page page = doc.text_page(i);
    PageDecision decision = decide_page(doc, i, page, options_.ocr, lexicon_, path);
    std::optional<OcrPreparation> preparation;
    if (decision.ocr) {
      auto ocr = ocr_page(doc, i);
      if (!ocr) {
        if (ocr.failure().kind == ErrorKind::missing_data) return ocr.failure();
        page.warnings.push_back({"ocr_failed", path, page.number, ocr.failure().diagnostic.message});
        page.method = PageMethod::none;
      } else {
        low_confidence_words += take_ocr_words(page, ocr.value(), path);
        preparation = std::move(ocr.value().preparation);
      }
    } else if (decision.text_unusable || page.boxes.empty()) {
      page.method = PageMethod::none;
    } else {
      set_aside_unmapped_glyphs(page);  // after the decision, which weighs them
    }
    for (Diagnostic& w : page.warnings) {
      w.file = path;
      report.warnings.push_back(w);
    }
    report.pages.push_back(page_info(page, std::move(preparation)));
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
  // An OCR pass is judged by how many of its words are words before the
  // language is known: of any language with rules and a lexicon (a French
  // page read right is not a bad Dutch one).
  if (lexicon_ && !ocr_judge_) {
    std::vector<std::shared_ptr<const Lexicon>> others;
    for (const std::string& lang : rule_languages())
      if (lang != lexicon_->language())
        if (auto l = Lexicon::load_language(lang)) others.push_back(l.value());
    ocr_judge_ = std::make_unique<AnyLanguageLexicon>(*lexicon_, std::move(others));
  }
  return read_page_with_ocr(doc, index, *ocr_, ocr_judge_.get(), options_.dpi);
}

Result<std::vector<Block>> Converter::inspect(const std::string& path, std::string bytes,
                                              std::vector<PageInfo>* page_infos) {
  Report report;
  auto pages = extract(path, std::move(bytes), report);
  if (!pages) return pages.failure();
  if (page_infos) *page_infos = report.pages;
  report.language = document_language(pages.value());  // the rules of its language, as convert()
  return read_blocks(pages.value(), report, false);
}

Result<Report> Converter::convert(const std::string& path, std::string bytes, const std::string& sha256) {
  Report report;
  report.source.path = utf8_with_replacements(path);  // a name is bytes; JSON needs text
  report.source.path_bytes = path_bytes_if_needed(path);
  report.source.sha256 = sha256.empty() ? sha256_hex(bytes) : sha256;  // the batch has hashed them for --resume
  report.source.bytes = static_cast<long long>(bytes.size());
  auto pages = extract(path, std::move(bytes), report);
  if (!pages) return pages.failure();
  report.language = document_language(pages.value());
  std::vector<Block> blocks = read_blocks(pages.value(), report, true);
  report.links = collect_links(pages.value());
  const Lexicon* lexicon = lexicon_for(report);
  for (LinkRef& l : report.links) l.text = normalise_text(l.text, lexicon);  // line-end hyphens as in the text
  segment(blocks, report);
  return report;
}

}  // namespace overleg
