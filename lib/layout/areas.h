// Areas: a page cut into the parts a reader takes one after another. A
// recursive XY-cut: a clear vertical channel that no word crosses splits an
// area into columns (left to right); failing that, horizontal gaps clearly
// wider than the line spacing split it into strips (top to bottom), except
// that a strip lying inside the columns of the strip above stays with it.
// A narrow area whose two sides line up row by row is a table rather than
// two columns. Pure functions; thread-safe.
#pragma once

#include <vector>

#include "model/page.h"

namespace overleg {

struct Area {
  std::vector<Box> boxes;
  Rect bbox;
  bool table = false;
  std::vector<double> cell_cuts;  ///< table only: x positions between its columns
};

/// The page's regions in reading order (leaves of the XY-cut).
std::vector<Area> find_areas(const std::vector<Box>& boxes, double page_width);

}  // namespace overleg
