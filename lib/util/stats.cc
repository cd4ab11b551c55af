#include "util/stats.h"

#include <algorithm>

namespace overleg {

double median(std::vector<double> values) {
  if (values.empty()) return 0;
  auto mid = values.begin() + values.size() / 2;
  std::nth_element(values.begin(), mid, values.end());
  return *mid;
}

double quantile(std::vector<double> values, double share) {
  if (values.empty()) return 0;
  // Nearest rank on (n - 1): quantile(v, 1/3) of 4 values is the second.
  share = std::clamp(share, 0.0, 1.0);
  auto at = values.begin() + static_cast<std::ptrdiff_t>(share * static_cast<double>(values.size() - 1));
  std::nth_element(values.begin(), at, values.end());
  return *at;
}

}  // namespace overleg
