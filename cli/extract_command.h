// `overleg extract`: PDFs and scans in, one record each out.
#pragma once

#include <CLI/CLI.hpp>

namespace overleg {

/// Adds the `extract` subcommand to `app`; when it runs, its exit code is
/// stored in `exit_code`.
void add_extract_command(CLI::App& app, int& exit_code);

}  // namespace overleg
