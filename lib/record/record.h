// Record: a Report as the JSON record of ../shared/spec/record.md (format
// "overleg.report/1"), with the keys in the documented order and null for
// what the document does not state; and the record rendered for people
// (Markdown) or as plain text in reading order. Pure functions; thread-safe.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "model/report.h"

namespace overleg {

/// The record format this build writes.
inline constexpr const char* kRecordFormat = "overleg.report/1";
/// The minor version this build writes (`format_minor`; absent means 1.0).
inline constexpr int kRecordFormatMinor = 1;

/// The record as an ordered JSON object.
nlohmann::ordered_json to_json(const Report& report);

/// One JSON Lines line (no trailing newline) or, with `pretty`, indented JSON.
std::string to_json_text(const Report& report, bool pretty);

/// The record for a person: title, meeting data, sections, events, links.
std::string to_markdown(const Report& report);

/// The document's text in reading order: title, sections, events.
std::string to_plain_text(const Report& report);

}  // namespace overleg
