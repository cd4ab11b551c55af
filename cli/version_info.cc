#include "version_info.h"

#include <poppler-config.h>  // POPPLER_VERSION
#include <qpdf/DLL.h>
#include <tesseract/version.h>
#include <unicode/uvernum.h>

#include "build_info.h"

namespace overleg {

std::string version_text() {
  return std::string("overleg ") + OVERLEG_VERSION +
         "\n"
         "record format overleg.report/1 (minor 1)\n"
         "built with poppler " POPPLER_VERSION ", Tesseract " TESSERACT_VERSION_STR ", ICU " U_ICU_VERSION
         ", qpdf " QPDF_VERSION
         "\n"
         "lexicon from " OVERLEG_LEXICON_SOURCES
         "\n"
         "License GPL-3.0-or-later: <https://www.gnu.org/licenses/gpl-3.0.html>\n"
         "This is free software: you are free to change and redistribute it. There is NO WARRANTY.\n";
}

}  // namespace overleg
