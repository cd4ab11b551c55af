#include "batch/resume.h"

#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

namespace overleg {
namespace fs = std::filesystem;

bool record_matches(const std::string& record_path, const std::string& sha256) {
  std::ifstream in(record_path, std::ios::binary);
  if (!in) return false;
  try {
    nlohmann::json j = nlohmann::json::parse(in);
    const auto& src = j.at("source");
    return src.at("sha256").get<std::string>() == sha256;
  } catch (const std::exception&) {
    return false;  // unreadable or not a record: convert again
  }
}

std::size_t remove_stale_temporaries(const std::vector<std::string>& targets) {
  // Group the targets by folder so each folder is listed once.
  std::map<fs::path, std::set<std::string>> by_folder;
  for (const std::string& t : targets) {
    fs::path p(t);
    by_folder[p.parent_path().empty() ? fs::path(".") : p.parent_path()].insert(p.filename().string() + ".tmp-");
  }
  std::size_t removed = 0;
  for (const auto& [folder, prefixes] : by_folder) {
    std::error_code ec;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
      std::string name = it->path().filename().string();
      auto p = prefixes.upper_bound(name);
      if (p == prefixes.begin()) continue;
      --p;  // the greatest prefix <= name is the only one that can be a prefix of it
      if (name.compare(0, p->size(), *p) == 0) {
        std::error_code rm;
        if (fs::remove(it->path(), rm)) ++removed;
      }
    }
  }
  return removed;
}

}  // namespace overleg
