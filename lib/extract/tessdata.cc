#include "extract/tessdata.h"

#include <cctype>
#include <cstdlib>

namespace overleg {

std::vector<std::string> split_ocr_languages(const std::string& langs) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : langs + "+") {
    if (c == '+') {
      if (!cur.empty() && cur[0] != '~') out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  return out;
}

std::vector<std::filesystem::path> tessdata_dirs() {
  // What Debian's libtesseract searches: TESSDATA_PREFIX when set, else the
  // directory compiled into the package (5/ on Debian 12; 4.00/ on older
  // releases) and the upstream defaults.
  if (const char* prefix = std::getenv("TESSDATA_PREFIX"))
    return {std::filesystem::path(prefix), std::filesystem::path(prefix) / "tessdata"};
  return {"/usr/share/tesseract-ocr/5/tessdata", "/usr/share/tesseract-ocr/4.00/tessdata", "/usr/local/share/tessdata",
          "/usr/share/tessdata"};
}

bool traineddata_exists(const std::string& lang) {
  std::error_code ec;
  for (const auto& dir : tessdata_dirs())
    if (std::filesystem::exists(dir / (lang + ".traineddata"), ec)) return true;
  return false;
}

std::optional<std::string> missing_ocr_language(const std::string& langs) {
  for (const std::string& lang : split_ocr_languages(langs))
    if (!traineddata_exists(lang)) return lang;
  return std::nullopt;
}

std::string tesseract_package_name(const std::string& lang) {
  std::string name = "tesseract-ocr-";
  for (char c : lang)
    name += (c == '_' || c == '/') ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return name;
}

// The reports come in Dutch and in French (issue #15): by default both
// models run, so a French scan is not read with Dutch letters only. Cost,
// measured on fr-dev2-scan and dev-new2-scan (../shared/eval/dev, 2 pages
// each, 300 dpi, -j1, CPU time of two runs each): nld 7.45 s, nld+fra 8.60 s
// on average (+15%; +8% on the French scan, +25% on the Dutch one), with the
// same words on the Dutch scan (words 1.000 both).
OcrLanguages resolve_ocr_languages(const std::string& requested) {
  if (requested != "auto") return {requested, std::nullopt};
  if (traineddata_exists("fra")) return {"nld+fra", std::nullopt};
  return {"nld", "Tesseract language data 'fra' not found: install " + tesseract_package_name("fra") +
                     "; --lang auto reads scans as Dutch only"};
}

}  // namespace overleg
