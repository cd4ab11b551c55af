// Diagnostic: one warning or error about one input, with where it happened.
// Stages collect warnings as values (they never print); an error ends the
// conversion of one document, never the batch. Plain value type.
#pragma once

#include <string>
#include <vector>

namespace overleg {

/// What went wrong, coarse enough to map onto the CLI's exit codes.
enum class ErrorKind {
  none,
  not_pdf,        ///< the input is not a PDF or image we can read
  damaged,        ///< a PDF too broken to recover anything from
  encrypted,      ///< needs a password we do not have
  io,             ///< could not read or write a file
  missing_data,   ///< a dependency's data is missing (lexicon, Tesseract language)
  timeout,        ///< the document took longer than allowed
  cancelled,      ///< the run was interrupted before this document finished
  internal,       ///< a bug: an exception we did not expect
};

/// Short stable name of an ErrorKind ("not_pdf", ...), used in reports.
const char* to_string(ErrorKind kind);

struct Diagnostic {
  std::string code;     ///< stable machine-readable code, e.g. "ocr_low_confidence"
  std::string file;     ///< the input's path as given ("-" for stdin)
  int page = 0;         ///< 1-based page, 0 when it concerns the whole document
  std::string message;  ///< one line for a person

  /// "file: page 2: message" (page part omitted when 0), one line.
  std::string to_line() const;
};

/// `name` as it is safe to print on one line: unchanged unless it holds
/// control characters, else quoted the way coreutils does ('a'$'\n''b').
std::string quote_file_name(const std::string& name);

/// An error that ends one document: a kind plus the diagnostic to show.
struct Failure {
  ErrorKind kind = ErrorKind::none;
  Diagnostic diagnostic;
};

/// Result of a stage that can fail: a value or a Failure (never both).
template <class T>
class Result {
 public:
  Result(T value) : value_(std::move(value)), ok_(true) {}
  Result(Failure failure) : failure_(std::move(failure)), ok_(false) {}

  bool ok() const { return ok_; }
  explicit operator bool() const { return ok_; }
  T& value() { return value_; }
  const T& value() const { return value_; }
  T* operator->() { return &value_; }
  const T* operator->() const { return &value_; }
  const Failure& failure() const { return failure_; }

 private:
  T value_{};
  Failure failure_;
  bool ok_;
};

}  // namespace overleg
