// Progress: how a batch tells its caller how far it is. The library never
// prints; it calls a ProgressSink, and the CLI decides whether and where to
// show it (an overprinting line on a terminal's stderr). A batch calls its
// sink from one thread only (the thread that runs the batch), so a sink needs
// no locking of its own.
#pragma once

#include <cstddef>
#include <string>

namespace overleg {

/// A snapshot of a running batch.
struct BatchProgress {
  std::size_t total = 0;      ///< documents this run handles (after --shard)
  std::size_t done = 0;       ///< finished: converted + failed + skipped
  std::size_t failed = 0;     ///< failed so far
  std::size_t skipped = 0;    ///< skipped by --resume (already converted)
  std::size_t pages = 0;      ///< pages converted so far
  double elapsed_seconds = 0;
};

/// Receives progress; implemented by the CLI (or tests).
class ProgressSink {
 public:
  virtual ~ProgressSink() = default;
  /// Called after every document and about five times a second in between.
  virtual void update(const BatchProgress& progress) = 0;
  /// Called once when the batch ends (e.g. to clear a status line).
  virtual void finish(const BatchProgress& progress) = 0;
};

/// Pages per second over the documents converted so far (0 before any).
double pages_per_second(const BatchProgress& p);

/// Estimated seconds left, from the mean time per finished document; negative
/// when unknown. Skipped documents cost nothing, so they are left out.
double eta_seconds(const BatchProgress& p);

/// "12/200 docs, 3.4 pages/s, ETA 4m05s, 1 failed", one line for a status bar.
std::string format_progress(const BatchProgress& p);

}  // namespace overleg
