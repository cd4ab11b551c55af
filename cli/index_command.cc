#include "index_command.h"

#include <algorithm>
#include <iostream>

#include "exit_codes.h"
#include "index/record_reader.h"
#include "index/record_source.h"
#include "util/atomic_file.h"

namespace overleg {
namespace {

// Records per transaction for `overleg index`. Each transaction costs a WAL
// commit and an FTS5 segment; on the dev records (bench/index_bench.py) 100
// at a time indexes several times faster than one at a time, and a writer
// holds the lock for well under a second, so parallel shards still take turns.
constexpr std::size_t kRecordsPerTransaction = 100;

struct IndexArgs {
  std::vector<std::string> records;
  std::string database;
  bool quiet = false;
};

void print(const Diagnostic& d) { std::cerr << "overleg: " << d.to_line() << "\n"; }

int run_index(const IndexArgs& a) {
  auto indexer = RecordIndexer::open(a.database, kRecordsPerTransaction);
  if (!indexer) return exit_code::output_failed;
  RecordFiles files = expand_record_files(a.records);
  for (const Diagnostic& d : files.problems) print(d);
  std::size_t unreadable = files.problems.size();
  for (const std::string& path : files.paths) {
    auto read = read_records(path, [&](const RecordText& r) { return indexer->add(r.text, r.where); });
    if (!read) {
      print(read.failure().diagnostic);
      ++unreadable;
    }
    if (indexer->database_failed) break;
  }
  indexer->flush();
  if (!a.quiet) std::cerr << indexer->summary() << "\n";
  if (indexer->database_failed) return exit_code::output_failed;
  const std::size_t good = indexer->added + indexer->replaced + indexer->unchanged;
  if (indexer->bad + unreadable == 0) return exit_code::ok;
  return good > 0 ? exit_code::some_failed : exit_code::all_failed;
}

}  // namespace

std::unique_ptr<RecordIndexer> RecordIndexer::open(const std::string& path, std::size_t batch) {
  auto archive = Archive::open(path, true);
  if (!archive) {
    print(archive.failure().diagnostic);
    return nullptr;
  }
  return std::unique_ptr<RecordIndexer>(new RecordIndexer(std::move(archive.value()), std::max<std::size_t>(batch, 1)));
}

RecordIndexer::~RecordIndexer() { flush(); }

bool RecordIndexer::add(std::string_view text, const std::string& where) {
  if (database_failed) return false;
  auto record = read_record(text, where);
  if (!record) {
    print(record.failure().diagnostic);
    ++bad;
    return true;
  }
  pending_.push_back(std::move(record.value()));
  return pending_.size() < batch_ || flush();
}

bool RecordIndexer::flush() {
  if (pending_.empty() || database_failed) return !database_failed;
  auto put = archive_.put(pending_);
  pending_.clear();
  if (!put) {
    print(put.failure().diagnostic);
    database_failed = true;
    return false;
  }
  for (PutOutcome outcome : put.value()) {
    switch (outcome) {
      case PutOutcome::added: ++added; break;
      case PutOutcome::replaced: ++replaced; break;
      case PutOutcome::unchanged: ++unchanged; break;
    }
  }
  return true;
}

std::string RecordIndexer::summary() const {
  return "overleg: " + archive_.path() + ": " + std::to_string(added + replaced + unchanged + bad) + " records: " +
         std::to_string(added) + " added, " + std::to_string(replaced) + " replaced, " + std::to_string(unchanged) +
         " unchanged, " + std::to_string(bad) + " bad";
}

void add_index_command(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<IndexArgs>();
  CLI::App* cmd = app.add_subcommand("index", "Put JSON records into an SQLite archive for search (docs/archive.md)");
  cmd->footer(
      "Examples:\n"
      "  overleg index records/ -d archive.sqlite        every .json/.jsonl record under records/\n"
      "  overleg index all.jsonl -d archive.sqlite       one record per line\n"
      "  overleg extract a.pdf | overleg index - -d archive.sqlite\n"
      "A record already there (same source.sha256) is left alone when unchanged and\n"
      "replaced when re-converted. Several index runs may write one archive at once.\n"
      "Exit codes: 0 all indexed, 1 some records bad (each named on stderr), 2 bad\n"
      "arguments, 3 no record could be indexed, 5 the archive could not be written.");
  cmd->add_option("RECORDS", args->records, ".jsonl files, folders of .json records, or - (JSON Lines on stdin)")
      ->required();
  cmd->add_option("-d,--database", args->database, "The archive (SQLite file; created when missing)")->required();
  cmd->add_flag("-q,--quiet", args->quiet, "No summary line (errors are still shown)");
  cmd->callback([args, &exit_code] { exit_code = run_index(*args); });
}

}  // namespace overleg
