// RecordStream: one output file (-o FILE.jsonl) written record by record
// through a temporary file in the same folder (<path>.tmp-<pid>-<n>), renamed
// over `path` when the run ends, also when it was interrupted: readers see
// the old file or a whole new one (every record in it complete), never a
// half-written record, and the records are not held in memory. A killed
// process leaves the temporary, which remove_stale_temporaries() sweeps.
//
// Thread-safety: one RecordStream is used by one thread.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "model/diagnostic.h"

namespace overleg {

class RecordStream {
 public:
  /// Creates missing parent folders and the temporary file; fails with
  /// ErrorKind::io naming `path` and the reason.
  static Result<std::unique_ptr<RecordStream>> open(const std::string& path);
  /// Removes the temporary file unless commit() succeeded.
  ~RecordStream();
  RecordStream(const RecordStream&) = delete;
  RecordStream& operator=(const RecordStream&) = delete;

  /// Appends `text` (a whole record with its newline); fails with ErrorKind::io.
  Result<bool> append(std::string_view text);
  /// Flushes to disk and renames the temporary over the target.
  Result<bool> commit();
  /// The target's path.
  const std::string& path() const { return path_; }

 private:
  RecordStream(std::string path, std::string temporary, int fd);
  Failure failure(const std::string& why) const;

  std::string path_;
  std::string temporary_;
  int fd_ = -1;
  bool committed_ = false;
};

}  // namespace overleg
