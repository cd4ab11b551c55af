// Inputs: the command line's INPUT arguments expanded into the documents to
// convert (files as given, folders searched recursively for PDFs and scans,
// sorted by path, "-" for standard input), each with the name of its record.
// Thread-safe (reads the file system only).
#pragma once

#include <string>
#include <vector>

#include "model/diagnostic.h"

namespace overleg {

struct InputList {
  std::vector<std::string> paths;    ///< in order; "-" stands for stdin
  /// Arguments that yield no document: missing, an unlistable folder, a
  /// folder without any PDF or scan (each an error of the run).
  std::vector<Diagnostic> problems;
  /// Subfolders that could not be listed (their files are skipped; the run
  /// goes on). Each names the subfolder.
  std::vector<Diagnostic> warnings;
};

/// Does `path` end in an extension overleg converts (.pdf, .png, .tif, .tiff, .jpg, .jpeg)?
bool has_input_extension(const std::string& path);

/// Expands `args` (files, folders, "-") in the order given.
InputList expand_inputs(const std::vector<std::string>& args);

/// One document of a batch.
struct BatchInput {
  std::string path;    ///< as expanded ("-" for stdin)
  std::string output;  ///< relative name of its record without extension, e.g. "2024/report"
};

struct BatchInputs {
  std::vector<BatchInput> inputs;
  std::vector<Diagnostic> problems;  ///< arguments that yield no document (InputList::problems)
  std::vector<Diagnostic> warnings;  ///< subfolders that could not be listed (InputList::warnings)
};

/// Expands INPUT arguments (files, folders, "-") like expand_inputs() and names
/// each input's record: the path relative to the folder argument it was found
/// under, without extension ("a/x/report"); a file argument gives its stem; "-"
/// gives "stdin". Names that would still collide (two folder arguments that
/// both hold report.pdf, report.pdf next to report.png) get "-2", "-3", ... in
/// input order, so every input keeps its own record. Deterministic: the same
/// arguments give the same names on every machine of a sharded run.
BatchInputs plan_inputs(const std::vector<std::string>& args);

}  // namespace overleg
