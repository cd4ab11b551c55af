#include "util/rules.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <sstream>

namespace overleg {
namespace {

using Rows = std::vector<std::vector<std::string>>;

// One lock for the parsed tables and the files loaded at run time: the
// tables are tiny, parsed once and kept, so the lock is held only briefly.
struct Store {
  std::mutex mutex;
  std::map<std::string, Rows, std::less<>> tables;          // by file name, parsed
  std::map<std::string, std::string, std::less<>> loaded;   // "<lang>/<file>" -> text, from load_rule_folder
};

Store& store() {
  static Store s;
  return s;
}

Rows parse_rows(std::string_view text) {
  Rows rows;
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
  return rows;
}

// The text of a file, loaded at run time or embedded; a null view when there
// is neither (an empty file is an empty view with a data pointer).
std::string_view file_text(Store& s, std::string_view name) {
  auto it = s.loaded.find(name);
  if (it != s.loaded.end()) return it->second;
  return rule_file_text(name);
}

bool has_file(Store& s, std::string_view name) {
  return s.loaded.count(name) > 0 || !rule_file_text(name).empty();
}

const Rows& table_locked(Store& s, std::string_view name) {
  auto it = s.tables.find(name);
  if (it != s.tables.end()) return it->second;
  return s.tables.emplace(std::string(name), parse_rows(file_text(s, name))).first->second;
}

}  // namespace

const Rows& rule_table(std::string_view name) {
  Store& s = store();
  std::lock_guard<std::mutex> lock(s.mutex);
  return table_locked(s, name);
}

const Rows& rule_table(std::string_view lang, std::string_view name) {
  Store& s = store();
  std::lock_guard<std::mutex> lock(s.mutex);
  std::string path = std::string(lang) + "/" + std::string(name);
  // The Dutch tables were first and live at the top (dictionaries/rules/*.tsv);
  // a Dutch folder, when it has the file, comes first, so they can move there.
  if (lang == "nl" && !has_file(s, path)) return table_locked(s, name);
  return table_locked(s, path);
}

Result<int> load_rule_folder(std::string_view lang, const std::string& folder) {
  namespace fs = std::filesystem;
  auto fail = [&](const std::string& why) {
    return Failure{ErrorKind::io, Diagnostic{"rules_unreadable", folder, 0, why}};
  };
  std::error_code ec;
  std::vector<fs::path> files;
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec))
    if (it->path().extension() == ".tsv") files.push_back(it->path());
  if (ec) return fail("cannot read the rule folder: " + ec.message());
  std::sort(files.begin(), files.end());  // deterministic, whatever the file system's order
  std::map<std::string, std::string> texts;
  for (const fs::path& p : files) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in && !in.eof()) return fail("cannot read " + p.filename().string());
    texts[std::string(lang) + "/" + p.filename().string()] = text.str();
  }
  Store& s = store();
  std::lock_guard<std::mutex> lock(s.mutex);
  // Loading the same files again is harmless; changing a table someone may
  // hold a reference to is not.
  for (const auto& [name, text] : texts)
    if (s.tables.count(name) && file_text(s, name) != text)
      return fail(name + " was already read; load a rule folder before using it");
  for (auto& [name, text] : texts) s.loaded[name] = std::move(text);
  return static_cast<int>(texts.size());
}

std::vector<std::string> rule_languages() {
  std::set<std::string> langs{"nl"};
  auto add = [&](std::string_view name) {
    auto slash = name.find('/');
    if (slash != std::string_view::npos && slash > 0) langs.emplace(name.substr(0, slash));
  };
  std::string_view names = embedded_rule_names();
  while (!names.empty()) {
    auto nl = names.find('\n');
    add(names.substr(0, nl));
    names = nl == std::string_view::npos ? std::string_view() : names.substr(nl + 1);
  }
  Store& s = store();
  std::lock_guard<std::mutex> lock(s.mutex);
  for (const auto& [name, text] : s.loaded) add(name);
  return {langs.begin(), langs.end()};
}

}  // namespace overleg
