// `overleg index`: records (JSON Lines files, folders of .json records, or
// stdin) into the SQLite archive (lib/index/, docs/archive.md). Also the
// RecordIndexer that `extract --index` uses to index as it converts.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "index/archive.h"

namespace overleg {

/// Adds the `index` subcommand to `app`; when it runs, its exit code is
/// stored in `exit_code`.
void add_index_command(CLI::App& app, int& exit_code);

/// Puts record texts into an open archive, one line on stderr for each bad
/// record or database error, and counts what happened. One thread.
class RecordIndexer {
 public:
  /// Opens (creating) the archive at `path`; prints why not and returns null.
  /// Records are put `batch` at a time, in one transaction each batch.
  static std::unique_ptr<RecordIndexer> open(const std::string& path, std::size_t batch = 1);
  /// Puts what is still pending (see flush()).
  ~RecordIndexer();

  /// Reads one record (`where` names it: "all.jsonl:12") and puts it, or
  /// keeps it for the batch. A bad record is reported and counted; returns
  /// false only on a database error, after which nothing more should be put.
  bool add(std::string_view text, const std::string& where);
  /// Puts the pending records; false on a database error (reported).
  bool flush();

  std::size_t added = 0, replaced = 0, unchanged = 0, bad = 0;
  bool database_failed = false;

  /// "overleg: archive.sqlite: 12 records: 10 added, 1 replaced, 1 unchanged, 0 bad".
  std::string summary() const;

 private:
  RecordIndexer(Archive archive, std::size_t batch) : archive_(std::move(archive)), batch_(batch) {}
  Archive archive_;
  std::size_t batch_;
  std::vector<IndexedRecord> pending_;
};

}  // namespace overleg
