// `overleg inspect`: the blocks layout made of a document, one per line, for
// developers who want to see why a record came out as it did.
#pragma once

#include <CLI/CLI.hpp>

namespace overleg {

/// Adds the `inspect` subcommand to `app`; its exit code goes to `exit_code`.
void add_inspect_command(CLI::App& app, int& exit_code);

}  // namespace overleg
