// Engine: a thread that owns one worker's DocumentConverter and runs one
// document at a time for it, so that the worker can wait for the result with
// a deadline and give up on it (see batch.h, "Timeouts").
//
// Thread-safety: an Engine is driven by one worker thread. Its state is
// shared with its thread, so an abandoned engine (retire(true)) stays valid
// until the conversion it is running returns; the late result is dropped.
#pragma once

#include <functional>
#include <future>
#include <memory>
#include <string>
#include <thread>

#include "model/diagnostic.h"
#include "model/report.h"

namespace overleg {

/// Converts one document (path for naming, bytes to read, and the bytes'
/// SHA-256 in hex, which the batch has already computed); one per worker.
using DocumentConverter =
    std::function<Result<Report>(const std::string& path, std::string bytes, const std::string& sha256)>;

class Engine {
 public:
  /// Starts the thread; `make` is called on it for the converter, on first use.
  explicit Engine(std::function<DocumentConverter()> make);
  /// Joins an idle engine (as retire()).
  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  /// Hands one document to the engine; the future gets its result (an
  /// exception in the converter becomes an internal Failure).
  std::future<Result<Report>> submit(const std::string& path, std::string bytes, std::string sha256);

  /// Ends the engine: joins an idle one; `abandon` detaches a busy one.
  void retire(bool abandon = false);

 private:
  struct State;
  static void run(State& s);

  std::shared_ptr<State> state_;
  std::thread thread_;
};

}  // namespace overleg
