#include "index/tables.h"

#include <sqlite3.h>

#include <map>

#include "index/sqlite.h"

namespace overleg {
namespace {

// The report columns every table starts with, so a row stands on its own in
// a spreadsheet.
#define OVERLEG_REPORT_COLUMNS "r.sha256, r.source_path, r.language, r.date, r.zone, r.theme, r.title"

const std::map<std::string, std::string>& table_sql() {
  static const std::map<std::string, std::string> sql = {
      {"meetings",
       "SELECT " OVERLEG_REPORT_COLUMNS ", r.series, r.edition, r.participants_count, r.participants_qualifier,"
       " r.participants_text, r.pages, r.format, r.format_minor,"
       " (SELECT count(*) FROM agenda_items a WHERE a.report_id = r.id) AS agenda_items,"
       " (SELECT count(*) FROM sections s WHERE s.report_id = r.id) AS sections,"
       " (SELECT count(*) FROM events e WHERE e.report_id = r.id) AS events,"
       " (SELECT group_concat(text, char(10)) FROM (SELECT text FROM agenda_items a WHERE a.report_id = r.id"
       " ORDER BY position)) AS agenda"
       " FROM reports r ORDER BY r.date, r.zone, r.sha256"},
      {"events",
       "SELECT " OVERLEG_REPORT_COLUMNS ", e.position, e.kind, e.title AS event_title, e.date AS event_date,"
       " e.start_time, e.end_time, e.location, e.text"
       " FROM events e JOIN reports r ON r.id = e.report_id ORDER BY r.date, r.zone, r.sha256, e.position"},
      {"sections",
       "SELECT " OVERLEG_REPORT_COLUMNS ", s.position, s.kind, s.heading, s.page,"
       " (SELECT count(*) FROM blocks b WHERE b.section_id = s.id) AS blocks,"
       " (SELECT group_concat(t, char(10)) FROM (SELECT coalesce(b.text, b.rows) AS t FROM blocks b"
       " WHERE b.section_id = s.id ORDER BY b.position)) AS text"
       " FROM sections s JOIN reports r ON r.id = s.report_id ORDER BY r.date, r.zone, r.sha256, s.position"},
  };
  return sql;
}

}  // namespace

const std::vector<std::string>& table_names() {
  static const std::vector<std::string> names = {"meetings", "events", "sections"};
  return names;
}

Result<Table> query_table(Archive& archive, const std::string& sql) {
  try {
    sql::Statement st = archive.connection().prepare(sql);
    Table t;
    for (int i = 0; i < st.column_count(); ++i) t.columns.push_back(st.column_name(i));
    while (st.step()) {
      std::vector<Cell> row;
      for (int i = 0; i < st.column_count(); ++i) {
        switch (st.column_type(i)) {
          case SQLITE_NULL: row.emplace_back(std::monostate{}); break;
          case SQLITE_INTEGER: row.emplace_back(st.column_int(i)); break;
          case SQLITE_FLOAT: row.emplace_back(st.column_double(i)); break;
          default: row.emplace_back(st.column_text(i)); break;
        }
      }
      t.rows.push_back(std::move(row));
    }
    return t;
  } catch (const sql::SqliteError& e) {
    return Failure{ErrorKind::io, {"database", archive.path(), 0, e.what()}};
  }
}

Result<Table> read_table(Archive& archive, const std::string& name) {
  auto it = table_sql().find(name);
  if (it == table_sql().end())
    return Failure{ErrorKind::io, {"database", archive.path(), 0, "no table named \"" + name + "\""}};
  return query_table(archive, it->second);
}

}  // namespace overleg
