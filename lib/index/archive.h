// Archive: the SQLite database of converted records (docs/archive.md): open
// it (creating and migrating the schema), put records in, and give search and
// tables their connection. WAL mode and a busy timeout let several `overleg
// index` processes write one file at once; each record is one transaction, so
// a killed process leaves every record whole or absent.
//
// Thread-safety: one Archive per thread; several Archives (threads or
// processes) may open the same file.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "index/record_reader.h"
#include "model/diagnostic.h"

namespace overleg {

namespace sql {
class Connection;
}

/// What put() did with a record.
enum class PutOutcome {
  added,      ///< a report with this sha256 was not there
  replaced,   ///< it was there with a different record (re-converted); its old rows are gone
  unchanged,  ///< it was there with exactly this record; nothing was written
};

/// "added", "replaced" or "unchanged".
const char* to_string(PutOutcome outcome);

class Archive {
 public:
  /// Opens the archive at `path`; with `create`, a missing file is created.
  /// The schema is migrated to kSchemaVersion. Fails (ErrorKind::io) when the
  /// file cannot be opened, is not an overleg archive or is from a newer overleg.
  static Result<Archive> open(const std::string& path, bool create);

  Archive();
  Archive(Archive&&) noexcept;
  Archive& operator=(Archive&&) noexcept;
  ~Archive();

  /// Puts one record in, keyed by source.sha256, in one transaction: added,
  /// replaced (all of the old report's rows deleted, the new ones written
  /// under the same report id) or left unchanged. Fails (ErrorKind::io) on a
  /// database error; the archive is then as before.
  Result<PutOutcome> put(const IndexedRecord& record);

  /// Puts several records in one transaction (each as put() would: added,
  /// replaced or unchanged), which is much faster for many small records
  /// than one transaction each. On a database error none of them is in.
  Result<std::vector<PutOutcome>> put(const std::vector<IndexedRecord>& records);

  /// The path given to open().
  const std::string& path() const;

  /// The connection, for the queries of search.h and tables.h.
  sql::Connection& connection();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace overleg
