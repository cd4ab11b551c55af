// Table formats: a Table as RFC 4180 CSV (for spreadsheets) or JSON Lines
// (for scripts). Deterministic: classic number formatting, columns in the
// table's order. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "index/tables.h"

namespace overleg {

/// One CSV field: as is, or in double quotes (inner quotes doubled) when it
/// holds a comma, a double quote, CR or LF, or starts or ends with a space.
std::string csv_field(std::string_view text);

/// RFC 4180: a header line, then one line per row, each ended by CRLF; NULL
/// is an empty field, reals in shortest round-trip form.
std::string to_csv(const Table& table);

/// One JSON object per row (keys = columns, NULL = null), each ended by "\n".
std::string to_jsonl(const Table& table);

}  // namespace overleg
