// The pipeline: one input document in, one Report out, stage by stage
//   extract -> layout -> normalise -> repair -> roles -> segment (links from layout)
// A Converter holds what a worker reuses between documents (its OCR engine,
// the shared lexicon); use one Converter per thread. The pipeline never prints.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "model/block.h"
#include "model/diagnostic.h"
#include "extract/document_source.h"
#include "extract/ocr_decision.h"
#include "extract/ocr_engine.h"
#include "extract/ocr_page.h"
#include "model/report.h"
#include "layout/layout.h"

namespace overleg {

class Lexicon;

class Lexicon;

/// What the role stage's heading and label rules of language `lang` tell
/// layout (layout knows no words); `lexicon` (may be null) names the
/// language's function words. The cue keeps its own copy of `lang`; the
/// lexicon must outlive it.
HeadingCue heading_cue(const std::string& lang, const Lexicon* lexicon);

struct ConvertOptions {
  OcrMode ocr = OcrMode::automatic;
  int dpi = 300;              ///< render resolution for OCR
  std::string lang = "nld";   ///< Tesseract languages, e.g. "nld+fra"
  bool repair = true;         ///< run the OCR-repair stage
  std::vector<std::string> passwords;  ///< tried on encrypted PDFs (as user and owner password)
};

class Converter {
 public:
  /// `lexicon` may be null (then hyphen decisions fall back to keeping
  /// ambiguous hyphens, and repair is off); it must outlive the Converter.
  Converter(ConvertOptions options, const Lexicon* lexicon);
  ~Converter();

  /// Converts one document whose bytes are `bytes`; `path` is how the record
  /// and diagnostics name it; `sha256` is the bytes' SHA-256 in hex when the
  /// caller has it already (computed here when empty). Fails only when
  /// nothing usable can be read.
  Result<Report> convert(const std::string& path, std::string bytes, const std::string& sha256 = {});

  /// The blocks the layout, normalise and role stages make of a document,
  /// each with its role and why, for `overleg inspect` (seeing why a record
  /// came out as it did). `pages` (optional) receives extraction.pages[]
  /// with each OCR page's preparation (orientation, skew, dpi, passes,
  /// words left out).
  Result<std::vector<Block>> inspect(const std::string& path, std::string bytes,
                                     std::vector<PageInfo>* pages = nullptr);

  /// Replaces the OCR engine (tests pass a fake; default: Tesseract, made on
  /// first use so that text-only runs never load it).
  void set_ocr_engine(std::unique_ptr<OcrEngine> engine);

 private:
  /// extract: the pages' words (text layer or OCR), with warnings.
  Result<std::vector<Page>> extract(const std::string& path, std::string bytes, Report& report);
  /// repair: OCR and extraction errors in the blocks' text, logged in `report`.
  void repair_blocks(std::vector<Block>& blocks, const std::vector<Page>& pages, const Lexicon& lexicon,
                     Report& report) const;
  /// The lexicon of the document's language (report.language): the one the
  /// Converter was given when it is that language's (or the language cannot
  /// be told), else data/<lang>.lex, mapped on first use and kept; null when
  /// the Converter has none or that file is missing (a warning in `report`).
  const Lexicon* lexicon_for(Report& report) const;
  /// layout -> normalise -> roles (-> repair -> roles again when `repair`).
  std::vector<Block> read_blocks(const std::vector<Page>& pages, Report& report, bool repair) const;
  /// OCR of page `index` (prepared, see extract/ocr_page.h), making the
  /// engine on first use.
  Result<OcrPage> ocr_page(DocumentSource& doc, int index);

  ConvertOptions options_;
  const Lexicon* lexicon_;
  mutable std::map<std::string, std::shared_ptr<const Lexicon>> language_lexicons_;  // by language; null: missing
  std::unique_ptr<const Lexicon> ocr_judge_;  // the words of every language, for judging OCR passes
  std::unique_ptr<OcrEngine> ocr_;
};

}  // namespace overleg
