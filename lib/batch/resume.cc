#include "batch/resume.h"

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "util/atomic_file.h"

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
  // Group the targets by folder so each folder is listed once; only the
  // folders records are written to are looked at.
  std::map<fs::path, std::set<std::string>> by_folder;
  for (const std::string& t : targets) {
    fs::path p(t);
    by_folder[p.parent_path().empty() ? fs::path(".") : p.parent_path()].insert(p.filename().string());
  }
  std::size_t removed = 0;
  for (const auto& [folder, names] : by_folder) {
    std::error_code ec;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
      std::string name = it->path().filename().string();
      auto mark = name.rfind(".tmp-");
      if (mark == std::string::npos || !names.count(name.substr(0, mark))) continue;
      // Exactly the pattern write_file_atomically() writes, for one of our
      // targets; anything else with a similar name is someone else's.
      std::string host;
      long pid = 0;
      if (!is_temporary_of(name, name.substr(0, mark), &host, &pid)) continue;
      // A live writer on this machine (another overleg on the same shard)
      // is still using its temporary.
      if (host == temporary_host_tag() && pid > 0 && pid != ::getpid() &&
          (::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM))
        continue;
      std::error_code st;
      if (!fs::is_regular_file(fs::symlink_status(it->path(), st))) continue;  // never folders or links
      std::error_code rm;
      if (fs::remove(it->path(), rm)) ++removed;
    }
  }
  return removed;
}

}  // namespace overleg
