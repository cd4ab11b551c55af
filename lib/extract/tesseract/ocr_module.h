// The contract between the library and its OCR module (overleg-tesseract.so,
// built from tesseract_engine.cc in this folder): the one symbol the module
// exports and the table it returns. The library loads the module with dlopen
// when the first page needs OCR (tesseract_loader.cc), so that a run on text
// layers never loads Tesseract. Both sides are built from the same tree by
// the same compiler, so the table passes C++ types; `abi` and `version` make
// sure a module left over from another build is refused rather than called.
#pragma once

#include <memory>
#include <string>

#include "extract/ocr_engine.h"
#include "extract/tesseract_engine.h"

namespace overleg {

/// Raised whenever the table or a type passed through it changes.
inline constexpr int kOcrModuleAbi = 2;  // 2: Box::symbol_choices

/// What the module offers.
struct OcrModule {
  int abi;                  ///< kOcrModuleAbi of the module's build
  const char* version;      ///< overleg's version of the module's build
  /// make_tesseract_engine(options), as documented in tesseract_engine.h.
  Result<std::unique_ptr<OcrEngine>> (*make_engine)(const TesseractOptions& options);
  /// limit_openmp_threads(), as documented in tesseract_engine.h.
  std::string (*limit_openmp_threads)();
};

/// The module's file name, and its one exported symbol.
inline constexpr const char* kOcrModuleFile = "overleg-tesseract.so";
inline constexpr const char* kOcrModuleSymbol = "overleg_ocr_module";

}  // namespace overleg

/// The module's entry point (its only exported symbol).
extern "C" const overleg::OcrModule* overleg_ocr_module();
