// Tables: the archive as flat tables for spreadsheets and scripts, one row per
// item: `meetings` (one per report), `events`, `sections` (with the text of
// their blocks). Columns and order are documented in docs/archive.md; rows
// come in a stable order (date, zone, sha256, position). Reads only.
// Thread-safety: as Archive.
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "index/archive.h"
#include "model/diagnostic.h"

namespace overleg {

/// One value: NULL, an integer, a real or a text.
using Cell = std::variant<std::monostate, std::int64_t, double, std::string>;

struct Table {
  std::vector<std::string> columns;
  std::vector<std::vector<Cell>> rows;
};

/// The names read_table() knows: "meetings", "events", "sections".
const std::vector<std::string>& table_names();

/// The table `name`. Fails (ErrorKind::io) on a database error or an unknown name.
Result<Table> read_table(Archive& archive, const std::string& name);

/// Runs any read-only SQL on the archive (used by the tests and for ad-hoc queries).
Result<Table> query_table(Archive& archive, const std::string& sql);

}  // namespace overleg
