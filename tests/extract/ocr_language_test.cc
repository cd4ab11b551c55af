// Tests of resolve_ocr_languages (tesseract_engine.h): `--lang auto` runs
// Dutch and French when French data is installed, Dutch with a warning
// naming the package when it is not; an explicit choice is kept.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <optional>

#include "extract/tesseract_engine.h"
#include "test_support.h"

using namespace overleg;

namespace {

// Sets TESSDATA_PREFIX for one scope and puts the old value back.
struct TessdataPrefix {
  std::optional<std::string> old;
  explicit TessdataPrefix(const std::string& dir) {
    if (const char* v = std::getenv("TESSDATA_PREFIX")) old = v;
    ::setenv("TESSDATA_PREFIX", dir.c_str(), 1);
  }
  ~TessdataPrefix() {
    if (old) ::setenv("TESSDATA_PREFIX", old->c_str(), 1);
    else ::unsetenv("TESSDATA_PREFIX");
  }
};

std::optional<std::filesystem::path> installed(const std::string& lang) {
  for (const char* dir : {"/usr/share/tesseract-ocr/5/tessdata", "/usr/share/tesseract-ocr/4.00/tessdata"}) {
    std::filesystem::path p = std::filesystem::path(dir) / (lang + ".traineddata");
    if (std::filesystem::exists(p)) return p;
  }
  return std::nullopt;
}

}  // namespace

TEST_CASE("ocr languages: an explicit choice is kept", "[ocr_language]") {
  CHECK(resolve_ocr_languages("nld").lang == "nld");
  CHECK_FALSE(resolve_ocr_languages("nld").warning);
  CHECK(resolve_ocr_languages("nld+fra").lang == "nld+fra");
  CHECK(resolve_ocr_languages("fra").lang == "fra");
}

TEST_CASE("ocr languages: auto is Dutch and French when French is installed", "[ocr_language]") {
  if (!installed("fra") || !installed("nld") || std::getenv("TESSDATA_PREFIX")) {
    WARN("skipped: tesseract-ocr-fra or -nld not installed in Debian's folder (or TESSDATA_PREFIX set)");
    return;
  }
  OcrLanguages auto_lang = resolve_ocr_languages("auto");
  CHECK(auto_lang.lang == "nld+fra");
  CHECK_FALSE(auto_lang.warning);
  // And the engine starts with both.
  auto engine = make_tesseract_engine(auto_lang.lang);
  CHECK(engine);
}

TEST_CASE("ocr languages: auto without French data warns and reads Dutch", "[ocr_language]") {
  auto nld = installed("nld");
  if (!nld) {
    WARN("skipped: tesseract-ocr-nld not installed");
    return;
  }
  test::TempDir dir;
  std::filesystem::create_symlink(*nld, dir.path() / "nld.traineddata");
  TessdataPrefix prefix(dir.path().string());
  OcrLanguages auto_lang = resolve_ocr_languages("auto");
  CHECK(auto_lang.lang == "nld");
  REQUIRE(auto_lang.warning);
  CHECK(auto_lang.warning->find("tesseract-ocr-fra") != std::string::npos);
  CHECK(make_tesseract_engine(auto_lang.lang));
}
