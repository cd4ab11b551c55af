#include "index/search.h"

#include <regex>

#include "index/schema.h"
#include "index/sqlite.h"

namespace overleg {
namespace {

// Tokens of context a snippet shows around the match (FTS5 allows 1..64);
// 16 fills about one terminal line of Dutch text.
constexpr int kSnippetTokens = 16;

}  // namespace

bool is_date_bound(const std::string& date) {
  static const std::regex pattern(R"(\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?)");
  return std::regex_match(date, pattern);
}

Result<std::vector<SearchHit>> search(Archive& archive, const SearchQuery& q) {
  // The texts' rowids say whose they are (schema.h: kTextsPerReport), so the
  // join to reports needs no column of the FTS table. Two steps: rank the
  // matches joined only to what the filters need, keep the best `limit`,
  // then join those few for display and snippet. Joining every match to
  // reports, blocks and sections before ranking cost 3x the CPU for a word in
  // most reports (bench/index_bench.py, docs/performance.md).
  const std::string per_report = std::to_string(kTextsPerReport);
  std::string rank =
      "SELECT search.rowid AS id, bm25(search) AS score FROM search";
  if (q.zone || q.theme || q.from || q.to) rank += " JOIN reports r ON r.id = search.rowid / " + per_report;
  if (q.kind)
    rank += " JOIN blocks b ON search.source = 'block' AND b.id = search.item_id"
            " JOIN sections s ON s.id = b.section_id";
  rank += " WHERE search MATCH ?3";
  if (q.zone) rank += " AND r.zone = ?4 COLLATE NOCASE";
  if (q.theme) rank += " AND r.theme LIKE '%' || ?5 || '%'";
  if (q.from) rank += " AND r.date >= ?6";
  // "--to 2025" keeps 2025-12-31: compare as many characters as the bound has.
  if (q.to) rank += " AND substr(r.date, 1, length(?7)) <= ?7";
  if (q.kind) rank += " AND s.kind = ?8";
  rank += " ORDER BY score, search.rowid";
  if (q.limit > 0) rank += " LIMIT " + std::to_string(q.limit);
  const std::string sql =
      "WITH hits AS (" + rank + ")"
      " SELECT r.sha256, r.source_path, r.title, r.date, r.zone, r.theme, search.source,"
      " s.kind, s.heading, s.page, b.type, hits.score,"
      " snippet(search, 0, ?1, ?2, '…', " + std::to_string(kSnippetTokens) + ")"
      " FROM hits JOIN search ON search.rowid = hits.id"
      " JOIN reports r ON r.id = search.rowid / " + per_report +
      " LEFT JOIN blocks b ON search.source = 'block' AND b.id = search.item_id"
      " LEFT JOIN sections s ON s.id = b.section_id"
      " WHERE search MATCH ?3"
      " ORDER BY hits.score, hits.id";
  try {
    sql::Statement st = archive.connection().prepare(sql);
    st.bind(1, q.mark_open).bind(2, q.mark_close).bind(3, q.match);
    if (q.zone) st.bind(4, *q.zone);
    if (q.theme) st.bind(5, *q.theme);
    if (q.from) st.bind(6, *q.from);
    if (q.to) st.bind(7, *q.to);
    if (q.kind) st.bind(8, *q.kind);
    std::vector<SearchHit> hits;
    while (st.step()) {
      SearchHit h;
      h.sha256 = st.column_text(0);
      h.source_path = st.column_text(1);
      h.title = st.column_optional_text(2);
      h.date = st.column_optional_text(3);
      h.zone = st.column_optional_text(4);
      h.theme = st.column_optional_text(5);
      h.source = st.column_text(6);
      h.section_kind = st.column_optional_text(7);
      h.section_heading = st.column_optional_text(8);
      if (auto page = st.column_optional_int(9)) h.page = *page;
      h.block_type = st.column_optional_text(10);
      h.score = st.column_double(11);
      h.snippet = st.column_text(12);
      hits.push_back(std::move(h));
    }
    return hits;
  } catch (const sql::SqliteError& e) {
    // FTS5 reports a malformed query as SQLITE_ERROR ("fts5: syntax error
    // near ...", "no such column"); the statement itself is ours and known
    // good, so any other code is the database's problem.
    const std::string message = e.what();
    if (e.code() == 1)
      return Failure{ErrorKind::damaged, {"bad_query", "", 0, "the query \"" + q.match + "\": " + message}};
    return Failure{ErrorKind::io, {"database", archive.path(), 0, message}};
  }
}

}  // namespace overleg
