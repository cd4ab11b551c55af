#include "record_output.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "util/atomic_file.h"

namespace overleg {

Result<bool> write_all(int fd, const std::string& text, const std::string& name) {
  std::size_t at = 0;
  while (at < text.size()) {
    ssize_t n = ::write(fd, text.data() + at, text.size() - at);
    if (n < 0) {
      if (errno == EINTR) continue;  // a stop signal: finish the record first
      return Failure{ErrorKind::io, {"write_failed", name, 0, std::string("cannot write: ") + std::strerror(errno)}};
    }
    at += static_cast<std::size_t>(n);
  }
  return true;
}

Result<std::unique_ptr<RecordOutput>> RecordOutput::open(const OutputOptions& options) {
  std::unique_ptr<RecordOutput> out(new RecordOutput(options));
  if (!options.to_dir && !options.output.empty()) {
    auto file = RecordStream::open(options.output);
    if (!file) return file.failure();
    out->file_ = std::move(file.value());
  }
  return out;
}

std::string RecordOutput::extension_for(const std::string& format) {
  if (format == "markdown") return ".md";
  if (format == "text") return ".txt";
  return ".json";
}

std::string RecordOutput::record_path(const OutputOptions& options, const BatchInput& in) {
  return (std::filesystem::path(options.output) / (in.output + extension_for(options.format))).string();
}

Result<bool> RecordOutput::emit(const std::string& piece) {
  if (file_) return file_->append(piece);
  return write_all(STDOUT_FILENO, piece, "standard output");
}

Result<bool> RecordOutput::write(const BatchInput& input, const std::string& text) {
  const std::string& f = options_.format;
  const bool json = f == "json" || f == "jsonl";
  if (options_.to_dir) return write_file_atomically(record_path(options_, input), json ? text + "\n" : text);
  std::string piece;
  if (f == "json") {
    // One array for the whole stream, whatever the number of inputs, so
    // that a script reads the same shape for one document as for ten.
    piece = written_ ? (options_.pretty ? ",\n" : ",") : (options_.pretty ? "[\n" : "[");
    piece += text;
  } else if (f == "jsonl") {
    piece = text + "\n";
  } else {
    // Markdown and text documents in one stream: a separator line between them.
    if (written_) piece = f == "markdown" ? "\n---\n\n" : "\f\n";
    piece += text;
  }
  auto done = emit(piece);
  if (done) ++written_;
  return done;
}

Result<bool> RecordOutput::finish() {
  if (options_.to_dir) return true;
  if (options_.format == "json") {
    auto end = emit(written_ ? (options_.pretty ? "\n]\n" : "]\n") : "[]\n");
    if (!end) return end;
  }
  if (file_) return file_->commit();
  return true;
}

}  // namespace overleg
