#include "util/rules.h"

#include <map>
#include <mutex>

namespace overleg {

const std::vector<std::vector<std::string>>& rule_table(std::string_view name) {
  // Parsed once per file and kept: the tables are tiny and never change.
  static std::mutex mutex;
  static std::map<std::string, std::vector<std::vector<std::string>>, std::less<>> cache;
  std::lock_guard<std::mutex> lock(mutex);
  auto it = cache.find(name);
  if (it != cache.end()) return it->second;
  std::vector<std::vector<std::string>> rows;
  std::string_view text = rule_file_text(name);
  while (!text.empty()) {
    auto nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    std::vector<std::string> cells;
    std::size_t start = 0;
    while (true) {
      auto tab = line.find('\t', start);
      cells.emplace_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    rows.push_back(std::move(cells));
  }
  return cache.emplace(std::string(name), std::move(rows)).first->second;
}

}  // namespace overleg
