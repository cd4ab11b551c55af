#include "batch/shard.h"

#include <catch2/catch.hpp>

#include <map>
#include <set>

using namespace overleg;

namespace {
EnvLookup env_of(std::map<std::string, std::string> vars) {
  return [vars](const char* name) -> std::optional<std::string> {
    auto it = vars.find(name);
    if (it == vars.end()) return std::nullopt;
    return it->second;
  };
}
}  // namespace

TEST_CASE("parse_shard accepts K/N and rejects the rest", "[shard]") {
  auto s = parse_shard("2/5");
  REQUIRE(s.ok());
  CHECK(s->index == 2);
  CHECK(s->count == 5);
  for (const char* bad : {"", "3", "5/5", "-1/4", "1/0", "a/b", "1/2/3", "1/ 2"}) CHECK_FALSE(parse_shard(bad).ok());
}

TEST_CASE("shards 0..N-1 cover every input exactly once", "[shard]") {
  std::vector<std::string> paths;
  for (int i = 0; i < 37; ++i) paths.push_back("dir/" + std::to_string((i * 7919) % 101) + ".pdf");
  paths.push_back(paths[3]);  // a file named twice is two inputs
  for (int n : {1, 2, 3, 5, 8, 50}) {
    std::multiset<std::size_t> seen;
    for (int k = 0; k < n; ++k) {
      auto mine = select_shard(paths, Shard{k, n});
      CHECK(std::is_sorted(mine.begin(), mine.end()));  // input order kept
      seen.insert(mine.begin(), mine.end());
      // Balanced: sizes differ by at most one.
      CHECK(mine.size() >= paths.size() / n);
      CHECK(mine.size() <= paths.size() / n + 1);
    }
    REQUIRE(seen.size() == paths.size());
    for (std::size_t i = 0; i < paths.size(); ++i) CHECK(seen.count(i) == 1);
  }
}

TEST_CASE("shard membership does not depend on argument order", "[shard]") {
  std::vector<std::string> a{"c.pdf", "a.pdf", "b.pdf", "d.pdf"};
  std::vector<std::string> b{"a.pdf", "b.pdf", "c.pdf", "d.pdf"};
  auto names = [](const std::vector<std::string>& p, Shard s) {
    std::set<std::string> out;
    for (auto i : select_shard(p, s)) out.insert(p[i]);
    return out;
  };
  for (int k = 0; k < 3; ++k) CHECK(names(a, {k, 3}) == names(b, {k, 3}));
  CHECK(names(b, {0, 2}) == std::set<std::string>{"a.pdf", "c.pdf"});
}

TEST_CASE("shard_from_environment reads Slurm and Kubernetes", "[shard]") {
  auto none = shard_from_environment(env_of({}));
  REQUIRE(none.ok());
  CHECK_FALSE(none.value().has_value());

  auto slurm = shard_from_environment(env_of({{"SLURM_ARRAY_TASK_ID", "3"}, {"SLURM_ARRAY_TASK_COUNT", "4"}}));
  REQUIRE(slurm.ok());
  REQUIRE(slurm.value());
  CHECK(slurm.value()->index == 3);
  CHECK(slurm.value()->count == 4);

  // --array=1-4 numbers tasks from 1: SLURM_ARRAY_TASK_MIN shifts them to 0-based.
  auto shifted = shard_from_environment(
      env_of({{"SLURM_ARRAY_TASK_ID", "4"}, {"SLURM_ARRAY_TASK_MIN", "1"}, {"SLURM_ARRAY_TASK_COUNT", "4"}}));
  REQUIRE(shifted.ok());
  CHECK(shifted.value()->index == 3);

  auto k8s = shard_from_environment(env_of({{"JOB_COMPLETION_INDEX", "1"}, {"OVERLEG_SHARD_COUNT", "3"}}));
  REQUIRE(k8s.ok());
  CHECK(k8s.value()->index == 1);
  CHECK(k8s.value()->count == 3);

  CHECK_FALSE(shard_from_environment(env_of({{"JOB_COMPLETION_INDEX", "1"}})).ok());  // count missing
  CHECK_FALSE(shard_from_environment(env_of({{"JOB_COMPLETION_INDEX", "3"}, {"OVERLEG_SHARD_COUNT", "3"}})).ok());
  CHECK_FALSE(shard_from_environment(env_of({{"SLURM_ARRAY_TASK_ID", "x"}, {"SLURM_ARRAY_TASK_COUNT", "4"}})).ok());
}
