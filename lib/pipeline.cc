#include "pipeline.h"

#include <exception>

#include "document_source.h"
#include "layout.h"
#include "lexicon.h"
#include "links.h"
#include "normalise.h"
#include "ocr_engine.h"
#include "segment.h"
#include "sha256.h"

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
  for (int i = 0; i < doc.page_count(); ++i) {
    Page page = doc.text_page(i);
    for (Diagnostic& w : page.warnings) {
      w.file = path;
      report.warnings.push_back(w);
    }
    report.pages.push_back({page.number, page.method, page.chars, page.ocr_confidence});
    pages.push_back(std::move(page));
  }
  return pages;
}

Result<std::vector<Block>> Converter::inspect(const std::string& path, std::string bytes) {
  Report report;
  auto pages = extract(path, std::move(bytes), report);
  if (!pages) return pages.failure();
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
  report.links = collect_links(pages.value());
  segment(blocks, report);
  return report;
}

}  // namespace overleg
