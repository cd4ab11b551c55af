#include "batch/progress.h"

#include <cmath>
#include <cstdio>

namespace overleg {

double pages_per_second(const BatchProgress& p) {
  return p.elapsed_seconds > 0 ? static_cast<double>(p.pages) / p.elapsed_seconds : 0.0;
}

double eta_seconds(const BatchProgress& p) {
  std::size_t worked = p.done - p.skipped;
  if (worked == 0 || p.elapsed_seconds <= 0) return -1;
  return p.elapsed_seconds / static_cast<double>(worked) * static_cast<double>(p.total - p.done);
}

std::string format_progress(const BatchProgress& p) {
  char buf[160];
  int n = std::snprintf(buf, sizeof buf, "%zu/%zu docs, %.1f pages/s", p.done, p.total, pages_per_second(p));
  std::string out(buf, static_cast<std::size_t>(n));
  double eta = eta_seconds(p);
  if (eta >= 0) {
    long s = std::lround(eta);
    if (s >= 3600)
      n = std::snprintf(buf, sizeof buf, ", ETA %ldh%02ldm", s / 3600, s / 60 % 60);
    else
      n = std::snprintf(buf, sizeof buf, ", ETA %ldm%02lds", s / 60, s % 60);
    out.append(buf, static_cast<std::size_t>(n));
  }
  if (p.skipped) out += ", " + std::to_string(p.skipped) + " skipped";
  if (p.failed) out += ", " + std::to_string(p.failed) + " failed";
  return out;
}

}  // namespace overleg
