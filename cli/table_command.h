// `overleg table`: an archive's meetings, events or sections as one flat
// table (lib/index/tables.h), RFC 4180 CSV for spreadsheets or JSON Lines.
#pragma once

#include <CLI/CLI.hpp>

namespace overleg {

/// Adds the `table` subcommand to `app`; when it runs, its exit code is
/// stored in `exit_code`.
void add_table_command(CLI::App& app, int& exit_code);

}  // namespace overleg
