#include "index/record_source.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>

#include <nlohmann/json.hpp>

#include "util/atomic_file.h"  // read_file

namespace overleg {
namespace {

namespace fs = std::filesystem;

bool ends_with(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

bool is_record_file(const fs::path& p) {
  const std::string name = p.filename().string();
  // extract -o DIR/ writes through temporaries named "*.tmp-*": never index one.
  return (ends_with(name, ".json") || ends_with(name, ".jsonl")) && name.find(".tmp-") == std::string::npos;
}

std::vector<RecordText> split_lines(const std::string& path, const std::string& content) {
  std::vector<RecordText> out;
  std::size_t line = 0, start = 0;
  while (start < content.size()) {
    std::size_t end = content.find('\n', start);
    if (end == std::string::npos) end = content.size();
    ++line;
    std::string text = content.substr(start, end - start);
    if (!text.empty() && text.back() == '\r') text.pop_back();
    if (text.find_first_not_of(" \t") != std::string::npos) out.push_back({path + ":" + std::to_string(line), text});
    start = end + 1;
  }
  return out;
}

}  // namespace

RecordFiles expand_record_files(const std::vector<std::string>& args) {
  RecordFiles out;
  for (const std::string& arg : args) {
    std::error_code ec;
    if (arg == "-") {
      out.paths.push_back(arg);
    } else if (fs::is_directory(arg, ec)) {
      std::vector<std::string> found;
      for (auto it = fs::recursive_directory_iterator(arg, fs::directory_options::skip_permission_denied, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
        if (it->is_regular_file(ec) && is_record_file(it->path())) found.push_back(it->path().string());
      if (ec) out.problems.push_back({"io", arg, 0, "cannot read the folder: " + ec.message()});
      std::sort(found.begin(), found.end());
      if (found.empty() && !ec) out.problems.push_back({"no_records", arg, 0, "no .json or .jsonl records in the folder"});
      out.paths.insert(out.paths.end(), found.begin(), found.end());
    } else if (fs::exists(arg, ec)) {
      out.paths.push_back(arg);
    } else {
      out.problems.push_back({"io", arg, 0, "no such file or folder"});
    }
  }
  return out;
}

namespace {

bool is_json_lines(const std::string& path) { return path == "-" || ends_with(path, ".jsonl"); }

// One line at a time; blank lines skipped, the others keep their number.
bool stream_lines(std::istream& in, const std::string& path, const std::function<bool(const RecordText&)>& sink) {
  std::string text;
  for (std::size_t line = 1; std::getline(in, text); ++line) {
    if (!text.empty() && text.back() == '\r') text.pop_back();
    if (text.find_first_not_of(" \t") == std::string::npos) continue;
    if (!sink({path + ":" + std::to_string(line), text})) return false;
  }
  return true;
}

}  // namespace

Result<bool> read_records(const std::string& path, const std::function<bool(const RecordText&)>& sink) {
  if (!is_json_lines(path)) {
    auto content = read_file(path);
    if (!content) return content.failure();
    for (const RecordText& r : split_records(path, content.value()))
      if (!sink(r)) break;
    return true;
  }
  auto read_error = [&] { return Failure{ErrorKind::io, {"read_failed", path, 0, "cannot read: I/O error"}}; };
  if (path == "-") {
    stream_lines(std::cin, path, sink);
    if (std::cin.bad()) return read_error();
    return true;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Failure{ErrorKind::io, {"read_failed", path, 0, std::string("cannot read: ") + std::strerror(errno)}};
  stream_lines(in, path, sink);
  if (in.bad()) return read_error();
  return true;
}

std::vector<RecordText> split_records(const std::string& path, const std::string& content) {
  if (is_json_lines(path)) return split_lines(path, content);
  // A .json file: one record however indented, or an array of records. An
  // array is split here so that one bad element does not cost the others.
  const std::size_t first = content.find_first_not_of(" \t\r\n");
  if (first != std::string::npos && content[first] == '[') {
    try {
      auto array = nlohmann::ordered_json::parse(content);
      std::vector<RecordText> out;
      for (std::size_t i = 0; i < array.size(); ++i)
        out.push_back({path + "[" + std::to_string(i) + "]", array[i].dump()});
      return out;
    } catch (const nlohmann::json::exception&) {
      // Not JSON after all: the reader names the error.
    }
  }
  return {{path, content}};
}

}  // namespace overleg
