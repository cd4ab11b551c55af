// Shard: which part of a batch this process converts when one archive is
// spread over several machines (Slurm job array, Kubernetes Indexed Job,
// GNU parallel). Input i of the sorted input list belongs to shard K of N
// when i % N == K, so N processes given the same arguments cover every input
// exactly once without talking to each other. Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostic.h"

namespace overleg {

struct Shard {
  int index = 0;  ///< K, 0-based
  int count = 1;  ///< N >= 1
  /// Where it came from when not from --shard: the environment variable
  /// ("SLURM_ARRAY_TASK_ID", "JOB_COMPLETION_INDEX"), so that the CLI can
  /// say why it converts only part of its inputs; "" otherwise.
  std::string source = {};
};

/// Parses "K/N" (0 <= K < N); fails with a diagnostic naming the problem.
Result<Shard> parse_shard(std::string_view text);

/// Reads how to look up an environment variable; tests pass a map.
using EnvLookup = std::function<std::optional<std::string>(const char* name)>;

/// The process environment (std::getenv).
EnvLookup process_environment();

/// The shard the scheduler assigned, if any:
///   Slurm:      SLURM_ARRAY_TASK_ID - SLURM_ARRAY_TASK_MIN (min 0 when unset)
///               of SLURM_ARRAY_TASK_COUNT;
///   Kubernetes: JOB_COMPLETION_INDEX of OVERLEG_SHARD_COUNT (Kubernetes does
///               not export the completion count; set it from the Job's
///               spec.completions).
/// OVERLEG_SHARD_COUNT also overrides the count for Slurm. Nothing set: nullopt.
/// A malformed value is a failure, not silently "everything".
Result<std::optional<Shard>> shard_from_environment(const EnvLookup& env);

/// Indices into `paths` that belong to `shard`, in the order of `paths`.
/// Membership is decided on the paths sorted bytewise (not on argument
/// order), so every shard agrees whatever order the arguments expand in.
std::vector<std::size_t> select_shard(const std::vector<std::string>& paths, Shard shard);

}  // namespace overleg
