#include "index/sqlite.h"

#include <dlfcn.h>
#include <sqlite3.h>

#include <utility>

namespace overleg::sql {
namespace {

// SQLite is opened when an archive is, not when the program starts: only
// `index` and `search` use it, and a conversion should not pay for loading
// it (1.1 M instructions of relocations a process, a twentieth of
// `overleg --version`; issue #13). The functions the wrapper calls are
// looked up once, from the same library the build linked against.
#define OVERLEG_SQLITE_FUNCTIONS(X) \
  X(bind_double) \
  X(bind_int64) \
  X(bind_null) \
  X(bind_text64) \
  X(busy_timeout) \
  X(clear_bindings) \
  X(close) \
  X(close_v2) \
  X(column_bytes) \
  X(column_count) \
  X(column_double) \
  X(column_int64) \
  X(column_name) \
  X(column_text) \
  X(column_type) \
  X(create_function_v2) \
  X(errmsg) \
  X(errstr) \
  X(exec) \
  X(extended_result_codes) \
  X(finalize) \
  X(free) \
  X(last_insert_rowid) \
  X(open_v2) \
  X(prepare_v3) \
  X(reset) \
  X(result_null) \
  X(result_text) \
  X(step) \
  X(user_data) \
  X(value_bytes) \
  X(value_text) \
  X(value_type)

struct Api {
#define OVERLEG_SQLITE_POINTER(name) decltype(&::sqlite3_##name) name = nullptr;
  OVERLEG_SQLITE_FUNCTIONS(OVERLEG_SQLITE_POINTER)
#undef OVERLEG_SQLITE_POINTER
};

Api load_api() {
  constexpr const char* kLibrary = "libsqlite3.so.0";  // Debian's libsqlite3-0
  void* lib = dlopen(kLibrary, RTLD_NOW | RTLD_LOCAL);
  if (!lib) throw SqliteError(SQLITE_CANTOPEN, std::string("cannot load SQLite: ") + dlerror());
  Api api;
#define OVERLEG_SQLITE_LOOKUP(name)                                                                   \
  api.name = reinterpret_cast<decltype(api.name)>(dlsym(lib, "sqlite3_" #name));                     \
  if (!api.name) throw SqliteError(SQLITE_CANTOPEN, std::string(kLibrary) + " lacks sqlite3_" #name);
  OVERLEG_SQLITE_FUNCTIONS(OVERLEG_SQLITE_LOOKUP)
#undef OVERLEG_SQLITE_LOOKUP
  return api;  // the library stays loaded for the process
}

// Thread-safe: a function-local static is initialised once (again on the
// next call if loading threw).
const Api& api() {
  static const Api loaded = load_api();
  return loaded;
}

[[noreturn]] void fail(sqlite3* db, int code, std::string_view what) {
  std::string message(what);
  message += ": ";
  message += db ? api().errmsg(db) : api().errstr(code);
  throw SqliteError(code & 0xff, message);
}

}  // namespace

bool SqliteError::busy() const { return code_ == SQLITE_BUSY; }

Statement::Statement(Statement&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)), stmt_(std::exchange(other.stmt_, nullptr)) {}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    api().finalize(stmt_);
    db_ = std::exchange(other.db_, nullptr);
    stmt_ = std::exchange(other.stmt_, nullptr);
  }
  return *this;
}

Statement::~Statement() {
  if (stmt_) api().finalize(stmt_);  // a statement implies a loaded library
}

Statement& Statement::bind_null(int i) {
  if (int rc = api().bind_null(stmt_, i); rc != SQLITE_OK) fail(db_, rc, "bind");
  return *this;
}

Statement& Statement::bind(int i, std::int64_t value) {
  if (int rc = api().bind_int64(stmt_, i, value); rc != SQLITE_OK) fail(db_, rc, "bind");
  return *this;
}

Statement& Statement::bind(int i, double value) {
  if (int rc = api().bind_double(stmt_, i, value); rc != SQLITE_OK) fail(db_, rc, "bind");
  return *this;
}

Statement& Statement::bind(int i, std::string_view text) {
  // SQLITE_TRANSIENT: SQLite copies the text, so temporaries may be bound.
  if (int rc = api().bind_text64(stmt_, i, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
      rc != SQLITE_OK)
    fail(db_, rc, "bind");
  return *this;
}

bool Statement::step() {
  int rc = api().step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  // The statement must be reset before it can run again; keep SQLite's
  // message, which reset would not change.
  std::string message = api().errmsg(db_);
  api().reset(stmt_);
  throw SqliteError(rc & 0xff, message);
}

void Statement::run() {
  while (step()) {
  }
  reset();
}

void Statement::reset() {
  api().reset(stmt_);
  api().clear_bindings(stmt_);
}

int Statement::column_count() const { return api().column_count(stmt_); }
std::string Statement::column_name(int i) const { return api().column_name(stmt_, i); }
bool Statement::is_null(int i) const { return api().column_type(stmt_, i) == SQLITE_NULL; }
int Statement::column_type(int i) const { return api().column_type(stmt_, i); }
std::int64_t Statement::column_int(int i) const { return api().column_int64(stmt_, i); }
double Statement::column_double(int i) const { return api().column_double(stmt_, i); }

std::string Statement::column_text(int i) const {
  const unsigned char* text = api().column_text(stmt_, i);
  if (!text) return {};
  return std::string(reinterpret_cast<const char*>(text), api().column_bytes(stmt_, i));
}

std::optional<std::string> Statement::column_optional_text(int i) const {
  if (is_null(i)) return std::nullopt;
  return column_text(i);
}

std::optional<std::int64_t> Statement::column_optional_int(int i) const {
  if (is_null(i)) return std::nullopt;
  return column_int(i);
}

Connection::Connection(const std::string& path, bool create) {
  int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0);
  int rc = api().open_v2(path.c_str(), &db_, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string message = db_ ? api().errmsg(db_) : api().errstr(rc);
    api().close(db_);
    db_ = nullptr;
    throw SqliteError(rc & 0xff, message);
  }
  api().extended_result_codes(db_, 0);
}

Connection::Connection(Connection&& other) noexcept : db_(std::exchange(other.db_, nullptr)) {}

Connection& Connection::operator=(Connection&& other) noexcept {
  if (this != &other) {
    api().close_v2(db_);
    db_ = std::exchange(other.db_, nullptr);
  }
  return *this;
}

// close_v2: statements still alive (a moved-from archive's) do not keep the
// file open forever; SQLite closes it when the last one is finalised.
Connection::~Connection() {
  if (db_) api().close_v2(db_);
}

void Connection::exec(std::string_view sql) {
  std::string text(sql);
  char* error = nullptr;
  int rc = api().exec(db_, text.c_str(), nullptr, nullptr, &error);
  if (rc != SQLITE_OK) {
    std::string message = error ? error : api().errstr(rc);
    api().free(error);
    throw SqliteError(rc & 0xff, message);
  }
}

Statement Connection::prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  int rc = api().prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt,
                              nullptr);
  if (rc != SQLITE_OK) fail(db_, rc, "prepare");
  return Statement(db_, stmt);
}

std::int64_t Connection::query_int(std::string_view sql) {
  Statement s = prepare(sql);
  return s.step() ? s.column_int(0) : 0;
}

void Connection::busy_timeout(int milliseconds) { api().busy_timeout(db_, milliseconds); }

std::int64_t Connection::last_insert_rowid() const { return api().last_insert_rowid(db_); }

void Connection::create_function(const char* name, TextFunction function) {
  auto call = [](sqlite3_context* ctx, int, sqlite3_value** argv) {
    if (api().value_type(argv[0]) == SQLITE_NULL) return api().result_null(ctx);
    auto f = reinterpret_cast<TextFunction>(api().user_data(ctx));
    const auto* text = reinterpret_cast<const char*>(api().value_text(argv[0]));
    std::string out = f(std::string_view(text, static_cast<std::size_t>(api().value_bytes(argv[0]))));
    api().result_text(ctx, out.data(), static_cast<int>(out.size()), SQLITE_TRANSIENT);
  };
  int rc = api().create_function_v2(db_, name, 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                                      reinterpret_cast<void*>(function), call, nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) fail(db_, rc, "create_function");
}

Transaction::Transaction(Connection& db) : db_(db) { db_.exec("BEGIN IMMEDIATE"); }

Transaction::~Transaction() {
  if (!open_) return;
  try {
    db_.exec("ROLLBACK");
  } catch (const SqliteError&) {
    // SQLite already rolled back (e.g. after SQLITE_FULL); nothing left to undo.
  }
}

void Transaction::commit() {
  db_.exec("COMMIT");
  open_ = false;
}

}  // namespace overleg::sql
