// How `overleg extract` shows a batch's progress on standard error: on a
// terminal one status line overprinted in place (at most five times a
// second); on anything else (a log file, a pipe, TERM=dumb) plain lines
// "overleg: 12/200 docs, ..." every few seconds, with no control codes.
// Used by the thread that runs the batch only.
#pragma once

#include <chrono>

#include "batch/progress.h"

namespace overleg {

/// The progress sink for stderr; `overprint` on a capable terminal only.
class ProgressLine : public ProgressSink {
 public:
  explicit ProgressLine(bool overprint) : overprint_(overprint) {}
  void update(const BatchProgress& p) override;
  void finish(const BatchProgress& p) override;
  /// Clears an overprinted line so that a diagnostic can be printed; the
  /// next update() redraws it. Plain lines need no clearing.
  void clear();

  /// Should stderr get the overprinting line? (a terminal, and TERM is not "dumb")
  static bool stderr_can_overprint();

 private:
  bool overprint_;
  bool shown_ = false;
  std::size_t done_ = 0;  // documents done at the last plain line
  std::chrono::steady_clock::time_point last_{};
};

}  // namespace overleg
