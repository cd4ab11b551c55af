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

/// The record for a person: title, source, meeting data, sections (links
/// inline where their anchor is), events, other links, warnings; the
/// document's text escaped so that it never reads as Markdown markup.
std::string to_markdown(const Report& report);

/// The source and meeting data, then the document's text in reading order
/// (agenda, sections, events) and its warnings.
std::string to_plain_text(const Report& report);

}  // namespace overleg
