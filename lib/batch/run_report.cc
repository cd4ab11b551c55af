#include "batch/run_report.h"

#include "util/file_name.h"

namespace overleg {

void add_argument_problems(BatchSummary& s, const std::vector<Diagnostic>& problems) {
  std::vector<DocumentOutcome> rows;
  for (const Diagnostic& d : problems) {
    DocumentOutcome o;
    o.path = d.file;
    o.status = DocumentStatus::failed;
    o.failure = Failure{ErrorKind::io, d};
    rows.push_back(std::move(o));
  }
  s.total += rows.size();
  s.failed += rows.size();
  s.rows.insert(s.rows.begin(), std::make_move_iterator(rows.begin()), std::make_move_iterator(rows.end()));
}

nlohmann::ordered_json summary_to_json(const BatchSummary& s, const std::vector<Diagnostic>& warnings) {
  nlohmann::ordered_json j;
  j["format"] = "overleg.batch-report/1";
  j["total"] = s.total;
  j["converted"] = s.converted;
  j["failed"] = s.failed;
  j["skipped"] = s.skipped;
  j["cancelled"] = s.cancelled;
  j["pages"] = s.pages;
  j["ocr_pages"] = s.ocr_pages;
  j["seconds"] = s.seconds;
  j["interrupted"] = s.interrupted;
  j["output_failed"] = s.output_failed;
  auto rows = nlohmann::ordered_json::array();
  for (const DocumentOutcome& o : s.rows) {
    nlohmann::ordered_json r;
    r["path"] = utf8_with_replacements(o.path);  // as source.path in records
    if (auto raw = path_bytes_if_needed(o.path)) r["path_bytes"] = *raw;
    r["sha256"] = o.sha256.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(o.sha256);
    r["status"] = to_string(o.status);
    if (o.status == DocumentStatus::failed || o.status == DocumentStatus::cancelled)
      r["error"] = {{"kind", to_string(o.failure.kind)}, {"code", o.failure.diagnostic.code}, {"message", o.failure.diagnostic.message}};
    else
      r["error"] = nullptr;
    r["seconds"] = o.seconds;
    r["pages"] = o.pages;
    r["ocr_pages"] = o.ocr_pages;
    rows.push_back(std::move(r));
  }
  j["inputs"] = std::move(rows);
  auto notes = nlohmann::ordered_json::array();
  for (const Diagnostic& d : warnings) notes.push_back({{"code", d.code}, {"path", d.file}, {"message", d.message}});
  j["warnings"] = std::move(notes);
  return j;
}

}  // namespace overleg
