// Writing a file so that readers see the old content or the whole new
// content, never a part: write a temporary file in the same folder, flush it
// to disk, rename it over the target, flush the folder. Thread-safe for
// distinct targets.
//
// The temporary is named <target>.tmp-<host>-<pid>-<counter>: host and pid
// keep writers on several machines sharing one output folder (shards) apart,
// the counter keeps a process's threads apart. is_temporary_of() recognises
// exactly that pattern, so that a sweep of leftovers can never take a file
// overleg did not write.
#pragma once

#include <string>
#include <string_view>

#include "model/diagnostic.h"

namespace overleg {

/// Writes `content` to `path` atomically, creating missing parent folders.
/// Fails with ErrorKind::io and the reason.
Result<bool> write_file_atomically(const std::string& path, std::string_view content);

/// The temporary name write_file_atomically() uses next to `target` for this
/// process's `counter`-th write (the folder part is kept).
std::string temporary_name(const std::string& target, unsigned long counter);

/// Is `name` (a bare file name) exactly a temporary that write_file_atomically()
/// writes for the target named `target_name` (a bare file name), by any host
/// and process? Sets `host` and `pid` when it is and they are wanted.
bool is_temporary_of(std::string_view name, std::string_view target_name, std::string* host = nullptr,
                     long* pid = nullptr);

/// This machine's name as it appears in temporary names: [A-Za-z0-9.] kept,
/// anything else (including '-') as '_', never empty.
const std::string& temporary_host_tag();

/// Reads a whole file (or standard input for "-"); fails with ErrorKind::io.
Result<std::string> read_file(const std::string& path);

}  // namespace overleg
