// Writing a file so that readers see the old content or the whole new
// content, never a part: write a temporary file in the same folder, flush it
// to disk, rename it over the target. Thread-safe for distinct targets.
#pragma once

#include <string>
#include <string_view>

#include "model/diagnostic.h"

namespace overleg {

/// Writes `content` to `path` atomically, creating missing parent folders.
/// Fails with ErrorKind::io and the reason.
Result<bool> write_file_atomically(const std::string& path, std::string_view content);

/// Reads a whole file (or standard input for "-"); fails with ErrorKind::io.
Result<std::string> read_file(const std::string& path);

}  // namespace overleg
