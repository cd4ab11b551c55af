#include "batch/inputs.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "util/text.h"

namespace overleg {
namespace fs = std::filesystem;

namespace {

// Collects the convertible files under `folder`, depth first. A subfolder
// that cannot be listed is a warning naming it, not a silent gap (the
// standard recursive iterator either skips it without a word or stops the
// whole walk). Symbolic links to folders are not followed, as find(1) does,
// so a link loop cannot make the walk endless.
void walk(const fs::path& folder, std::vector<std::string>& found, std::vector<Diagnostic>& warnings) {
  std::error_code ec;
  fs::directory_iterator it(folder, ec), end;
  if (ec) {
    warnings.push_back({"folder_unreadable", folder.string(), 0, "cannot list folder, its files are skipped: " + ec.message()});
    return;
  }
  for (; it != end; it.increment(ec)) {
    if (ec) {
      warnings.push_back({"folder_unreadable", folder.string(), 0, "cannot list folder to the end: " + ec.message()});
      return;
    }
    std::error_code st;
    if (it->is_symlink(st) && it->is_directory(st)) continue;
    if (it->is_directory(st))
      walk(it->path(), found, warnings);
    else if (it->is_regular_file(st) && has_input_extension(it->path().string()))
      found.push_back(it->path().string());
  }
}

}  // namespace

bool has_input_extension(const std::string& path) {
  std::string ext = to_lower(fs::path(path).extension().string());
  return ext == ".pdf" || ext == ".png" || ext == ".tif" || ext == ".tiff" || ext == ".jpg" || ext == ".jpeg";
}

InputList expand_inputs(const std::vector<std::string>& args) {
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
    // The argument itself unlistable is an error of the argument; below it, a warning.
    if (fs::directory_iterator probe(arg, ec); ec) {
      out.problems.push_back({"input_unreadable", arg, 0, "cannot list folder: " + ec.message()});
      continue;
    }
    std::vector<std::string> found;
    walk(arg, found, out.warnings);
    if (found.empty())
      out.problems.push_back({"input_empty", arg, 0, "no PDF or scan (.pdf .png .tif .tiff .jpg .jpeg) in this folder"});
    std::sort(found.begin(), found.end());
    out.paths.insert(out.paths.end(), found.begin(), found.end());
  }
  return out;
}

BatchInputs plan_inputs(const std::vector<std::string>& args) {
  BatchInputs out;
  std::set<std::string> taken;
  for (const std::string& arg : args) {
    // One argument at a time, so that each path is known to come from `arg`.
    InputList one = expand_inputs({arg});
    out.problems.insert(out.problems.end(), one.problems.begin(), one.problems.end());
    out.warnings.insert(out.warnings.end(), one.warnings.begin(), one.warnings.end());
    std::error_code ec;
    bool folder = arg != "-" && fs::is_directory(arg, ec);
    for (const std::string& path : one.paths) {
      std::string name;
      if (path == "-") {
        name = "stdin";
      } else if (folder) {
        fs::path rel = fs::path(path).lexically_relative(arg);
        if (rel.empty() || rel.native().rfind("..", 0) == 0) rel = fs::path(path).filename();
        name = rel.replace_extension().generic_string();
      } else {
        name = fs::path(path).stem().string();
      }
      std::string unique = name;
      for (int n = 2; taken.count(unique); ++n) unique = name + "-" + std::to_string(n);
      taken.insert(unique);
      out.inputs.push_back({path, unique});
    }
  }
  return out;
}

}  // namespace overleg
