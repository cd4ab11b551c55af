// Inputs: the command line's INPUT arguments expanded into the list of
// documents to convert: files as given, folders searched recursively for
// PDFs and scans (sorted by path), "-" for standard input. Thread-safe.
#pragma once

#include <string>
#include <vector>

#include "model/diagnostic.h"

namespace overleg {

struct InputList {
  std::vector<std::string> paths;       ///< in order; "-" stands for stdin
  std::vector<Diagnostic> problems;     ///< arguments that name nothing readable
};

/// Does `path` end in an extension overleg converts (.pdf, .png, .tif, .tiff, .jpg, .jpeg)?
bool has_input_extension(const std::string& path);

/// Expands `args` (files, folders, "-") in the order given.
InputList expand_inputs(const std::vector<std::string>& args);

}  // namespace overleg
