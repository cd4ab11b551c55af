// RecordOutput: where `overleg extract` puts its records, as README.md and
// overleg(1) promise: standard output, one file (-o FILE, streamed through a
// temporary file in its folder and renamed into place at the end, also after
// an interrupt, so that what was finished is kept), or one file per input
// (-o DIR/). With --format json the stream (stdout or FILE) is always one
// JSON array, [] when nothing was converted; in DIR/ each file is one object.
// A failed write is reported as a value; the caller stops the batch and
// exits 5. Used by one thread (the one that delivers the batch's records).
#pragma once

#include <memory>
#include <string>

#include "batch/inputs.h"
#include "batch/record_stream.h"
#include "model/diagnostic.h"

namespace overleg {

struct OutputOptions {
  std::string output;       ///< "" for stdout, FILE, or DIR/
  bool to_dir = false;      ///< `output` is a folder: one file per input
  std::string format = "jsonl";
  bool pretty = false;
};

class RecordOutput {
 public:
  /// Opens the output (-o FILE: its temporary file); fails with ErrorKind::io.
  static Result<std::unique_ptr<RecordOutput>> open(const OutputOptions& options);

  /// Writes one rendered record of `input`.
  Result<bool> write(const BatchInput& input, const std::string& text);
  /// Ends the stream (closes a JSON array) and renames -o FILE into place.
  Result<bool> finish();

  /// Where the record of `input` goes with -o DIR/.
  static std::string record_path(const OutputOptions& options, const BatchInput& input);
  /// ".json", ".md" or ".txt"
  static std::string extension_for(const std::string& format);

 private:
  explicit RecordOutput(OutputOptions options) : options_(std::move(options)) {}
  Result<bool> emit(const std::string& piece);

  OutputOptions options_;
  std::unique_ptr<RecordStream> file_;  // -o FILE
  std::size_t written_ = 0;
};

/// Writes all of `text` to file descriptor `fd` (retrying after EINTR);
/// fails with ErrorKind::io naming `name` ("standard output") and the reason.
Result<bool> write_all(int fd, const std::string& text, const std::string& name);

}  // namespace overleg
