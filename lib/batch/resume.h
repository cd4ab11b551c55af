// Resume: what a restarted batch reuses of an earlier run's output folder:
// the records already there (same input bytes) and the temporary files a
// killed run left. Thread-safe for distinct paths.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace overleg {

/// Does the record at `record_path` exist, parse as JSON and carry
/// source.sha256 == `sha256`? (the --resume check; false on any doubt)
bool record_matches(const std::string& record_path, const std::string& sha256);

/// Removes temporary files write_file_atomically() or a RecordStream left
/// next to `targets` when a run was killed; returns how many. Only regular
/// files whose name is exactly the pattern they write for one of the given
/// targets (is_temporary_of) are touched, never those of a live process on
/// this machine, so shards sharing an output folder leave each other's
/// writes alone.
std::size_t remove_stale_temporaries(const std::vector<std::string>& targets);

}  // namespace overleg
