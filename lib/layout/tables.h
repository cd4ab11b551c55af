// Tables: finding the runs of lines inside a column that form a table (a
// vertical channel no word crosses, with text on both sides in several
// lines, the left side more than list markers) and cutting them into rows
// and cells. Pure functions over values; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "layout/lines.h"

namespace overleg {

struct TableRun {
  std::size_t first = 0, last = 0;  ///< inclusive line indexes
  std::vector<double> cuts;         ///< x positions between the columns
};

/// The table runs among `lines` (top to bottom, one column of text).
std::vector<TableRun> find_table_runs(const std::vector<Line>& lines, double body_size);

/// The rows of a table made of `lines`, cut into columns at `cuts`: a new
/// row starts where the space above a line is clearly wider than the space
/// between the lines of one cell. Each cell's lines are joined with '\n'.
std::vector<std::vector<std::string>> table_rows(const std::vector<Line>& lines, const std::vector<double>& cuts);

}  // namespace overleg
