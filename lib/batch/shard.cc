#include "batch/shard.h"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <numeric>

namespace overleg {
namespace {

std::optional<long> to_long(std::string_view s) {
  long v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || s.empty()) return std::nullopt;
  return v;
}

Failure shard_failure(const std::string& what) { return Failure{ErrorKind::none, {"bad_shard", "", 0, what}}; }

}  // namespace

Result<Shard> parse_shard(std::string_view text) {
  auto slash = text.find('/');
  if (slash == std::string_view::npos) return shard_failure("--shard wants K/N, e.g. 0/4, not '" + std::string(text) + "'");
  auto k = to_long(text.substr(0, slash));
  auto n = to_long(text.substr(slash + 1));
  if (!k || !n || *n < 1 || *k < 0 || *k >= *n)
    return shard_failure("--shard K/N needs 0 <= K < N, not '" + std::string(text) + "'");
  return Shard{static_cast<int>(*k), static_cast<int>(*n)};
}

EnvLookup process_environment() {
  return [](const char* name) -> std::optional<std::string> {
    const char* v = std::getenv(name);
    if (!v || !*v) return std::nullopt;
    return std::string(v);
  };
}

Result<std::optional<Shard>> shard_from_environment(const EnvLookup& env) {
  auto number = [&](const char* name) -> Result<std::optional<long>> {
    auto v = env(name);
    if (!v) return std::optional<long>{};
    auto n = to_long(*v);
    if (!n) return shard_failure(std::string(name) + " is not a number: '" + *v + "'");
    return std::optional<long>{*n};
  };
  auto override_count = number("OVERLEG_SHARD_COUNT");
  if (!override_count) return override_count.failure();
  long index = 0, count = 0;
  const char* source = nullptr;
  if (auto id = number("SLURM_ARRAY_TASK_ID"); !id) {
    return id.failure();
  } else if (id.value()) {
    auto min = number("SLURM_ARRAY_TASK_MIN");
    auto cnt = number("SLURM_ARRAY_TASK_COUNT");
    if (!min) return min.failure();
    if (!cnt) return cnt.failure();
    index = *id.value() - min.value().value_or(0);
    count = override_count.value().value_or(cnt.value().value_or(0));
    source = "SLURM_ARRAY_TASK_ID";
  } else if (auto jci = number("JOB_COMPLETION_INDEX"); !jci) {
    return jci.failure();
  } else if (jci.value()) {
    index = *jci.value();
    count = override_count.value().value_or(0);
    source = "JOB_COMPLETION_INDEX";
  } else {
    return std::optional<Shard>{};
  }
  if (count < 1)
    return shard_failure(std::string(source) + " is set but the shard count is not (set SLURM_ARRAY_TASK_COUNT or OVERLEG_SHARD_COUNT)");
  if (index < 0 || index >= count)
    return shard_failure(std::string(source) + " gives shard " + std::to_string(index) + ", outside 0.." + std::to_string(count - 1));
  return std::optional<Shard>{Shard{static_cast<int>(index), static_cast<int>(count), source}};
}

std::vector<std::size_t> select_shard(const std::vector<std::string>& paths, Shard shard) {
  std::vector<std::size_t> order(paths.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  // Stable, so duplicates (a file named twice) keep their argument order.
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return paths[a] < paths[b]; });
  std::vector<std::size_t> mine;
  for (std::size_t rank = 0; rank < order.size(); ++rank)
    if (static_cast<int>(rank % static_cast<std::size_t>(shard.count)) == shard.index) mine.push_back(order[rank]);
  std::sort(mine.begin(), mine.end());
  return mine;
}

}  // namespace overleg
