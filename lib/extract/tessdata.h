// Tesseract's language data on this machine: where Debian's libtesseract
// looks for LANG.traineddata, which Debian package holds it, and what the
// command line's `--lang` resolves to. Plain file lookups: nothing here loads
// Tesseract (the engine lives in the OCR module, tesseract_engine.h), so the
// command line checks its languages before the first document at no cost.
// Thread-safe.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace overleg {

/// The languages of a Tesseract language string ("nld+fra" -> nld, fra);
/// "~eng" (do not load eng) needs no data and is left out.
std::vector<std::string> split_ocr_languages(const std::string& langs);

/// Where Tesseract looks for LANG.traineddata: $TESSDATA_PREFIX (and its
/// tessdata/), else the folders Debian's tesseract-ocr-LANG packages use.
std::vector<std::filesystem::path> tessdata_dirs();

/// Is LANG.traineddata in one of tessdata_dirs()?
bool traineddata_exists(const std::string& lang);

/// The first language of `langs` ("nld+fra") whose data is missing, if any.
std::optional<std::string> missing_ocr_language(const std::string& langs);

/// Debian package that holds the traineddata of `lang` ("chi_sim" ->
/// "tesseract-ocr-chi-sim").
std::string tesseract_package_name(const std::string& lang);

/// The Tesseract languages to run for the command line's `--lang`.
struct OcrLanguages {
  std::string lang;                   ///< "nld+fra", "nld", ... for make_tesseract_engine
  std::optional<std::string> warning; ///< set when `auto` had to leave French out (names the package)
};

/// Resolves `--lang`: "auto" is Dutch and French ("nld+fra") when French
/// data is installed, else Dutch with a warning naming tesseract-ocr-fra;
/// anything else ("nld", "nld+fra") is taken as it is.
OcrLanguages resolve_ocr_languages(const std::string& requested);

}  // namespace overleg
