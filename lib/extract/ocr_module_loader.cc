#include "extract/ocr_module_loader.h"

#include <dlfcn.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "extract/tesseract/ocr_module.h"
#include "extract/tesseract_engine.h"
#include "util/own_files.h"

namespace overleg {
namespace {

struct Loaded {
  OcrModuleStatus status;
  const OcrModule* module = nullptr;
};

// The candidates: $OVERLEG_OCR_MODULE, else beside the binary, as the
// lexicon is found (util/own_files.h).
std::vector<std::filesystem::path> candidates() {
  if (const char* file = std::getenv("OVERLEG_OCR_MODULE"); file && *file) return {std::filesystem::path(file)};
  return beside_binary(kOcrModuleFile, {OVERLEG_MODULE_FROM_BINDIR, "modules", "../modules"});
}

Loaded load() {
  Loaded l;
  std::string looked;
  for (const auto& path : candidates()) {
    std::error_code ec;
    looked += (looked.empty() ? "" : ", ") + path.string();
    if (!std::filesystem::exists(path, ec)) continue;
    // RTLD_NOW: an unresolved symbol fails here, with a message, not in the
    // middle of a page. RTLD_LOCAL: the module's symbols (it exports one)
    // stay out of the process's namespace. Never closed: engines made from it
    // live until the process ends.
    void* handle = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
      const char* why = ::dlerror();
      l.status.error = "the OCR module " + path.string() + " does not load: " + (why ? why : "unknown reason");
      return l;
    }
    auto entry = reinterpret_cast<const OcrModule* (*)()>(::dlsym(handle, kOcrModuleSymbol));
    const OcrModule* module = entry ? entry() : nullptr;
    if (!module || module->abi != kOcrModuleAbi || std::string(module->version) != OVERLEG_VERSION_STRING) {
      l.status.error = "the OCR module " + path.string() + " is from another build of overleg" +
                       (module ? std::string(" (") + module->version + ")" : std::string()) + ": rebuild or reinstall";
      return l;
    }
    l.module = module;
    l.status.loaded = true;
    l.status.path = path.string();
    return l;
  }
  l.status.error = std::string("the OCR module ") + kOcrModuleFile + " was not found (looked in " + looked +
                   "); reinstall overleg";
  return l;
}

const Loaded& loaded() {
  static const Loaded l = load();
  return l;
}

}  // namespace

const OcrModuleStatus& ocr_module_status() { return loaded().status; }

const OcrModule* ocr_module() { return loaded().module; }

Failure ocr_module_missing(const std::string& label) {
  return Failure{ErrorKind::missing_data, {"ocr_module_missing", label, 0, loaded().status.error}};
}

Result<std::unique_ptr<OcrEngine>> make_tesseract_engine(const TesseractOptions& options) {
  const OcrModule* module = ocr_module();
  if (!module) return ocr_module_missing("");
  return module->make_engine(options);
}

Result<std::unique_ptr<OcrEngine>> make_tesseract_engine(const std::string& lang) {
  TesseractOptions options;
  options.lang = lang;
  return make_tesseract_engine(options);
}

std::string limit_openmp_threads() {
  const Loaded& l = loaded();
  if (!l.module) return "OpenMP not limited: " + l.status.error;
  return l.module->limit_openmp_threads();
}

}  // namespace overleg
