// Stats: small order statistics over measurements (font sizes, gaps, widths)
// that layout and the role stage take again and again. Pure functions;
// thread-safe.
#pragma once

#include <vector>

namespace overleg {

/// Median of `values` (the upper one of the middle two; 0 when empty).
double median(std::vector<double> values);

/// The value below which `share` (0..1) of `values` lie (nearest rank; 0
/// when empty): quantile(v, 1.0 / 3) is the smaller third's top.
double quantile(std::vector<double> values, double share);

}  // namespace overleg
