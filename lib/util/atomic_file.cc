#include "util/atomic_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

namespace overleg {
namespace {

bool all_digits(std::string_view s) {
  if (s.empty() || s.size() > 19) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

// Flushes a folder's entries (the rename) to disk: without it a crash right
// after the rename can lose the new name although the data was synced.
// Failure is not an error: some file systems (and /proc-like ones) refuse it.
void sync_folder(const std::filesystem::path& folder) {
  int fd = ::open(folder.empty() ? "." : folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

}  // namespace

const std::string& temporary_host_tag() {
  static const std::string tag = [] {
    char buf[256] = {};
    std::string t;
    if (::gethostname(buf, sizeof buf - 1) == 0) t = buf;
    for (char& c : t) {
      bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.';
      if (!keep) c = '_';  // '-' separates the fields of the name
    }
    return t.empty() ? std::string("host") : t;
  }();
  return tag;
}

std::string temporary_name(const std::string& target, unsigned long counter) {
  return target + ".tmp-" + temporary_host_tag() + "-" + std::to_string(::getpid()) + "-" + std::to_string(counter);
}

bool is_temporary_of(std::string_view name, std::string_view target_name, std::string* host, long* pid) {
  constexpr std::string_view kMark = ".tmp-";
  if (target_name.empty() || name.size() <= target_name.size() + kMark.size()) return false;
  if (name.substr(0, target_name.size()) != target_name) return false;
  std::string_view rest = name.substr(target_name.size());
  if (rest.substr(0, kMark.size()) != kMark) return false;
  rest.remove_prefix(kMark.size());
  // HOST-PID-COUNTER, HOST without '-': split at the last two dashes.
  auto last = rest.rfind('-');
  if (last == std::string_view::npos || last == 0) return false;
  auto middle = rest.rfind('-', last - 1);
  if (middle == std::string_view::npos || middle == 0) return false;
  std::string_view h = rest.substr(0, middle), p = rest.substr(middle + 1, last - middle - 1), c = rest.substr(last + 1);
  if (!all_digits(p) || !all_digits(c)) return false;
  for (char ch : h) {
    bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '.' || ch == '_';
    if (!ok) return false;
  }
  if (host) *host = std::string(h);
  if (pid) *pid = std::stol(std::string(p));
  return true;
}

Result<bool> write_file_atomically(const std::string& path, std::string_view content) {
  namespace fs = std::filesystem;
  auto fail = [&](const std::string& why) {
    return Failure{ErrorKind::io, {"write_failed", path, 0, "cannot write: " + why}};
  };
  std::error_code ec;
  fs::path target(path);
  if (target.has_parent_path()) fs::create_directories(target.parent_path(), ec);
  if (ec) return fail(ec.message());
  // A name no other writer uses: host, process id and a counter. O_EXCL: if
  // it exists anyway, it is not ours to truncate.
  static std::atomic<unsigned long> counter{0};
  fs::path tmp = temporary_name(path, counter++);
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) return fail(std::strerror(errno));
  const char* p = content.data();
  std::size_t left = content.size();
  while (left > 0) {
    ssize_t n = ::write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      std::string why = std::strerror(errno);
      ::close(fd);
      fs::remove(tmp, ec);
      return fail(why);
    }
    p += n;
    left -= static_cast<std::size_t>(n);
  }
  // The data must be on disk before the rename makes it visible.
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    std::string why = std::strerror(errno);
    fs::remove(tmp, ec);
    return fail(why);
  }
  if (::rename(tmp.c_str(), target.c_str()) != 0) {
    std::string why = std::strerror(errno);
    fs::remove(tmp, ec);
    return fail(why);
  }
  sync_folder(target.parent_path());
  return true;
}

Result<std::string> read_file(const std::string& path) {
  if (path == "-") {
    std::ostringstream s;
    s << std::cin.rdbuf();
    return s.str();
  }
  // In blocks of 64 KiB: an istreambuf_iterator copy costs ~18 instructions
  // a byte (callgrind, issue #13).
  std::ifstream in(path, std::ios::binary);
  if (!in) return Failure{ErrorKind::io, {"read_failed", path, 0, std::string("cannot read: ") + std::strerror(errno)}};
  std::string data;
  char block[1 << 16];
  while (in.read(block, sizeof block) || in.gcount() > 0) data.append(block, static_cast<std::size_t>(in.gcount()));
  if (in.bad()) return Failure{ErrorKind::io, {"read_failed", path, 0, "cannot read: I/O error"}};
  return data;
}

}  // namespace overleg
