// RepairLog: where the repair passes write each change (page, from, to,
// rule, evidence) as a Repair of the record. Not thread-safe: one per text.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/report.h"

namespace overleg {

class RepairLog {
 public:
  /// Changes go to `out`, with page number `page`.
  RepairLog(int page, std::vector<Repair>& out) : page_(page), out_(out) {}
  /// Logs one change.
  void add(std::string from, std::string to, std::string rule, std::optional<RepairEvidence> evidence = std::nullopt) {
    out_.push_back(Repair{page_, std::move(from), std::move(to), std::move(rule), std::move(evidence)});
  }

 private:
  int page_;
  std::vector<Repair>& out_;
};

}  // namespace overleg
