#include "batch/inputs.h"

#include <algorithm>
#include <filesystem>

#include "util/text.h"

namespace overleg {

bool has_input_extension(const std::string& path) {
  std::string ext = to_lower(std::filesystem::path(path).extension().string());
  return ext == ".pdf" || ext == ".png" || ext == ".tif" || ext == ".tiff" || ext == ".jpg" || ext == ".jpeg";
}

InputList expand_inputs(const std::vector<std::string>& args) {
  namespace fs = std::filesystem;
  InputList out;
  for (const std::string& arg : args) {
    if (arg == "-") {
      out.paths.push_back(arg);
      continue;
    }
    std::error_code ec;
    fs::file_status st = fs::status(arg, ec);
    if (ec || !fs::exists(st)) {
      out.problems.push_back({"input_missing", arg, 0, "no such file or folder"});
      continue;
    }
    if (!fs::is_directory(st)) {
      out.paths.push_back(arg);  // a file named explicitly is tried whatever its name
      continue;
    }
    std::vector<std::string> found;
    fs::recursive_directory_iterator it(arg, fs::directory_options::skip_permission_denied, ec), end;
    for (; !ec && it != end; it.increment(ec))
      if (it->is_regular_file(ec) && has_input_extension(it->path().string())) found.push_back(it->path().string());
    if (ec) out.problems.push_back({"input_unreadable", arg, 0, "cannot list folder: " + ec.message()});
    std::sort(found.begin(), found.end());
    out.paths.insert(out.paths.end(), found.begin(), found.end());
  }
  return out;
}

}  // namespace overleg
