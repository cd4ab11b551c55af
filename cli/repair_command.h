// `overleg repair`: the repair stage on plain text (an archive's existing OCR
// text, a pdftotext dump): prints the text repaired, and with --explain each
// repair and its rule.
#pragma once

#include <CLI/CLI.hpp>

namespace overleg {

/// Adds the `repair` subcommand to `app`; when it runs, its exit code is
/// stored in `exit_code`.
void add_repair_command(CLI::App& app, int& exit_code);

}  // namespace overleg
