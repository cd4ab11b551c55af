#include "batch/spool.h"

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <filesystem>
#include <fstream>
#include <functional>
#include <set>

#include <nlohmann/json.hpp>

#include "batch/resume.h"
#include "util/atomic_file.h"
#include "util/file_name.h"

namespace overleg {
namespace fs = std::filesystem;

namespace {

/// The key of a record: its path as bytes (base64 when not UTF-8) and sha256.
std::string key_of(const std::string& path_form, const std::string& sha256) { return path_form + '\0' + sha256; }

std::string path_form_of(const std::string& path) {
  auto bytes = path_bytes_if_needed(path);
  return bytes ? "b:" + *bytes : "p:" + path;
}

/// The record's own path form, "" when it has no source.path.
std::string path_form_of(const nlohmann::json& record) {
  const auto& src = record.at("source");
  if (auto b = src.find("path_bytes"); b != src.end() && b->is_string()) return "b:" + b->get<std::string>();
  return "p:" + src.at("path").get<std::string>();
}

}  // namespace

Spool::Spool(const std::string& output) : folder_(output + ".spool") {}

std::string Spool::path_of(const BatchInput& input) const { return (fs::path(folder_) / (input.output + ".json")).string(); }

Result<bool> Spool::put(const BatchInput& input, const std::string& record) const {
  return write_file_atomically(path_of(input), record + "\n");
}

void Spool::remove(const BatchInput& input) const {
  std::error_code ec;
  fs::path p = path_of(input);
  if (fs::is_regular_file(fs::symlink_status(p, ec))) fs::remove(p, ec);
}

void Spool::clear(const std::vector<BatchInput>& inputs) const {
  std::error_code ec;
  if (!fs::is_directory(fs::symlink_status(folder_, ec))) return;
  std::set<fs::path, std::greater<>> folders;  // deepest first
  for (const BatchInput& in : inputs) {
    remove(in);
    for (fs::path p = fs::path(path_of(in)).parent_path(); p.string().size() >= folder_.size(); p = p.parent_path()) {
      folders.insert(p);
      if (p == fs::path(folder_)) break;
    }
  }
  // Temporaries a killed writer left in the spool are swept like any other.
  std::vector<std::string> targets;
  for (const BatchInput& in : inputs) targets.push_back(path_of(in));
  remove_stale_temporaries(targets);
  // rmdir() removes only empty folders: anything else left there stays.
  for (const fs::path& f : folders) ::rmdir(f.c_str());
}

std::size_t RecoveredRecords::scan_stream(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return 0;
  std::size_t found = 0;
  bool first = true;
  for (;;) {
    // Between records: white space, the array's '[' and ','; ']' ends it.
    int c;
    while ((c = in.peek()) != EOF && (std::isspace(c) || c == ',' || (first && c == '['))) {
      if (c == '[') first = false;
      in.get();
    }
    first = false;
    if (c == EOF || c != '{') break;
    const std::streamoff start = in.tellg();
    nlohmann::json record;
    try {
      in >> record;  // stops right after the record's closing brace
    } catch (const std::exception&) {
      break;  // cut short (a killed writer): this record and the rest are lost
    }
    const std::streamoff end = in.tellg();
    if (start < 0 || end <= start) break;
    try {
      add(path_form_of(record), record.at("source").at("sha256").get<std::string>(),
          {file, static_cast<std::uint64_t>(start), static_cast<std::uint64_t>(end - start)});
      ++found;
    } catch (const std::exception&) {
      // a JSON object that is not a record: skipped
    }
  }
  return found;
}

std::size_t RecoveredRecords::scan_spool(const Spool& spool, const std::vector<BatchInput>& inputs) {
  std::size_t found = 0;
  for (const BatchInput& in : inputs) {
    std::string file = spool.path_of(in);
    auto text = read_file(file);
    if (!text) continue;
    try {
      nlohmann::json record = nlohmann::json::parse(text.value());
      std::string body = text.value();
      while (!body.empty() && std::isspace(static_cast<unsigned char>(body.back()))) body.pop_back();
      add(path_form_of(record), record.at("source").at("sha256").get<std::string>(), {file, 0, body.size()});
      ++found;
    } catch (const std::exception&) {
      // not a whole record: converted again
    }
  }
  return found;
}

void RecoveredRecords::add(const std::string& path, const std::string& sha256, Where where) {
  by_key_.insert_or_assign(key_of(path, sha256), std::move(where));
}

std::optional<std::string> RecoveredRecords::find(const BatchInput& input, const std::string& sha256) const {
  auto it = by_key_.find(key_of(path_form_of(input.path), sha256));
  if (it == by_key_.end()) return std::nullopt;
  std::ifstream in(it->second.file, std::ios::binary);
  std::string text(it->second.length, '\0');
  if (!in.seekg(static_cast<std::streamoff>(it->second.offset)) ||
      !in.read(text.data(), static_cast<std::streamsize>(text.size())))
    return std::nullopt;
  return text;
}

std::vector<std::string> dead_temporaries_of(const std::string& target) {
  fs::path t(target);
  fs::path folder = t.parent_path().empty() ? fs::path(".") : t.parent_path();
  const std::string name = t.filename().string();
  std::vector<std::string> out;
  std::error_code ec;
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    std::string host;
    long pid = 0;
    if (!is_temporary_of(it->path().filename().string(), name, &host, &pid)) continue;
    if (host == temporary_host_tag() && (pid == ::getpid() || ::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM))
      continue;  // a live writer's
    std::error_code st;
    if (fs::is_regular_file(fs::symlink_status(it->path(), st))) out.push_back(it->path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace overleg
