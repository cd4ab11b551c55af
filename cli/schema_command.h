// `overleg schema`: prints the JSON Schema of the record (docs/record.schema.json,
// embedded at build time), so that a consumer validates against the schema
// of the very binary that wrote its records.
#pragma once

#include <CLI/CLI.hpp>

namespace overleg {

/// Adds the `schema` subcommand to `app`; its exit code goes to `exit_code`.
void add_schema_command(CLI::App& app, int& exit_code);

/// docs/record.schema.json as it was at build time.
extern const char* const kRecordSchema;

}  // namespace overleg
