#include "index/search.h"

#include <cctype>
#include <cstdio>

#include "index/schema.h"
#include "index/sqlite.h"

namespace overleg {
namespace {

// Tokens of context a snippet shows around the match (FTS5 allows 1..64);
// 16 fills about one terminal line of Dutch text.
constexpr int kSnippetTokens = 16;

// A --from/--to range of at most this many months filters inside FTS5.
constexpr int kMaxMonthTokens = 24;

}  // namespace

bool is_date_bound(const std::string& date) {
  // YYYY, YYYY-MM or YYYY-MM-DD, with a month 01-12 and a day 01-31.
  auto two_digits_in = [&](std::size_t at, int low, int high) {
    if (!std::isdigit(static_cast<unsigned char>(date[at])) || !std::isdigit(static_cast<unsigned char>(date[at + 1])))
      return false;
    int v = (date[at] - '0') * 10 + (date[at + 1] - '0');
    return v >= low && v <= high;
  };
  if (date.size() != 4 && date.size() != 7 && date.size() != 10) return false;
  for (std::size_t i = 0; i < 4; ++i)
    if (!std::isdigit(static_cast<unsigned char>(date[i]))) return false;
  if (date.size() >= 7 && (date[4] != '-' || !two_digits_in(5, 1, 12))) return false;
  if (date.size() == 10 && (date[7] != '-' || !two_digits_in(8, 1, 31))) return false;
  return true;
}

std::string fts_match(const SearchQuery& q) {
  // The user's query is searched in `text` only: unqualified, FTS5 would
  // also match the `kind` column, so that "monitoring" would find every block
  // of every monitoring section. A column filter binds to a parenthesised
  // expression of any form (phrases, NEAR, NOT, prefixes).
  auto quoted = [](const std::string& s) {
    std::string out = "\"";
    for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
  };
  std::string match = "text : (" + q.match + ")";
  if (q.kind) match = "kind : " + quoted(*q.kind) + " AND " + match;
  // The zone column narrows the matches before ranking; its key is coarser
  // than the exact (case-insensitive) zone comparison, which search() keeps.
  if (q.zone && !fts_zone_key(*q.zone).empty()) match = "zone : " + quoted(fts_zone_key(*q.zone)) + " AND " + match;
  // A date range narrows to the months it spans (at most two years of them:
  // a longer range keeps most reports anyway, and its OR would be long); the
  // exact comparison of reports.date stays. search() closes an open end with
  // the archive's first or last meeting date.
  if (q.from && q.to && is_date_bound(*q.from) && is_date_bound(*q.to)) {
    auto month_of = [](const std::string& bound, bool upper) {
      int year = std::stoi(bound.substr(0, 4));
      int month = bound.size() >= 7 ? std::stoi(bound.substr(5, 2)) : (upper ? 12 : 1);
      return year * 12 + (month - 1);
    };
    const int lo = month_of(*q.from, false), hi = month_of(*q.to, true);
    if (hi >= lo && hi - lo < kMaxMonthTokens) {
      std::string months;
      for (int m = lo; m <= hi; ++m) {
        char token[16];
        std::snprintf(token, sizeof token, "m%04d%02d", m / 12, m % 12 + 1);
        months += (months.empty() ? "" : " OR ") + std::string(token);
      }
      match = "month : (" + months + ") AND " + match;
    }
  }
  return match;
}

Result<std::vector<SearchHit>> search(Archive& archive, const SearchQuery& q) {
  // One query, ordered by FTS5's own `rank` (bm25 with the kind column
  // weighted 0): FTS5 then sorts the matches itself and the outer query
  // computes snippet() and the joins only for the rows it returns, the best
  // `limit`. Ordering by bm25() as an expression (with a rowid tie-break)
  // made SQLite sort every match with its snippet, and a two-step query
  // (rank, then join the best) re-ran the MATCH once per hit, which for a
  // prefix query costs as much as the search: 80 ms against 15 ms for
  // `vorming* OR opleiding* --kind actions` on 10,000 records
  // (bench/index_bench.py, docs/performance.md). Equal ranks come out in
  // rowid order, the order FTS5 feeds its sorter (tested). The texts' rowids
  // say whose they are (schema.h: kTextsPerReport), so the join to reports
  // needs no column of the FTS table; the section kind is an FTS column
  // and the zone are FTS columns (schema v2), filtered inside FTS5.
  const std::string per_report = std::to_string(kTextsPerReport);
  std::string sql =
      "SELECT r.sha256, r.source_path, r.title, r.date, r.zone, r.theme, search.source,"
      " s.kind, s.heading, s.page, b.type, search.rank,"
      " snippet(search, 0, ?1, ?2, '…', " + std::to_string(kSnippetTokens) + ")"
      " FROM search JOIN reports r ON r.id = search.rowid / " + per_report +
      " LEFT JOIN blocks b ON search.source = 'block' AND b.id = search.item_id"
      " LEFT JOIN sections s ON s.id = b.section_id"
      " WHERE search MATCH ?3 AND search.rank MATCH 'bm25(1.0, 0.0, 0.0, 0.0)'";
  if (q.zone) sql += " AND r.zone = ?4 COLLATE NOCASE";
  if (q.theme) sql += " AND r.theme LIKE '%' || ?5 || '%'";
  if (q.from) sql += " AND r.date >= ?6";
  // "--to 2025" keeps 2025-12-31: compare as many characters as the bound has.
  if (q.to) sql += " AND substr(r.date, 1, length(?7)) <= ?7";
  sql += " ORDER BY search.rank";
  if (q.limit > 0) sql += " LIMIT " + std::to_string(q.limit);
  try {
    // An open end of a date range is the archive's first or last meeting,
    // so that fts_match can narrow by month.
    SearchQuery closed = q;
    if ((q.from && !q.to) || (q.to && !q.from)) {
      sql::Statement bounds = archive.connection().prepare("SELECT min(date), max(date) FROM reports");
      if (bounds.step()) {
        if (!closed.from) closed.from = bounds.column_optional_text(0);
        if (!closed.to) closed.to = bounds.column_optional_text(1);
      }
    }
    sql::Statement st = archive.connection().prepare(sql);
    st.bind(1, q.mark_open).bind(2, q.mark_close).bind(3, fts_match(closed));
    if (q.zone) st.bind(4, *q.zone);
    if (q.theme) st.bind(5, *q.theme);
    if (q.from) st.bind(6, *q.from);
    if (q.to) st.bind(7, *q.to);
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
