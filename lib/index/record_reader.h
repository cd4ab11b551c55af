// Record reader: one record's JSON text (format "overleg.report/1", any 1.x
// minor; docs/record.md) read back into a Report, checked for what the archive
// relies on, with the record kept as canonical compact JSON. The inverse of
// record/record.h's to_json for the archive's needs. Pure; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model/diagnostic.h"
#include "model/report.h"

namespace overleg {

/// A record as the archive stores it.
struct IndexedRecord {
  std::string format;               ///< "overleg.report/1"
  std::optional<int> format_minor;  ///< absent in 1.0 records
  Report report;                    ///< every field the tables hold
  std::string json;                 ///< the record, compact, keys in the record's order
};

/// Reads `text` (one JSON object). `where` names it in the Failure, e.g.
/// "all.jsonl:12". Fails (ErrorKind::damaged, code "bad_record") when the
/// text is not JSON, is not an overleg record of format 1, or a field the
/// archive reads has the wrong type; the message says which field.
Result<IndexedRecord> read_record(std::string_view text, const std::string& where);

}  // namespace overleg
