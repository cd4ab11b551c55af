#include "batch/record_stream.h"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include "util/atomic_file.h"

namespace overleg {
namespace fs = std::filesystem;

Result<std::unique_ptr<RecordStream>> RecordStream::open(const std::string& path) {
  auto fail = [&](const std::string& why) { return Failure{ErrorKind::io, {"write_failed", path, 0, "cannot write: " + why}}; };
  std::error_code ec;
  fs::path target(path);
  if (target.has_parent_path()) fs::create_directories(target.parent_path(), ec);
  if (ec) return fail(ec.message());
  // The same folder as the target, so that the final rename is atomic; the
  // name pattern is write_file_atomically()'s, so that one sweep finds both.
  // Counters of their own (from 2^20), so as not to meet write_file_atomically()'s.
  static std::atomic<unsigned long> counter{1ul << 20};
  std::string tmp;
  int fd = -1;
  for (int attempt = 0; fd < 0 && attempt < 16; ++attempt) {
    tmp = temporary_name(path, counter++);
    fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0 && errno != EEXIST) break;
  }
  if (fd < 0) return fail(std::strerror(errno));
  return std::unique_ptr<RecordStream>(new RecordStream(path, tmp, fd));
}

RecordStream::RecordStream(std::string path, std::string temporary, int fd)
    : path_(std::move(path)), temporary_(std::move(temporary)), fd_(fd) {}

RecordStream::~RecordStream() {
  if (fd_ >= 0) ::close(fd_);
  if (!committed_) ::unlink(temporary_.c_str());
}

Failure RecordStream::failure(const std::string& why) const {
  return Failure{ErrorKind::io, {"write_failed", path_, 0, "cannot write: " + why}};
}

Result<bool> RecordStream::append(std::string_view text) {
  if (fd_ < 0) return failure("already closed");
  while (!text.empty()) {
    ssize_t n = ::write(fd_, text.data(), text.size());
    if (n < 0) {
      if (errno == EINTR) continue;  // a stop signal arrived: finish the record
      return failure(std::strerror(errno));
    }
    text.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

Result<bool> RecordStream::commit() {
  if (fd_ < 0) return failure("already closed");
  // The data must be on disk before the rename makes it visible.
  int fd = fd_;
  fd_ = -1;
  if (::fsync(fd) != 0) {
    std::string why = std::strerror(errno);
    ::close(fd);
    return failure(why);
  }
  if (::close(fd) != 0) return failure(std::strerror(errno));
  if (::rename(temporary_.c_str(), path_.c_str()) != 0) return failure(std::strerror(errno));
  committed_ = true;
  return true;
}

}  // namespace overleg
