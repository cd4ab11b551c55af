// Search: full-text queries over the archive's block, agenda and event texts
// (FTS5 query syntax: words, "phrases", prefix*, AND/OR/NOT, NEAR), filtered by
// the meeting's zone, theme and date and the section's kind, ranked by bm25
// (best first; ties in archive order). Reads only. Thread-safety: as Archive.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "index/archive.h"
#include "model/diagnostic.h"

namespace overleg {

struct SearchQuery {
  std::string match;                  ///< an FTS5 query
  std::optional<std::string> zone;    ///< meeting.zone, exact, case-insensitive (ASCII)
  std::optional<std::string> theme;   ///< part of meeting.theme, case-insensitive (ASCII)
  std::optional<std::string> from;    ///< meeting.date >= this (YYYY, YYYY-MM or YYYY-MM-DD)
  std::optional<std::string> to;      ///< meeting.date <= this (a YYYY or YYYY-MM bound takes the whole year/month)
  std::optional<std::string> kind;    ///< section kind: only blocks of such sections
  int limit = 20;                     ///< hits at most; 0: all
  std::string mark_open = "[";        ///< put around each matched word in the snippet
  std::string mark_close = "]";
};

struct SearchHit {
  std::string sha256;                 ///< the report's source.sha256
  std::string source_path;
  std::optional<std::string> title, date, zone, theme;
  std::string source;                 ///< where the text is: "block", "agenda" or "event"
  std::optional<std::string> section_kind;     ///< blocks only
  std::optional<std::string> section_heading;  ///< blocks only
  std::optional<long long> page;               ///< the section's page (blocks only)
  std::optional<std::string> block_type;       ///< paragraph, list_item, subheading, table
  double score = 0;                   ///< bm25 (lower is better, as SQLite has it)
  std::string snippet;                ///< the text around the match, matches marked
};

/// Is `date` a valid --from/--to bound (YYYY, YYYY-MM or YYYY-MM-DD)?
bool is_date_bound(const std::string& date);

/// The FTS5 expression search() runs: the user's query restricted to the
/// `text` column, and with a kind, `kind : "K" AND text : (query)`, with a
/// zone `zone : "<fts_zone_key(zone)>" AND ...`.
std::string fts_match(const SearchQuery& query);

/// Runs `query`. Fails with ErrorKind::damaged (code "bad_query") on a query
/// FTS5 rejects, with ErrorKind::io on a database error.
Result<std::vector<SearchHit>> search(Archive& archive, const SearchQuery& query);

}  // namespace overleg
