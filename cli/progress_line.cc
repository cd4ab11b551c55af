#include "progress_line.h"

#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <iostream>

namespace overleg {
namespace {

// A terminal redraws cheaply; five times a second looks live without flicker.
constexpr auto kTerminalInterval = std::chrono::milliseconds(200);
// A log gets a line every ten seconds: a long batch stays readable (360
// lines an hour) and a stalled one is visible within a few lines.
constexpr auto kLogInterval = std::chrono::seconds(10);

}  // namespace

bool ProgressLine::stderr_can_overprint() {
  if (!::isatty(STDERR_FILENO)) return false;
  const char* term = std::getenv("TERM");
  return !(term && std::strcmp(term, "dumb") == 0);
}

void ProgressLine::update(const BatchProgress& p) {
  auto now = std::chrono::steady_clock::now();
  if (overprint_) {
    if (shown_ && now - last_ < kTerminalInterval && p.done != p.total) return;
    last_ = now;
    shown_ = true;
    std::cerr << "\r\033[K" << format_progress(p) << std::flush;
    return;
  }
  // Plain lines: one when the first document is done (so that a log shows
  // the run is alive), then one per interval, and the last one.
  if (p.done == 0 || p.done == done_) return;
  if (shown_ && now - last_ < kLogInterval && p.done != p.total) return;
  last_ = now;
  shown_ = true;
  done_ = p.done;
  std::cerr << "overleg: " << format_progress(p) << "\n" << std::flush;
}

void ProgressLine::finish(const BatchProgress&) { clear(); }

void ProgressLine::clear() {
  if (!overprint_) return;
  if (shown_) std::cerr << "\r\033[K" << std::flush;
  shown_ = false;
}

}  // namespace overleg
