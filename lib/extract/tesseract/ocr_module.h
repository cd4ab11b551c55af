// The contract between the library and its OCR module (overleg-tesseract.so,
// built from the units of this folder): the one symbol the module exports
// and the table it returns. The module holds everything of overleg that
// links Tesseract or Leptonica: the Tesseract engine (tesseract_engine.cc)
// and the image operations done with Leptonica (ImageOps: preparing a page
// for OCR, decoding an image file, drawing inspect's outlines). The library
// loads it with dlopen on the first call that needs one of them
// (ocr_module_loader.h), so that a run on text layers loads neither library
// (issue #13). Both sides are built from the same tree by the same
// compiler, so the table passes C++ types; `abi` and `version` make sure a
// module left over from another build is refused rather than called.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "extract/document_source.h"
#include "extract/ocr_engine.h"
#include "extract/page_image.h"
#include "extract/pdf_render_outlines.h"
#include "extract/tesseract_engine.h"

namespace overleg {

/// Raised whenever the table or a type passed through it changes.
/// 2: Box::symbol_choices. 3: ImageOps, the Leptonica code moved out of
/// the binary into the module.
inline constexpr int kOcrModuleAbi = 3;

/// A page rendered in colour (poppler's ARGB32: B, G, R, A bytes a pixel,
/// rows top to bottom, `bytes_per_row` apart), for write_outlined_png.
struct ArgbPage {
  const char* data = nullptr;
  int width = 0;
  int height = 0;
  int bytes_per_row = 0;
};

/// What write_outlined_png did.
enum class OutlineWrite { written, no_memory, not_written };

/// The image operations done with Leptonica. Each is the function of the
/// same name documented in the header named; the library's function of
/// that name forwards to it.
struct ImageOps {
  // page_image.h
  Deskewed (*deskew)(const GrayImage& image);
  std::optional<int> (*likely_turn)(const GrayImage& image);
  std::vector<PixelRect> (*find_dark_fills)(const GrayImage& image);
  std::vector<TintedArea> (*find_tinted_areas)(const GrayImage& image);
  GrayImage (*clean_poor_scan)(const GrayImage& image);
  // image_source.h
  Result<std::unique_ptr<DocumentSource>> (*open_image)(const std::string& label, std::string bytes);
  /// pdf_render_outlines.h: draws `outlines` (page points, `scale` pixels a
  /// point) over `page` and writes it as a PNG to `path`.
  OutlineWrite (*write_outlined_png)(const ArgbPage& page, const std::vector<PageOutline>& outlines, double scale,
                                     const std::string& path);
};

/// What the module offers.
struct OcrModule {
  int abi;                  ///< kOcrModuleAbi of the module's build
  const char* version;      ///< overleg's version of the module's build
  /// make_tesseract_engine(options), as documented in tesseract_engine.h.
  Result<std::unique_ptr<OcrEngine>> (*make_engine)(const TesseractOptions& options);
  /// limit_openmp_threads(), as documented in tesseract_engine.h.
  std::string (*limit_openmp_threads)();
  ImageOps images;
};

/// The module's file name, and its one exported symbol.
inline constexpr const char* kOcrModuleFile = "overleg-tesseract.so";
inline constexpr const char* kOcrModuleSymbol = "overleg_ocr_module";

}  // namespace overleg

/// The module's entry point (its only exported symbol). Its first call
/// switches Leptonica's messages off for the process (the library never
/// prints; Tesseract shares the Leptonica).
extern "C" const overleg::OcrModule* overleg_ocr_module();
