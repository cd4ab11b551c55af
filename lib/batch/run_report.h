// Run report: the --report document of a batch (overleg.batch-report/1):
// totals plus one row per input, the arguments that yielded no document
// included, so that the report, the summary line and the exit code agree.
// Pure functions; thread-safe.
#pragma once

#include <vector>

#include <nlohmann/json.hpp>

#include "batch/batch.h"

namespace overleg {

/// Adds a failed row (ErrorKind::io) for each argument that yielded no
/// document (missing, unlistable, a folder without inputs) before the
/// converted inputs' rows, and counts them in `total` and `failed`.
void add_argument_problems(BatchSummary& summary, const std::vector<Diagnostic>& problems);

/// The --report document: the summary's totals plus one row per input
/// (path, sha256, status, error, seconds, pages, ocr_pages) and the
/// warnings about the inputs (subfolders that could not be listed).
nlohmann::ordered_json summary_to_json(const BatchSummary& summary, const std::vector<Diagnostic>& warnings = {});

}  // namespace overleg
