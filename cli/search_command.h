// `overleg search`: full-text search of an archive made by `overleg index`
// (lib/index/search.h), hits as an aligned table or JSON Lines.
#pragma once

#include <CLI/CLI.hpp>

namespace overleg {

/// Adds the `search` subcommand to `app`; when it runs, its exit code is
/// stored in `exit_code`.
void add_search_command(CLI::App& app, int& exit_code);

}  // namespace overleg
