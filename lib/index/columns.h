// Columns: text laid out in aligned columns for a terminal, measured in
// display cells rather than bytes or code points (UTF-8; East Asian wide and
// full-width characters take two cells, combining marks and other zero-width
// characters none; ICU's character properties). Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace overleg {

/// Terminal cells `text` takes ("coördinatie" is 11, "漢字" is 4).
std::size_t display_width(std::string_view text);

/// `text` cut to at most `width` cells, with "…" at the end when cut.
std::string truncate_to_width(std::string_view text, std::size_t width);

/// The rows as lines, each column padded to its widest cell (after cutting
/// cells to `max_width[i]` cells when that is given and not 0), two spaces
/// between columns, no padding after the last; each line ends with "\n".
std::string align_columns(const std::vector<std::vector<std::string>>& rows,
                          const std::vector<std::size_t>& max_width = {});

}  // namespace overleg
