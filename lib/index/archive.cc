#include "index/archive.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <stdexcept>
#include <thread>

#include "index/schema.h"
#include "index/sqlite.h"

namespace overleg {
namespace {

// How long a writer waits for another's lock before giving up. A record's
// transaction holds the lock for about a millisecond (bench/index_bench.sh:
// ~1,500 records/s on the dev machine), a WAL checkpoint for well under a
// second; a minute leaves room for many shards on a slow disk.
constexpr int kBusyTimeoutMs = 60'000;

// What a table block puts in the full-text index: its cells, a row at a time.
std::string table_text(const std::vector<std::vector<std::string>>& rows) {
  std::string out;
  for (const auto& row : rows) {
    if (!out.empty()) out += " / ";
    for (std::size_t c = 0; c < row.size(); ++c) out += (c ? " | " : "") + row[c];
  }
  return out;
}

// Puts the file in WAL mode (a no-op when it is already: the mode is kept in
// the file). The switch needs an exclusive lock, and SQLite returns
// SQLITE_BUSY for it at once, without asking the busy handler, while another
// connection holds a shared lock: writers that open a new archive together
// (seen about once in a thousand runs of the several-writers test under
// load) would fail. So this waits itself, within the same timeout.
void use_wal(sql::Connection& db) {
  using namespace std::chrono;
  const auto deadline = steady_clock::now() + milliseconds(kBusyTimeoutMs);
  for (auto pause = milliseconds(1);; pause = std::min(pause * 2, milliseconds(50))) {
    try {
      db.exec("PRAGMA journal_mode = WAL");
      return;
    } catch (const sql::SqliteError& e) {
      if (!e.busy() || steady_clock::now() >= deadline) throw;
    }
    std::this_thread::sleep_for(pause);
  }
}

Failure database_error(const std::string& path, const std::string& message) {
  return Failure{ErrorKind::io, Diagnostic{"database", path, 0, message}};
}

}  // namespace

const char* to_string(PutOutcome outcome) {
  switch (outcome) {
    case PutOutcome::added: return "added";
    case PutOutcome::replaced: return "replaced";
    case PutOutcome::unchanged: return "unchanged";
  }
  return "unchanged";
}

struct Archive::State {
  std::string path;
  sql::Connection db;
  sql::Statement find, delete_texts, delete_report, insert_report, insert_agenda, insert_section, insert_block,
      insert_event, insert_link, insert_repair, insert_warning, insert_text;

  State(std::string p, bool create) : path(std::move(p)), db(path, create) {
    db.busy_timeout(kBusyTimeoutMs);
    use_wal(db);
    // In WAL mode NORMAL never corrupts the file; a power cut may lose the
    // last records, which a rerun of `index` puts back.
    db.exec("PRAGMA synchronous = NORMAL");
    db.exec("PRAGMA foreign_keys = ON");
    migrate(db);
    find = db.prepare("SELECT id, record FROM reports WHERE sha256 = ?");
    delete_texts = db.prepare("DELETE FROM search WHERE rowid >= ? AND rowid < ?");
    delete_report = db.prepare("DELETE FROM reports WHERE id = ?");
    insert_report = db.prepare(
        "INSERT INTO reports (id, sha256, source_path, source_bytes, pages, format, format_minor, language, series,"
        " title, theme, edition, date, zone, participants_count, participants_qualifier, participants_text, record)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    insert_agenda = db.prepare("INSERT INTO agenda_items (report_id, position, text) VALUES (?, ?, ?)");
    insert_section =
        db.prepare("INSERT INTO sections (report_id, position, kind, heading, page) VALUES (?, ?, ?, ?, ?)");
    insert_block = db.prepare(
        "INSERT INTO blocks (section_id, report_id, position, type, level, text, rows) VALUES (?, ?, ?, ?, ?, ?, ?)");
    insert_event = db.prepare(
        "INSERT INTO events (report_id, position, kind, title, date, start_time, end_time, location, text)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    insert_link = db.prepare("INSERT INTO links (report_id, position, url, text, page) VALUES (?, ?, ?, ?, ?)");
    insert_repair = db.prepare(
        "INSERT INTO repairs (report_id, position, page, from_text, to_text, rule, candidates, ocr_confidence)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    insert_warning =
        db.prepare("INSERT INTO warnings (report_id, position, code, page, message) VALUES (?, ?, ?, ?, ?)");
    insert_text = db.prepare("INSERT INTO search (rowid, text, kind, zone, month, source, item_id) VALUES (?, ?, ?, ?, ?, ?, ?)");
  }

  // Within the caller's transaction: the upsert of one record by sha256.
  PutOutcome upsert(const IndexedRecord& record) {
    std::optional<std::int64_t> old_id;
    bool same = false;
    find.bind(1, record.report.source.sha256);
    if (find.step()) {
      old_id = find.column_int(0);
      same = find.column_text(1) == record.json;
    }
    find.reset();
    if (same) return PutOutcome::unchanged;
    if (old_id) {
      // The foreign keys cascade from reports to every other content table;
      // FTS5 has none, so its rowid range goes first.
      delete_texts.bind(1, *old_id * kTextsPerReport).bind(2, (*old_id + 1) * kTextsPerReport).run();
      delete_report.bind(1, *old_id).run();
    }
    insert(record, old_id);
    return old_id ? PutOutcome::replaced : PutOutcome::added;
  }

  void insert(const IndexedRecord& record, std::optional<std::int64_t> id) {
    const Report& r = record.report;
    const Meeting& m = r.meeting;
    auto page_or_null = [](int page) { return page > 0 ? std::optional<int>(page) : std::nullopt; };
    sql::Statement& rep = insert_report;
    rep.bind(1, id).bind(2, r.source.sha256).bind(3, r.source.path).bind(4, static_cast<std::int64_t>(r.source.bytes));
    rep.bind(5, r.source.pages).bind(6, record.format).bind(7, record.format_minor).bind(8, r.language);
    rep.bind(9, m.series).bind(10, m.title).bind(11, m.theme).bind(12, m.edition).bind(13, m.date).bind(14, m.zone);
    if (m.participants) {
      rep.bind(15, m.participants->count).bind(16, m.participants->qualifier).bind(17, m.participants->text);
    } else {
      rep.bind_null(15).bind_null(16).bind_null(17);
    }
    rep.bind(18, record.json);
    rep.run();
    const std::int64_t report_id = id ? *id : db.last_insert_rowid();

    // The report's texts for FTS5, numbered from its rowid range.
    std::int64_t next_text = report_id * kTextsPerReport;
    const std::string month = m.date ? fts_month_token(*m.date) : std::string();
    const std::optional<std::string> zone_key = m.zone ? std::optional<std::string>(fts_zone_key(*m.zone)) : std::nullopt;
    // `kind` is the section's kind for a block, NULL for agenda and event texts.
    auto add_text = [&](const std::string& text, const std::string* kind, const char* source, std::int64_t item_id) {
      if (next_text == (report_id + 1) * kTextsPerReport) throw std::runtime_error("too many texts in one record");
      insert_text.bind(1, next_text++).bind(2, text);
      if (kind) insert_text.bind(3, *kind);
      else insert_text.bind_null(3);
      if (zone_key) insert_text.bind(4, *zone_key);
      else insert_text.bind_null(4);
      if (!month.empty()) insert_text.bind(5, month);
      else insert_text.bind_null(5);
      insert_text.bind(6, source).bind(7, item_id).run();
    };

    for (std::size_t i = 0; i < r.agenda.size(); ++i) {
      insert_agenda.bind(1, report_id).bind(2, static_cast<std::int64_t>(i)).bind(3, r.agenda[i]).run();
      add_text(r.agenda[i], nullptr, "agenda", db.last_insert_rowid());
    }
    for (std::size_t s = 0; s < r.sections.size(); ++s) {
      const Section& section = r.sections[s];
      insert_section.bind(1, report_id).bind(2, static_cast<std::int64_t>(s)).bind(3, section.kind);
      insert_section.bind(4, section.heading).bind(5, page_or_null(section.page)).run();
      const std::int64_t section_id = db.last_insert_rowid();
      for (std::size_t b = 0; b < section.blocks.size(); ++b) {
        const SectionBlock& block = section.blocks[b];
        const bool table = block.type == "table";
        insert_block.bind(1, section_id).bind(2, report_id).bind(3, static_cast<std::int64_t>(b)).bind(4, block.type);
        if (block.type == "list_item") insert_block.bind(5, block.level);
        else insert_block.bind_null(5);
        if (table) insert_block.bind_null(6).bind(7, nlohmann::json(block.rows).dump());
        else insert_block.bind(6, block.text).bind_null(7);
        insert_block.run();
        const std::string text = table ? table_text(block.rows) : block.text;
        if (!text.empty()) add_text(text, &section.kind, "block", db.last_insert_rowid());
      }
    }
    for (std::size_t i = 0; i < r.events.size(); ++i) {
      const Event& e = r.events[i];
      insert_event.bind(1, report_id).bind(2, static_cast<std::int64_t>(i)).bind(3, e.kind).bind(4, e.title);
      insert_event.bind(5, e.date).bind(6, e.start).bind(7, e.end).bind(8, e.location).bind(9, e.text).run();
      if (!e.text.empty()) add_text(e.text, nullptr, "event", db.last_insert_rowid());
    }
    for (std::size_t i = 0; i < r.links.size(); ++i) {
      const LinkRef& l = r.links[i];
      insert_link.bind(1, report_id).bind(2, static_cast<std::int64_t>(i)).bind(3, l.url).bind(4, l.text);
      insert_link.bind(5, page_or_null(l.page)).run();
    }
    for (std::size_t i = 0; i < r.repairs.size(); ++i) {
      const Repair& x = r.repairs[i];
      insert_repair.bind(1, report_id).bind(2, static_cast<std::int64_t>(i)).bind(3, page_or_null(x.page));
      insert_repair.bind(4, x.from).bind(5, x.to).bind(6, x.rule);
      if (x.evidence) insert_repair.bind(7, nlohmann::json(x.evidence->candidates).dump()).bind(8, x.evidence->ocr_confidence);
      else insert_repair.bind_null(7).bind_null(8);
      insert_repair.run();
    }
    for (std::size_t i = 0; i < r.warnings.size(); ++i) {
      const Diagnostic& w = r.warnings[i];
      insert_warning.bind(1, report_id).bind(2, static_cast<std::int64_t>(i)).bind(3, w.code);
      insert_warning.bind(4, page_or_null(w.page)).bind(5, w.message).run();
    }
  }
};

Archive::Archive() = default;
Archive::Archive(Archive&&) noexcept = default;
Archive& Archive::operator=(Archive&&) noexcept = default;
Archive::~Archive() = default;

Result<Archive> Archive::open(const std::string& path, bool create) {
  try {
    Archive archive;
    archive.state_ = std::make_unique<State>(path, create);
    return archive;
  } catch (const std::exception& e) {
    return database_error(path, std::string("cannot open the archive: ") + e.what());
  }
}

Result<PutOutcome> Archive::put(const IndexedRecord& record) {
  auto outcomes = put(std::vector<IndexedRecord>{record});
  if (!outcomes) return outcomes.failure();
  return outcomes.value().front();
}

Result<std::vector<PutOutcome>> Archive::put(const std::vector<IndexedRecord>& records) {
  State& s = *state_;
  const IndexedRecord* current = nullptr;
  try {
    sql::Transaction tx(s.db);
    std::vector<PutOutcome> outcomes;
    for (const IndexedRecord& record : records) {
      current = &record;
      outcomes.push_back(s.upsert(record));
    }
    tx.commit();
    return outcomes;
  } catch (const std::exception& e) {
    const std::string which = current ? current->report.source.path + ": " : std::string();
    return database_error(s.path, which + "cannot index the record: " + e.what());
  }
}

const std::string& Archive::path() const { return state_->path; }

sql::Connection& Archive::connection() { return state_->db; }

}  // namespace overleg
