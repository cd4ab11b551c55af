// Schema: the archive database's tables (docs/archive.md describes every
// column) and their migrations. The schema version lives in
// `PRAGMA user_version`; migrate() brings a database of any older version
// (0: a new, empty file) to kSchemaVersion, one step per version, each step in
// the same transaction as the version bump. Thread-safety: as sql::Connection.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "index/sqlite.h"

namespace overleg {

/// The schema version this build writes and reads.
inline constexpr int kSchemaVersion = 2;

/// FTS5 rowids of a report's texts are report_id * kTextsPerReport + n, so one
/// rowid range holds (and deletes) a report's texts. A record has about a
/// hundred texts (dev corpus: at most 91 blocks + agenda + events).
inline constexpr std::int64_t kTextsPerReport = std::int64_t{1} << 20;

/// The report's zone as the FTS `zone` column holds it, and as `search
/// --zone` looks for it: one token, the zone's ASCII letters and digits
/// lower-cased and any non-ASCII bytes, the rest dropped ("Zuid-Oost" ->
/// "zuidoost", so that "Zuid" does not match it). Also SQL's
/// overleg_zone_key(zone) on a connection migrate() ran on.
std::string fts_zone_key(std::string_view zone);

/// The meeting month as the FTS `month` column holds it: "2025-09-25" ->
/// "m202509", "" for a date without year and month. Also SQL's
/// overleg_month_token(date) on a connection migrate() ran on.
std::string fts_month_token(std::string_view date);

/// Applies the migrations the database at `db` lacks. Throws sql::SqliteError
/// on a database error and std::runtime_error when the database was written
/// by a newer overleg (a higher user_version) or is not an overleg archive.
/// `target` below kSchemaVersion stops earlier (tests build old archives).
void migrate(sql::Connection& db, int target = kSchemaVersion);

}  // namespace overleg
