// Sqlite: a small RAII wrapper over SQLite's C API (Debian's libsqlite3), just
// what the archive needs: a connection, prepared statements with typed binds
// and columns, and an IMMEDIATE transaction that rolls back unless committed.
//
// Errors: a failing SQLite call throws SqliteError. The exception never leaves
// lib/index: every public function of the archive (archive.h, search.h,
// tables.h) catches it and returns a Result, so callers see errors as values.
//
// Thread-safety: a Connection and the Statements prepared on it belong to one
// thread at a time. Several processes (or connections) may share one database
// file; SQLite's file locks and the busy timeout serialise their writes.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace overleg::sql {

/// A failed SQLite call: its result code and SQLite's message.
class SqliteError : public std::runtime_error {
 public:
  SqliteError(int code, const std::string& message) : std::runtime_error(message), code_(code) {}
  /// The primary SQLite result code (SQLITE_BUSY, SQLITE_CORRUPT, ...).
  int code() const { return code_; }
  /// True when another connection held the lock (SQLITE_BUSY): worth a retry.
  bool busy() const;

 private:
  int code_;
};

class Connection;

/// One prepared statement. Binds are 1-based, columns 0-based (as in SQLite).
class Statement {
 public:
  Statement() = default;
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  /// Binds NULL, an integer, a real or a text (copied) to parameter `i`.
  Statement& bind_null(int i);
  Statement& bind(int i, std::int64_t value);
  Statement& bind(int i, int value) { return bind(i, static_cast<std::int64_t>(value)); }
  Statement& bind(int i, double value);
  Statement& bind(int i, std::string_view text);
  Statement& bind(int i, const char* text) { return bind(i, std::string_view(text)); }
  Statement& bind(int i, const std::string& text) { return bind(i, std::string_view(text)); }
  /// Binds the value, or NULL when absent.
  template <class T>
  Statement& bind(int i, const std::optional<T>& value) {
    return value ? bind(i, *value) : bind_null(i);
  }

  /// Runs to the next row: true when a row is there, false when done.
  bool step();
  /// Runs a statement that returns no rows, then resets it for reuse.
  void run();
  /// Resets the statement and clears its bindings, for the next execution.
  void reset();

  int column_count() const;
  std::string column_name(int i) const;
  bool is_null(int i) const;
  /// SQLite's storage class of column `i` in the current row (SQLITE_INTEGER, ...).
  int column_type(int i) const;
  std::int64_t column_int(int i) const;
  double column_double(int i) const;
  std::string column_text(int i) const;  ///< "" for NULL
  std::optional<std::string> column_optional_text(int i) const;
  std::optional<std::int64_t> column_optional_int(int i) const;

 private:
  friend class Connection;
  Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
};

/// An open database connection; closed by the destructor.
class Connection {
 public:
  /// Opens (creating when `create`) the database file at `path`.
  Connection(const std::string& path, bool create);
  Connection(Connection&& other) noexcept;
  Connection& operator=(Connection&& other) noexcept;
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  ~Connection();

  /// Runs one or more statements that return no rows.
  void exec(std::string_view sql);
  /// Compiles one statement.
  Statement prepare(std::string_view sql);
  /// The single integer a query such as "PRAGMA user_version" returns.
  std::int64_t query_int(std::string_view sql);
  /// Waits up to `milliseconds` for another connection's lock before SQLITE_BUSY.
  void busy_timeout(int milliseconds);
  std::int64_t last_insert_rowid() const;

  /// A text -> text function of one argument, callable from SQL on this
  /// connection as `name(x)` (deterministic; NULL in, NULL out).
  using TextFunction = std::string (*)(std::string_view);
  void create_function(const char* name, TextFunction function);

 private:
  sqlite3* db_ = nullptr;
};

/// BEGIN IMMEDIATE (the write lock is taken at once, so two writers never
/// deadlock upgrading a read lock); rolled back by the destructor unless
/// commit() ran.
class Transaction {
 public:
  explicit Transaction(Connection& db);
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction();
  void commit();

 private:
  Connection& db_;
  bool open_ = true;
};

}  // namespace overleg::sql
