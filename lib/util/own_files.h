// The running program's own file and the files installed beside it (the
// compiled lexicon, the OCR module): found from the binary's location, never
// through a path of the build machine, so that a package or a moved prefix
// works. Linux: /proc/self/exe. Thread-safe.
#pragma once

#include <filesystem>
#include <initializer_list>
#include <vector>

namespace overleg {

/// The running program's file; empty when it cannot be told.
std::filesystem::path own_binary();

/// Where `file` may be beside the running program, in order: the binary's
/// folder joined with each of `folders` (relative, e.g. "../share/overleg",
/// "data"), normalised. Empty when the binary cannot be told.
std::vector<std::filesystem::path> beside_binary(const std::filesystem::path& file,
                                                 std::initializer_list<const char*> folders);

}  // namespace overleg
