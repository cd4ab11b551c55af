// Record sources: the RECORDS arguments of `overleg index` expanded into the
// record texts to index: a .jsonl file (or "-", standard input) holds one
// record per line; a .json file one record (indented or not) or a JSON array
// of records (`extract --format json` of several inputs); a folder is searched
// recursively for .json and .jsonl files, in sorted order, as `extract -o DIR/`
// writes them. Reads files; never prints. Thread-safe.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "model/diagnostic.h"

namespace overleg {

/// One record's text and where it came from, for messages ("all.jsonl:12").
struct RecordText {
  std::string where;
  std::string text;
};

struct RecordFiles {
  std::vector<std::string> paths;    ///< files in order ("-" for stdin)
  std::vector<Diagnostic> problems;  ///< arguments naming nothing readable
};

/// Expands `args` (files, folders, "-") in the order given.
RecordFiles expand_record_files(const std::vector<std::string>& args);

/// Reads the records of `path` ("-": standard input) and hands each to
/// `sink` as soon as it is read, until `sink` returns false. JSON Lines
/// ("-", *.jsonl) are read a line at a time, so that a pipe (`extract ... |
/// index -`) is indexed as it arrives and memory holds one line, not the
/// file; a .json file is read whole (split_records). Fails (io, code
/// read_failed) when the file cannot be opened or a read fails; the records
/// handed over before a read error stay handed over.
Result<bool> read_records(const std::string& path, const std::function<bool(const RecordText&)>& sink);

/// Splits the contents of the file `path` into record texts (see above).
/// JSON Lines: blank lines are skipped, the others keep their line number.
std::vector<RecordText> split_records(const std::string& path, const std::string& content);

}  // namespace overleg
