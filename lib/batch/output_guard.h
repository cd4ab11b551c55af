// Output guard: refuses, before any work, an output that would replace one of
// the inputs (`overleg extract same.pdf -o same.pdf`, `-o d/` when d/ holds an
// input named like a record). Stateless; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/diagnostic.h"

namespace overleg {

/// Is `output` the same file as `input`: the same inode once both exist (hard
/// links, symbolic links, "./a.pdf" vs "a.pdf"), or the same absolute path
/// with "." and ".." and links resolved when one does not exist yet?
bool same_file(const std::string& output, const std::string& input);

/// The first of `outputs` (record files, -o FILE, --report FILE) that is one
/// of `inputs` ("-" ignored), as a Diagnostic (code output_is_input) naming
/// the input; nullopt when none is.
std::optional<Diagnostic> output_overwrites_input(const std::vector<std::string>& outputs,
                                                  const std::vector<std::string>& inputs);

}  // namespace overleg
