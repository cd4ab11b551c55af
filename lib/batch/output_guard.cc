#include "batch/output_guard.h"

#include <sys/stat.h>

#include <filesystem>
#include <map>
#include <set>
#include <utility>

namespace overleg {
namespace fs = std::filesystem;
namespace {

using FileId = std::pair<dev_t, ino_t>;

// stat() follows symbolic links: a link to an input is the input.
std::optional<FileId> file_id(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return std::nullopt;
  return FileId{st.st_dev, st.st_ino};
}

// The absolute path with links in the existing part resolved; for a name that
// does not exist yet, its folder's resolution plus the name.
std::string resolved(const std::string& path) {
  std::error_code ec;
  fs::path p = fs::weakly_canonical(fs::absolute(path, ec), ec);
  return ec ? fs::absolute(path).lexically_normal().string() : p.string();
}

}  // namespace

bool same_file(const std::string& output, const std::string& input) {
  auto a = file_id(output), b = file_id(input);
  if (a && b) return *a == *b;
  return resolved(output) == resolved(input);
}

std::optional<Diagnostic> output_overwrites_input(const std::vector<std::string>& outputs,
                                                  const std::vector<std::string>& inputs) {
  // Index the inputs once: a folder of thousands against as many records.
  std::map<FileId, std::string> by_id;
  std::map<std::string, std::string> by_path;
  for (const std::string& in : inputs) {
    if (in == "-") continue;
    if (auto id = file_id(in)) by_id.emplace(*id, in);
    by_path.emplace(resolved(in), in);
  }
  for (const std::string& out : outputs) {
    if (out.empty() || out == "-") continue;
    const std::string* hit = nullptr;
    if (auto id = file_id(out)) {
      if (auto it = by_id.find(*id); it != by_id.end()) hit = &it->second;
    } else if (auto it = by_path.find(resolved(out)); it != by_path.end()) {
      hit = &it->second;
    }
    if (hit)
      return Diagnostic{"output_is_input", *hit, 0,
                        "is also an output (" + out + "); refusing to overwrite an input, choose another -o or --report"};
  }
  return std::nullopt;
}

}  // namespace overleg
